// Reads every AI call site and client construction in one Python file: the walk, then resolution per call.
export type { PythonExtractOptions } from './context';
import type { CallSite, ExtractedFacts } from '../../model';
import { loggerMatcher } from '../shared/loggers';
import type { PyTree } from './parser';
import { boundMethodSite } from './boundMethods';
import { siteOf } from './calls';
import { PYTHON_CALL_LEAVES, PendingCall, PyFile, PythonExtractOptions, calleeLeaf, parseProblemsOf } from './context';
import { exports } from './exports';
import { graphRunsOf } from './graphs';
import { evaluate } from './resolver';
import { walk } from './walk';
import { wrapperSites } from './wrappers';

/** Reads every AI call site and client construction in one Python file. One walk, then resolution. */
export function extractPython(file: string, tree: PyTree, options: PythonExtractOptions): ExtractedFacts {
  return run(new PyFile(file, tree.rootNode, loggerMatcher(options.loggers), new Set(options.redactors), options.resolveImport));
}


/** The names a file binds in its module and the modules it imports whole: the walk alone, nothing resolved. */
export function moduleBindingsOf(file: string, tree: PyTree, options: PythonExtractOptions): { moduleNames: string[]; star: string[] } {
  const cx = new PyFile(file, tree.rootNode, loggerMatcher(options.loggers), new Set(options.redactors), undefined);
  walk(cx, cx.root, { scope: cx.module });
  return { moduleNames: [...cx.module.names.keys()], star: cx.star };
}

export function run(cx: PyFile): ExtractedFacts {
  walk(cx, cx.root, { scope: cx.module });
  const direct: [PendingCall, CallSite][] = [];
  for (const call of cx.calls) {
    const leaf = calleeLeaf(call.node);
    // Every construction is recorded, used or not (a key written into an unused client is still a leak).
    if (leaf && (/^[A-Z]/.test(leaf) || leaf === 'client')) evaluate(cx, call.node, call.scope);
    // Only calls ending in a name some API ends in can be AI calls: the cheap test before any resolution.
    const site = (leaf && PYTHON_CALL_LEAVES.has(leaf) ? siteOf(cx, call) : undefined) ?? boundMethodSite(cx, call);
    if (site) direct.push([call, site]);
  }
  const reached = [...direct, ...wrapperSites(cx, direct)];
  const sites = reached.map(([, site]) => site);
  sites.sort((a, b) => a.span.start - b.span.start);
  const graphRuns = graphRunsOf(cx);
  return {
    file: cx.file,
    language: 'python',
    callSites: sites,
    // In position order, as call sites are: the declaration cache puts a file's facts together statement by statement.
    clients: [...cx.clients.values()].sort((a, b) => a.span.start - b.span.start),
    ...(graphRuns.length > 0 ? { graphRuns } : {}),
    ...parseProblemsOf(cx.root),
    ...(cx.tooDeepAt === undefined ? {} : { unreadFrom: cx.tooDeepAt }),
    moduleNames: new Set(cx.module.names.keys()),
    exports: exports(cx, reached),
  };
}
