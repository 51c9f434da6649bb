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

export function isAtLeast(version: KubernetesVersion, major: number, minor: number): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}
