/** The server's view of the `k8sDryRun.*` settings, with defaults. */
import { DEFAULT_KUBERNETES_VERSION, isKnownTimeZone, parseKubernetesVersion } from '../core';

export interface Settings {
  readonly kubernetesVersion: string;
  /** The kube-controller-manager's time zone: where a CronJob without spec.timeZone runs. */
  readonly controllerTimeZone: string;
  /**
   * The editor's display language (LSP initialize `locale`): hovers, CodeLens titles, advice messages and notes
   * follow it where a catalog has it (core/i18n), schedule descriptions in any language cronstrue knows.
   */
  readonly locale?: string;
  /** Rule ids whose findings are not shown. */
  readonly disabledRules: readonly string[];
}

export const DEFAULT_SETTINGS: Settings = { kubernetesVersion: DEFAULT_KUBERNETES_VERSION, controllerTimeZone: 'UTC', disabledRules: [] };

/** Accepts the `k8sDryRun` section from workspace/configuration or from initializationOptions. */
export function readSettings(section: unknown, log: (message: string) => void, locale?: string): Settings {
  const raw = typeof section === 'object' && section !== null ? (section as Record<string, unknown>) : {};
  return {
    kubernetesVersion: kubernetesVersion(raw.kubernetesVersion, log),
    controllerTimeZone: controllerTimeZone(raw.controllerTimeZone, log),
    locale,
    disabledRules: Array.isArray(raw.disabledRules) ? raw.disabledRules.filter((id): id is string => typeof id === 'string') : [],
  };
}

function kubernetesVersion(value: unknown, log: (message: string) => void): string {
  if (value === undefined || value === null || value === '') return DEFAULT_KUBERNETES_VERSION;
  if (typeof value !== 'string' || !parseKubernetesVersion(value)) {
    log(`k8sDryRun.kubernetesVersion: expected a version such as "1.37", got ${JSON.stringify(value)}; using ${DEFAULT_KUBERNETES_VERSION}`);
    return DEFAULT_KUBERNETES_VERSION;
  }
  return value;
}

function controllerTimeZone(value: unknown, log: (message: string) => void): string {
  if (value === undefined || value === null || value === '') return 'UTC';
  if (typeof value !== 'string' || !isKnownTimeZone(value)) {
    log(`k8sDryRun.controllerTimeZone: expected an IANA time zone such as "Asia/Shanghai", got ${JSON.stringify(value)}; using UTC`);
    return 'UTC';
  }
  return value;
}
