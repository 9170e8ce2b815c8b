import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020';
import { builtinRules } from '../../server/src/bilint';
import { builtInPostSchema, configSchema, defaultConfig } from '../../server/src/engine/config';
import { validatorFor } from '../../server/src/engine/validation';
import postSchema from '../../schemas/post.schema.json';
import glossarySchema from '../../schemas/glossary.schema.json';

// The engine compiles its own schemas without checking them against the meta-schema (it costs every
// process ~30 ms): this is where they are checked.
for (const [name, schema] of [
  ['schemas/post.schema.json', postSchema],
  ['schemas/glossary.schema.json', glossarySchema],
  ['the config schema generated from the rules', configSchema(builtinRules)],
] as const) {
  test(`${name} is a valid JSON Schema (2020-12)`, () => {
    const ajv = new Ajv2020({ strict: false });
    assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
  });
}

test('the built-in post schema is recognized as such, also as a copy; a team schema is not', () => {
  const builtIn = defaultConfig(builtinRules).postSchema;
  assert.equal(builtInPostSchema(builtIn), builtIn);
  assert.equal(builtInPostSchema(structuredClone(postSchema)), builtIn, 'a copy stands for the one built-in object');
  assert.equal(builtInPostSchema({ ...postSchema, required: ['title'] }), undefined);
});

test('a schema that is not trusted is checked against the meta-schema; one that is trusted compiles as it is', () => {
  // A description must be a string: only the meta-schema says so (ajv's code generator ignores descriptions).
  const broken = { type: 'object', properties: { a: { description: 5 } } };
  assert.match(validatorFor(broken)({ a: 'x' })[0]?.message ?? '', /The schema itself is invalid/);
  assert.deepEqual(validatorFor({ ...broken }, { trusted: true })({ b: 1 }), []);
});
