/**
 * Build time only (scripts/bundle.js): the built-in post and glossary schemas
 * as ajv standalone validation code, one module the CLI bundle includes (see
 * precompiled.ts). The same ajv class and options as engine/validation.ts, so
 * the validators, and the errors they report, are the ones it would compile.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone';
import { AJV_OPTIONS } from '../engine/validation';
import { BUILTIN_SCHEMAS } from './builtinSchemas';

/** CommonJS source exporting one validate function per name of BUILTIN_SCHEMAS. */
export function precompiledSchemasModule(): string {
  return Object.entries(BUILTIN_SCHEMAS)
    .map(([name, schema]) => {
      if (/draft-0[467]/.test(schema.$schema)) throw new Error(`schemas/${name}.schema.json: only 2020-12 schemas are precompiled`);
      const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
      addFormats(ajv);
      const code = standaloneCode(ajv, ajv.compile(schema));
      return `exports.${name} = (function () {\nconst module = { exports: {} }, exports = module.exports;\n${code}\nreturn module.exports;\n})();`;
    })
    .join('\n');
}
