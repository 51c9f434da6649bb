import type { Path } from '../parse/path';
import { podTemplateOf, podTemplatePath } from './helpers/workloadPaths';
import { containerAdvice } from './messages/containerAdvice';
import type { Rule, RuleFinding } from './rule';

const SHELLS = /(^|\/)(sh|bash|ash|dash|zsh|ksh)$/;

/**
 * `args: ["/bin/sh", "-c", '"sleep 5; echo done"']`: the quotes are part of the string, so the shell is asked
 * to run a command literally named `sleep 5; echo done` and fails with "not found". Kubernetes passes each
 * list item to the container as one argument; no shell strips quotes around it.
 */
export const quotedShellCommand: Rule = {
  meta: {
    id: 'quoted-shell-command',
    severity: 'warning',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: 'The script after `sh -c` is wrapped in an extra pair of quotes, so the shell looks for a command named after the whole script.',
  },
  check({ object, locale }) {
    const findings: RuleFinding[] = [];
    const spec = podTemplateOf(object)?.spec;
    const base: Path = [...podTemplatePath(object), 'spec'];
    for (const list of ['initContainers', 'containers'] as const) {
      (spec?.[list] ?? []).forEach((container, index) => {
        const words = [...(container.command ?? []), ...(container.args ?? [])];
        const commandLength = container.command?.length ?? 0;
        const dashC = words.findIndex((w, i) => w === '-c' && i > 0 && SHELLS.test(words[i - 1]));
        const script = dashC >= 0 ? words[dashC + 1] : undefined;
        if (script === undefined || !/^(["']).*\1$/s.test(script) || script.length < 3) return;
        const scriptIndex = dashC + 1;
        const inCommand = scriptIndex < commandLength;
        const path: Path = [...base, list, index, inCommand ? 'command' : 'args', inCommand ? scriptIndex : scriptIndex - commandLength];
        findings.push({
          path,
          message: containerAdvice.t(locale, 'quotedShellCommand', { script }),
          fixes: [{ title: containerAdvice.t(locale, 'removeQuotesFix'), changes: [{ op: 'set', path, value: script.slice(1, -1) }], preferred: true }],
        });
      });
    }
    return findings;
  },
};
