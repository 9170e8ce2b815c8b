/** Where Bilint is installed, and its version (both read from its package.json). */
import * as fs from 'node:fs';
import * as path from 'node:path';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'bilint') return (root = dir);
    } catch {
      // keep looking upwards
    }
    dir = path.dirname(dir);
  }
  return (root = path.resolve(__dirname, '..', '..', '..', '..'));
}

export function bilintVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
