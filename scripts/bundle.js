#!/usr/bin/env node
// Bundles the extension, the language server and the command line into one file each with
// esbuild (unified and its plugins are ESM-only; esbuild folds them into the
// CommonJS bundle), and copies the preview's page assets next to them.
//   node scripts/bundle.js [--production]   (--production: minified, no source maps)
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const production = process.argv.includes('--production');
const dist = path.join(root, 'dist');
const cliDist = path.join(dist, 'cli');

async function main() {
  fs.rmSync(dist, { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: production,
    sourcemap: production ? false : 'linked',
    logLevel: 'warning',
    metafile: true,
    // jsonc-parser's UMD build (its `main`) requires files at run time; its ESM build bundles cleanly.
    mainFields: ['module', 'main'],
    // A few dependencies ship ESM with `import.meta.url`; nothing we bundle relies on it at run time.
    define: { 'import.meta.url': 'undefined' },
  };
  const results = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: [path.join(root, 'client/src/extension.ts')],
      outfile: path.join(dist, 'extension.js'),
      external: ['vscode'],
    }),
    esbuild.build({ ...common, entryPoints: [path.join(root, 'server/src/lsp/main.ts')], outfile: path.join(dist, 'server.js') }),
    // The command line: one bundle for the main thread and the workers, and the small files that load it.
    esbuild.build({
      ...common,
      entryPoints: [path.join(root, 'server/src/cli/bundle.ts')],
      outfile: path.join(cliDist, 'bilint.js'),
      define: { ...common.define, BILINT_BUNDLED: 'true' },
      plugins: [precompiledSchemas(common)],
    }),
    esbuild.build({ ...common, entryPoints: [path.join(root, 'server/src/cli/codeCache.ts')], outfile: path.join(cliDist, 'load.js') }),
    esbuild.build({
      ...common,
      entryPoints: [path.join(root, 'server/src/cli/bundleWorker.ts')],
      outfile: path.join(cliDist, 'worker.js'),
    }),
  ]);
  writeCliCodeCache();
  const webview = path.join(dist, 'webview');
  fs.mkdirSync(webview, { recursive: true });
  for (const f of ['preview.js', 'preview.css', 'markdown-preview.css']) {
    fs.copyFileSync(path.join(root, 'client/src/preview/webview', f), path.join(webview, f));
  }
  for (const [name, r] of [
    ['extension.js', results[0]],
    ['server.js', results[1]],
    ['cli/bilint.js', results[2]],
  ]) {
    const bytes = Object.values(r.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
    console.log(`dist/${name}: ${(bytes / 1024).toFixed(0)} KB${production ? ' (minified)' : ''}`);
  }
}

/**
 * The module `bilint:precompiled-schemas` (see server/src/cli/precompiled.ts): the built-in schemas as
 * ajv standalone code, from server/src/cli/precompileSchemas.ts, bundled and run here.
 */
function precompiledSchemas(common) {
  return {
    name: 'precompiled-schemas',
    setup(build) {
      build.onResolve({ filter: /^bilint:precompiled-schemas$/ }, (args) => ({ path: args.path, namespace: 'bilint' }));
      build.onLoad({ filter: /.*/, namespace: 'bilint' }, async () => {
        const entry = path.join(root, 'server/src/cli/precompileSchemas.ts');
        const r = await esbuild.build({
          ...common,
          entryPoints: [entry],
          outfile: 'precompile.js',
          write: false,
          minify: false,
          sourcemap: false,
        });
        const mod = { exports: {} };
        new Function('module', 'exports', 'require', r.outputFiles[0].text)(mod, mod.exports, require);
        return { contents: mod.exports.precompiledSchemasModule(), loader: 'js', resolveDir: root };
      });
    },
  };
}

/**
 * The CLI's code cache (see server/src/cli/codeCache.ts) holds what one lint compiled: a lint of the
 * example posts in one thread, which runs every rule, the cross-post pass and the default report.
 */
function writeCliCodeCache() {
  const examples = path.join(root, 'examples');
  // The bundle itself, not bin/bilint.js, which may pick out/.
  const run = `require(${JSON.stringify(path.join(cliDist, 'load.js'))}).loadBundle(${JSON.stringify(path.join(cliDist, 'bilint.js'))}).run(process.argv.slice(1))`;
  const r = spawnSync(process.execPath, ['-e', run, '--', '--concurrency', '1', examples], {
    cwd: root,
    env: { ...process.env, BILINT_WRITE_CODE_CACHE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const cache = path.join(cliDist, 'bilint.js.cache');
  if (r.status !== 0 && r.status !== 1) throw new Error(`the lint of examples/ that writes ${cache} failed (exit ${r.status})`);
  if (!fs.existsSync(cache)) throw new Error(`${cache} was not written`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
