/**
 * Reading the post schema (a JSON Schema) for the editor: a key's
 * description, its allowed values, its type. Only what hover and completion
 * need; local `$ref`s are followed, nothing is fetched.
 */
export interface PropertyInfo {
  key: string;
  description?: string;
  types: string[];
  /** Allowed values (of the value, or of a list's items). */
  values: unknown[];
  required: boolean;
  deprecated: boolean;
}

type Schema = Record<string, unknown>;

export function schemaProperties(schema: object): PropertyInfo[] {
  const root = schema as Schema;
  const props = (resolve(root, root.properties) ?? {}) as Record<string, unknown>;
  const required = new Set(Array.isArray(root.required) ? (root.required as string[]) : []);
  return Object.keys(props).map((key) => describe(root, key, props[key], required.has(key)));
}

export function schemaProperty(schema: object, key: string): PropertyInfo | undefined {
  return schemaProperties(schema).find((p) => p.key === key);
}

function describe(root: Schema, key: string, raw: unknown, required: boolean): PropertyInfo {
  const own = (raw && typeof raw === 'object' ? raw : {}) as Schema;
  const s = (resolve(root, raw) ?? {}) as Schema;
  const variants = [s, ...alternatives(root, s)];
  const types = new Set<string>();
  const values: unknown[] = [];
  // A description next to a `$ref` is about this key; the target's is generic.
  let description = text(own.markdownDescription) ?? text(own.description);
  for (const v of variants) {
    description ??= text(v.markdownDescription) ?? text(v.description);
    if (typeof v.type === 'string') types.add(v.type);
    if (Array.isArray(v.type)) for (const t of v.type) types.add(String(t));
    values.push(...valuesOf(v));
    if (v.type === 'array' || v.items) {
      const items = (resolve(root, v.items) ?? {}) as Schema;
      values.push(...valuesOf(items));
      for (const alt of alternatives(root, items)) values.push(...valuesOf(alt));
    }
  }
  return { key, description, types: [...types], values: [...new Set(values)], required, deprecated: s.deprecated === true };
}

function valuesOf(s: Schema): unknown[] {
  if (Array.isArray(s.enum)) return s.enum;
  if ('const' in s) return [s.const];
  return [];
}

function alternatives(root: Schema, s: Schema): Schema[] {
  const out: Schema[] = [];
  for (const k of ['anyOf', 'oneOf', 'allOf']) {
    const list = s[k];
    if (Array.isArray(list)) for (const item of list) out.push((resolve(root, item) ?? {}) as Schema);
  }
  return out;
}

/** Follows a local `$ref` (`#/$defs/x`, `#/definitions/x`), a few hops at most. */
function resolve(root: Schema, node: unknown): unknown {
  let cur = node;
  for (let hops = 0; hops < 8 && cur && typeof cur === 'object' && typeof (cur as Schema).$ref === 'string'; hops++) {
    const ref = (cur as Schema).$ref as string;
    if (!ref.startsWith('#/')) return undefined;
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) {
      target = target && typeof target === 'object' ? (target as Schema)[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    cur = target;
  }
  return cur;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : undefined;
}
