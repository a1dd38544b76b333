import type { FixValue, LanguageFixer, TextEdit } from '../../model';
import type { OptionEntry, OptionTarget, Span, StatementTarget } from '../../model';
import { WAIVER_REASON_PLACEHOLDER } from '../../model';

/** Writes Python edits: keyword arguments and dict entries, statements on their own lines, imports added when needed. */
export function createPythonFixer(text: string, moduleNames: ReadonlySet<string>): LanguageFixer {
  /** `import os` after the file's last top-level import (or at the top), unless the name is already bound. */
  const importEdit = (module: string): TextEdit[] => {
    if (moduleNames.has(module)) return [];
    const imports = [...text.matchAll(/^(?:import|from)\s+[^\r\n]+$/gm)];
    const last = imports[imports.length - 1];
    if (last?.index !== undefined) {
      const end = lineEndAfter(last.index + last[0].length);
      return [insert(end, `\nimport ${module}`)];
    }
    const docstring = /^(\s*(#[^\r\n]*\r?\n)*)("""[\s\S]*?"""|'''[\s\S]*?''')?(\r?\n)?/.exec(text)?.[0].length ?? 0;
    return [insert(docstring, `import ${module}\n`)];
  };
  /** Continues a parenthesised import or a backslash continuation to the real end of the statement. */
  const lineEndAfter = (offset: number): number => {
    let end = offset;
    if (text.slice(0, end).trimEnd().endsWith('(')) end = text.indexOf(')', end) + 1;
    while (text[end - 1] === '\\') end = text.indexOf('\n', end + 1) === -1 ? text.length : text.indexOf('\n', end + 1);
    return end;
  };

  const render = (value: FixValue): { code: string; imports: string[] } | undefined => {
    switch (value.kind) {
      case 'duration':
        return { code: value.unit === 's' ? String(Math.ceil(value.ms / 1000)) : String(value.ms), imports: [] };
      case 'integer':
        return { code: String(value.value), imports: [] };
      case 'env':
        return { code: `os.environ["${value.name}"]`, imports: ['os'] };
      case 'env-template':
        return { code: `f"${value.prefix}{os.environ['${value.name}']}"`, imports: ['os'] };
      case 'object': {
        const inner = render(value.value);
        return inner && { code: `{"${value.name}": ${inner.code}}`, imports: inner.imports };
      }
      case 'audit-log': {
        const call = value.call === 'console.info' ? 'logging.info' : value.call;
        const fields = Object.entries(value.fields).map(([name, path]) => `"${snake(name)}": ${value.result}.${path}`).join(', ');
        const code = value.style === 'object-first' ? `${call}({${fields}}, "${value.event}")` : `${call}("${value.event}", extra={${fields}})`;
        return { code, imports: call.startsWith('logging.') ? ['logging'] : [] };
      }
      case 'break-if-disconnected':
        return { code: `if await ${value.request}.is_disconnected():\n    break`, imports: [] };
      default:
        // Abort signals and error callbacks have no Python spelling: no fix rather than a wrong one.
        return undefined;
    }
  };

  const withImports = (edits: TextEdit[], imports: string[]): TextEdit[] => [...imports.flatMap(importEdit), ...edits];

  return {
    addOption(target: OptionTarget, name: string, value: FixValue): TextEdit[] {
      const rendered = render(value);
      if (!rendered || target.kind !== 'object') return [];
      const entry = target.syntax === 'dict' ? `"${name}": ${rendered.code}` : `${name}=${rendered.code}`;
      if (target.lastEntryEnd === undefined) return withImports([insert(target.span.start + 1, entry)], rendered.imports);
      if (target.trailingComma) {
        const comma = text.indexOf(',', target.lastEntryEnd) + 1;
        return withImports([insert(comma, target.multiline ? `\n${target.indent}${entry},` : ` ${entry},`)], rendered.imports);
      }
      return withImports([insert(target.lastEntryEnd, target.multiline ? `,\n${target.indent}${entry}` : `, ${entry}`)], rendered.imports);
    },
    setOption(entry: OptionEntry, value: FixValue): TextEdit[] {
      const rendered = render(value);
      return rendered ? withImports([{ span: entry.valueSpan, newText: rendered.code }], rendered.imports) : [];
    },
    replaceWith(span: Span, value: FixValue): TextEdit[] {
      const rendered = render(value);
      return rendered ? withImports([{ span, newText: rendered.code }], rendered.imports) : [];
    },
    replaceString(span: Span, value: string): TextEdit[] {
      const literal = text.slice(span.start, span.end);
      const quote = /^[a-zA-Z]*("""|'''|"|')/.exec(literal);
      if (!quote) return [];
      const open = quote[0].length;
      return [{ span: { start: span.start + open, end: span.end - quote[1].length }, newText: value.replace(/\\/g, '\\\\').replace(new RegExp(quote[1][0], 'g'), `\\${quote[1][0]}`) }];
    },
    insertAfter(target: StatementTarget, statement: FixValue): TextEdit[] {
      const rendered = render(statement);
      // Lines after the first of a block statement (`if …:` and its body) keep their place under the first.
      return rendered ? withImports([insert(target.end, `\n${target.indent}${rendered.code.replace(/\n/g, `\n${target.indent}`)}`)], rendered.imports) : [];
    },
    wrapInTryCatch(target: StatementTarget): TextEdit[] {
      if (!target.reindentable) return [];
      const indent = target.indent;
      // Only insertions: `try:` before, four spaces at each following line of the block, `except` after.
      const edits = [insert(target.start, `try:\n${indent}    `)];
      for (let at = text.indexOf('\n', target.start); at !== -1 && at < target.blockEnd; at = text.indexOf('\n', at + 1)) {
        if (text[at + 1] !== '\n' && text[at + 1] !== '\r') edits.push(insert(at + 1, '    '));
      }
      edits.push(insert(target.blockEnd, `\n${indent}except Exception:\n${indent}    # prodready: answer here instead (another model, a cached or default result); until then it re-raises.\n${indent}    raise`));
      return edits;
    },
    insertBeforeMember(callee: Span, member: string, insertion: string): TextEdit[] {
      const at = text.lastIndexOf(`.${member}`, callee.end);
      if (at < callee.start) return [];
      return [insert(at, pythonCall(insertion))];
    },
    wrapInCall(span: Span, callee: string): TextEdit[] {
      return [insert(span.start, `${callee}(`), insert(span.end, ')')];
    },
    addRedactor(name: string): TextEdit[] {
      const code = `\n\n\ndef ${name}(text: str) -> str:\n    """Masks e-mail addresses and phone numbers before text reaches a model."""\n    text = re.sub(r"[\\w.+-]+@[\\w-]+\\.[\\w.]+", "[email]", str(text))\n    return re.sub(r"\\+?\\d[\\d\\s().-]{7,}\\d", "[phone]", text)\n`;
      // Two blank lines before a top-level function (PEP 8).
      return [...importEdit('re'), insert(text.length, text.endsWith('\n') ? code.slice(1) : code)];
    },
    suppressionComment(offset: number, ruleId: string, indent: string): TextEdit[] {
      // A comment line is allowed anywhere, inside brackets too; only its own line is added.
      const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      return [insert(lineStart, `${indent}# prodready-ignore-next-line ${ruleId} -- ${WAIVER_REASON_PLACEHOLDER}\n`)];
    },
  };
}

/** `.withFallbacks([b])` as written by a rule becomes `.with_fallbacks([b])` in Python. */
function pythonCall(insertion: string): string {
  return insertion.replace(/\.([A-Za-z]\w*)\(/g, (_, method: string) => `.${snake(method)}(`);
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`).replace(/^_/, '');
}

function insert(offset: number, newText: string): TextEdit {
  return { span: { start: offset, end: offset }, newText };
}
