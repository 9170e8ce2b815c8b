/** Translation coverage of a post: how many of its Chinese paragraphs have their English block. */
import { PostDocument } from '../../server/src/engine/model/document';

export interface Coverage {
  paired: number;
  total: number;
}

export function coverageOf(text: string): Coverage {
  const doc = new PostDocument(text);
  let paired = 0;
  let total = 0;
  for (const p of doc.paragraphs()) {
    if (p.lang !== 'zh') continue;
    total++;
    if (p.english) paired++;
  }
  return { paired, total };
}
