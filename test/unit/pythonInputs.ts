// Python inputs that break tree-sitter-python, shared by the tests that check prodready survives them.

/** An unterminated string, then `if` nested `levels` deep: what makes tree-sitter-python overrun its state buffer. */
export function deeplyIndented(levels: number): string {
  let text = 'from a".b import c\n';
  for (let i = 0; i < levels; i++) text += `${' '.repeat(i)}if x:\n`;
  return `${text}${' '.repeat(levels)}pass\n`;
}
