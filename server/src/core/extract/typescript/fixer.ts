import type { FixValue, LanguageFixer, TextEdit } from '../../model';
import type { OptionEntry, OptionTarget, Span, StatementTarget } from '../../model';
import { WAIVER_REASON_PLACEHOLDER } from '../../model';

function render(value: FixValue): string {
  switch (value.kind) {
    case 'duration':
      return String(value.unit === 's' ? Math.ceil(value.ms / 1000) : value.ms);
    case 'abort-timeout':
      return `AbortSignal.timeout(${value.ms})`;
    case 'integer':
      return String(value.value);
    case 'env':
      return `process.env.${value.name}`;
    case 'env-template':
      return `\`${value.prefix}\${process.env.${value.name}}\``;
    case 'object':
      return `{ ${value.name}: ${render(value.value)} }`;
    case 'property':
      return `${value.object}.${value.property}`;
    case 'any-signal':
      return `AbortSignal.any([${value.first.object}.${value.first.property}, ${value.existing}])`;
    case 'error-callback':
      return `({ error }) => {\n  ${value.call}('${value.event}', error);\n}`;
    case 'break-if-disconnected':
      return `if (${value.request}.signal.aborted) break`;
    case 'audit-log': {
      const record = `{ ${Object.entries(value.fields).map(([name, path]) => `${name}: ${value.result}.${path}`).join(', ')} }`;
      return value.style === 'object-first' ? `${value.call}(${record}, '${value.event}')` : `${value.call}('${value.event}', ${record})`;
    }
  }
}

/** Re-indents a rendered multi-line value to sit at `indent`. */
function indented(text: string, indent: string): string {
  return text.replace(/\n/g, `\n${indent}`);
}

/** Writes TS/JS edits: options as `name: value` entries in object literals, statements on their own lines. */
export function createTypeScriptFixer(text: string): LanguageFixer {
  const lineStartOf = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  return {
    addOption(target: OptionTarget, name: string, value: FixValue): TextEdit[] {
      const entry = `${name}: ${indented(render(value), target.indent)}`;
      if (target.kind === 'missing-argument') {
        return [insert(target.insertAt, `${target.needsSeparator ? ', ' : ''}{ ${entry} }`)];
      }
      if (target.lastEntryEnd === undefined) return [{ span: target.span, newText: `{ ${entry} }` }];
      if (target.trailingComma) {
        const comma = text.indexOf(',', target.lastEntryEnd) + 1;
        return [insert(comma, target.multiline ? `\n${target.indent}${entry},` : ` ${entry},`)];
      }
      return [insert(target.lastEntryEnd, target.multiline ? `,\n${target.indent}${entry}` : `, ${entry}`)];
    },
    setOption(entry: OptionEntry, value: FixValue): TextEdit[] {
      return [{ span: entry.valueSpan, newText: render(value) }];
    },
    replaceWith(span: Span, value: FixValue): TextEdit[] {
      return [{ span, newText: render(value) }];
    },
    replaceString(span: Span, value: string): TextEdit[] {
      const quote = text[span.start];
      const inner = { start: span.start + 1, end: span.end - 1 };
      return quote === "'" || quote === '"' || quote === '`' ? [{ span: inner, newText: value }] : [{ span, newText: JSON.stringify(value) }];
    },
    insertAfter(target: StatementTarget, statement: FixValue): TextEdit[] {
      return [insert(target.end, `\n${target.indent}${indented(render(statement), target.indent)};`)];
    },
    wrapInTryCatch(target: StatementTarget): TextEdit[] {
      const unit = target.indent.includes('\t') ? '\t' : '  ';
      const first = lineStartOf(target.start);
      const edits: TextEdit[] = [insert(first, `${target.indent}try {\n${target.reindentable ? unit : ''}`)];
      if (target.reindentable) {
        for (let at = text.indexOf('\n', first) + 1; at > 0 && at < target.blockEnd; at = text.indexOf('\n', at) + 1) {
          if (text[at] !== '\n' && text[at] !== '\r') edits.push(insert(at, unit));
        }
      }
      const inner = target.indent + unit;
      edits.push(
        insert(
          target.blockEnd,
          `\n${target.indent}} catch (error) {\n${inner}// TODO(prodready): degrade here: a fallback model, a cached answer or a clear message.\n${inner}throw error;\n${target.indent}}`,
        ),
      );
      return edits;
    },
    insertBeforeMember(callee: Span, member: string, inserted: string): TextEdit[] {
      const at = text.lastIndexOf(`.${member}`, callee.end);
      return at > callee.start ? [insert(at, inserted)] : [];
    },
    wrapInCall(span: Span, callee: string): TextEdit[] {
      return [insert(span.start, `${callee}(`), insert(span.end, ')')];
    },
    addRedactor(name: string): TextEdit[] {
      const separator = text.endsWith('\n') ? '\n' : '\n\n';
      return [insert(text.length, `${separator}${redactorSource(name)}`)];
    },
    suppressionComment(offset: number, ruleId: string, indent: string): TextEdit[] {
      return [insert(lineStartOf(offset), `${indent}// prodready-ignore-next-line ${ruleId} -- ${WAIVER_REASON_PLACEHOLDER}\n`)];
    },
  };
}

/** The helper the AIR005 fix adds when the project has no redactor: masks e-mail addresses and phone numbers. */
function redactorSource(name: string): string {
  return [
    '/** Masks e-mail addresses and phone numbers before text is sent to a model. Added by prodready: extend it for your data. */',
    `function ${name}(value: unknown): string {`,
    '  return String(value)',
    "    .replace(/[\\w.+-]+@[\\w-]+\\.[\\w.-]+/g, '[email]')",
    "    .replace(/\\+?\\d[\\d\\s().-]{7,}\\d/g, '[phone]');",
    '}',
    '',
  ].join('\n');
}

function insert(at: number, newText: string): TextEdit {
  return { span: { start: at, end: at }, newText };
}
