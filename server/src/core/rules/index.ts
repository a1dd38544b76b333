import { air001Timeout } from './air001Timeout';
import { air002Retries } from './air002Retries';
import { air006OutputBound } from './air006OutputBound';
import { air007HardcodedKey } from './air007HardcodedKey';
import { air008ModelVersion } from './air008ModelVersion';
import type { Rule, RuleId } from './types';

/** Every rule, by id. Explicit imports so the bundle needs no directory scan. */
export const rules = {
  AIR001: air001Timeout,
  AIR002: air002Retries,
  AIR006: air006OutputBound,
  AIR007: air007HardcodedKey,
  AIR008: air008ModelVersion,
} satisfies Record<RuleId, Rule>;

export const ruleIds = Object.keys(rules) as RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(rules, id);
}

export type * from './types';
