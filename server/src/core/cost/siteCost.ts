import { apiFactsOf } from '../catalog';
import type { PriceBook, TableSource } from '../catalog/priceBook';
import { optionAt, type CallSite } from '../model';
import { optionsAt } from '../rules/targets';

/** What one request of a generating call can cost at most, or why that cannot be told. */
export type SiteCost =
  | {
      known: true;
      usdPerRequest: number;
      /** With the declared traffic. */
      usdPerMonth?: number;
      requestsPerMonth?: number;
      /** The priced model (the most expensive when the call picks one of several). */
      model: string;
      outputTokens: number;
      /** The output bound option as written (`max_completion_tokens`). */
      outputOption: string;
      inputTokens: number;
      /** Input tokens are estimated from the prompt's literal text: nothing bounds them statically. */
      inputEstimated: true;
      price: { input: number; output: number; table: TableSource };
    }
  | { known: false; missing: 'output bound' | 'model' | 'price'; reason: string; model?: string; outputTokens?: number; outputOption?: string };

/** The prices a reader costs call sites with, and the traffic its config declares. */
export interface CostBasis {
  prices: PriceBook;
  requestsPerMonth?: number;
}

/** A rough count: about four characters a token in English text. */
const CHARS_PER_TOKEN = 4;

/**
 * The worst case of one request of `site`: input (estimated from its literal prompt text) and its full output
 * bound at its model's price. Undefined for calls that generate nothing (embeddings); unknown, never $0, when the
 * model, its price or the output bound cannot be read.
 */
export function siteCost(site: CallSite, prices: PriceBook, requestsPerMonth?: number): SiteCost | undefined {
  if (!apiFactsOf(site)?.outputBound) return undefined;
  const bound = writtenOutputBound(site);
  const models = site.model?.candidates?.map((candidate) => candidate.value) ?? (site.model?.value !== undefined && !site.model.dynamic ? [site.model.value] : []);
  if (!bound) return { known: false, missing: 'output bound', reason: 'no output bound', model: models[0] };
  if (models.length === 0) return { known: false, missing: 'model', reason: site.model?.dynamic ? 'model set at run time' : 'no model named', outputTokens: bound.tokens, outputOption: bound.option };
  const inputTokens = Math.ceil((site.promptLiteralChars ?? 0) / CHARS_PER_TOKEN);
  let worst: Extract<SiteCost, { known: true }> | undefined;
  for (const model of [...new Set(models)]) {
    const found = prices.lookup(model);
    if (!found) return { known: false, missing: 'price', reason: `no price for ${model}`, model, outputTokens: bound.tokens, outputOption: bound.option };
    const tier = found.entry.longContext?.filter((candidate) => inputTokens > candidate.aboveInputTokens).at(-1);
    const price = { input: tier?.input ?? found.entry.input, output: tier?.output ?? found.entry.output, table: found.table };
    const usdPerRequest = (inputTokens * price.input + bound.tokens * price.output) / 1_000_000;
    if (!worst || usdPerRequest > worst.usdPerRequest) {
      worst = { known: true, usdPerRequest, model, outputTokens: bound.tokens, outputOption: bound.option, inputTokens, inputEstimated: true, price };
    }
  }
  if (worst && requestsPerMonth !== undefined) Object.assign(worst, { usdPerMonth: worst.usdPerRequest * requestsPerMonth, requestsPerMonth });
  return worst;
}

/** The output bound written for a generating call, when it is a number we can read, and the option holding it. */
export function writtenOutputBound(site: CallSite): { tokens: number; option: string } | undefined {
  const bound = apiFactsOf(site)?.outputBound;
  for (const ref of bound?.accepted ?? []) {
    const lookup = optionAt(optionsAt(site, ref.place), ref.path);
    if ('found' in lookup && lookup.found.value.kind === 'number') return { tokens: lookup.found.value.value, option: ref.path };
  }
  return undefined;
}

/** Dollars as people read them: cents for a month, enough digits to show a fraction of a cent for a request. */
export function formatUsd(usd: number): string {
  if (usd >= 1) return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (usd === 0) return '$0';
  const digits = Math.min(10, Math.max(4, 1 - Math.floor(Math.log10(usd))));
  return `$${usd.toFixed(digits)}`;
}

const count = (value: number) => value.toLocaleString('en-US');

/** Where a price came from, in words: "prices as of 2026-09-23 from …". */
export function describeTable(table: TableSource): string {
  return table.asOf ? `prices as of ${table.asOf} from ${table.source}` : `prices from ${table.source}`;
}

/** One line for the hover, the inventory and the report: "≤ $0.0123 per request (gpt-4o, 1,024 output tokens, …)". */
export function describeSiteCost(cost: SiteCost): string {
  if (!cost.known) return `unknown (${cost.reason})`;
  const month = cost.usdPerMonth === undefined ? '' : `; ≤ ${formatUsd(cost.usdPerMonth)} a month at ${count(cost.requestsPerMonth!)} requests`;
  const input = cost.inputTokens > 0 ? `~${count(cost.inputTokens)} input tokens estimated from the prompt text` : 'input not counted (no literal prompt text to estimate from)';
  return `≤ ${formatUsd(cost.usdPerRequest)} per request (${cost.model}, ${count(cost.outputTokens)} output tokens, ${input}, ${describeTable(cost.price.table)})${month}`;
}
