/**
 * What-if edits: the preview's controls change a scenario without YAML. This file holds the type (the
 * protocol re-exports it); applying it to a scenario is core work (applyWhatIf.ts), so the summary, the saved file and the
 * simulated run all see the same merged scenario.
 */

/**
 * The preview's what-if controls: edits over the chosen scenario file (or the default pods), without YAML.
 * Every field is optional; an absent field leaves the scenario as it is. Durations are Go-style strings or
 * numbers of seconds, as in scenario files. The language server applies them to the scenario (`applyWhatIf`, beside this type).
 */
export interface WhatIf {
  /** pods.default.runSeconds */
  readonly runSeconds?: number;
  /** pods.default.startupSeconds */
  readonly startupSeconds?: number;
  /** The first `attempts` attempts (of each Job) fail with `exitCode`: pods, or with restartPolicy OnFailure the first pod's container runs. */
  readonly failFirst?: { readonly attempts: number; readonly exitCode: number };
  /** pods.failureRate with seed. */
  readonly failureRate?: { readonly rate: number; readonly seed: number };
  /** Indexed Jobs: every attempt of this completion index fails with `exitCode`. */
  readonly failIndex?: { readonly index: number; readonly exitCode: number };
  /** DaemonSets: the cluster's nodes (replaces the scenario's nodes). */
  readonly nodes?: {
    readonly count: number;
    /** Labels on every node, `disk=ssd`. */
    readonly labels?: Readonly<Record<string, string>>;
    /** Taints on every node. */
    readonly taints?: readonly { readonly key: string; readonly value?: string; readonly effect: string }[];
  };
  /** A node joins at `at`. */
  readonly nodeJoin?: { readonly at: string; readonly name?: string; readonly labels?: Readonly<Record<string, string>> };
  /** A node leaves at `at`. */
  readonly nodeLeave?: { readonly at: string; readonly name: string };
  /** The pod template's image changes at `at` (a rollout). */
  readonly setImage?: { readonly at: string; readonly image: string };
  /** kube-controller-manager is down from `at` for `for`. */
  readonly controllerDown?: { readonly at: string; readonly for: string };
  /** The horizon (`until`). */
  readonly until?: string;
}
