import type { Rule } from '../../engine/rule';
import glossInconsistentAcrossPosts from './gloss-inconsistent-across-posts';
import entityInconsistentAcrossPosts from './entity-inconsistent-across-posts';

/** Rules that compare a post with the other posts the adapter knows (`meta.crossPost`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule has its own options type
export const crossPostRules: Rule<any>[] = [glossInconsistentAcrossPosts, entityInconsistentAcrossPosts];
