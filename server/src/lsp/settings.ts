/**
 * The `bilint.*` editor settings the server reads, and how they become a
 * config layer on top of the `bilint.config.*` files. Declared for VS Code
 * in package.json `contributes.configuration`; other editors send the same
 * shape (workspace/configuration, or initializationOptions).
 */
import type { BilintConfig, RuleSetting } from '../engine/config';

export interface BilintSettings {
  enable: boolean;
  /** Lint while typing, or only when the post is saved. */
  run: 'onType' | 'onSave';
  /** How long a burst of edits is waited out before the next lint (push diagnostics). */
  lintDelay: number;
  /** A config file that replaces the search for `bilint.config.*`. */
  configFile: string;
  rules: Record<string, RuleSetting>;
  summaryText: string;
  entityFields: string[] | null;
  /** Read the workspace's posts in the background (completion, hover, cross-post checks). */
  workspaceIndex: boolean;
}

export const DEFAULT_SETTINGS: BilintSettings = {
  enable: true,
  run: 'onType',
  lintDelay: 50,
  configFile: '',
  rules: {},
  summaryText: '',
  entityFields: null,
  workspaceIndex: true,
};

/** Accepts whatever a client sent; anything of the wrong type falls back to the default. */
export function readSettings(raw: unknown): BilintSettings {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const s: BilintSettings = { ...DEFAULT_SETTINGS, rules: {} };
  if (typeof r.enable === 'boolean') s.enable = r.enable;
  if (r.run === 'onType' || r.run === 'onSave') s.run = r.run;
  if (typeof r.lintDelay === 'number' && Number.isFinite(r.lintDelay)) s.lintDelay = Math.max(0, Math.min(5000, r.lintDelay));
  if (typeof r.configFile === 'string') s.configFile = r.configFile;
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) s.rules = r.rules as Record<string, RuleSetting>;
  if (typeof r.summaryText === 'string') s.summaryText = r.summaryText;
  if (Array.isArray(r.entityFields)) s.entityFields = r.entityFields.filter((f): f is string => typeof f === 'string');
  if (typeof r.workspaceIndex === 'boolean') s.workspaceIndex = r.workspaceIndex;
  return s;
}

/** The config layer the settings add on top of the files (empty settings add nothing). */
export function overridesOf(s: BilintSettings): BilintConfig | undefined {
  const o: BilintConfig = {};
  if (Object.keys(s.rules).length) o.rules = s.rules;
  if (s.summaryText) o.summaryText = s.summaryText;
  if (s.entityFields) o.entityFields = s.entityFields;
  return Object.keys(o).length ? o : undefined;
}
