/**
 * The registry of bench sections, run in this order. To add a section, write
 * a `Section` (see ./types.ts) in its own module and list it here; its tables,
 * metrics and notes are printed and written to `--json` without other changes.
 */
import type { Section } from './types';
import { largestPost, linearity, ruleBreakdown, throughput } from './engine';
import { cli } from './cli';
import { lspLatency } from './lsp';

export const sections: Section[] = [largestPost, throughput, linearity, ruleBreakdown, cli, lspLatency];
