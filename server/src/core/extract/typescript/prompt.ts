import { FETCH_REQUEST_TYPES, REQUEST_NAME } from '../../catalog/web';
import type { PromptFacts } from '../../catalog';
import type { PromptInput, PromptRole, PromptSource } from '../../model';
import { isPersonObjectName, piiHintsForLiteral, piiHintsForNames } from '../../catalog/privacy';
import { MESSAGE_CLASS_ROLES, ROLES, TUPLE_ROLES } from '../shared/roles';
import { propertyNameText, spanOf, unwrap } from './options';
import { ts } from './ts';
import { typeNameOf } from './typed';
import type { ApiFacts } from '../../catalog';
import { MAX_ALIAS_DEPTH, OptionsArgument, PendingCall, TsFile } from './context';

/** Where an identifier's value comes from: the extractor answers with its scope index. */
export type SourceOf = (root: ts.Identifier) => PromptSource;


/** Reads every value that reaches the prompt of one call, with its role and where it comes from. */
export class PromptReader {
  private readonly inputs: PromptInput[] = [];
  /** Characters of literal prompt text (both branches of a conditional): what an input estimate counts. */
  literalChars = 0;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly sourceOf: SourceOf,
    private readonly redactors: ReadonlySet<string>,
  ) {}

  read(body: ts.ObjectLiteralExpression, facts: PromptFacts): PromptInput[] {
    for (const property of body.properties) {
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
      const name = propertyNameText(property.name);
      const value = ts.isPropertyAssignment(property) ? property.initializer : property.name;
      if (name === undefined) continue;
      if (facts.system?.includes(name)) this.collect(value, 'system');
      else if (facts.user?.includes(name)) this.collect(value, 'user');
      else if (name === facts.messages) this.readMessages(value);
    }
    return this.inputs;
  }

  /** LangChain's `invoke(input)`: a string, a list of messages, tuples (`['system', '…']`) or message classes. */
  readArgument(argument: ts.Expression): PromptInput[] {
    this.readMessages(argument);
    return this.inputs;
  }

  /** A message list: role-tagged objects in an array literal, or a string; anything else is one opaque input. */
  private readMessages(expression: ts.Expression): void {
    const node = unwrap(expression);
    if (!ts.isArrayLiteralExpression(node)) {
      this.collect(node, ts.isStringLiteralLike(node) || ts.isTemplateExpression(node) ? 'user' : 'unknown');
      return;
    }
    for (const element of node.elements) {
      const message = unwrap(element as ts.Expression);
      const tuple = ts.isArrayLiteralExpression(message) && message.elements.length === 2 ? message.elements : undefined;
      if (tuple && ts.isStringLiteralLike(tuple[0])) {
        this.collect(tuple[1] as ts.Expression, TUPLE_ROLES[tuple[0].text] ?? 'unknown');
        continue;
      }
      if (ts.isNewExpression(message) && ts.isIdentifier(message.expression) && message.arguments?.[0]) {
        this.collect(message.arguments[0], MESSAGE_CLASS_ROLES[message.expression.text] ?? 'unknown');
        continue;
      }
      if (!ts.isObjectLiteralExpression(message)) {
        this.collect(message, 'unknown');
        continue;
      }
      let role: PromptRole = 'unknown';
      let roleNode: ts.Node | undefined;
      const contents: ts.Expression[] = [];
      for (const property of message.properties) {
        if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
        const name = propertyNameText(property.name);
        const value = ts.isPropertyAssignment(property) ? property.initializer : property.name;
        if (name === 'role' && ts.isStringLiteralLike(value) && ROLES.has(value.text as PromptRole)) {
          role = value.text as PromptRole;
          roleNode = value;
        } else if (name === 'content' || name === 'text' || name === 'parts') {
          contents.push(value);
        }
      }
      for (const content of contents) {
        const first = this.inputs.length;
        this.collect(content, role);
        if (!roleNode) continue;
        const contentStart = unwrap(content).getStart(this.sourceFile);
        for (const input of this.inputs.slice(first)) {
          input.message = { roleSpan: spanOf(roleNode, this.sourceFile), wholeContent: input.span.start === contentStart && input.span.end === content.end };
        }
      }
    }
  }

  private collect(expression: ts.Expression, role: PromptRole): void {
    const node = unwrap(expression);
    if (ts.isStringLiteralLike(node)) {
      this.literalChars += node.text.length;
      const hints = piiHintsForLiteral(node.text);
      if (hints.length > 0) this.add(node, role, 'literal', hints);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      const literal = node.head.text + node.templateSpans.map((span) => span.literal.text).join('');
      this.literalChars += literal.length;
      const hints = piiHintsForLiteral(literal);
      if (hints.length > 0) this.add(node, role, 'literal', hints);
      for (const span of node.templateSpans) this.collect(span.expression, role);
      return;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      this.collect(node.left, role);
      this.collect(node.right, role);
      return;
    }
    if (ts.isConditionalExpression(node)) {
      this.collect(node.whenTrue, role);
      this.collect(node.whenFalse, role);
      return;
    }
    if (ts.isArrayLiteralExpression(node)) {
      for (const element of node.elements) this.collect(element as ts.Expression, role);
      return;
    }
    if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        if (ts.isPropertyAssignment(property)) this.collect(property.initializer, role);
        else if (ts.isShorthandPropertyAssignment(property)) this.collect(property.name, role);
        else if (ts.isSpreadAssignment(property)) this.collect(property.expression, role);
      }
      return;
    }
    if (ts.isCallExpression(node)) {
      this.collectCall(node, role);
      return;
    }
    this.addAccess(node, role);
  }

  private collectCall(node: ts.CallExpression, role: PromptRole): void {
    const callee = unwrap(node.expression);
    const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    const [first] = node.arguments;
    if (calleeName && this.redactors.has(calleeName)) {
      const input = first ? this.accessInput(unwrap(first), role) : undefined;
      this.inputs.push({ ...(input ?? this.base(node, role, 'unknown')), span: spanOf(node, this.sourceFile), text: node.getText(this.sourceFile), redactedBy: calleeName });
      return;
    }
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'stringify' && first) {
      // JSON.stringify(user) sends every field of the object.
      const input = this.accessInput(unwrap(first), role);
      if (input) this.inputs.push({ ...input, span: spanOf(node, this.sourceFile), text: node.getText(this.sourceFile) });
      return;
    }
    // `formData.get('email')` reads a named field; `text.trim()`, `notes.join('\n')` carry the receiver's value.
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'get') this.addAccess(node, role);
    else if (ts.isPropertyAccessExpression(callee)) this.collect(callee.expression, role);
  }

  private addAccess(node: ts.Expression, role: PromptRole): void {
    const input = this.accessInput(node, role);
    if (input) this.inputs.push(input);
  }

  /** `user.email`, `req.body.message`, `ticketText`: its names give PII hints, its root gives the source. */
  private accessInput(node: ts.Expression, role: PromptRole): PromptInput | undefined {
    const names: string[] = [];
    let root: ts.Expression = node;
    for (;;) {
      root = unwrap(root);
      if (ts.isPropertyAccessExpression(root)) {
        names.unshift(root.name.text);
        root = root.expression;
      } else if (ts.isElementAccessExpression(root)) {
        if (ts.isStringLiteralLike(root.argumentExpression)) names.unshift(root.argumentExpression.text);
        root = root.expression;
      } else if (ts.isCallExpression(root) && ts.isPropertyAccessExpression(root.expression) && root.expression.name.text === 'get') {
        // formData.get('email')
        const [key] = root.arguments;
        if (key && ts.isStringLiteralLike(key)) names.unshift(key.text);
        root = root.expression.expression;
      } else {
        break;
      }
    }
    if (!ts.isIdentifier(root)) return this.base(node, role, 'unknown');
    names.unshift(root.text);
    const source = names.length === 1 && isPersonObjectName(root.text) ? 'user-object' : this.sourceOf(root);
    const hints = piiHintsForNames(names);
    if (source === 'user-object') hints.push(`${root.text} object`);
    return { ...this.base(node, role, source), piiHints: hints };
  }

  private base(node: ts.Node, role: PromptRole, source: PromptSource): PromptInput {
    return { span: spanOf(node, this.sourceFile), text: node.getText(this.sourceFile), source, role, piiHints: [] };
  }

  private add(node: ts.Node, role: PromptRole, source: PromptSource, piiHints: string[]): void {
    this.inputs.push({ ...this.base(node, role, source), piiHints });
  }
}


/** The identifier an access chain starts from: `body` in `body.message.trim()`. */
export function accessRoot(expression: ts.Expression): ts.Identifier | undefined {
  let node = unwrap(expression);
  for (;;) {
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) node = unwrap(node.expression);
    else return ts.isIdentifier(node) ? node : undefined;
  }
}

/** The values that flow into a call's prompt, and how many characters of literal text it holds. */
export function promptInputsOf(cx: TsFile, call: PendingCall, api: ApiFacts, body: OptionsArgument): { inputs: PromptInput[]; literalChars: number } {
  if (!api.prompt) return { inputs: [], literalChars: 0 };
  const reader = new PromptReader(cx.sourceFile, cx.sourceOfRoot, cx.redactors);
  const argument = api.prompt.argument ? call.node.arguments[0] : undefined;
  const inputs = argument ? reader.readArgument(argument) : body.object && !api.prompt.argument ? reader.read(body.object, api.prompt) : [];
  return { inputs, literalChars: reader.literalChars };
}


/** Where a name's value comes from, following `const x = y.z` back to a parameter, a literal or the request. */
export function sourceOfName(cx: TsFile, name: string, at: number, depth: number): PromptSource {
  const declaration = cx.scopes.resolve(name, at);
  if (!declaration || depth > MAX_ALIAS_DEPTH) return 'unknown';
  if (declaration.fromRequest) return 'request';
  if (declaration.parameter) {
    const isRequest = REQUEST_NAME.test(name) || FETCH_REQUEST_TYPES.has(typeNameOf(declaration.type) ?? '');
    return isRequest ? 'request' : 'param';
  }
  if (!declaration.initializer) return 'unknown';
  const value = unwrap(declaration.initializer);
  if (ts.isStringLiteralLike(value) || ts.isNumericLiteral(value)) return 'literal';
  const root = accessRoot(value);
  return root ? sourceOfName(cx, root.text, root.pos, depth + 1) : 'unknown';
}
