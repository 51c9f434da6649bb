/** The Timeline of a run the test expects to succeed: the engine's problems as the failure message otherwise. */
import assert from 'node:assert/strict';
import { simulate, type SimulateOptions } from '../../../server/src/core/engine';
import type { Timeline } from '../../../server/src/core/engine/timeline';

export function simulateOk(manifest: unknown, scenario: unknown, options: SimulateOptions = {}): Timeline {
  const result = simulate(manifest, scenario, { defaultStartTime: '2026-01-01T00:00:00Z', ...options });
  if (!result.ok) assert.fail(JSON.stringify(result.errors));
  return result.timeline;
}
