import * as path from 'node:path';
import { callLeafNames, catalogByModule, findClientApi, findCommandApi, httpClients, matchEndpoint, sdkFacts, usesRequestOptions, type HttpEndpoint } from '../../catalog';
import { optionAt } from '../../model';
import { mayBeResilienceHelper, POLICY_RUNNERS, resilienceOfName, type ResilienceKind } from '../../catalog/resilience';
import type { ApiFacts, ModelProviderFacts, SdkFacts } from '../../catalog';
import type {
  CallSite,
  ClientConstruction,
  ExportedValue,
  ExtractedFacts,
  FileFacts,
  Guarded,
  ImportResolver,
  JsonParse,
  Language,
  Logged,
  ModelRef,
  OptionEntry,
  OptionMap,
  OptionTarget,
  OptionValue,
  PromptSource,
  Span,
  StatementTarget,
  StreamFacts,
  WrappedCall,
} from '../../model';
import { effectiveRetries, effectiveTimeout } from '../shared/effective';
import {
  missingArgumentTarget,
  noOptions,
  objectTarget,
  propertyNameText,
  readLiteral,
  readOptions,
  spanOf,
  unknownOptions,
  unwrap,
  type ConstantLookup,
} from './options';
import { readExports } from './exports';
import { loggerMatcher, type LoggerMatcher } from '../shared/loggers';
import { wrappedCallOf } from '../shared/wrapped';
import { calleeName, classifyCatch, isValidator, mentionsIn, type CallRecord, type FunctionRecords } from './handling';
import { accessRoot, PromptReader, type SourceOf } from './prompt';
import { indentAt, nextLineBreak, trimTrailing } from '../../model';
import { MAX_WALK_DEPTH } from '../shared/limits';
import { brokenRegions } from '../shared/brokenRegions';
import { declareClassMember, declareImport, declareParameter, declareVariable, ScopeIndex, type Declaration } from './scope';
import { ts } from './ts';

/** What an expression evaluates to, as far as it matters to AI calls. */
type Value =
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
  /** A project function that makes an AI call. */
  | { kind: 'wrapper'; name: string; file: string; wraps: WrappedCall }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'object'; node: ts.ObjectLiteralExpression };

type ClientValue = Extract<Value, { kind: 'client' }>;

interface OptionsArgument {
  options: OptionMap;
  target?: OptionTarget;
  object?: ts.ObjectLiteralExpression;
}

interface PendingCall {
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
interface Holders {
  node: ts.Node;
  outer?: Holders;
}

type Resilience = { retryWrapper?: string; timeoutWrapper?: string; fallbackWrapper?: string };

export interface ExtractOptions {
  /** Callee patterns that count as audit logging (`logger.*`, `console.info`). */
  loggers: readonly string[];
  /** Functions that redact personal data before it reaches a prompt. */
  redactors: readonly string[];
  /** What other project modules export; without it, imports from the project are not followed. */
  resolveImport?: ImportResolver;
}

const MAX_ALIAS_DEPTH = 8;
const LAZY_OPERATORS = new Set([
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.EqualsToken,
]);

const VALIDATOR_LEAF = /^(parse|safeParse|parseAsync|safeParseAsync|validate|validateSync|assert|check|Check|decode|cast|is|(validate|assert|check|parse|is)[A-Z]\w*)$/;

// Read once: on ts-morph's export each `ts.X` is a getter, too slow for a per-node switch.
const { SyntaxKind, NodeFlags, forEachChild } = ts;

export function scriptKindFor(file: string): ts.ScriptKind {
  const lower = file.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(lower)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

export function parseTypeScript(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKindFor(file));
}

/** Reads every AI call site and client construction in one TS/JS file. One parse, one walk. */
export function extractTypeScript(file: string, sourceFile: ts.SourceFile, options: ExtractOptions): ExtractedFacts {
  const loggerRoots = new Set(options.loggers.map((pattern) => pattern.split('.')[0]));
  return new TypeScriptExtractor(file, sourceFile, loggerMatcher(options.loggers), new Set(options.redactors), loggerRoots, options.resolveImport).run();
}

class TypeScriptExtractor {
  private readonly scopes = new ScopeIndex();
  private readonly calls: PendingCall[] = [];
  private readonly constructions: ts.NewExpression[] = [];
  private readonly clientsByNode = new Map<ts.Node, ClientConstruction>();
  /** Logger, JSON.parse and validator calls per function (the file for top-level code). */
  private readonly records = new Map<ts.Node, FunctionRecords>();
  /** Start offsets of template literals that span lines (re-indenting them would change the string). */
  private readonly multilineTemplates: number[] = [];
  /** The validator call the walk is inside, so a `JSON.parse` in its arguments counts as checked. */
  private validator: string | undefined;
  /** Type names a `JSON.parse` result is asserted or declared as, and aliases of zod schemas' types. */
  private readonly parseTypes = new Map<ts.Node, string>();
  private readonly schemaOfType = new Map<string, string>();
  private readonly sourceOfRoot: SourceOf = (root) => this.sourceOfName(root.text, root.pos, 0);
  private readonly resolving = new Set<Declaration>();
  private readonly language: Language;
  private readonly lookupConstant: ConstantLookup = (expr) => this.constantOf(expr);

  constructor(
    private readonly file: string,
    private readonly sourceFile: ts.SourceFile,
    private readonly isLogger: LoggerMatcher,
    private readonly redactors: ReadonlySet<string>,
    private readonly loggerRoots: ReadonlySet<string>,
    private readonly resolveImport: ImportResolver | undefined,
  ) {
    const kind = scriptKindFor(file);
    this.language = kind === ts.ScriptKind.JS || kind === ts.ScriptKind.JSX ? 'js' : 'ts';
  }

  run(): ExtractedFacts {
    this.scope = { start: 0, end: this.sourceFile.end };
    this.visitStatements(this.sourceFile.statements);
    for (const node of this.constructions) this.valueOf(node);
    const callSites: CallSite[] = [];
    const found: [PendingCall, CallSite][] = [];
    for (const call of this.calls) {
      const site = this.callSiteOf(call);
      if (site) found.push([call, site]);
    }
    callSites.push(...found.map(([, site]) => site));
    callSites.push(...this.wrapperCallSites(found));
    callSites.sort((a, b) => a.span.start - b.span.start);
    return {
      file: this.file,
      language: this.language,
      callSites,
      clients: [...this.clientsByNode.values()],
      ...parseProblemsOf(this.sourceFile),
      ...(this.tooDeepAt === undefined ? {} : { unreadFrom: this.tooDeepAt }),
      moduleNames: this.scopes.namesIn(this.scope),
      exports: readExports(this.sourceFile, {
        ofName: (name) => this.exportedValueOf(this.exportedNameValue(name)),
        ofExpression: (expression) => this.exportedValueOf(this.valueOf(expression)),
      }),
    };
  }

  // ---- walk: record declarations, calls and constructions ----

  /** Walk state, kept in fields so the per-node callback is one bound function, not a closure per node. */
  private scope: Span = { start: 0, end: 0 };
  private classScope: Span | undefined;
  private functionName: string | undefined;
  private holders: Holders | undefined;
  private statement: ts.Statement | undefined;
  private statements: ts.NodeArray<ts.Statement> | undefined;
  private tryStatement: ts.TryStatement | undefined;
  private functionNode: ts.SignatureDeclaration | undefined;
  private helpers: readonly ts.CallExpression[] = [];
  private namedFunction: ts.FunctionLikeDeclaration | undefined;
  /** Named functions that make an AI call, with the first call they make; filled after the walk. */
  private readonly wrappers = new Map<ts.Node, CallSite>();
  private readonly returnedClients = new Map<ts.Node, ClientValue | null>();
  /** Constructions held by module-level declarations, by the name that holds them. */
  private readonly moduleConstants = new Map<ts.Node, string>();
  /** Assignments to plain names, for `let` declarations without a value. */
  private readonly assignments = new Map<string, { at: number; value: ts.Expression }[]>();
  /** Expressions each function returns, recorded by the walk. */
  private readonly returns = new Map<ts.Node, ts.Expression[]>();
  /** Names of the named functions the walk saw, by node. */
  private readonly functionNames = new Map<ts.Node, string>();
  /** Awaited results bound to names: call → `r` in `const r = await call()`. */
  private readonly bindings = new Map<ts.Node, ts.BindingName>();
  /** Calls whose promise gets `.catch()` or `.then(ok, fail)`. */
  private readonly promiseHandled = new Set<ts.Node>();
  private readonly visitChild = (node: ts.Node): void => this.visit(node);
  private depth = 0;
  /** Where the walk first met code nested deeper than it reads; that subtree is left out. */
  private tooDeepAt: number | undefined;

  /** The walk recurses; a depth bound keeps generated or hostile nesting from overflowing the stack. */
  private visit(node: ts.Node): void {
    if (this.depth >= MAX_WALK_DEPTH) {
      this.tooDeepAt ??= node.getStart(this.sourceFile);
      return;
    }
    this.depth++;
    try {
      this.visitNode(node);
    } finally {
      this.depth--;
    }
  }

  private visitNode(node: ts.Node): void {
    switch (node.kind) {
      case SyntaxKind.ImportDeclaration:
        declareImport(node as ts.ImportDeclaration, this.scope, this.scopes);
        return;
      case SyntaxKind.VariableDeclarationList: {
        const list = node as ts.VariableDeclarationList;
        const constant = (list.flags & NodeFlags.Const) !== 0;
        for (const declaration of list.declarations) declareVariable(declaration, this.scope, constant, this.scopes);
        break;
      }
      case SyntaxKind.VariableDeclaration:
      case SyntaxKind.PropertyAssignment: {
        // `const handler = async () => …` names the function it holds.
        const named = node as ts.VariableDeclaration | ts.PropertyAssignment;
        const initializer = named.initializer;
        if (
          initializer &&
          named.name.kind === SyntaxKind.Identifier &&
          (initializer.kind === SyntaxKind.ArrowFunction || initializer.kind === SyntaxKind.FunctionExpression)
        ) {
          this.visitFunction(initializer as ts.ArrowFunction, (named.name as ts.Identifier).text);
          return;
        }
        if (initializer && node.kind === SyntaxKind.VariableDeclaration) {
          const value = unwrap(initializer);
          if (value.kind === SyntaxKind.CallExpression) this.bindings.set(value, named.name as ts.BindingName);
          // A client held by a module-level const can be named by fixes anywhere in the file.
          if (value.kind === SyntaxKind.NewExpression && named.name.kind === SyntaxKind.Identifier && this.scope.start === 0) {
            this.moduleConstants.set(value, (named.name as ts.Identifier).text);
          }
          const type = typeReferenceName((node as ts.VariableDeclaration).type);
          if (type && value.kind === SyntaxKind.CallExpression) this.parseTypes.set(value, type);
        }
        break;
      }
      case SyntaxKind.AsExpression: {
        const assertion = node as ts.AsExpression;
        const type = typeReferenceName(assertion.type);
        const value = unwrap(assertion.expression);
        if (type && value.kind === SyntaxKind.CallExpression) this.parseTypes.set(value, type);
        break;
      }
      case SyntaxKind.TypeAliasDeclaration: {
        // type Ticket = z.infer<typeof TicketSchema>
        const alias = node as ts.TypeAliasDeclaration;
        const type = alias.type;
        if (ts.isTypeReferenceNode(type) && /(^|\.)(infer|output|Infer)$/.test(type.typeName.getText(this.sourceFile))) {
          const [argument] = type.typeArguments ?? [];
          if (argument && ts.isTypeQueryNode(argument) && ts.isIdentifier(argument.exprName)) {
            this.schemaOfType.set(alias.name.text, argument.exprName.text);
          }
        }
        break;
      }
      case SyntaxKind.CallExpression: {
        const call = node as ts.CallExpression;
        this.calls.push({
          node: call,
          enclosingFunction: this.functionName,
          statement: this.statement,
          statements: this.statements,
          tryStatement: this.tryStatement,
          functionNode: this.functionNode,
          helpers: this.helpers,
          namedFunction: this.namedFunction,
          holders: this.holders,
        });
        const callee = call.expression;
        if (callee.kind === SyntaxKind.PropertyAccessExpression) {
          const method = (callee as ts.PropertyAccessExpression).name.text;
          if ((method === 'catch' && call.arguments.length > 0) || (method === 'then' && call.arguments.length > 1)) {
            this.promiseHandled.add(unwrap((callee as ts.PropertyAccessExpression).expression));
          }
        }
        const name = this.mayBeRecorded(callee) ? calleeName(callee) : undefined;
        if (name !== undefined && this.recordCall(call, name)) {
          const outer = this.validator;
          this.validator = name;
          forEachChild(node, this.visitChild);
          this.validator = outer;
          return;
        }
        const leaf = callee.kind === SyntaxKind.Identifier ? (callee as ts.Identifier).text : callee.kind === SyntaxKind.PropertyAccessExpression ? (callee as ts.PropertyAccessExpression).name.text : undefined;
        if (leaf !== undefined && call.arguments.length > 0 && mayBeResilienceHelper(leaf)) {
          // Calls inside its arguments run under this helper (a retry, a timeout, a fallback).
          const outer = this.helpers;
          this.helpers = [...outer, call];
          forEachChild(node, this.visitChild);
          this.helpers = outer;
          return;
        }
        break;
      }
      case SyntaxKind.NoSubstitutionTemplateLiteral:
      case SyntaxKind.TemplateExpression: {
        const start = node.getStart(this.sourceFile);
        const lineBreak = nextLineBreak(this.sourceFile.text, start);
        if (lineBreak !== -1 && lineBreak < node.end) this.multilineTemplates.push(start);
        break;
      }
      case SyntaxKind.TryStatement: {
        const statement = node as ts.TryStatement;
        const outer = this.tryStatement;
        this.tryStatement = statement;
        this.visit(statement.tryBlock);
        this.tryStatement = outer;
        if (statement.catchClause) this.visit(statement.catchClause);
        if (statement.finallyBlock) this.visit(statement.finallyBlock);
        return;
      }
      case SyntaxKind.CaseClause:
      case SyntaxKind.DefaultClause:
        this.visitStatements((node as ts.CaseOrDefaultClause).statements);
        return;
      case SyntaxKind.NewExpression:
        this.constructions.push(node as ts.NewExpression);
        break;
      case SyntaxKind.ReturnStatement: {
        const returned = (node as ts.ReturnStatement).expression;
        if (returned && this.functionNode) {
          const list = this.returns.get(this.functionNode);
          if (list) list.push(returned);
          else this.returns.set(this.functionNode, [returned]);
        }
        break;
      }
      case SyntaxKind.ClassDeclaration:
      case SyntaxKind.ClassExpression: {
        const declared = (node as ts.ClassDeclaration).name;
        if (declared && node.kind === SyntaxKind.ClassDeclaration) {
          this.scopes.add({ name: declared.text, scope: this.scope, start: node.pos, constant: true, class: node as ts.ClassDeclaration });
        }
        const outer = this.classScope;
        this.classScope = { start: node.pos, end: node.end };
        forEachChild(node, this.visitChild);
        this.classScope = outer;
        return;
      }
      case SyntaxKind.PropertyDeclaration: {
        const property = node as ts.PropertyDeclaration;
        if (this.classScope && property.name.kind === SyntaxKind.Identifier) {
          const readonly = property.modifiers?.some((m) => m.kind === SyntaxKind.ReadonlyKeyword) ?? false;
          declareClassMember(property.name.text, this.classScope, property.pos, property.initializer, property.type, this.scopes, readonly);
        }
        break;
      }
      case SyntaxKind.BinaryExpression: {
        const assignment = node as ts.BinaryExpression;
        const left = assignment.left;
        if (
          this.classScope &&
          assignment.operatorToken.kind === SyntaxKind.EqualsToken &&
          left.kind === SyntaxKind.PropertyAccessExpression &&
          (left as ts.PropertyAccessExpression).expression.kind === SyntaxKind.ThisKeyword
        ) {
          const name = (left as ts.PropertyAccessExpression).name.text;
          declareClassMember(name, this.classScope, assignment.pos, assignment.right, undefined, this.scopes, false);
        } else if (left.kind === SyntaxKind.Identifier && LAZY_OPERATORS.has(assignment.operatorToken.kind)) {
          // `client = new OpenAI()` giving a `let client;` declared without a value its value.
          const name = (left as ts.Identifier).text;
          const list = this.assignments.get(name);
          const entry = { at: assignment.pos, value: assignment.right };
          if (list) list.push(entry);
          else this.assignments.set(name, [entry]);
        }
        break;
      }
      case SyntaxKind.Block:
        this.inScope(node, () => this.visitStatements((node as ts.Block).statements));
        return;
      case SyntaxKind.ForStatement:
      case SyntaxKind.ForOfStatement:
      case SyntaxKind.ForInStatement:
      case SyntaxKind.CatchClause:
        this.inScope(node, () => forEachChild(node, this.visitChild));
        return;
      case SyntaxKind.FunctionDeclaration:
      case SyntaxKind.FunctionExpression:
      case SyntaxKind.ArrowFunction:
      case SyntaxKind.MethodDeclaration:
      case SyntaxKind.Constructor:
      case SyntaxKind.GetAccessor:
      case SyntaxKind.SetAccessor:
        this.visitFunction(node as ts.FunctionLikeDeclaration, undefined);
        return;
    }
    forEachChild(node, this.visitChild);
  }

  /** Cheap pre-check before building a callee's dotted name: a logger root, `JSON`, or a validator-like leaf. */
  private mayBeRecorded(callee: ts.Expression): boolean {
    let root = callee;
    let leaf: string | undefined;
    while (root.kind === SyntaxKind.PropertyAccessExpression) {
      leaf ??= (root as ts.PropertyAccessExpression).name.text;
      root = (root as ts.PropertyAccessExpression).expression;
    }
    if (root.kind === SyntaxKind.ThisKeyword) return true;
    if (root.kind !== SyntaxKind.Identifier) return false;
    const rootName = (root as ts.Identifier).text;
    return rootName === 'JSON' || this.loggerRoots.has(rootName) || VALIDATOR_LEAF.test(leaf ?? rootName);
  }

  /** Records logger, `JSON.parse` and validator calls; true for a validator, whose arguments count as checked. */
  private recordCall(call: ts.CallExpression, name: string): boolean {
    const isParse = name === 'JSON.parse';
    const validator = !isParse && isValidator(name);
    const logger = !isParse && !validator && this.isLogger(name);
    if (!isParse && !validator && !logger) return false;
    const scope: ts.Node = this.functionNode ?? this.sourceFile;
    let records = this.records.get(scope);
    if (!records) {
      records = { logs: [], jsonParses: [], validators: [] };
      this.records.set(scope, records);
    }
    const record: CallRecord = { callee: name, start: call.getStart(this.sourceFile), end: call.end, mentions: mentionsIn(call.arguments), node: call };
    if (isParse) records.jsonParses.push({ ...record, insideValidator: this.validator });
    else if (validator) records.validators.push(record);
    else records.logs.push(record);
    return validator;
  }

  private recordsOf(call: PendingCall): FunctionRecords {
    return this.records.get(call.functionNode ?? this.sourceFile) ?? { logs: [], jsonParses: [], validators: [] };
  }

  private visitStatements(statements: ts.NodeArray<ts.Statement>): void {
    const outerStatement = this.statement;
    const outerStatements = this.statements;
    this.statements = statements;
    const outerHolders = this.holders;
    for (const statement of statements) {
      this.statement = statement;
      this.holders = { node: statement, outer: outerHolders };
      this.visit(statement);
    }
    this.holders = outerHolders;
    this.statement = outerStatement;
    this.statements = outerStatements;
  }

  private inScope(node: ts.Node, walk: () => void): void {
    const outer = this.scope;
    this.scope = { start: node.pos, end: node.end };
    walk();
    this.scope = outer;
  }

  private visitFunction(node: ts.FunctionLikeDeclaration, nameHint: string | undefined): void {
    const name = node.name && node.name.kind === SyntaxKind.Identifier ? node.name.text : undefined;
    if (name && node.kind === SyntaxKind.FunctionDeclaration) {
      this.scopes.add({ name, scope: this.scope, start: node.pos, constant: false, function: node });
    }
    if (name && node.kind === SyntaxKind.MethodDeclaration && this.classScope) {
      this.scopes.add({ name: `this.${name}`, scope: this.classScope, start: node.pos, constant: false, function: node });
    }
    const outer = { name: this.functionName, statement: this.statement, tryStatement: this.tryStatement, functionNode: this.functionNode, named: this.namedFunction };
    this.functionName = name ?? nameHint ?? outer.name;
    if (name !== undefined || nameHint !== undefined) {
      this.namedFunction = node;
      this.functionNames.set(node, (name ?? nameHint)!);
    }
    // A try or statement outside the function does not hold what runs inside it.
    this.statement = undefined;
    this.tryStatement = undefined;
    this.functionNode = node;
    const outerHolders = this.holders;
    this.holders = { node, outer: outerHolders };
    this.inScope(node, () => {
      for (const parameter of node.parameters) {
        declareParameter(parameter, this.scope, this.scopes);
        // `constructor(private readonly client: OpenAI)` declares `this.client` too.
        if (node.kind === SyntaxKind.Constructor && this.classScope && ts.isIdentifier(parameter.name) && ts.getModifiers(parameter)?.length) {
          declareClassMember(parameter.name.text, this.classScope, parameter.pos, undefined, parameter.type, this.scopes, true);
        }
      }
      forEachChild(node, this.visitChild);
    });
    this.holders = outerHolders;
    this.functionName = outer.name;
    this.statement = outer.statement;
    this.tryStatement = outer.tryStatement;
    this.functionNode = outer.functionNode;
    this.namedFunction = outer.named;
  }

  // ---- resolution ----

  private valueOfName(name: string, at: number, depth: number): Value | undefined {
    const declaration = this.scopes.resolve(name, at);
    if (!declaration || this.resolving.has(declaration) || depth > MAX_ALIAS_DEPTH) return undefined;
    if (declaration.import) return this.instanceClient(declaration.import) ?? this.importedValue(declaration.import) ?? { kind: 'module', ...declaration.import };
    if (declaration.function) return this.functionValue(declaration.function, name, depth);
    const initializer = declaration.initializer && unwrap(declaration.initializer);
    if (initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) return this.functionValue(initializer, name, depth);
    this.resolving.add(declaration);
    try {
      if (declaration.initializer) {
        const value = this.valueOf(declaration.initializer, depth + 1);
        // A `let` may be reassigned: trust it only for objects we can follow, not for literals.
        if (value && (declaration.constant || (value.kind !== 'string' && value.kind !== 'number'))) return value;
        return undefined;
      }
      if (!declaration.constant && !declaration.parameter && !declaration.import) {
        const assigned = this.assignedClient(declaration, depth);
        if (assigned) return assigned;
      }
      if (declaration.typeName) {
        const type = this.valueOfName(declaration.typeName, at, depth + 1);
        const client = type?.kind === 'module' ? this.clientExport(type) : undefined;
        if (client) return { kind: 'client', sdk: client.sdk, known: false, module: type?.kind === 'module' ? type.module : undefined, via: `a parameter or field typed ${declaration.typeName}` };
      }
      return undefined;
    } finally {
      this.resolving.delete(declaration);
    }
  }

  private valueOf(expression: ts.Expression, depth = 0): Value | undefined {
    const expr = unwrap(expression);
    if (ts.isIdentifier(expr)) return this.valueOfName(expr.text, expr.pos, depth);
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
      return { kind: 'string', value: expr.text, span: spanOf(expr, this.sourceFile) };
    }
    if (ts.isNumericLiteral(expr)) return { kind: 'number', value: Number(expr.text), span: spanOf(expr, this.sourceFile) };
    if (ts.isObjectLiteralExpression(expr)) return { kind: 'object', node: expr };
    if (ts.isPropertyAccessExpression(expr)) {
      if (expr.expression.kind === ts.SyntaxKind.ThisKeyword) {
        return this.valueOfName(`this.${expr.name.text}`, expr.pos, depth);
      }
      const owner = this.valueOf(expr.expression, depth + 1);
      if (owner?.kind === 'instance') return this.methodValue(owner.declaration, expr.name.text, depth);
      if (owner?.kind === 'object') {
        // `const models = { fast: new ChatGroq(…) }; models.fast.invoke(…)`
        const property = this.propertyOf(owner.node, expr.name.text);
        return property ? this.valueOf(property, depth + 1) : undefined;
      }
      if (owner?.kind === 'module' && owner.exportName === '*') {
        const member = { module: owner.module, exportName: expr.name.text };
        return this.importedValue(member) ?? { kind: 'module', ...member };
      }
      return undefined;
    }
    if (ts.isNewExpression(expr)) return this.constructionOf(expr, depth) ?? this.instanceOf(expr);
    if (ts.isCallExpression(expr)) return this.callValueOf(expr, depth);
    if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) return this.functionValue(expr, expr.name?.text ?? 'anonymous', depth);
    // `client ?? new OpenAI()`, `cached ||= createClient()`: the value built when none exists yet.
    if (ts.isBinaryExpression(expr) && LAZY_OPERATORS.has(expr.operatorToken.kind)) return this.valueOf(expr.right, depth + 1);
    return undefined;
  }

  // ---- project modules and functions ----

  /** What a project module exports under a name, as the project index knows it. */
  private importedValue(imported: { module: string; exportName: string }): Value | undefined {
    if (!this.resolveImport || catalogByModule.has(imported.module)) return undefined;
    const found = this.resolveImport(imported.module, imported.exportName);
    if (!found || found.kind === 'reexport') return undefined;
    if (found.kind === 'wrapper') return found;
    const sdk = sdkFacts(found.sdk, found.module);
    if (!sdk) return undefined;
    const where = found.construction ? `, built in ${this.relative(found.construction.file)}` : '';
    const client: ClientValue = {
      kind: 'client',
      sdk,
      construction: found.construction,
      known: found.known,
      module: found.module,
      retryWrapper: found.retryWrapper,
      fallback: found.fallback,
      via: `'${imported.exportName}' imported from '${imported.module}': ${found.via}${where}`,
    };
    return found.factory ? { kind: 'factory', client } : client;
  }

  /** The client a `let` without a value is given later: `instance = new OpenAI()`, `instance ??= …`. */
  private assignedClient(declaration: Declaration, depth: number): Value | undefined {
    for (const { at, value } of this.assignments.get(declaration.name) ?? []) {
      if (this.scopes.resolve(declaration.name, at) !== declaration) continue;
      const assigned = this.valueOf(value, depth + 1);
      if (assigned?.kind === 'client') return assigned;
    }
    return undefined;
  }

  /** `new Service()` for a class declared in this file. */
  private instanceOf(node: ts.NewExpression): Value | undefined {
    if (!ts.isIdentifier(node.expression)) return undefined;
    const declaration = this.scopes.resolve(node.expression.text, node.pos)?.class;
    return declaration ? { kind: 'instance', declaration } : undefined;
  }

  private methodValue(declaration: ts.ClassLikeDeclaration, name: string, depth: number): Value | undefined {
    const method = declaration.members.find((member) => ts.isMethodDeclaration(member) && member.name.kind === SyntaxKind.Identifier && member.name.text === name);
    return method ? this.functionValue(method as ts.MethodDeclaration, name, depth) : undefined;
  }

  /** A function declared here: a wrapper when it makes an AI call, a factory when it returns a client. */
  private functionValue(node: ts.FunctionLikeDeclaration, name: string, depth: number): Value | undefined {
    const inner = this.wrappers.get(node);
    if (inner) return { kind: 'wrapper', name, file: this.file, wraps: wrappedCallOf(inner) };
    const client = this.returnedClient(node, depth);
    return client ? { kind: 'factory', client } : undefined;
  }

  /** The client a function returns (`return new OpenAI()`, `return cached ??= new OpenAI()`), if any. */
  private returnedClient(node: ts.FunctionLikeDeclaration, depth: number): ClientValue | undefined {
    const known = this.returnedClients.get(node);
    if (known !== undefined) return known ?? undefined;
    this.returnedClients.set(node, null);
    const body = node.body;
    const returned = body && !ts.isBlock(body) ? [body] : (this.returns.get(node) ?? []);
    for (const expression of returned) {
      const value = this.valueOf(expression, depth + 1);
      if (value?.kind === 'client') {
        this.returnedClients.set(node, value);
        return value;
      }
    }
    return undefined;
  }

  /** A top-level name as other modules see it; a name imported from elsewhere is passed on. */
  private exportedNameValue(name: string): Value | { kind: 'reexport'; module: string; exportName: string } | undefined {
    const declaration = this.scopes.resolve(name, this.sourceFile.end);
    if (declaration?.import && !catalogByModule.has(declaration.import.module)) return { kind: 'reexport', ...declaration.import };
    return this.valueOfName(name, this.sourceFile.end, 0);
  }

  private exportedValueOf(value: Value | { kind: 'reexport'; module: string; exportName: string } | undefined): ExportedValue | undefined {
    switch (value?.kind) {
      case 'reexport':
      case 'wrapper':
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

  /**
   * Calls to project functions that make AI calls: the wrappers declared here (and wrappers of those, a few levels
   * deep) and the ones imported from other modules.
   */
  private wrapperCallSites(direct: readonly [PendingCall, CallSite][]): CallSite[] {
    const sites: CallSite[] = [];
    const sited = new Set<PendingCall>(direct.map(([call]) => call));
    // Only calls through these names can reach a wrapper: the cheap test that keeps this pass off the hot path.
    const candidates = this.resolveImport ? this.scopes.namesImportedFrom((module) => !catalogByModule.has(module)) : new Set<string>();
    let added = direct;
    for (let round = 0; round < 3 && (round === 0 || added.length > 0); round++) {
      for (const [call, site] of added) {
        const named = call.namedFunction;
        if (!named || this.wrappers.has(named)) continue;
        this.wrappers.set(named, site);
        candidates.add(this.functionNames.get(named)!);
      }
      if (candidates.size === 0) break;
      const next: [PendingCall, CallSite][] = [];
      for (const call of this.calls) {
        const callee = call.node.expression;
        const leaf = callee.kind === SyntaxKind.PropertyAccessExpression ? (callee as ts.PropertyAccessExpression).name.text : '';
        if (sited.has(call) || !(candidates.has(rootName(callee)) || candidates.has(leaf))) continue;
        const site = this.wrapperCallSiteOf(call);
        if (!site) continue;
        sited.add(call);
        next.push([call, site]);
        sites.push(site);
      }
      added = next;
    }
    return sites;
  }

  private catalogImportNames: Set<string> | undefined;

  /** Names imported from SDK modules, aliases included (`import { generateText as gen } from 'ai'`). */
  private catalogImports(): Set<string> {
    return (this.catalogImportNames ??= this.scopes.namesImportedFrom((module) => catalogByModule.has(module)));
  }

  /** Another file's path as seen from this one, for messages. */
  private relative(file: string): string {
    const relative = path.relative(path.dirname(this.file), file).split(path.sep).join('/');
    return relative.startsWith('.') ? relative : `./${relative}`;
  }

  private wrapperCallSiteOf(call: PendingCall): CallSite | undefined {
    const callee = unwrap(call.node.expression);
    const owner = ts.isPropertyAccessExpression(callee) ? callee.expression.kind : undefined;
    if (!ts.isIdentifier(callee) && owner !== SyntaxKind.Identifier && owner !== SyntaxKind.ThisKeyword) return undefined;
    const value = this.valueOf(callee);
    if (value?.kind !== 'wrapper') return undefined;
    // A wrapper calling itself (recursion, a retry loop) is not another call site.
    const enclosingWrapper = call.namedFunction && this.wrappers.get(call.namedFunction);
    if (value.file === this.file && enclosingWrapper && wrappedCallOf(enclosingWrapper).span.start === value.wraps.span.start) return undefined;
    const { wraps } = value;
    const own = this.guardOf(call, [], noOptions());
    const handled = own.tryCatch !== undefined || own.promiseCatch;
    const where = value.file === this.file ? '' : ` from ${this.relative(value.file)}`;
    return {
      ...this.locationOf(call),
      sdk: 'wrapper',
      operation: wraps.operation,
      api: value.name,
      streaming: wraps.streaming,
      model: wraps.model !== undefined ? { value: wraps.model } : undefined,
      clientKnown: true,
      options: noOptions(),
      targets: {},
      effective: wraps.effective,
      recognizedBy: `${value.name}()${where}, a project function that calls ${wraps.sdk} ${wraps.api}`,
      enclosingFunction: call.enclosingFunction,
      guarded: handled ? own : { ...wraps.guarded, fallback: wraps.guarded.fallback ?? own.fallback },
      logged: { audit: wraps.audited || this.loggingOf(call, [], noOptions()).audit, calls: [] },
      resultBinding: this.resultBindingOf(call.node),
      statement: this.statementTargetOf(call),
      stream: undefined,
      promptInputs: [],
      outputUse: { jsonParses: [] },
      wraps,
    };
  }

  private clientExport(value: { module: string; exportName: string }) {
    const exported = catalogByModule.get(value.module);
    if (!exported) return undefined;
    // `require('openai')` and `import * as OpenAI` give the module, whose constructor is the default export.
    return exported.clients.get(value.exportName === '*' ? 'default' : value.exportName);
  }

  /** `import ollama from 'ollama'`: an export that is itself a ready client, with the SDK's defaults. */
  private instanceClient(imported: { module: string; exportName: string }): Value | undefined {
    const found = this.clientExport(imported);
    if (!found?.client.instance || imported.exportName === '*') return undefined;
    return { kind: 'client', sdk: found.sdk, known: true, module: imported.module, via: `the ${found.client.displayName} instance exported by '${imported.module}'` };
  }

  private constructionOf(node: ts.NewExpression, depth = 0): Value | undefined {
    const callee = this.valueOf(node.expression, depth + 1);
    if (callee?.kind !== 'module') return undefined;
    const found = this.clientExport(callee);
    if (!found) return undefined;
    const key = found.client.keyArgument;
    const keyArgument = key !== undefined && node.arguments?.[key] ? this.argumentEntry(node.arguments[key], key) : undefined;
    const credentials = { options: found.client.keyOptions, env: found.client.keyEnv, argument: keyArgument };
    // A constructor whose first argument is the key has no options object to read.
    const optionArgs = key === 0 ? undefined : node.arguments;
    const construction = this.recordConstruction(node, found.sdk, found.client.displayName, callee.module, credentials, optionArgs);
    return { kind: 'client', sdk: found.sdk, construction, known: true, module: callee.module, via: `new ${found.client.displayName}() from '${callee.module}'` };
  }

  /** Calls that produce clients or providers: `createOpenAI({...})`, `client.withOptions({...})`, `model.withRetry()`. */
  private callValueOf(node: ts.CallExpression, depth: number): Value | undefined {
    const callee = unwrap(node.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const transformed = this.transformOf(node, callee, depth);
      if (transformed) return transformed;
    }
    const value = this.valueOf(callee, depth + 1);
    if (value?.kind === 'factory') return { ...value.client, via: `${calleeName(callee) ?? 'a function'}() returning ${value.client.via}` };
    if (value?.kind !== 'module') return undefined;
    const factory = catalogByModule.get(value.module)?.providerFactories.get(value.exportName);
    if (!factory) return undefined;
    const credentials = { options: factory.provider.keyOptions, env: factory.provider.keyEnv };
    const construction = this.recordConstruction(node, factory.sdk, value.exportName, value.module, credentials, node.arguments);
    return { kind: 'provider', sdk: factory.sdk, provider: factory.provider, construction };
  }

  /** A client method that returns a client, as the catalog describes it; `x.pipe(model)` carries the model. */
  private transformOf(node: ts.CallExpression, callee: ts.PropertyAccessExpression, depth: number): Value | undefined {
    const method = callee.name.text;
    const base = this.valueOf(callee.expression, depth + 1);
    if (base?.kind !== 'client') {
      const [arg] = node.arguments;
      const piped = method === 'pipe' && arg ? this.valueOf(arg, depth + 1) : undefined;
      return piped?.kind === 'client' ? { ...piped, via: `${piped.via}, piped` } : undefined;
    }
    const via = `${base.via}, .${method}()`;
    switch (base.sdk.clientTransforms?.[method]) {
      case 'options': {
        const [arg] = node.arguments;
        const overrides = arg && ts.isObjectLiteralExpression(unwrap(arg)) ? this.optionsOf(unwrap(arg) as ts.ObjectLiteralExpression) : unknownOptions();
        return { ...base, overrides, via };
      }
      case 'retry':
        return { ...base, retryWrapper: `.${method}()`, via };
      case 'fallback':
        return { ...base, fallback: `.${method}()`, via };
      case 'same':
        return { ...base, via };
      case 'model-object': {
        const module = base.construction?.module ?? base.module ?? '';
        const construction = this.recordConstruction(node, base.sdk, method, module, { options: [], env: '' }, node.arguments);
        return { kind: 'client', sdk: base.sdk, construction, known: true, module, via };
      }
      default:
        return undefined;
    }
  }

  /** A positional argument as an option entry (a key given to a constructor). */
  private argumentEntry(arg: ts.Expression, index: number): OptionEntry {
    const constant = this.lookupConstant(unwrap(arg));
    const span = spanOf(arg, this.sourceFile);
    return {
      name: `argument ${index + 1}`,
      span,
      valueSpan: span,
      value: constant?.value ?? readLiteral(arg, this.sourceFile, this.lookupConstant),
      resolvedFrom: constant?.span,
    };
  }

  private recordConstruction(
    node: ts.NewExpression | ts.CallExpression,
    sdk: SdkFacts,
    constructorName: string,
    module: string,
    credentials: ClientConstruction['credentials'],
    args: ts.NodeArray<ts.Expression> | undefined,
  ): ClientConstruction {
    const known = this.clientsByNode.get(node);
    if (known) return known;
    const first = args?.[0];
    let options: OptionMap;
    let optionsTarget: OptionTarget | undefined;
    const objectArg = first ? this.objectLiteralOf(first) : undefined;
    if (objectArg) {
      options = this.optionsOf(objectArg);
      optionsTarget = objectTarget(objectArg, this.sourceFile, options);
    } else if (first) {
      options = unknownOptions();
    } else {
      options = noOptions();
      optionsTarget = args ? missingArgumentTarget(args, args.pos, this.sourceFile) : undefined;
    }
    const span = spanOf(node, this.sourceFile);
    const construction: ClientConstruction = {
      id: `${this.file}:${span.start}`,
      sdk: sdk.sdk,
      constructorName,
      module,
      file: this.file,
      span,
      credentials,
      options,
      optionsTarget,
      boundTo: this.moduleConstants.get(node),
    };
    this.clientsByNode.set(node, construction);
    return construction;
  }

  /** An object literal written inline or held in a same-file constant. */
  private objectLiteralOf(expr: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
    if (!expr) return undefined;
    const node = unwrap(expr);
    if (ts.isObjectLiteralExpression(node)) return node;
    const value = ts.isIdentifier(node) ? this.valueOf(node) : undefined;
    return value?.kind === 'object' ? value.node : undefined;
  }

  private optionsOf(object: ts.ObjectLiteralExpression): OptionMap {
    return readOptions(object, this.sourceFile, this.lookupConstant);
  }

  /** Same-file constants behind identifiers, so `apiKey: KEY` sees the literal and where it is written. */
  private constantOf(expr: ts.Expression): { value: OptionValue; span: Span } | undefined {
    if (!ts.isIdentifier(expr)) return undefined;
    const value = this.valueOf(expr);
    if (value?.kind === 'string') return { value: { kind: 'string', value: value.value }, span: value.span };
    if (value?.kind === 'number') return { value: { kind: 'number', value: value.value }, span: value.span };
    return undefined;
  }

  // ---- call sites ----

  private callSiteOf(call: PendingCall): CallSite | undefined {
    const callee = unwrap(call.node.expression);
    const leaf = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (leaf === undefined || !(callLeafNames.has(leaf) || (ts.isIdentifier(callee) && this.catalogImports().has(leaf)))) return undefined;
    const http = this.httpCallSite(call, callee);
    if (http) return http;
    if (ts.isIdentifier(callee)) {
      const value = this.valueOf(callee);
      if (value?.kind !== 'module') return undefined;
      const exported = catalogByModule.get(value.module);
      const found = exported?.functions.get(value.exportName);
      if (found) return this.functionCallSite(call, found.sdk, found.api, `${value.exportName}() imported from '${value.module}'`);
      // `createOpenAI({...})` builds a provider whose options (its key) rules read, even when nothing calls it here.
      if (exported?.providerFactories.has(value.exportName)) this.callValueOf(call.node, 0);
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
      return this.clientCallSite(call, this.valueOfName(`this.${member}`, call.node.pos, 0), path, `this.${member}`);
    }
    let owner = this.valueOf(root);
    if (owner?.kind === 'module' && owner.exportName === '*' && path.length === 1) {
      const found = catalogByModule.get(owner.module)?.functions.get(path[0]);
      return found ? this.functionCallSite(call, found.sdk, found.api, `${path[0]}() from '${owner.module}'`) : undefined;
    }
    if (owner?.kind === 'module' && owner.exportName === '*' && path.length > 1) {
      // `import * as ai from './ai'; ai.client.chat.completions.create(…)`
      owner = this.importedValue({ module: owner.module, exportName: path.shift()! });
    }
    while (owner?.kind === 'object' && path.length > 1) {
      // `const models = { fast: new ChatGroq(…) }; models.fast.invoke(…)`
      const property = this.propertyOf(owner.node, path.shift()!);
      owner = property ? this.valueOf(property) : undefined;
    }
    return this.clientCallSite(call, owner, path, root.getText(this.sourceFile));
  }

  private clientCallSite(call: PendingCall, owner: Value | undefined, path: string[], ownerText: string): CallSite | undefined {
    if (owner?.kind !== 'client') return undefined;
    const args = call.node.arguments;
    const command = path.length === 1 && path[0] === 'send' && owner.sdk.commandApis ? this.commandOf(owner.sdk, args[0]) : undefined;
    const api = command?.api ?? findClientApi(owner.sdk, path.join('.'));
    if (!api) return undefined;
    // LangChain's invoke(input, options): the first argument is the prompt, not an options object.
    const body = command ? command.body : api.prompt?.argument ? { options: noOptions() } : this.bodyOf(args[0]);
    const requestOptions = usesRequestOptions(owner.sdk) ? this.argumentOptions(args[1], args, call.node) : undefined;
    const recognizedBy = `${ownerText}: ${owner.via}${command ? `, sending ${api.path}` : ''}`;
    const site = this.baseCallSite(call, owner.sdk, api, body, requestOptions, recognizedBy, owner);
    site.client = owner.construction;
    site.clientKnown = owner.known;
    site.module = owner.module;
    if (owner.fallback) site.guarded.fallback = owner.fallback;
    const resilience = this.resilienceOf(call);
    const sources = {
      body: body.options,
      requestOptions: requestOptions?.options,
      client: owner.construction,
      clientOverrides: owner.overrides,
      clientKnown: owner.known,
      ...resilience,
      retryWrapper: owner.retryWrapper ?? resilience.retryWrapper,
    };
    site.effective = { timeout: effectiveTimeout(owner.sdk, sources), retries: effectiveRetries(owner.sdk, sources) };
    if (site.streaming) site.stream = this.streamFactsOf(call, owner.sdk, { body: body.options, requestOptions: requestOptions?.options });
    return site;
  }

  // ---- plain HTTP to model endpoints ----

  /** The HTTP library a callee belongs to: global `fetch`, or axios/got/ky (module or an `axios.create()` instance). */
  private httpLibraryOf(callee: ts.Expression): { facts: SdkFacts; method?: string; instance?: ts.CallExpression } | undefined {
    if (ts.isIdentifier(callee)) {
      if (callee.text === 'fetch') {
        const declaration = this.scopes.resolve('fetch', callee.pos);
        const module = declaration?.import?.module;
        if (!declaration || module === 'node-fetch' || module === 'undici' || module === 'cross-fetch') return { facts: httpClients[0] };
        return undefined;
      }
      const value = this.valueOf(callee);
      const facts = value?.kind === 'module' ? httpClients.find((client) => client.modules.includes(value.module)) : undefined;
      return facts && facts !== httpClients[0] ? { facts } : undefined;
    }
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    const owner = unwrap(callee.expression);
    const value = this.valueOf(owner);
    if (value?.kind === 'module') {
      const facts = httpClients.find((client) => client.modules.includes(value.module));
      return facts ? { facts, method } : undefined;
    }
    // const api = axios.create({ baseURL, timeout })
    const declaration = ts.isIdentifier(owner) ? this.scopes.resolve(owner.text, owner.pos) : undefined;
    const init = declaration?.initializer ? unwrap(declaration.initializer) : undefined;
    if (init && ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === 'create') {
      const creator = this.valueOf(init.expression.expression);
      const facts = creator?.kind === 'module' ? httpClients.find((client) => client.modules.includes(creator.module)) : undefined;
      return facts ? { facts, method, instance: init } : undefined;
    }
    return undefined;
  }

  /** `fetch(url, init)`, `axios.post(url, data, config)`, `axios(config)`, `got.post(url, { json })` to a model endpoint. */
  private httpCallSite(call: PendingCall, callee: ts.Expression): CallSite | undefined {
    const library = this.httpLibraryOf(callee);
    if (!library) return undefined;
    const { facts, method, instance } = library;
    if (method && !['post', 'put', 'patch', 'request'].includes(method)) return undefined;
    const args = call.node.arguments;
    const isAxios = facts.displayName === 'axios';
    const configOnly = isAxios && (method === 'request' || (!method && args.length === 1 && this.objectLiteralOf(args[0]) !== undefined));
    const configArg = configOnly ? args[0] : isAxios ? args[method ? 2 : 1] : args[1];
    const config = configArg ? this.bodyOf(configArg) : { options: noOptions(), target: missingArgumentTarget(args, call.node.arguments.pos, this.sourceFile) };
    const instanceConfig = instance?.arguments[0] ? this.objectLiteralOf(instance.arguments[0]) : undefined;
    const urlExpr = configOnly ? this.propertyOf(this.objectLiteralOf(args[0]), 'url') : args[0];
    const base = instanceConfig ? this.staticText(this.propertyOf(instanceConfig, 'baseURL')) : undefined;
    const path = urlExpr ? this.staticText(urlExpr) : undefined;
    const url = base !== undefined && path !== undefined && path.startsWith('/') ? trimTrailing(base, '/') + path : path;
    const endpoint = url ? matchEndpoint(url) : undefined;
    if (!endpoint) return undefined;

    const payloadExpr = isAxios
      ? configOnly ? this.propertyOf(this.objectLiteralOf(args[0]), 'data') : args[method ? 1 : 1]
      : facts.displayName === 'fetch' ? this.jsonStringifyArgument(this.propertyOf(this.objectLiteralOf(configArg), 'body')) : this.propertyOf(this.objectLiteralOf(configArg), 'json');
    const payload = payloadExpr ? this.bodyOf(payloadExpr) : { options: unknownOptions() };
    const client = this.httpClientRecord(call.node, facts, endpoint, config.options, instanceConfig);
    const site = this.baseCallSite(call, facts, endpoint, payload, config, `${facts.displayName} to ${url} (${endpoint.provider} ${endpoint.operation})`);
    site.module = facts.modules[0];
    site.client = client;
    site.clientKnown = true;
    // An `axios.create({...})` instance's config applies to every request made through it.
    const sources = { body: payload.options, requestOptions: client.options, client, clientKnown: true, ...this.resilienceOf(call) };
    site.effective = { timeout: effectiveTimeout(facts, sources), retries: effectiveRetries(facts, sources) };
    if (site.streaming) site.stream = this.streamFactsOf(call, facts, { body: payload.options, requestOptions: client.options });
    return site;
  }

  /** The request as a client record, so the key rule sees its headers (or the instance's `axios.create` config). */
  private httpClientRecord(node: ts.CallExpression, facts: SdkFacts, endpoint: HttpEndpoint, options: OptionMap, instanceConfig: ts.ObjectLiteralExpression | undefined): ClientConstruction {
    const span = spanOf(node, this.sourceFile);
    const merged = instanceConfig ? this.optionsOf(instanceConfig) : options;
    const construction: ClientConstruction = {
      id: `${this.file}:${span.start}`,
      sdk: 'http',
      constructorName: facts.displayName,
      module: facts.modules[0],
      file: this.file,
      span,
      credentials: { options: endpoint.keyHeaders, env: endpoint.keyEnv },
      options: instanceConfig ? { entries: new Map([...merged.entries, ...options.entries]), hasSpread: merged.hasSpread || options.hasSpread } : options,
    };
    this.clientsByNode.set(node, construction);
    return construction;
  }

  private propertyOf(object: ts.ObjectLiteralExpression | undefined, name: string): ts.Expression | undefined {
    for (const property of object?.properties ?? []) {
      if (ts.isPropertyAssignment(property) && propertyNameText(property.name) === name) return property.initializer;
      if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return property.name;
    }
    return undefined;
  }

  /** `JSON.stringify(payload)` gives `payload`. */
  private jsonStringifyArgument(expr: ts.Expression | undefined): ts.Expression | undefined {
    const node = expr && unwrap(expr);
    if (node && ts.isCallExpression(node) && calleeName(node.expression) === 'JSON.stringify') return node.arguments[0];
    return undefined;
  }

  /** The text a URL expression has where it is static; `*` where it is only known at run time. */
  private staticText(expression: ts.Expression | undefined, depth = 0): string | undefined {
    if (!expression || depth > MAX_ALIAS_DEPTH) return undefined;
    const node = unwrap(expression);
    if (ts.isStringLiteralLike(node)) return node.text;
    if (ts.isTemplateExpression(node)) {
      return node.head.text + node.templateSpans.map((span) => (this.staticText(span.expression, depth + 1) ?? '*') + span.literal.text).join('');
    }
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.PlusToken) return (this.staticText(node.left, depth + 1) ?? '*') + (this.staticText(node.right, depth + 1) ?? '*');
      if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) {
        return this.staticText(node.right, depth + 1) ?? this.staticText(node.left, depth + 1);
      }
      return undefined;
    }
    if (ts.isIdentifier(node)) {
      const declaration = this.scopes.resolve(node.text, node.pos);
      return declaration?.constant && declaration.initializer ? this.staticText(declaration.initializer, depth + 1) : undefined;
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL' && node.arguments?.length) {
      const [path, base] = node.arguments;
      const pathText = this.staticText(path, depth + 1);
      const baseText = base ? this.staticText(base, depth + 1) : undefined;
      return baseText !== undefined && pathText?.startsWith('/') ? trimTrailing(baseText, '/') + pathText : pathText;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'toString') {
      return this.staticText(node.expression.expression, depth + 1);
    }
    return undefined;
  }

  /** `new ConverseCommand({...})`, inline or in a same-file constant, sent through an AWS-style client. */
  private commandOf(sdk: SdkFacts, arg: ts.Expression | undefined): { api: ApiFacts; body: OptionsArgument } | undefined {
    if (!arg) return undefined;
    let node = unwrap(arg);
    if (ts.isIdentifier(node)) {
      const declaration = this.scopes.resolve(node.text, node.pos);
      if (!declaration?.initializer) return undefined;
      node = unwrap(declaration.initializer);
    }
    if (!ts.isNewExpression(node)) return undefined;
    const callee = this.valueOf(node.expression);
    const api = callee?.kind === 'module' && sdk.modules.includes(callee.module) ? findCommandApi(sdk, callee.exportName) : undefined;
    return api ? { api, body: this.bodyOf(node.arguments?.[0]) } : undefined;
  }

  /** Retry and timeout helpers the call runs inside: `pRetry(() => call)`, `policy.execute(() => call)`. */
  private resilienceOf(call: PendingCall): Resilience {
    if (call.resilience) return call.resilience;
    const found: Resilience = {};
    call.resilience = found;
    for (const helper of [...call.helpers].reverse()) {
      const name = calleeName(helper.expression);
      if (name === undefined) continue;
      const leaf = name.slice(name.lastIndexOf('.') + 1);
      const kinds = POLICY_RUNNERS.has(leaf) ? this.policyKinds(unwrap((helper.expression as ts.PropertyAccessExpression).expression), 0) : [resilienceOfName(name)];
      if (kinds.includes('retry')) found.retryWrapper ??= `${name}()`;
      if (kinds.includes('timeout')) found.timeoutWrapper ??= `${name}()`;
      if (kinds.includes('fallback')) found.fallbackWrapper ??= `${name}()`;
    }
    return found;
  }

  /** What a policy object adds, from the calls that build it: `wrap(retry(handleAll, …), timeout(5000))`. */
  private policyKinds(node: ts.Expression, depth: number): (ResilienceKind | undefined)[] {
    if (depth > MAX_ALIAS_DEPTH) return [];
    if (ts.isIdentifier(node)) {
      const declaration = this.scopes.resolve(node.text, node.pos);
      return declaration?.initializer ? this.policyKinds(unwrap(declaration.initializer), depth + 1) : [];
    }
    if (!ts.isCallExpression(node)) return [];
    const name = calleeName(node.expression);
    const own = name === undefined ? [] : [resilienceOfName(name)];
    return [...own, ...node.arguments.flatMap((argument) => this.policyKinds(unwrap(argument), depth + 1))];
  }

  private functionCallSite(call: PendingCall, sdk: SdkFacts, api: ApiFacts, recognizedBy: string): CallSite {
    const body = this.bodyOf(call.node.arguments[0]);
    const site = this.baseCallSite(call, sdk, api, body, undefined, recognizedBy);
    const sources = { body: body.options, clientKnown: true, ...this.resilienceOf(call) };
    site.effective = { timeout: effectiveTimeout(sdk, sources), retries: effectiveRetries(sdk, sources) };
    if (site.streaming) site.stream = this.streamFactsOf(call, sdk, { body: body.options });
    return site;
  }

  private bodyOf(arg: ts.Expression | undefined): OptionsArgument {
    if (!arg) return { options: noOptions() };
    const object = this.objectLiteralOf(arg);
    if (!object) return { options: unknownOptions() };
    const options = this.optionsOf(object);
    return { options, target: objectTarget(object, this.sourceFile, options), object };
  }

  /** The per-request options argument: an object, a slot to add one, or unknown (any other expression). */
  private argumentOptions(
    arg: ts.Expression | undefined,
    args: ts.NodeArray<ts.Expression>,
    node: ts.CallExpression,
  ): OptionsArgument {
    if (arg) return this.bodyOf(arg);
    if (args.length === 0) return { options: noOptions() };
    return { options: noOptions(), target: missingArgumentTarget(args, node.arguments.pos, this.sourceFile) };
  }

  private baseCallSite(
    call: PendingCall,
    sdk: SdkFacts,
    api: ApiFacts,
    body: OptionsArgument,
    requestOptions: OptionsArgument | undefined,
    recognizedBy: string,
    owner?: Extract<Value, { kind: 'client' }>,
  ): CallSite {
    const options = mergeOptions(body.options, requestOptions?.options);
    const streamFlag = body.options.entries.get('stream')?.value;
    return {
      ...this.locationOf(call),
      sdk: sdk.sdk,
      operation: api.operation,
      api: api.path,
      streaming: api.streaming === true || (api.streaming === 'body.stream' && streamFlag?.kind === 'boolean' && streamFlag.value),
      model: this.modelRefOf(api, body, owner),
      clientKnown: true,
      options,
      targets: { body: body.target, requestOptions: requestOptions?.target },
      effective: { timeout: { source: 'unknown' }, retries: { source: 'unknown' } },
      recognizedBy,
      enclosingFunction: call.enclosingFunction,
      guarded: this.guardOf(call, sdk.errorOptions, body.options),
      logged: this.loggingOf(call, sdk.auditOptions, body.options),
      resultBinding: this.resultBindingOf(call.node),
      statement: this.statementTargetOf(call),
      stream: undefined,
      promptInputs: this.promptInputsOf(call, api, body),
      outputUse: { jsonParses: this.jsonParsesOf(call) },
    };
  }

  private locationOf(call: PendingCall): Pick<CallSite, 'id' | 'file' | 'span' | 'calleeSpan' | 'language' | 'anchors'> {
    const span = spanOf(call.node, this.sourceFile);
    return {
      id: `${this.file}:${span.start}`,
      file: this.file,
      span,
      calleeSpan: spanOf(call.node.expression, this.sourceFile),
      language: this.language,
      anchors: anchorsOf(call.holders, this.sourceFile),
    };
  }

  private promptInputsOf(call: PendingCall, api: ApiFacts, body: OptionsArgument) {
    if (!api.prompt) return [];
    const reader = new PromptReader(this.sourceFile, this.sourceOfRoot, this.redactors);
    if (api.prompt.argument) return call.node.arguments[0] ? reader.readArgument(call.node.arguments[0]) : [];
    return body.object ? reader.read(body.object, api.prompt) : [];
  }

  /** The model from the request body, or from the client for SDKs that fix it there (LangChain, legacy Google). */
  private modelRefOf(api: ApiFacts, body: OptionsArgument, owner: Extract<Value, { kind: 'client' }> | undefined): ModelRef | undefined {
    if (!api.model) return undefined;
    if (api.model.place === 'body') return body.object ? this.modelOf(body.object, api.model.path) : undefined;
    const options = owner?.construction?.options;
    const entry = options?.entries.get(api.model.path) ?? options?.entries.get('modelName');
    if (!entry) return undefined;
    if (entry.value.kind === 'string') return { value: entry.value.value, span: entry.resolvedFrom ?? entry.valueSpan };
    return { dynamic: true, span: entry.valueSpan, expression: entry.value.kind === 'expression' ? entry.value.text : undefined };
  }

  /** Where a name's value comes from, following `const x = y.z` back to a parameter, a literal or the request. */
  private sourceOfName(name: string, at: number, depth: number): PromptSource {
    const declaration = this.scopes.resolve(name, at);
    if (!declaration || depth > MAX_ALIAS_DEPTH) return 'unknown';
    if (declaration.fromRequest) return 'request';
    if (declaration.parameter) {
      const isRequest = /^(req|request)$/i.test(name) || declaration.typeName === 'Request' || declaration.typeName === 'NextRequest';
      return isRequest ? 'request' : 'param';
    }
    if (!declaration.initializer) return 'unknown';
    const value = unwrap(declaration.initializer);
    if (ts.isStringLiteralLike(value) || ts.isNumericLiteral(value)) return 'literal';
    const root = accessRoot(value);
    return root ? this.sourceOfName(root.text, root.pos, depth + 1) : 'unknown';
  }

  /**
   * `JSON.parse` of this call's result later in its function, with what validates it: a validator around it
   * (`Schema.parse(JSON.parse(x))`) or a later validator given the variable it was stored in.
   */
  private jsonParsesOf(call: PendingCall): JsonParse[] {
    const binding = this.bindings.get(call.node);
    if (!binding) return [];
    const names = bindingNames(binding);
    const { jsonParses, validators } = this.recordsOf(call);
    return jsonParses
      .filter((parse) => parse.start >= call.node.end && names.some((name) => parse.mentions.has(name)))
      .map((parse) => {
        const stored = this.bindings.get(parse.node);
        const storedName = stored && stored.kind === SyntaxKind.Identifier ? stored.text : undefined;
        const later = storedName ? validators.find((v) => v.start > parse.end && v.mentions.has(storedName)) : undefined;
        const type = this.parseTypes.get(parse.node);
        const schema = type ? this.schemaOfType.get(type) : undefined;
        return { span: { start: parse.start, end: parse.end }, validatedBy: parse.insideValidator ?? later?.callee, schema };
      });
  }

  /** For a stream: the abort signal it was given, and the handler's fetch `Request` whose signal would do. */
  private streamFactsOf(call: PendingCall, sdk: SdkFacts, maps: { body?: OptionMap; requestOptions?: OptionMap }): StreamFacts {
    let signal: string | undefined;
    for (const ref of sdk.timeout.signals) {
      const lookup = optionAt(ref.place === 'body' ? maps.body : maps.requestOptions, ref.path);
      if ('found' in lookup) signal = lookup.found.value.kind === 'expression' ? lookup.found.value.text : ref.path;
    }
    let requestParam: string | undefined;
    for (const parameter of call.functionNode?.parameters ?? []) {
      const type = parameter.type && ts.isTypeReferenceNode(parameter.type) ? parameter.type.typeName.getText(this.sourceFile) : undefined;
      if (ts.isIdentifier(parameter.name) && (type === 'Request' || type === 'NextRequest')) requestParam = parameter.name.text;
    }
    return { signal, requestParam };
  }

  private guardOf(call: PendingCall, errorOptions: readonly string[], body: OptionMap): Guarded {
    const clause = call.tryStatement?.catchClause;
    const errorCallback = errorOptions.find((name) => body.entries.has(name));
    return {
      tryCatch: clause ? { span: spanOf(clause, this.sourceFile), handling: classifyCatch(clause, this.isLogger) } : undefined,
      promiseCatch: this.promiseHandled.has(call.node),
      errorCallback,
      helper: this.resilienceOf(call).fallbackWrapper,
    };
  }

  private loggingOf(call: PendingCall, auditOptions: readonly string[], body: OptionMap): Logged {
    const { logs } = this.recordsOf(call);
    const calls = logs.map((log) => ({ span: { start: log.start, end: log.end }, callee: log.callee, mentions: [...log.mentions] }));
    const option = auditOptions.find((name) => body.entries.has(name));
    if (option) return { audit: true, by: option, calls };
    const binding = this.bindings.get(call.node);
    const names = new Set(['usage', ...(binding ? bindingNames(binding) : [])]);
    const callEnd = call.node.end;
    const record = logs.find((log) => log.start >= callEnd && [...names].some((name) => log.mentions.has(name)));
    return record ? { audit: true, by: record.callee, calls } : { audit: false, calls };
  }

  private resultBindingOf(node: ts.CallExpression): CallSite['resultBinding'] {
    const binding = this.bindings.get(node);
    if (!binding) return undefined;
    if (binding.kind === SyntaxKind.Identifier) return { name: binding.text, destructured: [] };
    return { name: '', destructured: bindingNames(binding) };
  }

  private statementTargetOf(call: PendingCall): StatementTarget | undefined {
    const { statement, statements } = call;
    if (!statement || !statements || !call.functionNode) return undefined;
    const start = statement.getStart(this.sourceFile);
    const blockEnd = statements[statements.length - 1].end;
    const multilineString =
      this.multilineTemplates.some((offset) => offset >= start && offset < blockEnd) ||
      /\\(?:\r\n|\r|\n)/.test(this.sourceFile.text.slice(start, blockEnd));
    return { start, end: statement.end, blockEnd, indent: indentAt(this.sourceFile.text, start), reindentable: !multilineString };
  }

  private modelOf(body: ts.ObjectLiteralExpression, optionName: string): ModelRef | undefined {
    for (const property of body.properties) {
      if (!ts.isPropertyAssignment(property) || propertyNameText(property.name) !== optionName) continue;
      const value = unwrap(property.initializer);
      const literal = this.valueOf(value);
      if (literal?.kind === 'string') return { value: literal.value, span: literal.span };
      const model = ts.isCallExpression(value) ? this.providerModelOf(value) : undefined;
      return model ?? { dynamic: true, span: spanOf(value, this.sourceFile), expression: value.getText(this.sourceFile) };
    }
    return undefined;
  }

  /** `anthropic('claude-…')`, `openai.chat('gpt-4o')`, `myProvider('…')` from `createOpenAI`. */
  private providerModelOf(node: ts.CallExpression): ModelRef | undefined {
    const callee = unwrap(node.expression);
    const providerExpr = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
    const value = this.valueOf(providerExpr);
    const isProvider =
      value?.kind === 'provider' ||
      (value?.kind === 'module' && catalogByModule.get(value.module)?.providerInstances.has(value.exportName) === true);
    if (!isProvider) return undefined;
    const [arg] = node.arguments;
    const literal = arg ? readLiteral(arg, this.sourceFile, this.lookupConstant) : undefined;
    if (literal?.kind === 'string') {
      const constant = this.valueOf(arg);
      return { value: literal.value, span: constant?.kind === 'string' ? constant.span : spanOf(arg, this.sourceFile) };
    }
    if (!arg) return { dynamic: true, span: spanOf(node, this.sourceFile) };
    return { dynamic: true, span: spanOf(arg, this.sourceFile), expression: arg.getText(this.sourceFile) };
  }
}

function mergeOptions(body: OptionMap, requestOptions: OptionMap | undefined): OptionMap {
  if (!requestOptions) return body;
  return {
    entries: new Map([...body.entries, ...requestOptions.entries]),
    hasSpread: body.hasSpread || requestOptions.hasSpread,
  };
}

function parseProblemsOf(sourceFile: ts.SourceFile): Pick<FileFacts, 'parseErrors' | 'brokenRegions'> {
  // parseDiagnostics is internal but stable; it is the only list of syntax errors a bare parse gives.
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: { start?: number }[] }).parseDiagnostics ?? [];
  if (diagnostics.length === 0) return { parseErrors: 0, brokenRegions: [] };
  const statements = sourceFile.statements.map((statement) => ({ start: statement.pos, end: statement.end }));
  return { parseErrors: diagnostics.length, brokenRegions: brokenRegions(statements, diagnostics.map((diagnostic) => diagnostic.start ?? 0)) };
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  const names: string[] = [];
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) names.push(...bindingNames(element.name));
  }
  return names;
}

function typeReferenceName(type: ts.TypeNode | undefined): string | undefined {
  return type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) ? type.typeName.text : undefined;
}

/** The call a wrapper makes, as its callers see it; a wrapper of a wrapper passes the innermost call on. */
/** The identifier a callee starts from: `ask` for `ask(…)`, `ai` for `ai.ask(…)`. */
function rootName(callee: ts.Expression): string {
  let node = callee;
  while (node.kind === ts.SyntaxKind.PropertyAccessExpression) node = (node as ts.PropertyAccessExpression).expression;
  return node.kind === ts.SyntaxKind.Identifier ? (node as ts.Identifier).text : '';
}

/** Starts of the statements and functions that hold a call, innermost first. */
function anchorsOf(holders: Holders | undefined, sourceFile: ts.SourceFile): number[] {
  const starts: number[] = [];
  for (let holder = holders; holder; holder = holder.outer) starts.push(holder.node.getStart(sourceFile));
  return starts;
}
