/**
 * What package.json promises VS Code, checked against what exists: every
 * command registered and titled in both languages, every setting described
 * and read by the server, every runtime string translated, the snippet's
 * front matter complete against the post schema, every referenced file present.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { COMMANDS } from '../../client/src/commandIds';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const pkg = JSON.parse(read('package.json'));
const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
const nlsZh = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;

it('declares activation, the bundled entry point and the markdown-it plugin', () => {
  assert.deepEqual(pkg.activationEvents, ['onLanguage:markdown']);
  assert.equal(pkg.main, './dist/extension.js');
  assert.equal(pkg.contributes['markdown.markdownItPlugins'], true);
  assert.equal(pkg.l10n, './l10n');
});

it('titles every command in English and Chinese, and registers exactly those', () => {
  const declared = pkg.contributes.commands.map((c: { command: string }) => c.command);
  assert.deepEqual(declared, COMMANDS);
  const handlers = read('client/src/commands.ts');
  for (const id of COMMANDS) assert.ok(handlers.includes(`'${id}'`), `a handler for ${id}`);
});

it('resolves every %key% of package.json in both languages', () => {
  const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length >= 19, `${keys.length} keys`);
  for (const k of keys) {
    assert.ok(nls[k], `package.nls.json: ${k}`);
    assert.ok(nlsZh[k], `package.nls.zh-cn.json: ${k}`);
  }
  assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nls).sort(), 'the same keys in both languages');
});

it('describes every setting, and the server reads each of its settings', () => {
  const props = pkg.contributes.configuration.properties as Record<
    string,
    { markdownDescription?: string; description?: string; default: unknown }
  >;
  for (const [key, p] of Object.entries(props)) assert.ok(p.markdownDescription || p.description, `${key} has a description`);
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
    const p = props[`bilint.${key}`];
    assert.ok(p, `bilint.${key} is declared`);
    assert.deepEqual(p.default, value, `bilint.${key}: the same default in package.json and the server`);
  }
});

it('translates every runtime string of the extension into Chinese', () => {
  const zh = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;
  const used = new Set<string>();
  for (const f of fs.readdirSync(path.join(ROOT, 'client', 'src'), { recursive: true }) as string[]) {
    if (!f.endsWith('.ts')) continue;
    const src = read(path.join('client', 'src', f));
    for (const m of src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\'/g, "'"));
  }
  assert.ok(used.size >= 8, [...used].join('\n'));
  for (const s of used) assert.ok(zh[s], `l10n/bundle.l10n.zh-cn.json lacks: ${s}`);
  for (const s of Object.keys(zh)) assert.ok(used.has(s), `an unused translation: ${s}`);
});

it('gives the new-post snippet every field of the post schema, the date filled with today', () => {
  const snippets = JSON.parse(read('snippets/markdown.code-snippets'));
  const body = (snippets['Bilint: new post front matter'].body as string[]).join('\n');
  const schema = JSON.parse(read('schemas/post.schema.json'));
  for (const key of Object.keys(schema.properties)) assert.match(body, new RegExp(`^${key}:`, 'm'), `the snippet has ${key}`);
  assert.match(body, /^date: '\$\{CURRENT_YEAR\}-\$\{CURRENT_MONTH\}-\$\{CURRENT_DATE\}'$/m);
  for (const name of ['Bilint: paragraph pair', 'Bilint: English block', 'Bilint: gloss']) assert.ok(snippets[name], name);
});

it('points at files that exist', () => {
  const c = pkg.contributes;
  const files = [
    c.jsonValidation[0].url,
    ...c.snippets.map((s: { path: string }) => s.path),
    ...c.grammars.map((g: { path: string }) => g.path),
    'client/src/preview/webview/markdown-preview.css',
  ];
  for (const f of files) assert.ok(fs.existsSync(path.join(ROOT, f)), f);
  assert.deepEqual(c.jsonValidation[0].fileMatch, ['bilint.config.json', 'bilint.config.jsonc']);
  assert.deepEqual(c['markdown.previewStyles'], ['./dist/webview/markdown-preview.css']);
  const ignore = read('.vscodeignore');
  for (const f of ['dist/extension.js', 'dist/server.js', 'dist/webview/*', 'snippets/*', 'syntaxes/*', 'schemas/*.json', 'l10n/*.json']) {
    assert.ok(ignore.includes(`!${f}`), `.vscodeignore keeps ${f}`);
  }
});
