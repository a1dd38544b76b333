export interface SidebarPage {
  /** `webview.cspSource`: the only origin styles and scripts may come from. */
  cspSource: string;
  /** A fresh random value per page; only scripts carrying it run. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** The codicon font's stylesheet, shipped with the extension. */
  codiconUri: string;
}

/** The sidebar page: no inline script or style, nothing remote, every workspace string added later as text. */
export function renderSidebarHtml(page: SidebarPage): string {
  const csp = [`default-src 'none'`, `style-src ${page.cspSource}`, `img-src ${page.cspSource}`, `font-src ${page.cspSource}`, `script-src 'nonce-${page.nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link href="${attribute(page.codiconUri)}" rel="stylesheet">
  <link href="${attribute(page.styleUri)}" rel="stylesheet">
  <title>prodready readiness</title>
</head>
<body>
  <main id="app" aria-live="polite"><p class="muted">Reading the workspace…</p></main>
  <script nonce="${page.nonce}" src="${attribute(page.scriptUri)}"></script>
</body>
</html>`;
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
