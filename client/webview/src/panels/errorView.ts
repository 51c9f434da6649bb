/**
 * The error state: why the manifest (or the scenario) cannot be simulated, each problem on its own line with a
 * `line:col` link that reveals it in the editor. Shown alone, or as a banner over the last good timeline
 * (an edit in progress often breaks the manifest for a moment). Every string goes in as text.
 */
import type { ShowErrorParams } from '../../../../server/src/protocol/webviewMessages';
import { el } from '../dom';
import { t } from '../l10n';
import { problemLines, type ProblemLine } from './problems';

export type RevealHandler = (place: NonNullable<ProblemLine['reveal']>) => void;

/** `ul.problem-list`: one `li` per problem, `a.problem-location` (focusable; Enter or click reveals) then the message. */
export function problemList(doc: Document, params: ShowErrorParams, onReveal: RevealHandler): HTMLUListElement {
  return issueList(doc, problemLines(params.message, params.problems, params.sourceUri), 'problem-list', onReveal);
}

/** `ul.<listClass>` of problems or warnings, each with its `a.problem-location` link when it has a place. */
export function issueList(doc: Document, lines: readonly ProblemLine[], listClass: string, onReveal: RevealHandler): HTMLUListElement {
  return el(
    doc,
    'ul',
    { class: listClass },
    lines.map((line) => {
      const reveal = line.reveal;
      let link: HTMLAnchorElement | null = null;
      if (reveal && line.location) {
        // An anchor without href is not focusable: tabindex and role make it a keyboard-usable link.
        link = el(doc, 'a', {
          class: 'problem-location',
          text: line.location,
          attrs: { tabindex: 0, role: 'link', title: t('Show line {0}, column {1} in the editor', ...(line.location.split(':') as [string, string])) },
        });
        link.addEventListener('click', (event) => {
          event.preventDefault();
          onReveal(reveal);
        });
        link.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            onReveal(reveal);
          }
        });
      }
      return el(doc, 'li', { class: `problem${line.source ? ` problem-${line.source}` : ''}` }, [
        link,
        el(doc, 'span', { class: 'problem-message', text: line.message }),
      ]);
    }),
  );
}

export interface ErrorViewOptions {
  readonly sourceLabel?: string;
  readonly onRetry?: () => void;
  readonly onReveal: RevealHandler;
}

/** Why there is no timeline (nothing good was shown for this manifest yet). */
export function renderErrorView(doc: Document, params: ShowErrorParams, options: ErrorViewOptions): HTMLElement {
  const retry = options.onRetry ? el(doc, 'button', { class: 'button secondary', text: t('Run again'), attrs: { type: 'button' } }) : null;
  if (retry && options.onRetry) retry.addEventListener('click', options.onRetry);
  const count = problemLines(params.message, params.problems, params.sourceUri).length;
  return el(doc, 'section', { class: 'preview-error', attrs: { 'aria-label': t('Why there is no preview') } }, [
    el(doc, 'div', { class: 'banner banner-error', attrs: { role: 'alert' } }, [
      el(doc, 'span', { class: 'banner-icon', text: '✗', attrs: { 'aria-hidden': 'true' } }),
      el(doc, 'div', { class: 'banner-body' }, [
        el(doc, 'strong', { class: 'error-title', text: headline(params, count) }),
        problemList(doc, params, options.onReveal),
      ]),
    ]),
    options.sourceLabel ? el(doc, 'p', { class: 'hint', text: t('Fix it in {0}; the preview runs again on every edit.', options.sourceLabel) }) : null,
    retry,
  ]);
}

/** Over the last good timeline: it is out of date, and why. */
export function renderStaleBanner(doc: Document, params: ShowErrorParams, onReveal: RevealHandler): HTMLElement {
  return el(doc, 'div', { class: 'banner banner-error banner-rerun', attrs: { role: 'alert' } }, [
    el(doc, 'span', { class: 'banner-icon', text: '✗', attrs: { 'aria-hidden': 'true' } }),
    el(doc, 'div', { class: 'banner-body' }, [
      el(doc, 'strong', { text: t('Could not simulate the current text. The timeline below is from an earlier version.') }),
      problemList(doc, params, onReveal),
    ]),
  ]);
}

function headline(params: ShowErrorParams, count: number): string {
  switch (params.code) {
    case 'serverUnavailable':
      return t('The language server is not running.');
    case 'methodNotFound':
      return t('This language server cannot simulate.');
    case 'requestFailed':
      return t('The simulation request failed.');
    default:
      return count > 1 ? t('{0} problems stop the simulation:', count) : t('This stops the simulation:');
  }
}
