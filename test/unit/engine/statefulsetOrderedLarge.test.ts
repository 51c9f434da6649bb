/**
 * A 200-replica OrderedReady StatefulSet with a claim template (the docs' `web` set, scaled up): every pod and
 * claim created in order, then an image change rolled out above partition 120, the partition lowered to 60, a
 * deleted pod coming back, and a scale-down to 40 (whenScaled: Delete removes the scaled-down pods' claims);
 * with MaxUnavailableStatefulSet on (the default version) and off (1.34: the one-at-a-time rolling update).
 * The controller keeps work between syncs (the leading replicas that need nothing, their counts); the whole
 * Timeline of each run is compared with the one recorded from the controller that recounted every pod on each
 * sync (test/fixtures/engine/statefulset-ordered-200.json: the Timeline's SHA-256, and the pods' lives to show
 * what differs).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { simulate } from '../../../server/src/core/engine';

const repoRoot = path.resolve(__dirname, '../../../..');
const FIXTURE = path.join(repoRoot, 'test/fixtures/engine/statefulset-ordered-200.json');

const MANIFEST = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web' },
  spec: {
    serviceName: 'nginx',
    replicas: 200,
    podManagementPolicy: 'OrderedReady',
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete', whenDeleted: 'Retain' },
    selector: { matchLabels: { app: 'nginx' } },
    template: {
      metadata: { labels: { app: 'nginx' } },
      spec: {
        terminationGracePeriodSeconds: 10,
        containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24', ports: [{ containerPort: 80, name: 'web' }], volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }],
      },
    },
    volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
  },
};

const SCENARIO = {
  startTime: '2026-01-01T00:00:00Z',
  until: '90m',
  pods: { default: { startupSeconds: 2, readySeconds: 5, terminationSeconds: 5 } },
  events: [
    { at: '25m', patch: { spec: { updateStrategy: { rollingUpdate: { partition: 120 } } } } },
    { at: '25m', setImage: 'registry.k8s.io/nginx-slim:0.27' },
    { at: '45m', patch: { spec: { updateStrategy: { rollingUpdate: { partition: 60 } } } } },
    { at: '62m', deletePod: 'web-150' },
    { at: '65m', patch: { spec: { replicas: 40 } } },
  ],
  seed: 13,
};

interface Recorded {
  readonly sha256: string;
  readonly pods: readonly string[];
}

function record(kubernetesVersion: string | undefined): Recorded {
  const result = simulate(MANIFEST, SCENARIO, { kubernetesVersion });
  assert.ok(result.ok, JSON.stringify(!result.ok ? result.errors : []));
  const t = result.timeline;
  // The run did what it is about: every pod created, the rollout, the deleted pod and the scale-down happened.
  assert.ok(t.pods.some((p) => p.name === 'web-199'));
  assert.ok(t.pods.some((p) => p.deletedBy === 'statefulset-controller: scale down'));
  assert.ok(t.pods.some((p) => p.deletedBy?.startsWith('statefulset-controller: rolling update')));
  return {
    sha256: createHash('sha256').update(JSON.stringify(t)).digest('hex'),
    pods: t.pods.map((p) => `${p.name} rev ${p.revision} created ${p.createdAt} ready ${p.readyAt} deleted ${p.deletedAt} gone ${p.goneAt}${p.deletedBy === null ? '' : ` by ${p.deletedBy}`}`),
  };
}

const RUNS: readonly { readonly name: string; readonly kubernetesVersion?: string }[] = [{ name: 'default version' }, { name: '1.34', kubernetesVersion: '1.34' }];

for (const run of RUNS) {
  test(`a 200-replica OrderedReady StatefulSet (${run.name}): creation, partitioned rollouts, a deleted pod and a scale-down give the recorded Timeline`, () => {
    const got = record(run.kubernetesVersion);
    if (process.env.K8S_DRYRUN_UPDATE_GOLDEN === '1') {
      const all = fs.existsSync(FIXTURE) ? (JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Record<string, Recorded>) : {};
      all[run.name] = got;
      fs.writeFileSync(FIXTURE, `${JSON.stringify(all, null, 1)}\n`);
    }
    const want = (JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Record<string, Recorded>)[run.name];
    assert.deepEqual(got.pods, want.pods);
    assert.equal(got.sha256, want.sha256);
  });
}
