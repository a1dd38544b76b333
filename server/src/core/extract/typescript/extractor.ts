// Reads every AI call site and client construction in one TS/JS file: the walk, then resolution per call.
import { callLeafNames, catalogByModule, modelObjectMethods } from '../../catalog';
import type { CallSite, ExportedValue, ExtractedFacts, GivenCallback, GivenUrl } from '../../model';
import { unwrap } from './options';
import { readExports } from './exports';
import { loggerMatcher } from '../shared/loggers';
import { ts } from './ts';
import { catalogImports, clientCallSite, functionCallSite } from './calls';
import { ExtractOptions, PendingCall, TsFile, type Value } from './context';
import { fetchLike, httpCallSite, sendsRequest } from './http';
import { graphRunsOf } from './graphs';
import { shapeCallSite } from './shapes';
import { wrapperCallSites } from './wrappers';
import { plainFunctionExport } from './callbacks';
import { classExportOf, type ClassExport } from './projectClasses';
import { parseProblemsOf } from './syntax';

export { parseTypeScript, scriptKindFor } from './syntax';
import { sourceOfName } from './prompt';
import { importedValue } from './declaredValues';
import { callValueOf, propertyValue, valueOf, valueOfName } from './resolver';
import { constantOf } from './constructions';
import { visit, visitStatements } from './walk';

/** Reads every AI call site and client construction in one TS/JS file. One parse, one walk. */
export function extractTypeScript(file: string, sourceFile: ts.SourceFile, options: ExtractOptions): ExtractedFacts {
  return run(walkedFile(file, sourceFile, options));
}

/** The file's extraction state after the walk: its declarations, calls and constructions recorded. */
export function walkedFile(file: string, sourceFile: ts.SourceFile, options: ExtractOptions): TsFile {
  const loggerRoots = new Set(options.loggers.map((pattern) => pattern.split('.')[0]));
  const cx = new TsFile(file, sourceFile, loggerMatcher(options.loggers), new Set(options.redactors), loggerRoots, options.resolveImport);
  cx.lookupConstant = (expr) => constantOf(cx, expr);
  cx.valueOfExpression = (expr) => valueOf(cx, expr);
  cx.sendsRequest = (call) => sendsRequest(cx, call);
  cx.sourceOfRoot = (root) => sourceOfName(cx, root.text, root.pos, 0);
  cx.visitChild = (node) => visit(cx, node);
  cx.scope = { start: 0, end: cx.sourceFile.end };
  visitStatements(cx, cx.sourceFile.statements);
  return cx;
}


function run(cx: TsFile): ExtractedFacts {
  for (const node of cx.constructions) valueOf(cx, node);
  // A model object made from a client is recorded as a client wherever it is made, as `new` clients are: whether a
  // request through it is recognised here must not decide it (nor what else the file calls).
  for (const call of cx.calls) if (makesModelObject(call.node)) valueOf(cx, call.node);
  const callSites: CallSite[] = [];
  const found: [PendingCall, CallSite][] = [];
  for (const call of cx.calls) {
    const site = callSiteOf(cx, call);
    if (site) found.push([call, site]);
  }
  callSites.push(...found.map(([, site]) => site));
  const given: GivenCallback[] = [];
  const urlsGiven: GivenUrl[] = [];
  callSites.push(...wrapperCallSites(cx, found, given, urlsGiven));
  callSites.sort((a, b) => a.span.start - b.span.start);
  const graphRuns = graphRunsOf(cx);
  return {
    file: cx.file,
    language: cx.language,
    callSites,
    // In position order, as call sites are: the declaration cache puts a file's facts together statement by statement.
    clients: [...cx.clientsByNode.values()].sort((a, b) => a.span.start - b.span.start),
    ...(graphRuns.length > 0 ? { graphRuns } : {}),
    ...parseProblemsOf(cx.sourceFile),
    ...(cx.tooDeepAt === undefined ? {} : { unreadFrom: cx.tooDeepAt }),
    moduleNames: cx.scopes.namesIn(cx.scope),
    exports: {
      ...readExports(cx.sourceFile, {
        ofName: (name) => exportedValueOf(exportedNameValue(cx, name)) ?? plainFunctionExport(cx, name),
        ofExpression: (expression) => exportedValueOf(valueOf(cx, expression)),
      }),
      ...(given.length > 0 ? { given } : {}),
      ...(urlsGiven.length > 0 ? { urlsGiven } : {}),
    },
  };
}


/** `genAI.getGenerativeModel(…)`, `ai.chats.create(…)`: a call named as a client method that makes a model object. */
function makesModelObject(node: ts.CallExpression): boolean {
  return modelObjectMethods.some((path) => {
    let callee: ts.Expression = unwrap(node.expression);
    for (const name of path) {
      if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== name) return false;
      callee = unwrap(callee.expression);
    }
    return true;
  });
}


// ---- call sites ----

export function callSiteOf(cx: TsFile, call: PendingCall): CallSite | undefined {
  const callee = unwrap(call.node.expression);
  const leaf = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  // `customFetch(options)(url, init)` is the only call of a call's result we read.
  if (ts.isCallExpression(callee)) return fetchLike(cx, unwrap(callee.expression)) ? httpCallSite(cx, call, callee) : undefined;
  if (leaf === undefined || !(callLeafNames.has(leaf) || (ts.isIdentifier(callee) && catalogImports(cx).has(leaf)) || fetchLike(cx, callee))) return undefined;
  const http = httpCallSite(cx, call, callee);
  if (http) return http;
  if (ts.isIdentifier(callee)) {
    const value = valueOf(cx, callee);
    if (value?.kind !== 'module') return undefined;
    const exported = catalogByModule.get(value.module);
    const found = exported?.functions.get(value.exportName);
    if (found) return functionCallSite(cx, call, found.sdk, found.api, `${value.exportName}() imported from '${value.module}'`);
    // `createOpenAI({...})` builds a provider whose options (its key) rules read, even when nothing calls it here.
    if (exported?.providerFactories.has(value.exportName)) callValueOf(cx, call.node, 0);
    return undefined;
  }
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const path: string[] = [];
  let root: ts.Expression = callee;
  while (ts.isPropertyAccessExpression(root)) {
    path.unshift(root.name.text);
    root = unwrap(root.expression);
  }
  if (root.kind === ts.SyntaxKind.ThisKeyword) {
    const member = path.shift();
    if (!member) return undefined;
    const value = valueOfName(cx, `this.${member}`, call.node.pos, 0);
    if (!unresolved(value)) return clientCallSite(cx, call, value, path, `this.${member}`);
    return shapeCallSite(cx, call, callee.expression, [member, ...path]);
  }
  let owner = valueOf(cx, root);
  const fullPath = [...path];
  if (owner?.kind === 'module' && owner.exportName === '*' && path.length === 1) {
    const found = catalogByModule.get(owner.module)?.functions.get(path[0]);
    return found ? functionCallSite(cx, call, found.sdk, found.api, `${path[0]}() from '${owner.module}'`) : undefined;
  }
  if (owner?.kind === 'module' && owner.exportName === '*' && path.length > 1) {
    // `import * as ai from './ai'; ai.client.chat.completions.create(…)`
    owner = importedValue(cx, { module: owner.module, exportName: path.shift()! });
  }
  while ((owner?.kind === 'object' || owner?.kind === 'typed') && path.length > 1) {
    // `const models = { fast: new ChatGroq(…) }; models.fast.invoke(…)`, `deps: { openai: OpenAI }`
    owner = propertyValue(cx, owner, path.shift()!, 0);
  }
  if (unresolved(owner)) return shapeCallSite(cx, call, root, fullPath);
  return clientCallSite(cx, call, owner, path, root.getText(cx.sourceFile));
}

/** Nothing known about a receiver: no value, or an import from a module neither the catalog nor the project index knows. */
function unresolved(value: Value | undefined): boolean {
  return value === undefined || (value.kind === 'module' && !catalogByModule.has(value.module));
}


// ---- what other modules see ----

/** A top-level name as other modules see it; a name imported from elsewhere is passed on. */
export function exportedNameValue(cx: TsFile, name: string): Value | ClassExport | { kind: 'reexport'; module: string; exportName: string } | undefined {
  const declaration = cx.scopes.resolve(name, cx.sourceFile.end);
  if (declaration?.import && !catalogByModule.has(declaration.import.module)) return { kind: 'reexport', ...declaration.import };
  if (declaration?.class) return classExportOf(cx, declaration.class, name, (base) => valueOf(cx, base));
  return valueOfName(cx, name, cx.sourceFile.end, 0);
}


export function exportedValueOf(value: Value | ClassExport | { kind: 'reexport'; module: string; exportName: string } | undefined): ExportedValue | undefined {
  switch (value?.kind) {
    case 'class':
    case 'reexport':
    case 'wrapper':
    case 'invoker':
      return value;
    case 'client':
    case 'factory': {
      const client = value.kind === 'client' ? value : value.client;
      const { sdk, construction, known, module, retryWrapper, fallback, via } = client;
      return { kind: 'client', sdk: sdk.sdk, construction, known, module, retryWrapper, fallback, via, factory: value.kind === 'factory' };
    }
    default:
      return undefined;
  }
}
