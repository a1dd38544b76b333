import { anthropicFacts } from './anthropic/typescript';
import { bedrockFacts } from './bedrock/typescript';
import { cohereFacts } from './cohere/typescript';
import { googleGenAiFacts, googleGenerativeAiFacts } from './google/typescript';
import { groqFacts } from './groq/typescript';
import { togetherFacts } from './together/typescript';
import { httpClients } from './http/typescript';
import { agentExecutorFacts, langchainFacts, langchainUniversalFacts, langgraphGraphFacts } from './langchain/typescript';
import { langgraphGraphPythonFacts } from './langchain/python';
import { mistralFacts } from './mistral/typescript';
import { ollamaFacts } from './ollama/typescript';
import { openaiFacts } from './openai/typescript';
import { openaiAgentsFacts } from './openaiAgents/typescript';
import { inngestFacts } from './inngest/typescript';
import type { Language } from '../model';
import { isProjectName, pythonCatalog, pythonHttpClients } from './python';
import type { ApiFacts, ClientFacts, GraphFacts, ModelHolderFacts, ModelProviderFacts, SdkFacts } from './types';
import { vercelAiFacts } from './vercelAi/typescript';
import { vercelAiProviderFacts } from './vercelAi/provider';

export type * from './types';
export { httpClients, matchEndpoint, type HttpEndpoint } from './http/typescript';

export const sdkCatalog: readonly SdkFacts[] = [
  openaiFacts,
  anthropicFacts,
  vercelAiFacts,
  vercelAiProviderFacts,
  langchainFacts,
  langchainUniversalFacts,
  agentExecutorFacts,
  bedrockFacts,
  googleGenAiFacts,
  googleGenerativeAiFacts,
  mistralFacts,
  cohereFacts,
  groqFacts,
  togetherFacts,
  ollamaFacts,
  openaiAgentsFacts,
  inngestFacts,
];

export interface ModuleExports {
  clients: Map<string, { sdk: SdkFacts; client: ClientFacts }>;
  functions: Map<string, { sdk: SdkFacts; api: ApiFacts }>;
  providerInstances: Map<string, { sdk: SdkFacts; provider: ModelProviderFacts }>;
  providerFactories: Map<string, { sdk: SdkFacts; provider: ModelProviderFacts }>;
  /** By export name, or `export.method` for a static builder (`RunnableSequence.from`). */
  modelHolders: Map<string, { sdk: SdkFacts; holder: ModelHolderFacts }>;
}

/** Import specifier → what it exports that matters to us; built once, read on every keystroke. */
export const catalogByModule: ReadonlyMap<string, ModuleExports> = buildModuleIndex(sdkCatalog);
/** The same for Python import paths (`openai`, `langchain_openai`, `google.genai`). */
export const pythonCatalogByModule: ReadonlyMap<string, ModuleExports> = buildModuleIndex(pythonCatalog);

/** A Python import from the catalog: an SDK's module and, where a project package may share its name (`agents`), a name the SDK has. */
export function isPythonCatalogImport(module: string, name: string): boolean {
  return pythonCatalogByModule.has(module) && !isProjectName(module, name);
}

function buildModuleIndex(entries: readonly SdkFacts[]): Map<string, ModuleExports> {
  const index = new Map<string, ModuleExports>();
  const exportsOf = (module: string): ModuleExports => {
    let found = index.get(module);
    if (!found) {
      found = { clients: new Map(), functions: new Map(), providerInstances: new Map(), providerFactories: new Map(), modelHolders: new Map() };
      index.set(module, found);
    }
    return found;
  };
  for (const sdk of entries) {
    for (const module of sdk.modules) {
      const exported = exportsOf(module);
      for (const client of sdk.clients) exported.clients.set(client.exportName, { sdk, client });
      for (const api of sdk.functionApis) exported.functions.set(api.path, { sdk, api });
      for (const holder of sdk.modelHolders ?? []) exported.modelHolders.set(holder.method ? `${holder.exportName}.${holder.method}` : holder.exportName, { sdk, holder });
    }
    for (const provider of sdk.modelProviders) {
      const exported = exportsOf(provider.module);
      for (const name of provider.instances) exported.providerInstances.set(name, { sdk, provider });
      for (const name of provider.factories) exported.providerFactories.set(name, { sdk, provider });
    }
  }
  return index;
}

const clientApiIndex = new Map<SdkFacts, Map<string, ApiFacts>>(
  [...sdkCatalog, ...httpClients, ...pythonCatalog, ...pythonHttpClients].map((sdk) => [sdk, new Map(sdk.clientApis.map((api) => [api.path, api]))]),
);

/**
 * Every name an AI call can end in: method leaves (`create`, `stream`), imported functions (`generateText`) and
 * factories. A call ending in anything else is skipped before any name resolution.
 */
export const callLeafNames: ReadonlySet<string> = new Set([
  ...sdkCatalog.flatMap((sdk) => sdk.clientApis.map((api) => api.path.slice(api.path.lastIndexOf('.') + 1))),
  ...sdkCatalog.flatMap((sdk) => sdk.functionApis.map((api) => api.path)),
  ...sdkCatalog.flatMap((sdk) => sdk.modelProviders.flatMap((provider) => provider.factories)),
  ...(sdkCatalog.some((sdk) => sdk.commandApis) ? ['send'] : []),
  // Plain HTTP to model endpoints: fetch, axios, got, ky.
  ...['fetch', 'axios', 'got', 'ky', 'post', 'put', 'patch', 'request'],
]);

/**
 * The client methods that make a model object, a client of its own (`getGenerativeModel`, `chats.create`), as
 * property paths read from the end: `['create', 'chats']`.
 */
export const modelObjectMethods: readonly (readonly string[])[] = [
  ...new Set(sdkCatalog.flatMap((sdk) => Object.entries(sdk.clientTransforms ?? {}).flatMap(([method, transform]) => (transform === 'model-object' ? [method] : [])))),
].map((method) => method.split('.').reverse());

/** Graph builders by language: what a hand-built graph is made from and how it runs. */
export const graphCatalog: { readonly ts: readonly GraphFacts[]; readonly python: readonly GraphFacts[] } = {
  ts: [langgraphGraphFacts],
  python: [langgraphGraphPythonFacts],
};

/** The graph builder facts of an import (`StateGraph` from `@langchain/langgraph`), by the importing file's language. */
export function graphBuilderOf(module: string, exportName: string, language: Language): GraphFacts | undefined {
  return graphCatalog[language === 'python' ? 'python' : 'ts'].find((facts) => facts.modules.includes(module) && facts.builders.includes(exportName));
}

/** The graph facts a run was read with. */
export function graphFactsOf(run: { module: string; language: Language }): GraphFacts | undefined {
  return graphCatalog[run.language === 'python' ? 'python' : 'ts'].find((facts) => facts.modules.includes(run.module));
}

/** Whether any setting of this SDK is read from a per-request options argument. */
export function usesRequestOptions(sdk: SdkFacts): boolean {
  const refs = [...sdk.timeout.durations, ...sdk.timeout.signals, ...sdk.retries.options];
  return refs.some((ref) => ref.place === 'requestOptions');
}

export function findCommandApi(sdk: SdkFacts, name: string): ApiFacts | undefined {
  return sdk.commandApis?.find((api) => api.path === name);
}

export function findClientApi(sdk: SdkFacts, path: string): ApiFacts | undefined {
  return clientApiIndex.get(sdk)?.get(path);
}

/** Facts by the SDK id, the language and, where one id covers several packages (Google, HTTP clients), the module. */
export function sdkFacts(id: string, module?: string, language?: Language): SdkFacts | undefined {
  const python = language === 'python';
  const candidates = id === 'http' ? (python ? pythonHttpClients : httpClients) : python ? pythonCatalog : sdkCatalog;
  return candidates.find((sdk) => sdk.sdk === id && (module === undefined || sdk.modules.includes(module))) ?? candidates.find((sdk) => sdk.sdk === id);
}

/** The catalog entry for the API a call site calls. */
export function apiFactsOf(site: { sdk: string; module?: string; api: string; language?: Language }): ApiFacts | undefined {
  const sdk = sdkFacts(site.sdk, site.module, site.language);
  return sdk && (findClientApi(sdk, site.api) ?? findCommandApi(sdk, site.api) ?? sdk.functionApis.find((api) => api.path === site.api));
}

/**
 * The catalog module a specifier names: itself, or the package behind an entry-point subpath (`openai/index`,
 * `openai/index.mjs`, `@anthropic-ai/sdk/index.js`) that re-exports the package's main module.
 */
export function catalogModuleOf(specifier: string): string {
  if (catalogByModule.has(specifier)) return specifier;
  const slash = specifier.lastIndexOf('/');
  const base = specifier.slice(0, slash);
  return slash > 0 && ENTRY_POINT.test(specifier.slice(slash + 1)) && catalogByModule.has(base) ? base : specifier;
}

const ENTRY_POINT = /^index(\.(m|c)?js|\.d\.ts|\.ts)?$/;
