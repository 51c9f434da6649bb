/**
 * What the preview remembers per manifest: the scenario chosen in the picker and the what-if edits over it.
 * Kept in the workspace's state (VS Code's `context.workspaceState`), keyed by the manifest's URI, so that
 * closing the panel, or reloading the window, brings the same scenario back. Pure apart from the store it is
 * given, so it is unit-tested with a Map.
 */
import type { WhatIf } from '../../server/src/protocol/whatIf';

/** The part of VS Code's `Memento` this uses. */
export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** What is remembered for one manifest. */
export interface RememberedScenario {
  /** The chosen choice's id (`default`, or a scenario file's name); absent: never chosen. */
  readonly selected?: string;
  /** The what-if edits; empty when none. */
  readonly whatIf: WhatIf;
}

const KEY_PREFIX = 'k8sDryRun.preview.scenario:';

export class ScenarioMemory {
  constructor(private readonly store: StateStore) {}

  get(manifestUri: string): RememberedScenario {
    const saved = this.store.get<unknown>(KEY_PREFIX + manifestUri);
    if (saved === null || typeof saved !== 'object') return { whatIf: {} };
    const { selected, whatIf } = saved as { selected?: unknown; whatIf?: unknown };
    const remembered: { selected?: string; whatIf: WhatIf } = {
      whatIf: whatIf !== null && typeof whatIf === 'object' && !Array.isArray(whatIf) ? (whatIf as WhatIf) : {},
    };
    if (typeof selected === 'string') remembered.selected = selected;
    return remembered;
  }

  /** Remembers the choice; the what-if edits stay. */
  choose(manifestUri: string, selected: string): PromiseLike<void> {
    return this.#set(manifestUri, { ...this.get(manifestUri), selected });
  }

  /** Remembers the what-if edits over the current choice. */
  setWhatIf(manifestUri: string, whatIf: WhatIf): PromiseLike<void> {
    return this.#set(manifestUri, { ...this.get(manifestUri), whatIf });
  }

  #set(manifestUri: string, value: RememberedScenario): PromiseLike<void> {
    return this.store.update(KEY_PREFIX + manifestUri, value);
  }
}
