/**
 * Lint throughput: a file of many Job, CronJob and DaemonSet documents, linted whole, against the same
 * text parsed by the `yaml` package alone (the baseline, measured in the same run).
 */
import { parseAllDocuments } from 'yaml';
import { lintText } from '../server/src/core';
import { helloCronJob } from '../test/fixtures/manifests';

const JOB = (i: number) => `apiVersion: batch/v1
kind: Job
metadata:
  name: pi-${i}
  labels: { app: pi, tier: batch }
spec:
  completions: 8
  parallelism: 2
  backoffLimit: 4
  ttlSecondsAfterFinished: 600
  template:
    spec:
      restartPolicy: ${i % 3 === 0 ? 'Always' : 'Never'}
      containers:
      - name: pi
        image: perl:5.34
        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
        resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 128Mi } }
`;
const CRON = (i: number) =>
  helloCronJob(`  schedule: "*/${(i % 30) + 1} * * * *"\n  timeZone: Asia/Shanghai\n`, {
    name: `hello-${i}`,
    containerLines: '            args: ["/bin/sh", "-c", "date; echo Hello"]\n',
  });
const DAEMON = (i: number) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd-${i}
spec:
  selector:
    matchLabels: { name: fluentd-${i} }
  updateStrategy: { type: RollingUpdate, rollingUpdate: { maxUnavailable: 10% } }
  template:
    metadata:
      labels: { name: fluentd-${i} }
    spec:
      tolerations: [{ key: node-role.kubernetes.io/control-plane, effect: NoSchedule }]
      containers:
      - name: fluentd
        image: fluent/fluentd:v1.4
        resources: { requests: { cpu: 100m, memory: 200Mi }, limits: { memory: 200Mi } }
`;

export function lintBench(documents: number): { documents: number; lintMs: number; parseMs: number; findings: number } {
  const text = Array.from({ length: documents }, (_, i) => [JOB, CRON, DAEMON][i % 3](i)).join('---\n');
  const time = <T>(fn: () => T): [T, number] => {
    const start = performance.now();
    const result = fn();
    return [result, performance.now() - start];
  };
  // Warm up both paths once, then measure.
  lintText(text);
  parseAllDocuments(text);
  const [findings, lintMs] = time(() => lintText(text));
  const [, parseMs] = time(() => parseAllDocuments(text));
  return { documents, lintMs, parseMs, findings: findings.length };
}

/**
 * One Job whose labels map has `keys` keys, plus 2,000 invalid ones (findings located through the source map),
 * against yaml's parse of the same text without its own duplicate-key check (which compares every pair of
 * keys). The ratio stays flat as `keys` grows when the lint is linear in the map's size.
 */
export function bigMapBench(keys: number): { lintMs: number; parseMs: number; findings: number } {
  const labels = Array.from({ length: keys }, (_, i) => `    ${i < 2000 ? '-' : ''}k${i}: v\n`).join('');
  const text = `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: big-map\n  labels:\n${labels}spec: {}\n`;
  const start = performance.now();
  const findings = lintText(text);
  const lintMs = performance.now() - start;
  const parseStart = performance.now();
  parseAllDocuments(text, { uniqueKeys: false });
  return { lintMs, parseMs: performance.now() - parseStart, findings: findings.length };
}
