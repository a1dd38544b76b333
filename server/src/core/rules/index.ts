import { air001Timeout } from './air001Timeout';
import { air002Retries } from './air002Retries';
import { air003ErrorHandling } from './air003ErrorHandling';
import { air004AuditLog } from './air004AuditLog';
import { air005PiiInPrompt } from './air005PiiInPrompt';
import { air006OutputBound } from './air006OutputBound';
import { air007HardcodedKey } from './air007HardcodedKey';
import { air008ModelVersion } from './air008ModelVersion';
import { air009UserInputInSystemPrompt } from './air009UserInputInSystemPrompt';
import { air010UnvalidatedOutput } from './air010UnvalidatedOutput';
import { air011Streams } from './air011Streams';
import { air012OwnerMissing } from './air012OwnerMissing';
import { air013ExpiredWaiver } from './air013ExpiredWaiver';
import { air014OutputToSink } from './air014OutputToSink';
import { air015AgentUnbounded } from './air015AgentUnbounded';
import type { Rule, RuleId } from './types';

/** Every rule, by id. Explicit imports so the bundle needs no directory scan. */
export const rules = {
  AIR001: air001Timeout,
  AIR002: air002Retries,
  AIR003: air003ErrorHandling,
  AIR004: air004AuditLog,
  AIR005: air005PiiInPrompt,
  AIR006: air006OutputBound,
  AIR007: air007HardcodedKey,
  AIR008: air008ModelVersion,
  AIR009: air009UserInputInSystemPrompt,
  AIR010: air010UnvalidatedOutput,
  AIR011: air011Streams,
  AIR012: air012OwnerMissing,
  AIR013: air013ExpiredWaiver,
  AIR014: air014OutputToSink,
  AIR015: air015AgentUnbounded,
} satisfies Record<RuleId, Rule>;

export const ruleIds = Object.keys(rules) as RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(rules, id);
}

export type * from './types';
