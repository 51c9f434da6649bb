/**
 * The preview's words in the user's language. The webview cannot import `vscode`, so the host puts VS Code's
 * l10n bundle for the display language (`vscode.l10n.bundle`: English source text → translation, the same
 * client/l10n/bundle.l10n.<lang>.json the extension uses) into the page as a JSON data block (webviewHtml.ts),
 * and `t` looks the English text up there. No bundle (English, or a key missing from it): the English text.
 * Arguments fill `{0}`, `{1}`... as `vscode.l10n.t` does.
 */

/** English source text → translation. */
export type L10nBundle = Readonly<Record<string, string>>;

/** The id of the page's `<script type="application/json">` that carries the bundle. */
export const L10N_BUNDLE_ELEMENT_ID = 'k8s-dryrun-l10n';

let bundle: L10nBundle = {};

/** Uses `next` from now on (the page's bundle at start; tests set their own). */
export function setL10nBundle(next: L10nBundle | undefined): void {
  bundle = next ?? {};
}

/** The bundle the host put into `doc`, or an empty one (English) when there is none or it cannot be read. */
export function readL10nBundle(doc: { getElementById(id: string): { readonly textContent: string | null } | null }): L10nBundle {
  const text = doc.getElementById(L10N_BUNDLE_ELEMENT_ID)?.textContent;
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

/** `message` (English, also the bundle's key) in the user's language, `{n}` replaced by `args[n]`. */
export function t(message: string, ...args: readonly (string | number)[]): string {
  return format(bundle[message] ?? message, args);
}

/**
 * Like `t`, for a sentence with elements in it: the translation cut at its `{n}`, each replaced by `args[n]`
 * (text or a DOM node), so that word order follows the language. `tNodes('At {0}: {1} active', time, strong)`.
 */
export function tNodes<N>(message: string, ...args: readonly (string | number | N)[]): (string | N)[] {
  const out: (string | N)[] = [];
  const template = bundle[message] ?? message;
  let last = 0;
  for (const match of template.matchAll(/\{(\d+)\}/g)) {
    const index = Number(match[1]);
    if (index >= args.length) continue;
    out.push(template.slice(last, match.index));
    const arg = args[index];
    out.push(typeof arg === 'number' ? String(arg) : arg);
    last = (match.index ?? 0) + match[0].length;
  }
  out.push(template.slice(last));
  return out.filter((part) => part !== '');
}

/**
 * Marks English text that a table defines ahead of time (labels of fields, states...) as a bundle key: it is
 * returned as it is, and `t` translates it where it is shown. The bundle test finds these keys by this name.
 */
export function l10nKey(message: string): string {
  return message;
}

function format(template: string, args: readonly (string | number)[]): string {
  if (args.length === 0) return template;
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}
