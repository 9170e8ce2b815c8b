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

interface PackageJson {
  version?: string;
  homepage?: string;
  repository?: string | { url?: string };
}

function packageJson(): PackageJson {
  try {
    return JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return {};
  }
}

export function bilintVersion(): string {
  return packageJson().version ?? '0.0.0';
}

/** Where to read about Bilint (package.json `homepage` or `repository`), if it says. */
export function bilintHomepage(): string | undefined {
  const pkg = packageJson();
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const url = pkg.homepage ?? repo?.replace(/^git\+/, '').replace(/\.git$/, '');
  return url && /^https?:\/\//.test(url) ? url : undefined;
}
