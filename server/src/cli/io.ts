/** Small output helpers shared by the entry point and the commands. */
import { UsageError } from './args';

/** Prints a usage error with what to do next; returns exit code 2. Other errors propagate. */
export function usage(err: unknown): number {
  if (!(err instanceof UsageError)) throw err;
  process.stderr.write(`bilint: ${err.message}\nRun \`bilint --help\` for the options.\n`);
  return 2;
}

export function print(stream: NodeJS.WriteStream, text: string, code: number): number {
  stream.write(text);
  return code;
}
