import { matchesGlob } from './globs';
import type { RuleId, Severity } from '../model';

// Rule levels that depend on the file, as ESLint's `overrides`: each entry's globs (relative to the config's
// folder) pick files, and its `rules` apply over the top-level ones; later entries win. The built-in `tests`
// profile comes first, so a project's own overrides can change what it does.

export type RuleLevels = Partial<Record<RuleId, Severity | 'off'>>;

export interface Override {
  files: string[];
  rules: RuleLevels;
}

/** Where tests, fixtures and examples usually live: code meant to call models on purpose, throw, and log nothing. */
export const DEFAULT_TEST_FILES = [
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/spec/**',
  '**/e2e/**',
  '**/fixtures/**',
  '**/examples/**',
  '**/example/**',
  '**/*.test.*',
  '**/*.spec.*',
  '**/test_*.py',
  '**/*_test.py',
  '**/conftest.py',
];

/**
 * The `tests` profile: the rules about running in production (timeouts, retries, error handling, audit logs,
 * output bounds, pinned models, validated output, streams, owners) are off. A test that calls a model wants the
 * failure to surface and nothing logged. Keys (AIR007), personal data (AIR005), user input in system prompts
 * (AIR009) and expired waivers (AIR013) stay on: a key in a test leaks as well as one anywhere else.
 */
export const TESTS_PROFILE_RULES: RuleLevels = {
  AIR001: 'off',
  AIR002: 'off',
  AIR003: 'off',
  AIR004: 'off',
  AIR006: 'off',
  AIR008: 'off',
  AIR010: 'off',
  AIR011: 'off',
  AIR012: 'off',
};

/** What the overrides need from a config: its top-level rule levels, the profile and the project's entries. */
export interface OverrideSource {
  rules: RuleLevels;
  tests: Override;
  overrides: Override[];
}

const resolved = new WeakMap<OverrideSource, Map<string, RuleLevels>>();

/**
 * The rule levels for a file at `relative` (to the config's folder, `/`-separated): the top-level ones, then each
 * matching override in order. The same set of matching overrides always gives the same object.
 */
export function ruleLevelsFor(config: OverrideSource, relative: string): RuleLevels {
  const entries = [config.tests, ...config.overrides];
  const matching = entries.flatMap((entry, index) => (entry.files.some((glob) => matchesGlob(relative, glob)) ? [index] : []));
  if (matching.length === 0) return config.rules;
  let byMatch = resolved.get(config);
  if (!byMatch) resolved.set(config, (byMatch = new Map()));
  const key = matching.join(',');
  let levels = byMatch.get(key);
  if (!levels) {
    levels = Object.assign({}, config.rules, ...matching.map((index) => entries[index].rules)) as RuleLevels;
    byMatch.set(key, levels);
  }
  return levels;
}
