/**
 * Configuration as data. Adapters find and read the files (and follow
 * `extends`); the engine validates each layer, merges them in order and
 * resolves every rule's severity and options.
 */
import type { Rule } from './rule';
import type { SeveritySetting } from './types';
import { nearestRuleName } from './ruleNames';
import { validatorFor } from './validation';
import type { Glossary } from './glossary';
import defaultPostSchema from '../../../schemas/post.schema.json';

export type RuleSetting =
  | SeveritySetting
  | [SeveritySetting]
  | [SeveritySetting, Record<string, unknown>]
  | { severity?: SeveritySetting; options?: Record<string, unknown> };

/** The shape of a `bilint.config.*` file. */
export interface BilintConfig {
  $schema?: string;
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  ignores?: string[];
  /** Path (relative to the config file) of a JSON Schema for the front matter. */
  postSchema?: string;
  /** Path (relative to the config file) of the team's glossary; default: `glossary.yaml` beside the config file. */
  glossary?: string;
  /** The canonical summary label that fixes write. */
  summaryText?: string;
  /** Other labels accepted without a finding. */
  allowedSummaryTexts?: string[];
  /** Front matter lists whose items are entities the text must spell the same way. */
  entityFields?: string[];
  /** Where rule documentation lives; a rule's page is `<docsBaseUrl><rule-id>.md`. */
  docsBaseUrl?: string;
}

export interface ResolvedRule {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  rules: Record<string, ResolvedRule>;
  ignores: string[];
  postSchema: object;
  /** The team's glossary, when one was found. */
  glossary?: Glossary;
  summaryText: string;
  allowedSummaryTexts: string[];
  entityFields: string[];
  docsBaseUrl: string;
}

export interface ConfigProblem {
  /** Which layer (index into the layers given) the problem is in. */
  layer: number;
  /** JSON pointer to the offending value, '' for the whole file. */
  pointer: string;
  message: string;
}

export const DEFAULT_SUMMARY = 'View/Hide Original English';
export const DEFAULT_ENTITY_FIELDS = ['people', 'companies_orgs', 'products_models', 'media_books'];

const BUILT_IN_POST_SCHEMA = JSON.stringify(defaultPostSchema);
const builtIn = new WeakMap<object, boolean>();

/**
 * The built-in post schema object when `schema` is it or a copy of it (worker
 * threads receive copies), so one object is compiled once, or ahead of time
 * in the CLI bundle; undefined for a team's own schema.
 */
export function builtInPostSchema(schema: object): object | undefined {
  let same = builtIn.get(schema);
  if (same === undefined) builtIn.set(schema, (same = schema === defaultPostSchema || JSON.stringify(schema) === BUILT_IN_POST_SCHEMA));
  return same ? defaultPostSchema : undefined;
}

export function defaultConfig(rules: readonly Rule<unknown>[]): ResolvedConfig {
  const resolved: Record<string, ResolvedRule> = {};
  for (const r of rules) resolved[r.meta.id] = { severity: r.meta.defaultSeverity, options: { ...(r.meta.defaultOptions as object) } };
  return {
    rules: resolved,
    ignores: [],
    postSchema: defaultPostSchema,
    summaryText: DEFAULT_SUMMARY,
    allowedSummaryTexts: ['查看/隐藏英文原文 / View/Hide Original English'],
    entityFields: [...DEFAULT_ENTITY_FIELDS],
    docsBaseUrl: 'docs/rules/',
  };
}

/**
 * Merges layers (the most general first) over the defaults. `postSchema`
 * is the already loaded schema object, when a layer names one.
 */
export function resolveConfig(
  rules: readonly Rule<unknown>[],
  layers: readonly BilintConfig[],
  extras: { postSchema?: object; docsBaseUrl?: string; glossary?: Glossary } = {},
): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const config = defaultConfig(rules);
  if (extras.docsBaseUrl) config.docsBaseUrl = extras.docsBaseUrl;
  const problems: ConfigProblem[] = [];
  // Compiled only when there is a layer to check: a run without config files skips ajv's ~0.2 s compile.
  let validate: ReturnType<typeof validatorFor> | undefined;
  layers.forEach((layer, index) => {
    validate ??= validatorFor(schemaFor(rules), { trusted: true });
    for (const e of validate(layer)) problems.push({ layer: index, ...withRuleMeant(e, rules) });
    if (!layer || typeof layer !== 'object') return;
    if (Array.isArray(layer.ignores)) config.ignores.push(...layer.ignores.filter((g) => typeof g === 'string'));
    if (typeof layer.summaryText === 'string') config.summaryText = layer.summaryText;
    if (Array.isArray(layer.allowedSummaryTexts))
      config.allowedSummaryTexts = layer.allowedSummaryTexts.filter((s) => typeof s === 'string');
    if (Array.isArray(layer.entityFields)) config.entityFields = layer.entityFields.filter((s) => typeof s === 'string');
    if (typeof layer.docsBaseUrl === 'string') config.docsBaseUrl = layer.docsBaseUrl;
    for (const [id, setting] of Object.entries(layer.rules ?? {})) {
      const current = config.rules[id];
      if (!current) continue; // reported by validation
      const { severity, options } = normalizeSetting(setting);
      if (severity) current.severity = severity;
      if (options) current.options = { ...current.options, ...options };
    }
  });
  if (extras.postSchema) config.postSchema = extras.postSchema;
  if (extras.glossary) config.glossary = extras.glossary;
  return { config, problems };
}

function normalizeSetting(setting: RuleSetting): { severity?: SeveritySetting; options?: Record<string, unknown> } {
  if (typeof setting === 'string') return { severity: setting };
  if (Array.isArray(setting)) return { severity: setting[0], options: setting[1] };
  if (setting && typeof setting === 'object') return { severity: setting.severity, options: setting.options };
  return {};
}

/** An unknown key under `rules` names the rule most likely meant (`gloss/fromat`: `gloss/format`). */
function withRuleMeant<P extends { pointer: string; unknown?: string; message: string }>(p: P, rules: readonly Rule<unknown>[]): P {
  if (p.unknown === undefined || !p.pointer.startsWith('/rules/')) return p;
  const meant = nearestRuleName(
    p.unknown,
    rules.map((r) => r.meta.id),
    false,
  );
  return meant ? { ...p, message: `\`${p.unknown}\` is not a Bilint rule: did you mean \`${meant}\`?` } : p;
}

// One schema object per rule list, so ajv compiles it once (validatorFor caches by object).
const schemas = new WeakMap<readonly Rule<unknown>[], object>();
function schemaFor(rules: readonly Rule<unknown>[]): object {
  let schema = schemas.get(rules);
  if (!schema) schemas.set(rules, (schema = configSchema(rules)));
  return schema;
}

const SEVERITY = { enum: ['error', 'warning', 'info', 'off'], description: 'How a finding of this rule is reported, or `off`.' };

/** The JSON Schema of a config file, generated from the rules' metadata. */
export function configSchema(rules: readonly Rule<unknown>[]): object {
  const ruleProps: Record<string, object> = {};
  for (const r of rules) {
    const options = { type: 'object', additionalProperties: false, properties: r.meta.optionsSchema ?? {} };
    ruleProps[r.meta.id] = {
      description: `${r.meta.description} (default: ${r.meta.defaultSeverity})`,
      markdownDescription: `${r.meta.description}\n\nDefault severity: \`${r.meta.defaultSeverity}\`.`,
      anyOf: [
        SEVERITY,
        { type: 'array', prefixItems: [SEVERITY, options], items: false, minItems: 1 },
        { type: 'object', additionalProperties: false, properties: { severity: SEVERITY, options } },
      ],
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Bilint configuration',
    description: 'Configuration of Bilint, the linter for bilingual Chinese/English posts.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The JSON Schema this file follows.' },
      extends: {
        description: 'Config files (paths relative to this file) whose settings this one builds on, the first the most general.',
        anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      },
      rules: {
        type: 'object',
        description: 'Per-rule severity and options, keyed by rule id.',
        additionalProperties: false,
        properties: ruleProps,
      },
      ignores: { type: 'array', items: { type: 'string' }, description: 'Glob patterns (relative to this file) of posts not to lint.' },
      postSchema: { type: 'string', description: 'Path of a JSON Schema that replaces the built-in front matter schema.' },
      glossary: { type: 'string', description: 'Path of the team glossary (YAML or JSON); by default `glossary.yaml` beside this file.' },
      summaryText: { type: 'string', minLength: 1, description: 'The canonical `<summary>` label, written by fixes.' },
      allowedSummaryTexts: {
        type: 'array',
        items: { type: 'string' },
        description: 'Other `<summary>` labels accepted without a finding.',
      },
      entityFields: {
        type: 'array',
        items: { type: 'string' },
        uniqueItems: true,
        description: 'Front matter lists whose items are entities the text must spell the same way.',
      },
      docsBaseUrl: { type: 'string', description: 'Base URL of the rule documentation; a rule page is `<docsBaseUrl><rule-id>.md`.' },
    },
  };
}
