/**
 * `bilint`: the command line over the engine. This file wires the steps:
 * options, config, the posts to lint, the run, the report, the exit code
 * (0 clean, 1 lint errors or too many warnings, 2 usage, config or
 * internal errors).
 */
import { parseArgs, UsageError, type CliOptions } from './args';
import { HELP } from './help';
import { print, usage } from './io';
import { FORMATTERS } from './output';
import { bilintVersion } from './pkg';

/** Entry point of bin/bilint.js. */
export function run(argv = process.argv.slice(2)): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0); // the reader went away (`| head`)
    throw err;
  });
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: Error) => {
      process.stderr.write(
        `bilint: internal error: ${err?.stack ?? String(err)}\nPlease report this, with the command and the post if you can share it.\n`,
      );
      process.exitCode = 2;
    },
  );
}

export async function main(argv: string[]): Promise<number> {
  const cwd = process.cwd();
  // Loaded on demand, so --help, --version and usage errors answer without loading the engine.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (argv[0] === 'glossary') return (require('./glossaryExport') as typeof import('./glossaryExport')).runGlossary(argv.slice(1), cwd);
  let o: CliOptions;
  try {
    o = parseArgs(argv, cwd);
    checkFormat(o);
  } catch (err) {
    return usage(err);
  }
  if (o.help) return print(process.stdout, HELP, 0);
  if (o.version) return print(process.stdout, bilintVersion() + '\n', 0);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runCommand } = require('./command') as typeof import('./command');
  try {
    return await runCommand(o, cwd);
  } catch (err) {
    return usage(err);
  }
}

function checkFormat(o: CliOptions): void {
  if (o.format === undefined) return;
  const allowed = o.command === 'stats' ? ['table', 'json'] : Object.keys(FORMATTERS);
  if (!allowed.includes(o.format)) throw new UsageError(`Unknown format "${o.format}": use one of ${allowed.join(', ')}.`);
}
