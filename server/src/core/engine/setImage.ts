/**
 * `kubectl set image <kind>/<name> <container>=<image>` as a scenario's setImage event gives it: the first
 * container of the pod template gets the image.
 */
import { isRecord } from './daemonset/object';

export interface SetImageEdit {
  /** A copy of the template, its first container's image replaced. */
  readonly template: Record<string, unknown>;
  /** The command as a user would type it (a container without a name is called container-0). */
  readonly command: string;
}

/** The edit, or undefined when the template has no containers (nothing to set). */
export function setFirstContainerImage(template: Readonly<Record<string, unknown>>, kubectlName: string, image: string): SetImageEdit | undefined {
  const next = JSON.parse(JSON.stringify(template)) as Record<string, unknown>;
  const containers = isRecord(next.spec) && Array.isArray(next.spec.containers) ? next.spec.containers.filter(isRecord) : [];
  if (containers.length === 0) return undefined;
  const container = containers[0];
  const containerName = typeof container.name === 'string' ? container.name : 'container-0';
  container.image = image;
  return { template: next, command: `kubectl set image ${kubectlName} ${containerName}=${image}` };
}
