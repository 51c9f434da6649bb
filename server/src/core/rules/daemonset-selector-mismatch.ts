import { selectorConverts, selectorSelects } from './helpers/labelSelectorChecks';
import type { FixIntent } from '../parse/edits';
import { stringMapValue } from './helpers/goValues';
import { apiServerRules, translatedNote } from './messages/apiServerRules';
import type { Rule } from './rule';

/**
 * The DaemonSet's selector must select its own pods.
 * pkg/apis/apps/validation/validation.go ValidateDaemonSetSpec: a nil selector converts to
 * labels.Nothing(), so a missing selector fails here too; an unconvertible selector skips the check
 * (metav1.LabelSelectorAsSelector fails on any invalid key, value or operator).
 */
export const daemonSetSelectorMismatch: Rule = {
  meta: {
    id: 'daemonset-selector-mismatch',
    severity: 'error',
    kinds: ['DaemonSet'],
    description: "A DaemonSet's spec.selector must match its pod template's labels.",
  },
  check({ object, kubernetesVersion, locale }) {
    if (object.kind !== 'DaemonSet') return [];
    const labels = object.spec?.template?.metadata?.labels;
    const selector = object.spec?.selector;
    // An unconvertible selector (an invalid key, In without values) skips the check, as upstream does.
    if (!selectorConverts(selector) || selectorSelects(selector, labels)) return [];
    const fixes: FixIntent[] = [];
    if (selector?.matchLabels && !selector.matchExpressions?.length) {
      fixes.push({
        title: apiServerRules.t(locale, 'selectorLabelsFix'),
        changes: [{ op: 'set', path: ['spec', 'template', 'metadata', 'labels'], value: { ...labels, ...selector.matchLabels } }],
      });
    }
    if (labels && Object.keys(labels).length > 0) {
      fixes.push({
        title: apiServerRules.t(locale, 'selectorSelectFix'),
        changes: [{ op: 'set', path: ['spec', 'selector'], value: { matchLabels: labels } }],
      });
    }
    return [
      {
        path: ['spec', 'template', 'metadata', 'labels'],
        part: 'key',
        message: `Invalid value: ${stringMapValue(labels, kubernetesVersion)}: \`selector\` does not match template \`labels\``,
        note: translatedNote(locale, 'selectorMismatchNote', { kind: 'DaemonSet' }),
        fixes,
      },
    ];
  },
};
