import { flowCronJob, runRuleTests, yaml } from './ruleTester';

const cronJob = (apiVersion: string): string => flowCronJob({ apiVersion });

const daemonSet = (apiVersion: string): string => yaml`
  apiVersion: ${apiVersion}
  kind: DaemonSet
  metadata: { name: fluentd }
  spec:
    selector: { matchLabels: { name: fluentd } }
    template:
      metadata: { labels: { name: fluentd } }
      spec:
        containers: [{ name: fluentd, image: fluent/fluentd }]`;

const removed = (kind: string, apiVersion: string, release: string, replacement: string, note = ''): string =>
  `no matches for kind "${kind}" in version "${apiVersion}": ${apiVersion} ${kind} was removed in Kubernetes ${release}; use apiVersion: ${replacement}${note}`;
const APPS_NOTE = ' (apps/v1 also requires spec.selector matching the template labels)';

runRuleTests('removed-api-version', {
  valid: [
    { name: 'CronJob batch/v1', yaml: cronJob('batch/v1') },
    { name: 'CronJob batch/v1beta1 before its removal (1.24)', yaml: cronJob('batch/v1beta1'), kubernetesVersion: '1.24' },
    { name: 'DaemonSet apps/v1', yaml: daemonSet('apps/v1') },
    { name: 'DaemonSet apps/v1beta2 on 1.15', yaml: daemonSet('apps/v1beta2'), kubernetesVersion: '1.15' },
  ],
  invalid: [
    { name: 'CronJob batch/v1beta1 on 1.25', kubernetesVersion: '1.25', yaml: cronJob('batch/v1beta1'), findings: [{ fieldPath: 'apiVersion', message: removed('CronJob', 'batch/v1beta1', '1.25', 'batch/v1'), line: 1 }] },
    { name: 'CronJob batch/v2alpha1', yaml: cronJob('batch/v2alpha1'), findings: [{ fieldPath: 'apiVersion', message: removed('CronJob', 'batch/v2alpha1', '1.25', 'batch/v1'), line: 1 }] },
    { name: 'DaemonSet extensions/v1beta1', yaml: daemonSet('extensions/v1beta1'), findings: [{ fieldPath: 'apiVersion', message: removed('DaemonSet', 'extensions/v1beta1', '1.16', 'apps/v1', APPS_NOTE), line: 1 }] },
    {
      name: 'DaemonSet apps/v1beta1 never existed, whatever the version',
      kubernetesVersion: '1.10',
      yaml: daemonSet('apps/v1beta1'),
      findings: [{ fieldPath: 'apiVersion', message: `no matches for kind "DaemonSet" in version "apps/v1beta1": apps/v1beta1 never served DaemonSet; use apiVersion: apps/v1${APPS_NOTE}`, line: 1 }],
    },
    { name: 'DaemonSet apps/v1beta2 on 1.16', kubernetesVersion: '1.16', yaml: daemonSet('apps/v1beta2'), findings: [{ fieldPath: 'apiVersion', message: removed('DaemonSet', 'apps/v1beta2', '1.16', 'apps/v1', APPS_NOTE), line: 1 }] },
  ],
});
