/** Translation coverage of a post: how many of its Chinese paragraphs have their English block. */
import { PostDocument } from '../../server/src/engine/model/document';

export interface Coverage {
  paired: number;
  total: number;
}

export function coverageOf(text: string): Coverage {
  return new PostDocument(text).coverage();
}
