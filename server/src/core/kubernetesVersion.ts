/** A Kubernetes minor release such as 1.37, as the `k8sDryRun.kubernetesVersion` setting and `--kube-version` give it. */
export interface KubernetesVersion {
  readonly major: number;
  readonly minor: number;
}

/** The newest stable minor release; the default when nothing is configured. */
export const DEFAULT_KUBERNETES_VERSION = '1.37';

/** Parses `1.37`, `v1.37` or `1.37.2`; returns undefined for anything else. */
export function parseKubernetesVersion(text: string): KubernetesVersion | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

const DEFAULT_VERSION = parseKubernetesVersion(DEFAULT_KUBERNETES_VERSION) as KubernetesVersion;

/**
 * The release whose rules apply: the given one when it parses, else the default. The editor's setting and the
 * CLI's flag are checked (with a message) where they are read; here a bad text only falls back.
 */
export function resolveKubernetesVersion(text: string | undefined): KubernetesVersion {
  return (text === undefined ? undefined : parseKubernetesVersion(text)) ?? DEFAULT_VERSION;
}

export function isAtLeast(version: KubernetesVersion, major: number, minor: number): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}
