// What the preview remembers per manifest: the chosen scenario and the what-if edits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScenarioMemory, type StateStore } from '../../../client/src/scenarioMemory';

function mapStore(): StateStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: <T>(key: string) => map.get(key) as T | undefined,
    update: async (key, value) => void map.set(key, value),
  };
}

test('nothing remembered: no choice, no edits', () => {
  assert.deepEqual(new ScenarioMemory(mapStore()).get('file:///w/pi.yaml'), { whatIf: {} });
});

test('the choice and the edits are kept per manifest, each without losing the other', async () => {
  const store = mapStore();
  const memory = new ScenarioMemory(store);
  await memory.choose('file:///w/pi.yaml', 'pi.limit.scenario.yaml');
  await memory.setWhatIf('file:///w/pi.yaml', { failFirst: { attempts: 2, exitCode: 1 } });
  await memory.choose('file:///w/hello.yaml', 'default');
  assert.deepEqual(memory.get('file:///w/pi.yaml'), { selected: 'pi.limit.scenario.yaml', whatIf: { failFirst: { attempts: 2, exitCode: 1 } } });
  assert.deepEqual(memory.get('file:///w/hello.yaml'), { selected: 'default', whatIf: {} });
  // a fresh memory over the same store (a reloaded window) sees the same
  assert.deepEqual(new ScenarioMemory(store).get('file:///w/pi.yaml').selected, 'pi.limit.scenario.yaml');
});

test('a damaged entry reads as nothing remembered', () => {
  const store = mapStore();
  const memory = new ScenarioMemory(store);
  for (const value of [42, 'x', null, { selected: 3, whatIf: [1] }]) {
    store.map.clear();
    void store.update('k8sDryRun.preview.scenario:file:///w/a.yaml', value);
    assert.deepEqual(memory.get('file:///w/a.yaml'), { whatIf: {} }, JSON.stringify(value));
  }
});
