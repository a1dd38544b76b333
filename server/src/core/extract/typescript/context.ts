import type { ModelProviderFacts, SdkFacts } from '../../catalog';
import type { CallSite, ClientConstruction, ExportedValue, ImportResolver, Language, OptionMap, OptionTarget, PromptSource, Span, WrappedCall } from '../../model';
import { type ConstantLookup } from './options';
import { type LoggerMatcher } from '../shared/loggers';
import { type FunctionRecords } from './handling';
import { ScopeIndex, type Declaration } from './scope';
import { scriptKindFor } from './syntax';
import { ts } from './ts';

// The state one file's extraction shares across its rooms: the walk's records and resolution's memos.

/** What an expression evaluates to, as far as it matters to AI calls. */
export type Value =
  | { kind: 'module'; module: string; exportName: string }
  | {
      kind: 'client';
      sdk: SdkFacts;
      /** Where it was built, when that is in this file. */
      construction?: ClientConstruction;
      /** Its options are all visible: built here, or a ready instance with defaults. */
      known: boolean;
      module?: string;
      overrides?: OptionMap;
      retryWrapper?: string;
      fallback?: string;
      via: string;
    }
  | { kind: 'provider'; sdk: SdkFacts; provider: ModelProviderFacts; construction?: ClientConstruction }
  /** A function that returns a client: `getClient()`. */
  | { kind: 'factory'; client: ClientValue }
  /** An instance of a class declared in this file, whose methods may be wrappers. */
  | { kind: 'instance'; declaration: ts.ClassLikeDeclaration }
  /** A class declared in this file, named (as the base a class extends), not built. */
  | { kind: 'localClass'; declaration: ts.ClassLikeDeclaration }
  /** A project class another module exports (`instance` when the value is one of its instances, not the class). */
  | { kind: 'projectClass'; cls: Extract<ExportedValue, { kind: 'class' }> & { file: string }; instance: boolean }
  /**
   * A project function that makes an AI call; `injected` when it is a parameter its callers fill with one (a call of it
   * is a model request, but the function around that call reaches a model only through what it is given).
   */
  | { kind: 'wrapper'; name: string; file: string; wraps: WrappedCall; injected?: { from: string } }
  /** A project function that calls the callbacks it is given. */
  | Extract<ExportedValue, { kind: 'invoker' }>
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'object'; node: ts.ObjectLiteralExpression }
  /** A value declared with an object type: its members are known by their declared types. */
  | { kind: 'typed'; members: ts.NodeArray<ts.TypeElement> }
  /** A Map, Record or array; `element` when its values' type or what is put in it is known. */
  | { kind: 'collection'; element?: Value; receiver?: string };

export type ClientValue = Extract<Value, { kind: 'client' }>;

/** The resolver's answer, handed to rooms it uses so that they need not import it. */
export type ValueOf = (expression: ts.Expression, depth: number) => Value | undefined;

export interface OptionsArgument {
  options: OptionMap;
  target?: OptionTarget;
  object?: ts.ObjectLiteralExpression;
}

export interface PendingCall {
  node: ts.CallExpression;
  enclosingFunction?: string;
  /** The innermost statement holding the call, and the statements of its block. */
  statement?: ts.Statement;
  statements?: ts.NodeArray<ts.Statement>;
  /** The innermost try whose try-block holds the call, within the call's own function. */
  tryStatement?: ts.TryStatement;
  functionNode?: ts.SignatureDeclaration;
  /** Calls that take this one inside an argument and may be retry or timeout helpers, innermost last. */
  helpers: readonly ts.CallExpression[];
  /** The innermost function with a name (declared, or held by a const or property) the call is in. */
  namedFunction?: ts.FunctionLikeDeclaration;
  /** What the helpers around it add, worked out once (guards and effective settings both read it). */
  resilience?: Resilience;
  /** The statements and functions that hold the call. */
  holders?: Holders;
}

/** The statements and functions around the walk's position, innermost first; shared, never copied. */
export interface Holders {
  node: ts.Node;
  outer?: Holders;
}

export type Resilience = { retryWrapper?: string; timeoutWrapper?: string; fallbackWrapper?: string };

export interface ExtractOptions {
  /** Callee patterns that count as audit logging (`logger.*`, `console.info`). */
  loggers: readonly string[];
  /** Functions that redact personal data before it reaches a prompt. */
  redactors: readonly string[];
  /** What other project modules export; without it, imports from the project are not followed. */
  resolveImport?: ImportResolver;
}

export const MAX_ALIAS_DEPTH = 8;
export const LAZY_OPERATORS = new Set([
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.EqualsToken,
]);

export const VALIDATOR_LEAF = /^(parse|safeParse|parseAsync|safeParseAsync|validate|validateSync|assert|check|Check|decode|cast|is|(validate|assert|check|parse|is)[A-Z]\w*)$/;


/** One file's extraction: what the walk records and what resolution memoises, shared by the extractor's rooms. */
export class TsFile {
  readonly scopes = new ScopeIndex();
  readonly calls: PendingCall[] = [];
  readonly constructions: ts.NewExpression[] = [];
  /** Every class the walk met, outer before inner. */
  readonly classes: ts.ClassLikeDeclaration[] = [];
  readonly clientsByNode = new Map<ts.Node, ClientConstruction>();
  /** Logger, JSON.parse and validator calls per function (the file for top-level code). */
  readonly records = new Map<ts.Node, FunctionRecords>();
  /** Start offsets of template literals that span lines (re-indenting them would change the string). */
  readonly multilineTemplates: number[] = [];
  /** The validator call the walk is inside, so a `JSON.parse` in its arguments counts as checked. */
  validator: string | undefined;
  /** Type names a `JSON.parse` result is asserted or declared as, and aliases of zod schemas' types. */
  readonly parseTypes = new Map<ts.Node, string>();
  readonly schemaOfType = new Map<string, string>();
  /** Set by the extractor: how prompt reading finds where a name's value comes from. */
  sourceOfRoot!: (root: ts.Identifier) => PromptSource;
  readonly resolving = new Set<Declaration>();
  /**
   * What a call evaluates to, per call node, depth and names being resolved (the answer depends on all three):
   * a chain of 17 `.replace()` calls asked each link again on three paths, 3^17 times.
   */
  readonly callValues = new Map<ts.Node, Map<string, Value | undefined>>();
  private readonly declarationIds = new Map<Declaration, number>();
  readonly language: Language;
  /** Set by the extractor: same-file constants behind identifiers. */
  lookupConstant!: ConstantLookup;
  /** Set by the extractor: whether a call is an HTTP request whose first argument is its URL (`fetch(url, …)`). */
  sendsRequest!: (call: ts.CallExpression) => boolean;
  /** Set by the extractor: what the resolver says an expression holds, for the rooms the resolver itself uses. */
  valueOfExpression!: (expression: ts.Expression) => Value | undefined;

  /** The memo key of a call evaluated at `depth` while the current names are being resolved. */
  callValueKey(depth: number): string {
    let key = String(depth);
    for (const declaration of this.resolving) {
      let id = this.declarationIds.get(declaration);
      if (id === undefined) this.declarationIds.set(declaration, (id = this.declarationIds.size));
      key += `,${id}`;
    }
    return key;
  }

  constructor(
    readonly file: string,
    readonly sourceFile: ts.SourceFile,
    readonly isLogger: LoggerMatcher,
    readonly redactors: ReadonlySet<string>,
    readonly loggerRoots: ReadonlySet<string>,
    readonly resolveImport: ImportResolver | undefined,
  ) {
    const kind = scriptKindFor(file);
    this.language = kind === ts.ScriptKind.JS || kind === ts.ScriptKind.JSX ? 'js' : 'ts';
  }

  // ---- walk: record declarations, calls and constructions ----

  /** Walk state, kept in fields so the per-node callback is one bound function, not a closure per node. */
  scope: Span = { start: 0, end: 0 };
  classScope: Span | undefined;
  functionName: string | undefined;
  holders: Holders | undefined;
  statement: ts.Statement | undefined;
  statements: ts.NodeArray<ts.Statement> | undefined;
  tryStatement: ts.TryStatement | undefined;
  functionNode: ts.SignatureDeclaration | undefined;
  helpers: readonly ts.CallExpression[] = [];
  namedFunction: ts.FunctionLikeDeclaration | undefined;
  /** Named functions that make an AI call, with the first call they make; filled after the walk. */
  readonly wrappers = new Map<ts.Node, CallSite>();
  /** Every function (inline ones too) holding a model request that is not only a call of what it is given. */
  readonly reachedCallbacks = new Map<ts.Node, CallSite>();
  /** The wrapper pass's round: what a parameter was found not to hold stays true until the next round. */
  wrapperRound = 0;
  /** Local names of the functions the module exports; read once, when a parameter's callers are looked up. */
  exportedLocals: Set<string> | undefined;
  readonly returnedClients = new Map<ts.Node, ClientValue | null>();
  /** Functions whose returned SDK module is being worked out (a function returning itself reads as none). */
  readonly returnedNamespaces = new Set<ts.Node>();
  /** Constructions held by module-level declarations, by the name that holds them. */
  readonly moduleConstants = new Map<ts.Node, string>();
  /** Assignments to plain names, for `let` declarations without a value. */
  readonly assignments = new Map<string, { at: number; value: ts.Expression }[]>();
  /** Assignments to members of plain names (`context.requestURL = …`), by member name. */
  readonly memberAssignments = new Map<string, { receiver: ts.Identifier; value: ts.Expression }[]>();
  /** Requests whose URL is a parameter the callers give a model endpoint: part of the callers' requests, not a wrapper of their own. */
  readonly urlsFromCallers = new Set<ts.Node>();
  /** Expressions each function returns, recorded by the walk. */
  readonly returns = new Map<ts.Node, ts.Expression[]>();
  /** Names of the named functions the walk saw, by node. */
  readonly functionNames = new Map<ts.Node, string>();
  /** Awaited results bound to names: call → `r` in `const r = await call()`. */
  readonly bindings = new Map<ts.Node, ts.BindingName>();
  /** Calls whose promise gets `.catch()` or `.then(ok, fail)`. */
  readonly promiseHandled = new Set<ts.Node>();
  /** Set by the walk: the one bound per-node callback. */
  visitChild!: (node: ts.Node) => void;
  depth = 0;
  /** Where the walk first met code nested deeper than it reads; that subtree is left out. */
  tooDeepAt: number | undefined;

  catalogImportNames: Set<string> | undefined;
  /** Values put into collections, by the receiver's text (`this.clients` in `this.clients.set(k, v)`); read lazily. */
  collectionSets: Map<string, ts.Expression[]> | undefined;
}
