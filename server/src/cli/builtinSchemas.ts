/** The schemas shipped in schemas/ that the engine validates with, by name: the CLI bundle precompiles them. */
import postSchema from '../../../schemas/post.schema.json';
import glossarySchema from '../../../schemas/glossary.schema.json';

export const BUILTIN_SCHEMAS = { post: postSchema, glossary: glossarySchema };
