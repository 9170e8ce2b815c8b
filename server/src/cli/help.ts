/** `bilint --help`. */
export const HELP = `Usage: bilint [options] [paths or globs...]
       bilint stats [options] [paths or globs...]
       bilint init
       bilint glossary export [--format csv|json|tbx] [paths...]

Lints bilingual Chinese/English Markdown posts. Paths are files, folders
(searched for *.md) or quoted globs ("posts/**/*.md"); the default is the
current folder. .gitignore files and the config's "ignores" are respected.

Choosing posts:
  --stdin                    Lint one post read from standard input
  --stdin-filename PATH      The path it stands for (config lookup, output)
  --files-from FILE|-        Lint the paths listed in FILE (one per line; - is stdin),
                             e.g. git diff --name-only origin/main... | bilint --files-from -
  --changed[=REF]            Lint the posts changed since the merge base with REF, through
                             git (default: the pull request's target in CI, else origin's
                             default branch, else main or master)
  --no-ignore                Do not read .gitignore files or the config's "ignores"

Output:
  -f, --format NAME          stylish (default), json, sarif, github, gitlab, junit,
                             markdown;
                             for "bilint stats": table (default), json
  -o, --output-file FILE     Write the report to FILE instead of standard output
  --quiet                    Report errors only
  --max-warnings N           Exit with 1 when there are more than N warnings
  --color, --no-color        Force or turn off colors (NO_COLOR is respected)
  --no-progress              Never draw the progress bar (it shows only on a terminal, not in CI)

Fixing:
  --fix                      Apply the safe fixes to the files, atomically
  --fix-dry-run              Print the fixes as a unified diff; change nothing
  --fix-type LIST            Only fixes of these rules or rule families
                             (comma-separated, repeatable), e.g. pair/malformed,gloss

Configuration:
  -c, --config FILE          Use this config file instead of searching for one
  --rule ID:SEVERITY         Override a rule's severity (error, warning, info, off); repeatable
  --print-config FILE        Print the resolved config for this post and exit

Speed:
  --concurrency N|auto       Lint threads, this one included (default auto: one per two
                             cores, when the run is big enough; 1 = no worker threads)
  --cache                    Only re-lint posts that changed since the last run
  --cache-location PATH      Cache file or folder (default .bilintcache)

  -h, --help                 Show this help
  -v, --version              Show Bilint's version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 lint errors or too
many warnings, 2 a usage, config or internal error.
`;
