import type { FixValue, LanguageFixer, TextEdit } from '../../fixes';
import type { OptionEntry, OptionTarget, Span } from '../../model';

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
  }
}

/** Writes TS/JS edits: options as `name: value` entries in object literals. */
export function createTypeScriptFixer(text: string): LanguageFixer {
  return {
    addOption(target: OptionTarget, name: string, value: FixValue): TextEdit[] {
      const entry = `${name}: ${render(value)}`;
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
  };
}

function insert(at: number, newText: string): TextEdit {
  return { span: { start: at, end: at }, newText };
}
