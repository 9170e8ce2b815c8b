/**
 * Writing a post back without ever leaving it half-written: the new text
 * goes to a temporary file in the same folder (same file system, so the
 * rename is atomic), is flushed, takes the old file's mode, and replaces it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

export function writeFileAtomic(file: string, text: string): void {
  // Write through a symbolic link to its target, so the link stays a link.
  const target = fs.realpathSync(file);
  const mode = fs.statSync(target).mode & 0o7777;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.bilint-tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', mode);
    fs.writeFileSync(fd, text, 'utf8');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.chmodSync(tmp, mode); // the umask may have narrowed it
    fs.renameSync(tmp, target);
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
