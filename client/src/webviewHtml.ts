/**
 * The preview webview's page: our script and style only, under a CSP that allows nothing else, with a
 * fresh nonce per render. No vscode import, so the UI tests serve the very same page.
 */
export interface WebviewPage {
  /** webview.cspSource: where the webview may load styles, images and fonts from. */
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** Scripts that run before ours (the UI tests' stand-in for VS Code's webview API). */
  readonly preludeScripts?: readonly string[];
  /** Stylesheets before ours (the UI tests' stand-in for VS Code's theme variables). */
  readonly themeStyles?: readonly string[];
  /** Attributes for <body> (VS Code sets the theme classes itself). */
  readonly bodyAttributes?: string;
}

export function webviewHtml(page: WebviewPage): string {
  const csp = [
    "default-src 'none'",
    `style-src ${page.cspSource}`,
    `img-src ${page.cspSource}`,
    `font-src ${page.cspSource}`,
    `script-src 'nonce-${page.nonce}'`,
  ].join('; ');
  const styles = [...(page.themeStyles ?? []), page.styleUri].map((href) => `<link rel="stylesheet" href="${href}">`);
  const scripts = [...(page.preludeScripts ?? []), page.scriptUri].map((src) => `<script nonce="${page.nonce}" src="${src}"></script>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.join('\n')}
<title>Rollout Preview</title>
</head>
<body${page.bodyAttributes ? ` ${page.bodyAttributes}` : ''}>
<div id="app"></div>
${scripts.join('\n')}
</body>
</html>`;
}
