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
  /** The display language (`vscode.env.language`), for `<html lang>`; default English. */
  readonly language?: string;
  /**
   * The l10n bundle of the display language (English text → translation; `vscode.l10n.bundle`), which the
   * webview's `t` reads (client/webview/src/l10n.ts). Absent: English.
   */
  readonly l10nBundle?: Readonly<Record<string, string>>;
}

/** The id the webview reads its bundle from (client/webview/src/l10n.ts's L10N_BUNDLE_ELEMENT_ID). */
const L10N_BUNDLE_ELEMENT_ID = 'k8s-dryrun-l10n';

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
  // A JSON data block is not a script (the CSP does not run it); escaped so that no text in it can end the element.
  const bundle = page.l10nBundle ? `<script type="application/json" id="${L10N_BUNDLE_ELEMENT_ID}">${jsonForHtml(page.l10nBundle)}</script>` : '';
  return `<!DOCTYPE html>
<html lang="${languageTag(page.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.join('\n')}
<title>Rollout Preview</title>
${bundle}
</head>
<body${page.bodyAttributes ? ` ${page.bodyAttributes}` : ''}>
<div id="app"></div>
${scripts.join('\n')}
</body>
</html>`;
}

/** JSON that is safe inside an HTML element: no `<`, `>` or `&` (so no `</script>`), no JS line separators. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A language tag for `<html lang>`: letters, digits and dashes only (`zh-cn`), else `en`. */
function languageTag(language: string | undefined): string {
  return language && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(language) ? language : 'en';
}
