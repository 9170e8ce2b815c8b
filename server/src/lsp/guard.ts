/**
 * Handlers never take the server down: an exception is logged with its
 * stack and the request is answered with an error; notifications just log.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

export function describeError(err: unknown): string {
  const e = err as Error;
  return e?.stack ?? e?.message ?? String(err);
}

export function guardRequest<P, R>(log: Logger, name: string, fn: (params: P, token: CancellationToken) => R | Promise<R>) {
  return async (params: P, token: CancellationToken): Promise<R> => {
    try {
      return await fn(params, token);
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      log.error(`${name} failed: ${describeError(err)}`);
      throw new ResponseError(LSPErrorCodes.RequestFailed, `Bilint could not answer ${name}: ${(err as Error)?.message ?? String(err)}`);
    }
  };
}

export function guardNotification<P>(log: Logger, name: string, fn: (params: P) => void | Promise<void>) {
  return (params: P): void => {
    try {
      const r = fn(params);
      if (r && typeof (r as Promise<void>).catch === 'function')
        (r as Promise<void>).catch((err) => log.error(`${name} failed: ${describeError(err)}`));
    } catch (err) {
      log.error(`${name} failed: ${describeError(err)}`);
    }
  };
}
