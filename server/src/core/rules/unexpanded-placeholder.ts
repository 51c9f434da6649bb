import type { Path } from '../parse/path';
import { podTemplateOf, podTemplatePath } from './helpers/workloadPaths';
import { containerAdvice } from './messages/containerAdvice';
import type { Rule, RuleFinding } from './rule';

/** `$ITEM`, `${ITEM}`, `{{ITEM}}`-style placeholders meant for sed/envsubst, not Kubernetes' `$(VAR)`. */
const PLACEHOLDER = /\$\{?[A-Z][A-Z0-9_]*\}?|\{\{\s*[A-Za-z_][\w.]*\s*\}\}/;

/**
 * The Job-template pattern (one manifest per work item, made with `sed "s/\$ITEM/$i/"`) leaves `$ITEM` in a
 * manifest that is applied unexpanded. Kubernetes expands only `$(VAR)` in command, args and env, never in
 * names, labels or images. Checked where a placeholder cannot be meant for a shell.
 */
export const unexpandedPlaceholder: Rule = {
  meta: {
    id: 'unexpanded-placeholder',
    severity: 'warning',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: 'A $ITEM-style template placeholder was left in a name, label or image; Kubernetes does not expand it.',
  },
  check({ written, locale }) {
    const findings: RuleFinding[] = [];
    const look = (path: Path, value: unknown): void => {
      if (typeof value !== 'string') return;
      const match = PLACEHOLDER.exec(value);
      if (!match) return;
      findings.push({
        path,
        message: containerAdvice.t(locale, 'unexpandedPlaceholder', { placeholder: match[0] }),
      });
    };
    look(['metadata', 'name'], written.metadata?.name);
    for (const [key, value] of Object.entries(written.metadata?.labels ?? {})) look(['metadata', 'labels', key], value);
    const template = podTemplateOf(written);
    const base = podTemplatePath(written);
    for (const [key, value] of Object.entries(template?.metadata?.labels ?? {})) look([...base, 'metadata', 'labels', key], value);
    for (const list of ['initContainers', 'containers'] as const) {
      (template?.spec?.[list] ?? []).forEach((container, index) => {
        look([...base, 'spec', list, index, 'image'], container.image);
        look([...base, 'spec', list, index, 'name'], container.name);
      });
    }
    return findings;
  },
};
