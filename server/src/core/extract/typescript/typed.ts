// Declared types read without a checker: the shapes a type annotation can give a client-holding name.
import { propertyNameText } from './options';
import { ts } from './ts';

/** Types that hold their argument's value: `Promise<OpenAI>` holds an `OpenAI` once awaited. */
const HOLDERS = new Set(['Promise', 'PromiseLike', 'Awaited', 'Readonly', 'NonNullable', 'Omit', 'Pick', 'Required']);
/** Keyed collections, whose values are their last type argument: `Map<string, OpenAI>`. */
const COLLECTIONS = new Set(['Map', 'ReadonlyMap', 'WeakMap', 'Record', 'Partial']);

export type TypeShape =
  | { kind: 'named'; name: string; at: number }
  /** `AgenticModel.Any`: a type the namespace merged with a class declares, most often the class with its type arguments filled. */
  | { kind: 'classMember'; name: string; at: number }
  | { kind: 'members'; members: ts.NodeArray<ts.TypeElement> }
  | { kind: 'collection'; element: ts.TypeNode };

/** Each alternative a type allows, `null` and `undefined` left out: `OpenAI | undefined` gives `OpenAI`. */
export function typeShapesOf(type: ts.TypeNode | undefined): TypeShape[] {
  if (!type) return [];
  if (ts.isParenthesizedTypeNode(type)) return typeShapesOf(type.type);
  // `Omit<LanguageModelV2, 'doGenerate'> & { doGenerate: … }`: each part says what the value is.
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.flatMap(typeShapesOf);
  if (ts.isTypeLiteralNode(type)) return [{ kind: 'members', members: type.members }];
  if (ts.isArrayTypeNode(type)) return [{ kind: 'collection', element: type.elementType }];
  if (!ts.isTypeReferenceNode(type)) return [];
  if (ts.isQualifiedName(type.typeName)) return ts.isIdentifier(type.typeName.left) ? [{ kind: 'classMember', name: type.typeName.left.text, at: type.pos }] : [];
  const name = type.typeName.text;
  const args = type.typeArguments;
  if (args?.length && HOLDERS.has(name)) return typeShapesOf(args[0]);
  if (args?.length && (COLLECTIONS.has(name) || name === 'Array' || name === 'ReadonlyArray')) return [{ kind: 'collection', element: args[args.length - 1] }];
  return [{ kind: 'named', name, at: type.pos }];
}

/** The declared type of a member of an object type, a getter's or a method's return type included. */
export function memberType(members: ts.NodeArray<ts.TypeElement>, name: string): ts.TypeNode | undefined {
  for (const member of members) {
    if (!member.name || propertyNameText(member.name) !== name) continue;
    if (ts.isPropertySignature(member) || ts.isGetAccessorDeclaration(member)) return member.type;
  }
  return undefined;
}

/** The members an interface or a type alias declares, when it is an object type. */
export function declaredMembers(node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): ts.NodeArray<ts.TypeElement> | undefined {
  if (ts.isInterfaceDeclaration(node)) return node.members;
  return ts.isTypeLiteralNode(node.type) ? node.type.members : undefined;
}

/** `Request` in `req: Request`: the identifier a plain type reference names. */
export function typeNameOf(type: ts.TypeNode | undefined): string | undefined {
  return type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) ? type.typeName.text : undefined;
}
