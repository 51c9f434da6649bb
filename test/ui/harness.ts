// A stand-in for VS Code's webview host, for the rollout preview's UI tests: serves the built webview bundle
// (dist/webview.js, dist/webview.css) in a page with the same CSP the extension uses, a theme's --vscode-*
// variables and body class, and a stub acquireVsCodeApi that records what the webview posts and keeps its state
// across reloads. Driven by playwright-core in Debian's Chromium.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { webviewHtml } from '../../client/src/webviewHtml';

/** The checkout: the nearest folder up from here with the extension's package.json (compiled to out/test/ui/, or bundled into out/bench/). */
function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'k8s-dryrun') return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..', '..', '..');
  }
}
export const REPO_ROOT = repoRoot();
export const DIST = path.join(REPO_ROOT, 'dist');
export const TIMELINE_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'timelines');

export type ThemeKind = 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast' | 'vscode-high-contrast-light';

const COMMON = {
  'font-family': '"DejaVu Sans", "Segoe UI", "Ubuntu", sans-serif',
  'font-size': '13px',
  'font-weight': 'normal',
  'editor-font-family': '"DejaVu Sans Mono", "Droid Sans Mono", monospace',
};

/** Theme colours as VS Code 1.100's Light Modern, Dark Modern and the two high-contrast themes define them. */
export const THEMES: Record<ThemeKind, Record<string, string>> = {
  'vscode-light': {
    ...COMMON,
    foreground: '#3b3b3b',
    'editor-foreground': '#3b3b3b',
    'editor-background': '#ffffff',
    descriptionForeground: '#616161',
    disabledForeground: '#61616180',
    'panel-border': '#e5e5e5',
    'widget-border': '#e5e5e5',
    focusBorder: '#005fb8',
    'charts-foreground': '#616161',
    'charts-lines': '#61616180',
    'charts-red': '#e51400',
    'charts-blue': '#1a85ff',
    'charts-yellow': '#bf8803',
    'charts-orange': '#d18616',
    'charts-green': '#388a34',
    'charts-purple': '#652d90',
    'badge-background': '#cccccc',
    'badge-foreground': '#3b3b3b',
    'button-background': '#005fb8',
    'button-foreground': '#ffffff',
    'button-hoverBackground': '#0258a8',
    'button-border': '#0000001a',
    'button-secondaryBackground': '#e5e5e5',
    'button-secondaryForeground': '#3b3b3b',
    'button-secondaryHoverBackground': '#cccccc',
    'inputValidation-warningBackground': '#f6f5d2',
    'inputValidation-warningBorder': '#b89500',
    'inputValidation-errorBackground': '#f2dede',
    'inputValidation-errorBorder': '#be1100',
    'editorWarning-foreground': '#bf8803',
    errorForeground: '#f85149',
    'list-hoverBackground': '#f2f2f2',
    'list-activeSelectionBackground': '#e8e8e8',
    'list-activeSelectionForeground': '#000000',
    'list-inactiveSelectionBackground': '#e4e6f1',
    'textLink-foreground': '#005fb8',
    'scrollbarSlider-background': '#64646466',
    'progressBar-background': '#005fb8',
  },
  'vscode-dark': {
    ...COMMON,
    foreground: '#cccccc',
    'editor-foreground': '#cccccc',
    'editor-background': '#1f1f1f',
    descriptionForeground: '#9d9d9d',
    disabledForeground: '#cccccc80',
    'panel-border': '#2b2b2b',
    'widget-border': '#313131',
    focusBorder: '#0078d4',
    'charts-foreground': '#cccccc',
    'charts-lines': '#cccccc80',
    'charts-red': '#f14c4c',
    'charts-blue': '#3794ff',
    'charts-yellow': '#cca700',
    'charts-orange': '#d18616',
    'charts-green': '#89d185',
    'charts-purple': '#b180d7',
    'badge-background': '#616161',
    'badge-foreground': '#f8f8f8',
    'button-background': '#0078d4',
    'button-foreground': '#ffffff',
    'button-hoverBackground': '#026ec1',
    'button-border': '#ffffff12',
    'button-secondaryBackground': '#313131',
    'button-secondaryForeground': '#cccccc',
    'button-secondaryHoverBackground': '#3c3c3c',
    'inputValidation-warningBackground': '#352a05',
    'inputValidation-warningBorder': '#b89500',
    'inputValidation-errorBackground': '#5a1d1d',
    'inputValidation-errorBorder': '#be1100',
    'editorWarning-foreground': '#cca700',
    errorForeground: '#f85149',
    'list-hoverBackground': '#2a2d2e',
    'list-activeSelectionBackground': '#04395e',
    'list-activeSelectionForeground': '#ffffff',
    'list-inactiveSelectionBackground': '#37373d',
    'textLink-foreground': '#4daafc',
    'scrollbarSlider-background': '#79797966',
    'progressBar-background': '#0078d4',
  },
  'vscode-high-contrast': {
    ...COMMON,
    foreground: '#ffffff',
    'editor-foreground': '#ffffff',
    'editor-background': '#000000',
    descriptionForeground: '#ffffffb3',
    disabledForeground: '#a5a5a5',
    'panel-border': '#6fc3df',
    'widget-border': '#6fc3df',
    contrastBorder: '#6fc3df',
    contrastActiveBorder: '#f38518',
    focusBorder: '#f38518',
    'charts-foreground': '#ffffff',
    'charts-lines': '#ffffff',
    'charts-red': '#f48771',
    'charts-blue': '#75beff',
    'charts-yellow': '#ffd700',
    'charts-orange': '#ffa500',
    'charts-green': '#89d185',
    'charts-purple': '#b180d7',
    'badge-background': '#000000',
    'badge-foreground': '#ffffff',
    'button-background': '#000000',
    'button-foreground': '#ffffff',
    'button-border': '#6fc3df',
    'button-secondaryBackground': '#000000',
    'button-secondaryForeground': '#ffffff',
    'inputValidation-warningBackground': '#000000',
    'inputValidation-warningBorder': '#6fc3df',
    'inputValidation-errorBackground': '#000000',
    'inputValidation-errorBorder': '#6fc3df',
    'editorWarning-foreground': '#ffd370',
    errorForeground: '#f48771',
    'list-activeSelectionBackground': '#000000',
    'list-inactiveSelectionBackground': '#000000',
    'textLink-foreground': '#21a6ff',
    'scrollbarSlider-background': '#6fc3df99',
    'progressBar-background': '#6fc3df',
  },
  'vscode-high-contrast-light': {
    ...COMMON,
    foreground: '#292929',
    'editor-foreground': '#000000',
    'editor-background': '#ffffff',
    descriptionForeground: '#292929',
    disabledForeground: '#7f7f7f',
    'panel-border': '#0f4a85',
    'widget-border': '#0f4a85',
    contrastBorder: '#0f4a85',
    contrastActiveBorder: '#006bbd',
    focusBorder: '#006bbd',
    'charts-foreground': '#292929',
    'charts-lines': '#292929',
    'charts-red': '#b5200d',
    'charts-blue': '#0f4a85',
    'charts-yellow': '#895503',
    'charts-orange': '#ba6f2a',
    'charts-green': '#374e06',
    'charts-purple': '#652d90',
    'badge-background': '#0f4a85',
    'badge-foreground': '#ffffff',
    'button-background': '#0f4a85',
    'button-foreground': '#ffffff',
    'button-border': '#0f4a85',
    'button-secondaryBackground': '#ffffff',
    'button-secondaryForeground': '#292929',
    'inputValidation-warningBackground': '#ffffff',
    'inputValidation-warningBorder': '#0f4a85',
    'inputValidation-errorBackground': '#ffffff',
    'inputValidation-errorBorder': '#0f4a85',
    'editorWarning-foreground': '#895503',
    errorForeground: '#b5200d',
    'list-activeSelectionBackground': '#ffffff',
    'list-inactiveSelectionBackground': '#ffffff',
    'textLink-foreground': '#0f4a85',
    'scrollbarSlider-background': '#0f4a8566',
    'progressBar-background': '#0f4a85',
  },
};

/** What stands in for VS Code's webview API: records posts, keeps state in sessionStorage (survives reload). */
const STUB = `(() => {
  let acquired = false;
  const saved = sessionStorage.getItem('vscode-state');
  let state = saved === null ? undefined : JSON.parse(saved);
  window.__posted = [];
  /** performance.now() of each post, for the render-time measurement */
  window.__postedAt = [];
  window.__csp = [];
  window.__dialogs = 0;
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  window.alert = () => { window.__dialogs++; };
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return {
      postMessage: (m) => { window.__postedAt.push(performance.now()); window.__posted.push(JSON.parse(JSON.stringify(m))); },
      getState: () => state,
      setState: (s) => {
        state = s;
        // VS Code keeps a webview's state whatever its size; sessionStorage has a quota (a 10,000-pod timeline
        // is over it): kept in memory then, and what was stored before is dropped so a reload does not show it
        try { sessionStorage.setItem('vscode-state', JSON.stringify(s)); } catch { sessionStorage.removeItem('vscode-state'); }
        return s;
      },
    };
  };
})();
`;

export interface Harness {
  readonly origin: string;
  /** The page for a theme; `nonce` is fresh per page, like the extension's per render. */
  /** `language`: a display language whose bundle the page carries (`zh-cn`); default English. */
  url(theme: ThemeKind, language?: string): string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, type: string, body: string | Buffer): void => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === '/') {
      const theme = (url.searchParams.get('theme') ?? 'vscode-dark') as ThemeKind;
      return send(200, 'text/html; charset=utf-8', page(origin, theme, url.searchParams.get('lang') ?? undefined));
    }
    if (url.pathname === '/stub.js') return send(200, 'text/javascript', STUB);
    const themeCss = /^\/theme-([a-z-]+)\.css$/.exec(url.pathname);
    if (themeCss && themeCss[1] in THEMES) {
      const vars = Object.entries(THEMES[themeCss[1] as ThemeKind]).map(([k, v]) => `  --vscode-${k}: ${v};`);
      return send(200, 'text/css', `:root {\n${vars.join('\n')}\n}\n`);
    }
    const dist = /^\/dist\/(webview\.(?:js|css))$/.exec(url.pathname);
    if (dist) return send(200, dist[1].endsWith('.js') ? 'text/javascript' : 'text/css', fs.readFileSync(path.join(DIST, dist[1])));
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (theme, language) => `${origin}/?theme=${theme}${language ? `&lang=${encodeURIComponent(language)}` : ''}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The page the extension's previewPanel.ts writes, with the harness's origin standing for webview.cspSource; for a
 * display language other than English, with the extension's l10n bundle for it (what `vscode.l10n.bundle` holds).
 */
function page(cspSource: string, theme: ThemeKind, language?: string): string {
  const bundle = language && language !== 'en' ? l10nBundle(language) : undefined;
  return webviewHtml({
    ...(bundle ? { language, l10nBundle: bundle } : {}),
    cspSource,
    nonce: crypto.randomBytes(18).toString('base64'),
    scriptUri: `${cspSource}/dist/webview.js`,
    styleUri: `${cspSource}/dist/webview.css`,
    preludeScripts: [`${cspSource}/stub.js`],
    themeStyles: [`${cspSource}/theme-${theme}.css`],
    bodyAttributes: `class="${theme}" data-vscode-theme-kind="${theme}"`,
  });
}

/** client/l10n/bundle.l10n.<language>.json: English text → translation. */
export function l10nBundle(language: string): Record<string, string> {
  if (!/^[a-z]{2}(-[a-z]{2,4})?$/.test(language)) throw new Error(`not a display language: ${language}`);
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'client', 'l10n', `bundle.l10n.${language}.json`), 'utf8')) as Record<string, string>;
}

export function fixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(TIMELINE_FIXTURES, name), 'utf8'));
}
