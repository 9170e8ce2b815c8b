/**
 * In the CLI bundle only: hands the validators of the built-in schemas,
 * compiled when the bundle was made (precompileSchemas.ts), to the engine, so
 * no thread loads ajv's compiler for them (about 50 ms a thread). bundle.ts
 * imports this first, before any module that validates at load.
 */
import type { ValidateFunction } from 'ajv';
import { usePrecompiled } from '../engine/validation';
import { BUILTIN_SCHEMAS } from './builtinSchemas';

// A module scripts/bundle.js makes at build time.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const validators = require('bilint:precompiled-schemas') as Record<keyof typeof BUILTIN_SCHEMAS, ValidateFunction>;
for (const [name, schema] of Object.entries(BUILTIN_SCHEMAS)) usePrecompiled(schema, validators[name as keyof typeof BUILTIN_SCHEMAS]);
