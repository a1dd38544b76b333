import type { Hover, HoverParams, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeDuration, describeSiteCost, firstSentence, lifecycleTableOf, type ReferenceData, RECOGNIZED_BY_SHAPE, restOfMessage, sdkFacts, siteCost, type CostBasis, type CallSite, type EffectiveSetting, type FileAnalysis, type Finding, type RuleId, type Span } from '../core';
import { ruleDocsUri, toRange } from './convert';
import type { HandlerGuard } from './guard';

const SOURCE_WORDS: Record<EffectiveSetting['source'], string> = {
  call: 'set on this call',
  client: 'set on the client',
  wrapper: 'from a helper around the call',
  'sdk-default': 'SDK default, not set in code',
  none: 'not set; the SDK has no default',
  unknown: 'not visible here (spread options or a client built elsewhere)',
};

function describeTimeout(setting: EffectiveSetting): string {
  if (setting.source === 'wrapper') return `by ${code(setting.by)} (${SOURCE_WORDS.wrapper})`;
  if (setting.viaSignal) return `abort signal ${code(setting.option?.name)} (${SOURCE_WORDS[setting.source]})`;
  const value = setting.value !== undefined ? describeDuration(setting.value) : setting.source === 'none' ? 'no limit' : setting.option ? code(setting.option.name) : 'unknown';
  return `${value} (${SOURCE_WORDS[setting.source]})`;
}

function describeRetries(setting: EffectiveSetting): string {
  if (setting.source === 'wrapper') return `by ${code(setting.by)} (${SOURCE_WORDS.wrapper})`;
  const value = setting.value !== undefined ? String(setting.value) : setting.option ? code(setting.option.name) : 'unknown';
  return `${value} (${SOURCE_WORDS[setting.source]})`;
}

const OWNER_SOURCES = { inline: 'an @owner tag', config: 'a .prodready.json ownership rule', codeowners: 'CODEOWNERS' } as const;

function describeOwner(site: CallSite): string {
  if (!site.owner) return 'none declared';
  const where = `${site.owner.declaredAt.file.replace(/\\/g, '/').split('/').pop()}:${site.owner.declaredAt.line}`;
  return `${site.owner.owners.map((owner) => code(owner)).join(', ')} (${OWNER_SOURCES[site.owner.source]}, ${where})`;
}

/** A shape match says so: its receiver was never traced, so its client settings are unknown. */
function describeRecognition(site: CallSite): string {
  if (site.recognizedBy === RECOGNIZED_BY_SHAPE) return `call shape (${code(site.api)}); the receiver was not resolved to a client, so client settings are unknown`;
  return site.recognizedBy.replace(/`/g, "'").replace(/[[\]<>*_\\]/g, '\\$&');
}

/** What the hover knows beyond the call: the findings about it and the prices in force. */
export interface HoverContext {
  findings: readonly Finding[];
  cost?: CostBasis;
  /** The lifecycle data in force: the hover says which table and date a model's entry came from. */
  data?: ReferenceData;
  docsUri(ruleId: RuleId): string;
}

/** The worst case of a generating call; nothing for a call that generates nothing (an embedding). */
function describeCost(site: CallSite, context: CostBasis | undefined): string | undefined {
  const cost = context && siteCost(site, context.prices, context.requestsPerMonth);
  return cost && escapeMarkdown(describeSiteCost(cost));
}

/** The model a call names; for one set at run time, the values it can take when they are all visible. */
function describeModel(model: CallSite['model']): string {
  if (!model) return 'not given';
  const values = [...new Set(model.candidates?.map((candidate) => code(candidate.value)))];
  if (values.length > 0) return `${values.length === 1 ? values[0] : `one of ${values.join(', ')}`} (from ${code(model.expression ?? 'an expression')})`;
  if (model.value && model.dynamic) return `${code(model.value)} unless set at run time (${code(model.expression ?? 'an expression')})`;
  if (model.value) return code(model.value);
  return model.dynamic ? 'set at run time' : 'not given';
}

/**
 * What the hover on a call site says. The first block is the call-site summary a reviewer asks for first: SDK,
 * model, the effective timeout and retries and where they come from, owner, and the worst-case cost of a request.
 * Then the findings about the call, one line each (the Problems row already shows their first sentence).
 */
export function hoverMarkdown(site: CallSite, context: HoverContext = { findings: [], docsUri: () => '' }): string {
  const sdk = sdkFacts(site.sdk, site.module, site.language);
  const lifecycle = site.model?.value === undefined ? undefined : lifecycleTableOf(site.model.value, context.data);
  const model = `${describeModel(site.model)}${lifecycle ? ` (lifecycle data as of ${lifecycle.asOf} from ${escapeMarkdown(lifecycle.source)})` : ''}`;
  const cost = describeCost(site, context.cost);
  const summary = [
    `**prodready** · ${sdk?.displayName ?? site.sdk} ${code(site.api)} (${site.operation}${site.streaming ? ', streaming' : ''})`,
    '',
    `- Model: ${model}`,
    `- Timeout: ${describeTimeout(site.effective.timeout)}`,
    `- Retries: ${describeRetries(site.effective.retries)}`,
    `- Owner: ${describeOwner(site)}`,
    ...(cost ? [`- Cost: ${cost}`] : []),
  ];
  const details = [
    `- Recognised by: ${describeRecognition(site)}`,
    ...(site.client ? [`- Client: ${code(site.client.constructorName)} from ${code(site.client.module)}`] : []),
  ];
  const findings = context.findings.map((finding) => {
    const rest = restOfMessage(finding.message) || firstSentence(finding.message);
    return `- [${finding.ruleId}](${context.docsUri(finding.ruleId)}) ${finding.severity}: ${escapeMarkdown(rest)}`;
  });
  return [...summary, '', '---', '', ...(findings.length > 0 ? [...findings, '', '---', ''] : []), ...details].join('\n');
}

/** Messages quote workspace text (an expression, a model id): shown as text, never as Markdown. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

/**
 * A Markdown code span that holds any text: workspace names (a model id, an owner, an option) may contain
 * backticks, which would otherwise close the span and let the rest be read as Markdown (a link, say).
 */
function code(text: string | undefined): string {
  const value = (text ?? '').replace(/[\r\n]+/g, ' ');
  let fence = '`';
  while (value.includes(fence)) fence += '`';
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/**
 * Hover on a call site: on its callee, or on the range of a finding about it (an options object, a catch header),
 * the innermost call there, from the document's latest analysis.
 */
export function registerHover(
  connection: Connection,
  guard: HandlerGuard,
  documents: TextDocuments<TextDocument>,
  latest: (uri: string) => FileAnalysis | undefined,
  cost: (uri: string) => CostBasis | undefined,
  data: () => ReferenceData,
): void {
  connection.onHover(
    guard.request('hover', null, (params: HoverParams): Hover | null => {
      const analysis = latest(params.textDocument.uri);
      const document = documents.get(params.textDocument.uri);
      if (!analysis || !document) return null;
      const offset = document.offsetAt(params.position);
      const within = (span: Span) => span.start <= offset && offset <= span.end;
      const aboutSite = (site: CallSite) => analysis.findings.filter((finding) => finding.subjectSpan.start === site.span.start && finding.subjectSpan.end === site.span.end);
      const site = analysis.facts.callSites
        .filter((candidate) => within(candidate.calleeSpan) || aboutSite(candidate).some((finding) => within(finding.span)))
        .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
      if (!site) return null;
      const markdown = hoverMarkdown(site, { findings: aboutSite(site), cost: cost(params.textDocument.uri), data: data(), docsUri: ruleDocsUri });
      return { contents: { kind: 'markdown', value: markdown }, range: toRange(document, within(site.calleeSpan) ? site.calleeSpan : aboutSite(site).find((finding) => within(finding.span))!.span) };
    }),
  );
}
