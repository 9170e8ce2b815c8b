/**
 * The smallest set of edits that turns one text into another. Fix-all
 * produces a whole new text (fixes may take several passes); sending it
 * back as one whole-document edit would move the author's cursor and fold
 * state, so we send only the changed stretches.
 */
import { diffLines } from 'diff';
import type { TextEdit } from 'vscode-languageserver';
import type { SourceText } from '../engine/text';

export function minimalEdits(src: SourceText, next: string): TextEdit[] {
  const old = src.text;
  if (old === next) return [];
  // The common ends are cut first: the diff then only sees the changed middle.
  let start = 0;
  const max = Math.min(old.length, next.length);
  while (start < max && old.charCodeAt(start) === next.charCodeAt(start)) start++;
  // Back up to a line start so the line diff works on whole lines.
  while (start > 0 && old.charCodeAt(start - 1) !== 10 && old.charCodeAt(start - 1) !== 13) start--;
  let endOld = old.length;
  let endNew = next.length;
  while (endOld > start && endNew > start && old.charCodeAt(endOld - 1) === next.charCodeAt(endNew - 1)) {
    endOld--;
    endNew--;
  }
  const edits: TextEdit[] = [];
  let offset = start;
  let pendingRemoved: string | null = null;
  const emit = (removed: string, added: string) => {
    // Trim what the removed and added stretches share, to touch only the change.
    let a = 0;
    while (a < removed.length && a < added.length && removed.charCodeAt(a) === added.charCodeAt(a)) a++;
    let b = 0;
    while (
      b < removed.length - a &&
      b < added.length - a &&
      removed.charCodeAt(removed.length - 1 - b) === added.charCodeAt(added.length - 1 - b)
    )
      b++;
    let s = offset - removed.length + a;
    let e = offset - b;
    let text = added.slice(a, added.length - b);
    // A position between \r and \n does not exist for LSP: widen to the whole line break.
    if (splitsCrlf(old, s)) {
      s--;
      text = '\r' + text;
    }
    if (splitsCrlf(old, e)) {
      e++;
      text += '\n';
    }
    edits.push({ range: src.rangeOf([s, e]), newText: text });
  };
  for (const part of diffLines(old.slice(start, endOld), next.slice(start, endNew))) {
    if (part.removed) {
      if (pendingRemoved !== null) emit(pendingRemoved, '');
      offset += part.value.length;
      pendingRemoved = part.value;
    } else if (part.added) {
      if (pendingRemoved !== null) {
        emit(pendingRemoved, part.value);
        pendingRemoved = null;
      } else emit('', part.value);
    } else {
      if (pendingRemoved !== null) emit(pendingRemoved, '');
      pendingRemoved = null;
      offset += part.value.length;
    }
  }
  if (pendingRemoved !== null) emit(pendingRemoved, '');
  return edits;
}

function splitsCrlf(text: string, offset: number): boolean {
  return offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
}
