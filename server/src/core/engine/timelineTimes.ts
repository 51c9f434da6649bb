/**
 * Times in the Timeline's records: seconds since the start, one shared number per instant.
 *
 * V8 keeps a number that is not a small integer (60.1 s) in a 16-byte box. A field that has only ever held
 * numbers gets a box of its own in every object; a field that has also held null points to a box that
 * others may share. A long run records many times of the same few instants (a Job's creation: its events,
 * its status writes, its pod's creation, binding and start), so the record shapes are first made once with
 * null times (below, when this module loads), and recordTime hands out one box per recent instant. Only
 * memory changes (about 500 bytes per CronJob run): the values are the same.
 */

const SLOTS = 4;
const keys = new Float64Array(SLOTS).fill(NaN);
/** Boxed values (an array that has held null keeps its numbers boxed, so they can be shared). */
const values: (number | null)[] = [null, null, null, null];
let slot = 0;

/** ms / 1000, the same number (object) for an instant asked for again soon. */
export function recordTime(ms: number): number {
  for (let i = 0; i < SLOTS; i++) if (keys[i] === ms) return values[i] as number;
  const at = slot;
  slot = (slot + 1) % SLOTS;
  keys[at] = ms;
  values[at] = ms / 1000;
  return values[at] as number;
}

/** Each record shape of timeline.ts with null times, in the order its fields are written. */
function primeRecordShapes(): unknown[] {
  const t = null;
  return [
    { at: t, object: '', kind: '', type: '', reason: '', message: '', source: '' },
    { object: '', kind: '', type: '', status: '', reason: '', message: '', at: t },
    { at: t, object: '', kind: '', status: {} },
    { at: t, kind: '', description: '' },
    { at: t, kind: '', description: '', count: 0 },
    { active: 0, ready: 0, succeeded: 0, failed: 0, terminating: 0, completedIndexes: '', failedIndexes: '', startTime: t, completionTime: t },
    { active: 0, lastScheduleTime: t, lastSuccessfulTime: t },
    { startedAt: t, readyAt: t, finishedAt: t, exitCode: 0, reason: '' },
    { type: '', status: '', reason: '', at: t },
    {
      name: '',
      job: '',
      owner: {},
      node: '',
      index: 0,
      attempt: 0,
      revision: 0,
      createdAt: t,
      scheduledAt: t,
      startedAt: t,
      readyAt: t,
      finishedAt: t,
      deletedAt: t,
      goneAt: t,
      deletedBy: '',
      phase: '',
      exitCode: 0,
      reason: '',
      containers: 0,
      restarts: 0,
      runs: [],
      conditions: [],
    },
    { name: '', scheduledTime: '', createdAt: t, startedAt: t, finishedAt: t, deletedAt: t, result: '', reason: '', message: '', completions: 0, parallelism: 0 },
  ];
}

primeRecordShapes();
