// What modules tell each other through the project index: exported values, what callers give, and the questions
// an extraction may ask about other modules.
import type { ClientConstruction, SdkId, WrappedCall } from './callSite';
import type { Span } from './span';

/**
 * What a module exports that matters to AI calls in other modules: a client (or a function returning one), a
 * function that makes an AI call, or a name passed on from another module.
 */
export type ExportedValue =
  | {
      kind: 'client';
      sdk: SdkId;
      module?: string;
      construction?: ClientConstruction;
      known: boolean;
      retryWrapper?: string;
      fallback?: string;
      via: string;
      /** A function that returns the client (`getClient()`), rather than the client itself. */
      factory?: boolean;
    }
  | { kind: 'wrapper'; name: string; file: string; wraps: WrappedCall }
  /** A project class whose methods (its own, inherited or overridden in a subclass) make AI calls. */
  | {
      kind: 'class';
      name: string;
      file: string;
      methods: Map<string, WrappedCall>;
      /** The bases it imports from other modules, as this module imports them: where project subclasses are registered. */
      bases?: ImportRef[];
      /** The methods of `methods` the class or its subclasses implement (not inherited from a base). */
      implemented?: string[];
      /** `self.model` set by the class to a project class reaching a model: what subclasses in other modules call on it. */
      members?: Map<string, HeldMember>;
    }
  | { kind: 'reexport'; module: string; exportName: string }
  /** A project function that calls what it is given (`act({ generate })` calls `generate`): a model request in that callback runs inside the caller. */
  | { kind: 'invoker'; name: string; file: string; slots: readonly CallbackSlot[]; urls?: readonly SentUrl[] }
  /** An SDK module (`litellm`) a name holds or a function returns (`def get_litellm(): return litellm`). */
  | { kind: 'module'; module: string; factory: boolean }
  /** A function returning the module its first argument names: `require("litellm")` over `importlib.import_module(name)`. */
  | { kind: 'module-loader' };

/** A parameter a function calls: the argument at `index` itself, or its member `property` (`{ generate }`, `params.generate()`). */
export interface CallbackSlot {
  index: number;
  property?: string;
}

/** A parameter a function sends an HTTP request to (`fetch(url, …)`), and where that request is made. */
export interface SentUrl {
  index: number;
  span: Span;
  file: string;
}

/** The project class a member holds and its methods that reach a model; `file` where that class is declared, when imported. */
export interface HeldMember {
  className: string;
  methods: Map<string, WrappedCall>;
  file?: string;
}

/** Exported names (`default` for the default export) and the modules passed on whole by `export * from`. */
export interface ExportSummary {
  names: Map<string, ExportedValue>;
  star: string[];
  /** Callbacks reaching a model this module passes to other modules' functions that call them. */
  given?: GivenCallback[];
  /** Model endpoint URLs this module passes to other modules' functions that send requests to them. */
  urlsGiven?: GivenUrl[];
}

/** `retryRequest(url, …)` with `url` a model endpoint: `retryRequest` (declared in `file`) sends to the URL at `index`. */
export interface GivenUrl {
  file: string;
  name: string;
  index: number;
  /** The URL's text as far as it is static, `*` standing for what is known only at run time. */
  url: string;
}

/** `inference.extract({ generate: (x) => llm.generate(x) })`: `extract` (declared in `file`) is given a model callback in `slot`. */
export interface GivenCallback {
  file: string;
  name: string;
  slot: CallbackSlot;
  wraps: WrappedCall;
}

/** A name imported from a module, as the importing module writes it: `from app.llm.base import BaseLLM`. */
export interface ImportRef {
  module: string;
  name: string;
}

/**
 * Answers, for a module specifier seen in `fromFile`, what that module exports under `exportName`; and, for a
 * class declared in `fromFile`, which of its methods project subclasses in other modules implement with a model
 * request (an abstract `_achat_completion` a provider module implements).
 */
export interface ImportResolver {
  (module: string, exportName: string): (ExportedValue & { file: string }) | undefined;
  subclassMethods?: (className: string) => ReadonlyMap<string, WrappedCall> | undefined;
  /**
   * For a class or interface a module specifier exports (`Model` of the runner's model module), which of its methods project
   * classes extending or implementing it implement with a model request, and the file that declares it.
   */
  implementationsOf?: (module: string, exportName: string) => { file: string; methods: ReadonlyMap<string, WrappedCall> } | undefined;
  /** For a function declared in `fromFile`, the model callbacks other modules give it, slot by slot (in file order). */
  callbacksGiven?: (functionName: string) => readonly { slot: CallbackSlot; wraps: WrappedCall; from: string }[];
  /** For a function declared in `fromFile`, the model endpoint URLs other modules give it at `index`. */
  urlsGiven?: (functionName: string, index: number) => readonly { url: string; from: string }[];
  /**
   * The texts a URL read from what a module exports can take: `path` says what is read from the export (a
   * member, `[]` any element, `()` a call's result, `new` an instance). Undefined when they are not known.
   */
  urlTexts?: (module: string, exportName: string, path: readonly string[]) => readonly string[] | undefined;
}
