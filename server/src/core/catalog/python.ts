import type { ModelHolderFacts, SdkFacts } from './types';
import { mayBeResilienceHelper } from './resilience';
import { anthropicPythonFacts } from './anthropic/python';
import { bedrockPythonFacts } from './bedrock/python';
import { coherePythonFacts } from './cohere/python';
import { googleGenAiPythonFacts, googleGenerativeAiPythonFacts } from './google/python';
import { huggingfacePythonFacts } from './huggingface/python';
import { agentExecutorPythonFacts, langchainPythonFacts, langgraphAgentPythonFacts } from './langchain/python';
import { litellmPythonFacts } from './litellm/python';
import { mistralPythonFacts } from './mistral/python';
import { ollamaPythonFacts } from './ollama/python';
import { groqPythonFacts } from './groq/python';
import { openaiPythonFacts } from './openai/python';
import { openaiAgentsPythonFacts } from './openaiAgents/python';
import { volcengineArkPythonFacts } from './volcengine/python';
import { zhipuaiPythonFacts } from './zhipuai/python';

import { pythonHttpClients } from './http/python';

export { PYTHON_HTTP_METHODS, pythonHttpClients } from './http/python';

/** The Python SDKs, read the same way as the TypeScript catalog; modules are Python import paths. */
export const pythonCatalog: readonly SdkFacts[] = [
  openaiPythonFacts,
  anthropicPythonFacts,
  langchainPythonFacts,
  langgraphAgentPythonFacts,
  agentExecutorPythonFacts,
  googleGenAiPythonFacts,
  googleGenerativeAiPythonFacts,
  huggingfacePythonFacts,
  mistralPythonFacts,
  coherePythonFacts,
  groqPythonFacts,
  ollamaPythonFacts,
  bedrockPythonFacts,
  litellmPythonFacts,
  volcengineArkPythonFacts,
  zhipuaiPythonFacts,
  openaiAgentsPythonFacts,
];

/** Functions that run the model they are given (`create_react_agent(model, tools)`), by `module.name`, with the facts of what they build. */
export const pythonModelHolders: ReadonlyMap<string, { sdk: SdkFacts; holder: ModelHolderFacts }> = new Map(
  pythonCatalog.flatMap((sdk) => (sdk.modelHolders ?? []).map((holder) => [`${holder.module}.${holder.exportName}`, { sdk, holder }] as const)),
);

/**
 * Catalog modules whose name a project's own package often has (`agents/` beside the OpenAI Agents SDK's `agents`):
 * only the names the catalog lists are the SDK's; the rest are looked up in the project.
 */
const SHARED_MODULE_NAMES: ReadonlySet<string> = new Set(['agents']);

/** The names the catalog lists in each shared module: its clients and the first name of its functions (`Runner`). */
const SHARED_MODULE_EXPORTS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  [...SHARED_MODULE_NAMES].map((module) => {
    const entries = pythonCatalog.filter((sdk) => sdk.modules.includes(module));
    const names = entries.flatMap((sdk) => [...sdk.clients.map((client) => client.exportName), ...sdk.functionApis.map((api) => api.path)]);
    return [module, new Set(names.map((name) => name.split('.')[0]))];
  }),
);

/** Whether a catalog module's `name` is the project's own: a name the catalog does not list in a shared module. */
export function isProjectName(module: string, name: string): boolean {
  const listed = SHARED_MODULE_EXPORTS.get(module);
  return listed !== undefined && !listed.has(name);
}

/**
 * Wrappers that return the client they are given, unchanged for our purposes: instructor's `from_openai(client)`,
 * `patch(client)`, `from_anthropic(client)`… (its `max_retries` re-asks on validation errors, not transport errors).
 */
export const PYTHON_CLIENT_WRAPPERS: ReadonlyMap<string, string> = new Map([
  ['instructor', 'instructor'],
]);

/** Python retry decorators and helpers: tenacity `@retry`, `Retrying`, `AsyncRetrying`; backoff `on_exception`. */
export const PYTHON_RETRY_HELPERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['tenacity', new Set(['retry', 'Retrying', 'AsyncRetrying'])],
  ['backoff', new Set(['on_exception', 'on_predicate'])],
  ['stamina', new Set(['retry', 'retry_context'])],
]);

/** Bounds that act as a timeout around a call: `asyncio.wait_for(call, timeout)`, `async with asyncio.timeout(s)`. */
export const PYTHON_TIMEOUT_HELPERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['asyncio', new Set(['wait_for', 'timeout', 'timeout_at'])],
  ['anyio', new Set(['fail_after', 'move_on_after'])],
  ['async_timeout', new Set(['timeout'])],
]);

const KNOWN_HELPER_LEAVES: ReadonlySet<string> = new Set([...PYTHON_RETRY_HELPERS.values(), ...PYTHON_TIMEOUT_HELPERS.values()].flatMap((names) => [...names]));

/** The last name of a callee that may be a retry or timeout helper: a known one, or one named like it (shared with TS). */
export function mayBePythonResilienceHelper(leaf: string): boolean {
  return KNOWN_HELPER_LEAVES.has(leaf) || mayBeResilienceHelper(leaf);
}

/** JSON parsers whose result a model's output may be read with. */
export const PYTHON_JSON_PARSERS: ReadonlySet<string> = new Set(['json.loads', 'orjson.loads', 'ujson.loads']);

/** Packages the catalog knows (SDKs, HTTP clients, retry and timeout helpers, client wrappers): never project modules. */
const CATALOG_PACKAGES: ReadonlySet<string> = new Set(
  [
    ...pythonCatalog.flatMap((sdk) => sdk.modules),
    ...[...pythonModelHolders.values()].flatMap(({ holder }) => (holder.module ? [holder.module] : [])),
    ...pythonHttpClients.flatMap((sdk) => sdk.modules),
    ...PYTHON_RETRY_HELPERS.keys(),
    ...PYTHON_TIMEOUT_HELPERS.keys(),
    ...PYTHON_CLIENT_WRAPPERS.keys(),
  ]
    .map((module) => module.split('.')[0])
    .filter((root) => !SHARED_MODULE_NAMES.has(root)),
);

/** The standard library and common frameworks: their attributes are never a project's clients. */
const OTHER_PACKAGES = /^(os|sys|json|re|time|typing|dataclasses|functools|itertools|pathlib|datetime|logging|collections|contextlib|enum|uuid|math|random|abc|pydantic|fastapi|flask|django|starlette|jsonschema|orjson|ujson|structlog|opentelemetry|langfuse|langsmith|botocore)(\.|$)/;

/** A module whose names are not looked up in the project index: a catalog package, the standard library, a framework. */
export function isKnownPythonModule(module: string): boolean {
  return CATALOG_PACKAGES.has(module.split('.')[0]) || OTHER_PACKAGES.test(module);
}

/** Decorators that make a method read as an attribute (`self.client`): the standard library's. */
export const PROPERTY_DECORATORS: ReadonlySet<string> = new Set(['property', 'cached_property']);

/** Calls that load a module by its name at run time: `importlib.import_module("litellm")`, `__import__("openai")`. */
export const PYTHON_DYNAMIC_IMPORTS: ReadonlySet<string> = new Set(['importlib.import_module', '__import__']);

/** The table of loaded modules: `sys.modules[name]` is the module `name` once imported. */
export const PYTHON_MODULE_TABLE = 'sys.modules';
