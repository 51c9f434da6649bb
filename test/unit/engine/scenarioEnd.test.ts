/**
 * Where a run ends when the scenario has events: an event past the end is reported and ignored (it used to
 * keep a finished Job waiting for it until the 30-day horizon, "work still pending"); a CronJob without
 * `until` runs on past its scenario's last event, so the event is seen with what follows it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulate } from '../../../server/src/core/engine';

const POD = { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' };
const JOB = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: POD } } };
const CRONJOB = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'hello' },
  spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: POD } } } },
};
const START = '2026-01-01T00:00:00Z';

const cases: {
  readonly name: string;
  readonly manifest: unknown;
  readonly scenario: Record<string, unknown>;
  readonly warnings: readonly string[];
  readonly stopReason: string;
  /** The run's length in seconds. */
  readonly duration: number;
  readonly markers?: readonly string[];
  readonly message?: string;
}[] = [
  {
    name: 'a Job with an event long after the 30-day horizon finishes when the Job does',
    manifest: JOB,
    scenario: { startTime: START, events: [{ at: '99999999h', deletePod: 'pi-abcde' }] },
    warnings: ['events[0]: at +11415y, after the end of the run (+30d, the 30d horizon): ignored; set `until` later to reach it'],
    stopReason: 'finished',
    duration: 31,
  },
  {
    name: 'an event after `until` is reported, not silently dropped',
    manifest: JOB,
    scenario: { startTime: START, until: '1h', events: [{ at: '2h', addNode: { name: 'late' } }] },
    warnings: ['events[0]: at +120m, after the end of the run (+60m, `until`): ignored; set `until` later to reach it'],
    // `until` is a horizon: the run still ends when the Job does.
    stopReason: 'finished',
    duration: 31,
  },
  {
    name: 'a CronJob without until reaches a late suspend (its default end is 1 hour), then says why nothing more happens',
    manifest: CRONJOB,
    scenario: { startTime: START, events: [{ at: '2h', suspend: true }] },
    warnings: [],
    stopReason: 'finished',
    duration: 7200,
    markers: ['7200 suspend kubectl patch: spec.suspend=true'],
    message: 'CronJob hello is suspended (spec.suspend is true): it creates no Jobs until it is resumed.',
  },
  {
    name: 'a CronJob without until is seen for its default hour past the end of a controllerDown',
    manifest: CRONJOB,
    scenario: { startTime: START, events: [{ at: '30m', controllerDown: '3h' }] },
    warnings: [],
    stopReason: 'until',
    duration: 3.5 * 3600 + 3600,
    markers: [
      '1800 controllerDown kube-controller-manager down for 10800s',
      '12600 controllerUp kube-controller-manager is back: every object is synced again',
      '12600 missedRun missed 180 runs (2026-01-01T00:30:00Z … 2026-01-01T03:29:00Z): kube-controller-manager was down (when it is back only the most recent missed time is started); started 2026-01-01T03:30:00Z (hello-29453970)',
    ],
  },
  {
    name: 'a CronJob without events keeps its default end (an hour, or 5 runs and 10 minutes if longer)',
    manifest: CRONJOB,
    scenario: { startTime: START },
    warnings: [],
    stopReason: 'until',
    duration: 3600,
  },
];

for (const c of cases) {
  test(c.name, () => {
    const result = simulate(c.manifest, c.scenario);
    assert.ok(result.ok, JSON.stringify(result));
    const timeline = result.timeline;
    assert.deepEqual(
      result.warnings.filter((w) => w.source === 'scenario').map((w) => `${w.path}: ${w.message}`),
      c.warnings,
    );
    assert.equal(timeline.stopReason, c.stopReason);
    assert.equal(timeline.truncated, false);
    assert.equal(timeline.duration, c.duration);
    assert.equal(timeline.message, c.message ?? null);
    if (c.markers) assert.deepEqual(timeline.markers.filter((m) => m.kind !== 'skipped').map((m) => `${m.at} ${m.kind} ${m.description}`), c.markers);
  });
}
