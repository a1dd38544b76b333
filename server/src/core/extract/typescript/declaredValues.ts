// Values known without following the flow of the file: what a declared type names, what a project module
// exports under a name, an empty collection's element type. The resolver builds on these.
import { catalogByModule, sdkFacts } from '../../catalog';
import { ts } from './ts';
import { declaredMembers, typeShapesOf } from './typed';
import { ClientValue, MAX_ALIAS_DEPTH, TsFile, Value } from './context';
import { clientExport, relative } from './catalogValues';

const COLLECTION_CLASSES = new Set(['Map', 'WeakMap']);

/** The first client whose construction is visible, else the first client known only by its type. */
export function preferBuilt(values: readonly (Value | undefined)[]): ClientValue | undefined {
  const clients = values.filter((value): value is ClientValue => value?.kind === 'client');
  return clients.find((client) => client.known) ?? clients[0];
}

/** What a declared type says a value holds: `OpenAI`, `Promise<OpenAI>`, `OpenAI | undefined`, `{ llm: OpenAI }`. */
export function typedValue(cx: TsFile, type: ts.TypeNode | undefined, at: number, depth: number): Value | undefined {
  if (depth > MAX_ALIAS_DEPTH) return undefined;
  for (const shape of typeShapesOf(type)) {
    if (shape.kind === 'members') return { kind: 'typed', members: shape.members };
    if (shape.kind === 'collection') return { kind: 'collection', element: typedValue(cx, shape.element, at, depth + 1) };
    const declaration = cx.scopes.resolve(shape.name, at);
    if (shape.kind === 'classMember') {
      // Only a project class is taken at its word: a method call on it must still be one of its AI methods.
      const cls = declaration?.class ? { kind: 'instance' as const, declaration: declaration.class } : declaration?.import ? importedValue(cx, declaration.import) : undefined;
      if (cls?.kind === 'instance') return cls;
      if (cls?.kind === 'projectClass') return { ...cls, instance: true };
      continue;
    }
    if (declaration?.typeDeclaration) {
      const members = declaredMembers(declaration.typeDeclaration);
      const value = members ? { kind: 'typed' as const, members } : ts.isTypeAliasDeclaration(declaration.typeDeclaration) ? typedValue(cx, declaration.typeDeclaration.type, at, depth + 1) : undefined;
      if (value) return value;
      continue;
    }
    // `service: DraftingService` for a class of this file: its methods are what a call can reach.
    if (declaration?.class) return { kind: 'instance', declaration: declaration.class };
    const named = declaration?.import ? { kind: 'module' as const, ...declaration.import } : undefined;
    // `agent: Agent` for a project class another module exports: its methods are what a call can reach.
    const imported = named ? importedValue(cx, named) : undefined;
    if (imported?.kind === 'projectClass') return { ...imported, instance: true };
    // `model: Model` for an interface or abstract class that project classes in other modules implement.
    const implementations = named ? cx.resolveImport?.implementationsOf?.(named.module, named.exportName) : undefined;
    if (implementations?.methods.size) {
      return { kind: 'projectClass', cls: { kind: 'class', name: shape.name, file: implementations.file, methods: new Map(implementations.methods) }, instance: true };
    }
    const client = named ? clientExport(named) : undefined;
    if (client) return { kind: 'client', sdk: client.sdk, known: false, module: named?.module, via: `a parameter or field typed ${shape.name}` };
  }
  return undefined;
}

/** What a project module exports under a name, as the project index knows it. */
export function importedValue(cx: TsFile, imported: { module: string; exportName: string }): Value | undefined {
  if (!cx.resolveImport || catalogByModule.has(imported.module)) return undefined;
  const found = cx.resolveImport(imported.module, imported.exportName);
  if (found?.kind === 'class') return { kind: 'projectClass', cls: found, instance: false };
  // SDK modules are read by the Python extractor only so far.
  if (!found || found.kind === 'reexport' || found.kind === 'module' || found.kind === 'module-loader') return undefined;
  if (found.kind === 'wrapper' || found.kind === 'invoker') return found;
  const sdk = sdkFacts(found.sdk, found.module);
  if (!sdk) return undefined;
  const where = found.construction ? `, built in ${relative(cx, found.construction.file)}` : '';
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

/** `new Map<string, OpenAI>()`, `new Map()`: a cache whose values are known by type or by what is put in it. */
export function newCollectionOf(cx: TsFile, node: ts.NewExpression, depth: number): Value | undefined {
  if (!ts.isIdentifier(node.expression) || !COLLECTION_CLASSES.has(node.expression.text)) return undefined;
  const args = node.typeArguments;
  return { kind: 'collection', element: args?.length ? typedValue(cx, args[args.length - 1], node.pos, depth + 1) : undefined };
}
