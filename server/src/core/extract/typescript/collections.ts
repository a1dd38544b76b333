// Clients kept in caches: what a file puts into a Map (`this.clients.set(key, new OpenAI())`), by receiver.
import { unwrap } from './options';
import { ts } from './ts';
import { TsFile } from './context';

/**
 * The values put into the collection written `receiver` (`this.clients`, `cache`). Grouped once per file from
 * the calls the walk already recorded, and only when a `.get()` asks.
 */
export function valuesPutInto(cx: TsFile, receiver: string): readonly ts.Expression[] {
  if (!cx.collectionSets) {
    cx.collectionSets = new Map();
    for (const { node } of cx.calls) {
      const callee = unwrap(node.expression);
      if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'set' || node.arguments.length !== 2) continue;
      const text = receiverText(cx, callee.expression);
      const list = cx.collectionSets.get(text);
      if (list) list.push(node.arguments[1]);
      else cx.collectionSets.set(text, [node.arguments[1]]);
    }
  }
  return cx.collectionSets.get(receiver) ?? [];
}

/** A receiver's text without the wrappers that do not change it (`(this.clients as Map<…>)` is `this.clients`). */
export function receiverText(cx: TsFile, expression: ts.Expression): string {
  return unwrap(expression).getText(cx.sourceFile);
}
