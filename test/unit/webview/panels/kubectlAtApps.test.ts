// The preview's "kubectl at t" for a Deployment and a StatefulSet: the same commands and outputs the CLI prints
// at that time (from the Timeline the CLI's --format json gives), and no `kubectl get jobs`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { kubectlTablesAt } from '../../../../client/webview/src/panels/kubectlAt';
import type { Timeline } from '../../../../server/src/protocol/timeline';
import { ENGLISH_ENV } from '../../cli/englishEnv';

const REPO_ROOT = resolve(__dirname, '../../../../..');
const dir = mkdtempSync(join(tmpdir(), 'k8s-dryrun-panel-apps-'));

function cli(...args: string[]): string {
  const result = spawnSync(process.execPath, ['dist/cli.js', 'simulate', ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: ENGLISH_ENV });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const template = (image: string): string => `  template:
    metadata:
      labels: { app: nginx }
    spec:
      containers:
        - name: nginx
          image: ${image}
`;
const selector = '  selector:\n    matchLabels: { app: nginx }\n';

const CASES = [
  {
    kind: 'Deployment',
    manifest: file('deploy.yaml', `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx\nspec:\n  replicas: 4\n${selector}${template('nginx:1.27')}`),
    commands: ['kubectl get deployments', 'kubectl get replicasets', 'kubectl rollout status deployment/nginx', 'kubectl get pods'],
  },
  {
    kind: 'StatefulSet',
    manifest: file(
      'sts.yaml',
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  serviceName: nginx\n${selector}${template('nginx:1.27')}  volumeClaimTemplates:\n    - metadata: { name: www }\n      spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }\n`,
    ),
    commands: ['kubectl get statefulsets', 'kubectl get persistentvolumeclaims -o name', 'kubectl rollout status statefulset/web', 'kubectl get pods'],
  },
];
const scenario = file('scenario.yaml', 'startTime: 2026-01-01T00:00:00Z\npods:\n  default: { startupSeconds: 2, readySeconds: 3 }\nevents:\n  - { at: 1m, setImage: "nginx:1.28" }\n');

for (const { kind, manifest, commands } of CASES) {
  test(`${kind}: the panel's kubectl tables at t are the CLI's --at t, command for command`, () => {
    const timeline = JSON.parse(cli(manifest, '--scenario', scenario, '--format', 'json')) as Timeline;
    for (const t of [3, 61, 64, timeline.duration]) {
      const text = cli(manifest, '--scenario', scenario, '--at', `${t}s`);
      const sections = text
        .slice(text.indexOf('$ kubectl'))
        .split(/\n(?=\$ kubectl)/)
        .map((s) => s.replace(/\n*$/, '\n'));
      const panel = kubectlTablesAt(timeline, t);
      assert.deepEqual(
        panel.map((table) => table.command),
        commands,
      );
      assert.deepEqual(
        panel.map((table) => `$ ${table.command}\n${table.output}`),
        sections,
        `at ${t}s`,
      );
    }
  });
}
