/**
 * Posts are UTF-8. A post saved as UTF-16, or as GBK (what Chinese Windows editors call "ANSI"), reads as
 * garbage: linting it would report nonsense and a fix would destroy it. Such a file is not linted; the
 * message says how to save it. Stray bytes in an otherwise UTF-8 post are linted (and never rewritten).
 */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
/** Enough Chinese for a GB18030 reading to be the file's real encoding, not a chance decoding of stray bytes. */
const MIN_HAN = 10;

/** What a post's bytes read as. `lossy`: stray bytes that are not UTF-8 were replaced (never write it back). */
export type DecodedPost = { text: string; lossy: boolean; problem?: undefined } | { problem: string };

/** The text of a post's bytes, or why they cannot be linted as a UTF-8 post; `subject` names them in the message. */
export function decodePost(bytes: Uint8Array, subject = 'This file'): DecodedPost {
  const save = 'Bilint reads posts in UTF-8: save the file as UTF-8 (VS Code: "Save with Encoding"), then lint it again.';
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff))
    return { problem: `${subject} is UTF-32 (it starts with a UTF-32 byte order mark). ${save}` };
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff))
    return { problem: `${subject} is UTF-16 (it starts with a UTF-16 byte order mark). ${save}` };
  const text = strictUtf8(bytes);
  if (text !== undefined) return { text, lossy: false };
  const gb = strictDecode('gb18030', bytes);
  if (gb !== undefined && (gb.match(HAN)?.length ?? 0) >= MIN_HAN) {
    const line = firstBadLine(bytes);
    return {
      problem: `${subject} is not UTF-8 from line ${line} on; it reads as GBK (GB18030), the encoding Chinese Windows editors save by default. ${save}`,
    };
  }
  return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), lossy: true };
}

/** UTF-8 as written (a BOM stays, as the engine expects), or undefined when the bytes are not all UTF-8. */
function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function strictDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined; // not that encoding, or a Node built without it
  }
}

/** 1-based line of the first byte that is not UTF-8. */
function firstBadLine(bytes: Uint8Array): number {
  const lossy = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let line = 1;
  let offset = 0;
  for (let i = 0; i < lossy.length; i++) {
    const ch = lossy.charCodeAt(i);
    if (ch === 0xfffd && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return line;
    if (ch === 10) line++;
    // Advance by the character's UTF-8 length (a surrogate pair is one 4-byte character).
    offset += ch < 0x80 ? 1 : ch < 0x800 ? 2 : ch >= 0xd800 && ch <= 0xdbff ? (i++, 4) : 3;
  }
  return line;
}
