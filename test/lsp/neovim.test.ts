/**
 * A second, independent LSP client: headless Neovim's built-in one attaches
 * the built server to a post, and the diagnostics (and a hover) arrive.
 * Needs `nvim` (Debian: `apt-get install -y neovim`); reported as skipped,
 * with the reason, when it is not installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { it } from 'node:test';
import { REPO, SERVER } from './lspClient';
import { post } from './fixtures';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const missing = nvim.status === 0 ? false : 'nvim is not installed (apt-get install -y neovim): the Neovim client test cannot run';

it('Neovim’s own LSP client receives the diagnostics and a hover', { skip: missing }, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bilint-nvim-'));
  try {
    const file = path.join(root, 'post.md');
    const text = post({ area: 'market-analysis' });
    fs.writeFileSync(file, text);
    const lines = text.split('\n');
    const hoverLine = lines.findIndex((l) => l.startsWith('这是第一段'));
    const r = spawnSync(
      'timeout',
      [
        '60',
        'nvim',
        '--headless',
        '--clean',
        '-n',
        '-i',
        'NONE',
        '-c',
        `luafile ${path.join(REPO, 'test', 'lsp', 'neovim', 'attach.lua')}`,
      ],
      {
        encoding: 'utf8',
        cwd: root,
        env: {
          ...process.env,
          BILINT_SERVER: SERVER,
          BILINT_POST: file,
          BILINT_ROOT: root,
          BILINT_HOVER_LINE: String(hoverLine),
          BILINT_HOVER_CHAR: String(lines[hoverLine].indexOf('分析机') + 1),
          XDG_STATE_HOME: root,
          XDG_DATA_HOME: root,
          XDG_CACHE_HOME: root,
        },
      },
    );
    assert.equal(r.status, 0, `nvim failed (${r.status}): ${r.stderr}\n${r.stdout}`);
    const rows = r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t'));
    const schema = rows.find((row) => row[0] === 'diagnostic' && row[3] === 'front-matter/schema');
    assert.ok(schema, r.stdout);
    assert.deepEqual(schema.slice(1, 5), ['1', '6', 'front-matter/schema', 'bilint']);
    assert.match(schema[5], /retired/);
    const hover = rows.find((row) => row[0] === 'hover');
    assert.ok(hover, r.stdout);
    assert.match(hover[1], /Analytical Engine/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
