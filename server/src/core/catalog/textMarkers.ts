// What a file's text must contain for it to hold an AI call by itself: the catalog's import paths, the names a
// call shape's chain is made of, the endpoint words an HTTP call is matched by. A workspace scan parses only the
// files that contain one (and the files importing a module that reaches a model); the others cannot make a call
// site, so reading them with a regular expression is enough.
import { catalogByModule, httpClients, pythonCatalogByModule } from './index';
import { pythonCatalog, pythonHttpClients } from './python';
import { FETCH_POLYFILLS } from './http/typescript';
import { PYTHON_CALL_SHAPES } from './pythonShapes';
import { callShapes, commandShapes } from './shapes';

/** A chain's rarest necessary word: every segment (and every required option) is written in the call. */
function shapeWord(path: string, requires: readonly string[]): string {
  return [...path.split('.'), ...requires].sort((a, b) => b.length - a.length)[0];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function anyOf(words: Iterable<string>): string {
  return [...new Set(words)].sort().map(escape).join('|');
}

/**
 * Words a model endpoint's URL or body is recognised by (hosts, the routes' last words, `model` in a JSON body).
 * A literal URL names its host; a configured base URL is matched by its route; an unknown one by the body's `model`.
 */
const ENDPOINT_WORDS = [
  'model',
  'openai',
  'anthropic',
  'googleapis',
  'amazonaws',
  '11434',
  'groq',
  'mistral',
  'cohere',
  'openrouter',
  'completions',
  'messages',
  'responses',
  'generateContent',
  'embed',
  'rerank',
  'chat',
  'generate',
  'images',
  'audio',
  'invoke',
  'converse',
];

const TS_MODULES = [...catalogByModule.keys()];
const TS_SHAPE_WORDS = [...callShapes.map((shape) => shapeWord(shape.path, shape.requires)), ...commandShapes.apis.map((api) => api.path)];
const TS_HTTP_MODULES = [...httpClients.flatMap((client) => client.modules), ...FETCH_POLYFILLS];

/** An SDK import path in quotes (`'openai'`, `"ai/rsc"`), or a word of a call shape. */
const TS_DIRECT = new RegExp(`["'\`](?:${anyOf(TS_MODULES)})["'\`/]|\\b(?:${anyOf(TS_SHAPE_WORDS)})\\b`);
/** `fetch` (global, injected or a polyfill), or an HTTP library's import path. */
const TS_HTTP = new RegExp(`fetch|["'\`](?:${anyOf(TS_HTTP_MODULES)})["'\`/]`, 'i');

/**
 * A request sent to a URL held by a name (`fetch(url, …)`, `axios.post(target, …)`): the URL may be a model
 * endpoint its callers give (see the URL flow in the TS extractor), whatever words this file lacks.
 */
const TS_SENDS_NAMED_URL = /\b(?:fetch|(?:axios|got|ky)(?:\.(?:post|put|patch|request))?)\s*\(\s*[A-Za-z_$]/;

const PYTHON_PACKAGES = [
  ...pythonCatalogByModule.keys(),
  ...pythonCatalog.flatMap((sdk) => (sdk.modelHolders ?? []).flatMap((holder) => (holder.module ? [holder.module] : []))),
].map((module) => module.split('.')[0]);
const PYTHON_SHAPE_WORDS = PYTHON_CALL_SHAPES.map((shape) => shapeWord(shape.path, shape.requires));
const PYTHON_HTTP_PACKAGES = pythonHttpClients.flatMap((client) => client.modules).map((module) => module.split('.')[0]);

/** A catalog package's top-level name (`from google import genai`, `import boto3`), or a word of a call shape. */
const PYTHON_DIRECT = new RegExp(`\\b(?:${anyOf([...PYTHON_PACKAGES, ...PYTHON_SHAPE_WORDS])})\\b`);
const PYTHON_HTTP = new RegExp(`\\b(?:${anyOf(PYTHON_HTTP_PACKAGES)})\\b`);
const ENDPOINT = new RegExp(anyOf(ENDPOINT_WORDS));

/**
 * Whether a file's text may hold an AI call or client of its own (not counting what it imports from project
 * modules). False means no extractor can find one in it: the text lacks every word recognition needs.
 */
export function mayHoldAiCall(text: string, language: 'ts' | 'js' | 'python'): boolean {
  if (language === 'python') return PYTHON_DIRECT.test(text) || (PYTHON_HTTP.test(text) && ENDPOINT.test(text));
  return TS_DIRECT.test(text) || (TS_HTTP.test(text) && (ENDPOINT.test(text) || TS_SENDS_NAMED_URL.test(text)));
}
