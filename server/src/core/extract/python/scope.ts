import type { PyNode } from './parser';

// Python name bindings as the extractor needs them: imports, assignments, parameters, functions, and the
// `self.x` members a class's methods assign. Python scopes are per function, not per block.

export type Binding =
  | { kind: 'import'; module: string; name: string }
  /** `scope`: where `node` is read, the assigning function's for a `global` name it assigns. */
  | { kind: 'value'; node: PyNode; scope: Scope }
  /** `a, b = make()`: element `index` of what `node` gives (only the readers that follow tuples use it). */
  | { kind: 'element'; node: PyNode; index: number; scope: Scope }
  | { kind: 'param'; node: PyNode; annotation?: PyNode }
  | { kind: 'function'; fn: FunctionInfo }
  | { kind: 'class'; cls: ClassInfo };

export interface FunctionInfo {
  name: string;
  node: PyNode;
  scope: Scope;
  cls?: ClassInfo;
  returns: PyNode[];
  /** `-> AsyncOpenAI`: what the function returns when its `return`s cannot be followed. */
  returnType?: PyNode;
  /** `params.update(…)` calls and `params["k"] = v` assignments, by the name they change: options built up for a `**params` call. */
  dictWrites?: { name: string; node: PyNode }[];
  /** Names declared `global`: assigning them rebinds the module's name (a client loaded on first use). */
  globals?: Set<string>;
  /** `@property` / `@cached_property`: reading `self.name` calls it. */
  property?: boolean;
  /** Logger calls in the function, with the names their arguments read. */
  logs: { start: number; end: number; callee: string; mentions: Set<string> }[];
}

/** A `self.x` member: the expression assigned (read in the scope that assigned it) and its declared type. */
export interface Member {
  node?: PyNode;
  scope: Scope;
  annotation?: PyNode;
  /** The other assignments (`self.client = litellm` after `client = None`), tried when the kept one holds nothing. */
  others?: { node: PyNode; scope: Scope }[];
  /** `self.a, self.b = make()`: the calls whose result's element `index` the member holds. */
  destructured?: { node: PyNode; scope: Scope; index: number }[];
}

export interface ClassInfo {
  name: string;
  /** The class's base classes as written (`Model`, `base.Model`, `Generic[T]`). */
  bases: PyNode[];
  /** `self.client = OpenAI()` in any method, `client: OpenAI` in the class body: `client` → what it holds. */
  members: Map<string, Member>;
  methods: Map<string, FunctionInfo>;
}

export class Scope {
  readonly names = new Map<string, Binding>();

  /** The function whose body this is; undefined for the module. */
  fn: FunctionInfo | undefined;

  constructor(readonly parent: Scope | undefined) {}

  /** Function scopes see their own names, then the enclosing functions' and the module's (class bodies are skipped). */
  lookup(name: string): Binding | undefined {
    return this.holderOf(name)?.names.get(name);
  }

  /**
   * The binding `name` has here, with the scope its value is read in: where it was assigned, not where it is used (a
   * module-level `agent = make(llm)` reads the module's `llm`, whatever the function using `agent` calls its
   * parameters); else the scope holding it.
   */
  resolve(name: string): { binding: Binding; scope: Scope } | undefined {
    const holder = this.holderOf(name);
    const found = holder?.names.get(name);
    if (!holder || !found) return undefined;
    return { binding: found, scope: found.kind === 'value' || found.kind === 'element' ? found.scope : holder };
  }

  /** The scope `name` is bound in as this one sees it (a lookup allocates nothing: it runs for every name read). */
  private holderOf(name: string): Scope | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) if (scope.names.has(name)) return scope;
    return undefined;
  }

  /** The first binding wins for values assigned more than once (`client = None` then `client = OpenAI()` keeps the client). */
  bind(name: string, binding: Binding): void {
    const existing = this.names.get(name);
    // `litellm = None` after `import litellm` (under TYPE_CHECKING, or in an ImportError fallback) is a placeholder.
    if (existing?.kind === 'import' && binding.kind === 'value' && binding.node.type === 'none') return;
    // `fn, args = self._wrap(fn)` after `fn = complete`: the element is a guess, the plain value is not.
    if (binding.kind === 'element' && existing && !(existing.kind === 'value' && existing.node.type === 'none')) return;
    if (existing?.kind === 'value' && binding.kind === 'value' && existing.node.type !== 'none') {
      // Keep a later construction over an earlier placeholder, otherwise the first assignment.
      if (binding.node.type !== 'call') return;
      if (existing.node.type === 'call') return;
    }
    this.names.set(name, binding);
  }
}

/** `client`, `options.client`, `kwargs.get("client")` for a parameter of the function (not `self` or `cls`). */
export function givenByCaller(node: PyNode, scope: Scope): boolean {
  let root: PyNode | null = node;
  while (root && root.type !== 'identifier') {
    root = root.type === 'attribute' || root.type === 'subscript' ? root.childForFieldName(root.type === 'attribute' ? 'object' : 'value') : root.type === 'call' ? root.childForFieldName('function') : null;
  }
  if (!root || root.text === 'self' || root.text === 'cls') return false;
  return scope.lookup(root.text)?.kind === 'param';
}
