/**
 * The CODEOWNERS pattern that covers a file's folder (`/src/ai/`), or the file itself at the root (`/chat.ts`).
 * Unescaped, as the CODEOWNERS reader holds patterns and `.prodready.json` writes them: escaping for a CODEOWNERS
 * line, or refusing a name it cannot hold, is done where the line is written (ownership/write.ts).
 */
export function codeownersPatternFor(relativeFile: string): string {
  const slash = relativeFile.lastIndexOf('/');
  return slash === -1 ? `/${relativeFile}` : `/${relativeFile.slice(0, slash)}/`;
}
