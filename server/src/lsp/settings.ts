/** The server's view of the `k8sDryRun.*` settings, with defaults. */
import { DEFAULT_KUBERNETES_VERSION, parseKubernetesVersion } from '../core';

export interface Settings {
  readonly kubernetesVersion: string;
}

export const DEFAULT_SETTINGS: Settings = { kubernetesVersion: DEFAULT_KUBERNETES_VERSION };

/** Accepts the `k8sDryRun` section from workspace/configuration or from initializationOptions. */
export function readSettings(section: unknown, log: (message: string) => void): Settings {
  const raw = typeof section === 'object' && section !== null ? (section as Record<string, unknown>) : {};
  const version = raw.kubernetesVersion;
  if (version === undefined || version === null || version === '') return DEFAULT_SETTINGS;
  if (typeof version !== 'string' || !parseKubernetesVersion(version)) {
    log(`k8sDryRun.kubernetesVersion: expected a version such as "1.37", got ${JSON.stringify(version)}; using ${DEFAULT_KUBERNETES_VERSION}`);
    return DEFAULT_SETTINGS;
  }
  return { kubernetesVersion: version };
}
