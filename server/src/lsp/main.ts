/**
 * `bilint-language-server`: the entry point. Transport from the command
 * line as every vscode-languageserver program takes it (`--stdio`,
 * `--node-ipc`, `--socket=N`, `--pipe=NAME`); stdio when none is given.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError } from './guard';
import { BilintServer, VERSION } from './server';

const TRANSPORTS = /^--(stdio|node-ipc|socket=|pipe=|clientProcessId)/;

export function main(argv = process.argv): void {
  if (argv.includes('--version')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(
      'Usage: bilint-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\nThe Bilint language server (LSP). Speaks over stdio when no transport is given.\n',
    );
    return;
  }
  if (!argv.some((a) => TRANSPORTS.test(a))) argv.push('--stdio');
  const connection = createConnection(ProposedFeatures.all);
  // Bad input must never take the server down: log and carry on.
  process.on('uncaughtException', (err) => connection.console.error(`Uncaught exception: ${describeError(err)}`));
  process.on('unhandledRejection', (err) => connection.console.error(`Unhandled rejection: ${describeError(err)}`));
  new BilintServer(connection).listen();
}

if (require.main === module) main();
