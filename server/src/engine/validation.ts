/**
 * JSON Schema validation with ajv, compiled once per schema object, and
 * ajv's errors turned into sentences a writer understands.
 */
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft7, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export interface SchemaProblem {
  /** JSON pointer to the offending value ('' for the root). */
  pointer: string;
  /** For a missing property: its name. */
  missing?: string;
  /** For an unknown property: its name. */
  unknown?: string;
  message: string;
}

/** A problem with what a rule needs to act on it: the failing keyword and its parameters. */
export interface DetailedSchemaProblem extends SchemaProblem {
  keyword: string;
  params: Record<string, unknown>;
}

export interface ValidatorOptions {
  /**
   * The schema is one of Bilint's own (tested against the meta-schema in the
   * test suite), so it is not checked again: that check compiles the
   * meta-schema first, ~30 ms of every process's start-up.
   */
  trusted?: boolean;
}

// verbose: errors carry their parentSchema, where `errorMessage` lives.
export const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;
const instances = new Map<string, Ajv2020 | AjvDraft7>();
const compiled = new WeakMap<object, ValidateFunction | Error>();

function ajvFor(schema: object, trusted: boolean): Ajv2020 | AjvDraft7 {
  const declared = (schema as { $schema?: string }).$schema ?? '';
  const draft7 = /draft-0[467]/.test(declared);
  const key = `${draft7 ? 7 : 2020} ${trusted}`;
  let ajv = instances.get(key);
  if (!ajv) {
    const options = { ...AJV_OPTIONS, validateSchema: !trusted };
    ajv = draft7 ? new AjvDraft7(options) : new Ajv2020(options);
    addFormats(ajv);
    instances.set(key, ajv);
  }
  return ajv;
}

/** A validator for `schema` compiled ahead of time (ajv standalone code, with AJV_OPTIONS): no compile here. */
export function usePrecompiled(schema: object, validate: ValidateFunction): void {
  compiled.set(schema, validate);
}

/** A validator for `schema`; a schema that does not compile reports that, once per call. */
export function validatorFor(schema: object, options: ValidatorOptions = {}): (data: unknown) => SchemaProblem[] {
  const detailed = detailedValidatorFor(schema, options);
  return (data) => detailed(data).map(({ keyword: _k, params: _p, ...plain }) => plain);
}

/** Like `validatorFor`, keeping each problem's keyword and parameters. The schema is compiled on first use. */
export function detailedValidatorFor(schema: object, options: ValidatorOptions = {}): (data: unknown) => DetailedSchemaProblem[] {
  return (data) => {
    let validate = compiled.get(schema);
    if (!validate) {
      try {
        validate = ajvFor(schema, options.trusted === true).compile(schema);
      } catch (err) {
        validate = err as Error;
      }
      compiled.set(schema, validate);
    }
    if (validate instanceof Error)
      return [{ pointer: '', keyword: 'schema', params: {}, message: `The schema itself is invalid: ${validate.message}` }];
    if (validate(data)) return [];
    return humanize(validate.errors ?? []);
  };
}

/** Keeps the most telling error per location and words it for people. */
function humanize(errors: ErrorObject[]): DetailedSchemaProblem[] {
  const out: DetailedSchemaProblem[] = [];
  const seen = new Set<string>();
  // anyOf/oneOf produce one error per branch; say it once, for the whole value.
  const branchy = new Set(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath));
  for (const e of errors) {
    if (branchy.has(e.instancePath) && e.keyword !== 'anyOf' && e.keyword !== 'oneOf') continue;
    if (e.keyword === 'if') continue;
    const problem = describe(e);
    const key = problem.pointer + '|' + problem.message;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...problem, keyword: e.keyword, params: e.params as Record<string, unknown> });
  }
  return out;
}

/**
 * A schema's own wording: `errorMessage` as one string, or per keyword
 * (`{ "pattern": "…" }`). `{field}` stands for the value's name, so a shared
 * definition (`$defs`) can still name the field it failed in.
 */
function customMessage(e: ErrorObject, name: string): string | undefined {
  let custom = (e.parentSchema as { errorMessage?: unknown } | undefined)?.errorMessage;
  if (custom && typeof custom === 'object') custom = (custom as Record<string, unknown>)[e.keyword];
  if (typeof custom !== 'string') return undefined;
  return custom.startsWith('{field}') ? cap(custom.replace('{field}', name)) : custom.split('{field}').join(name);
}

function describe(e: ErrorObject): SchemaProblem {
  const name = fieldName(e.instancePath);
  const custom = customMessage(e, name);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return {
        pointer: e.instancePath,
        missing: String(p.missingProperty),
        message: `The required field \`${String(p.missingProperty)}\` is missing.`,
      };
    case 'additionalProperties':
      return {
        pointer: `${e.instancePath}/${String(p.additionalProperty).replace(/~/g, '~0').replace(/\//g, '~1')}`,
        unknown: String(p.additionalProperty),
        message:
          e.instancePath === '/rules'
            ? `\`${String(p.additionalProperty)}\` is not a Bilint rule; see the rule list in the README.`
            : `\`${String(p.additionalProperty)}\` is not a known field${e.instancePath ? ` of ${name}` : ''}.`,
      };
    case 'type':
      return { pointer: e.instancePath, message: custom ?? `${cap(name)} should be ${article(String(p.type))}.` };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map((v) => `\`${String(v)}\``);
      return { pointer: e.instancePath, message: custom ?? `${cap(name)} should be one of ${list(allowed)}.` };
    }
    case 'const':
      return { pointer: e.instancePath, message: custom ?? `${cap(name)} should be \`${String(p.allowedValue)}\`.` };
    case 'pattern':
    case 'format':
      return { pointer: e.instancePath, message: custom ?? `${cap(name)} is not in the expected form (${String(p.pattern ?? p.format)}).` };
    case 'uniqueItems':
      return {
        pointer: `${e.instancePath}/${String(p.i)}`,
        message: `${cap(name)} lists the same item twice (items ${Number(p.j) + 1} and ${Number(p.i) + 1}).`,
      };
    case 'minLength':
      return { pointer: e.instancePath, message: custom ?? `${cap(name)} should not be empty.` };
    case 'minItems':
      return { pointer: e.instancePath, message: custom ?? `${cap(name)} should have at least ${String(p.limit)} item(s).` };
    case 'maxItems':
      return { pointer: e.instancePath, message: custom ?? `${cap(name)} should have at most ${String(p.limit)} items.` };
    case 'not':
      return { pointer: e.instancePath, message: custom ?? `${cap(name)} has a value that is not allowed here.` };
    case 'anyOf':
    case 'oneOf':
      return { pointer: e.instancePath, message: custom ?? `${cap(name)} is not in any of the accepted forms.` };
    default:
      return { pointer: e.instancePath, message: custom ?? `${cap(name)} ${e.message ?? 'is invalid'}.` };
  }
}

function fieldName(pointer: string): string {
  if (!pointer) return 'the front matter';
  const parts = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = parts[parts.length - 1];
  if (/^\d+$/.test(last) && parts.length > 1) return `item ${Number(last) + 1} of \`${parts[parts.length - 2]}\``;
  return `\`${last}\``;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'a text',
    array: 'a list',
    object: 'a mapping',
    boolean: '`true` or `false`',
    number: 'a number',
    integer: 'a whole number',
    null: 'empty',
  };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length > 12) return `${items.slice(0, 12).join(', ')}, …`;
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
