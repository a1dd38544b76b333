/** The CODEOWNERS pattern that covers a file's folder (`/src/ai/`), or the file itself at the root (`/chat.ts`). */
export function codeownersPatternFor(relativeFile: string): string {
  const slash = relativeFile.lastIndexOf('/');
  return slash === -1 ? `/${escapeSpaces(relativeFile)}` : `/${escapeSpaces(relativeFile.slice(0, slash))}/`;
}

function escapeSpaces(path: string): string {
  return path.replace(/ /g, '\\ ');
}
