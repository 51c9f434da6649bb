import { str } from './helpers/podSpec/errorBodies';
import type { FieldPath } from './helpers/podSpec/fieldPath';
import { validateLocalDescendingPath, validatePathNoBacksteps } from './helpers/podSpec/paths';
import { podContext, type ContainerRef, type PodContext } from './helpers/podSpec/podContext';
import type { Volume } from './helpers/podSpec/types';
import { validateVolumes } from './helpers/podSpec/volumes';
import type { Rule, RuleFinding } from './rule';

/**
 * Container volumeMounts and volumeDevices: each names a declared (valid) volume, paths are set, unique
 * and safe, subPath / subPathExpr / mountPropagation / recursiveReadOnly are valid, and block devices use
 * PersistentVolumeClaim or ephemeral volumes.
 * pkg/apis/core/validation/validation.go: ValidateVolumeMounts, validateMountPropagation,
 * validateMountRecursiveReadOnly, ValidateVolumeDevices.
 */
export const podVolumeMounts: Rule = {
  meta: {
    id: 'pod-volume-mounts',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: 'Container volumeMounts and volumeDevices: reference a declared volume, with set, unique and safe paths and valid mount options.',
  },
  check(context) {
    const pod = podContext(context);
    if (!pod) return [];
    const { declared } = validateVolumes(pod);
    const findings: RuleFinding[] = [];
    for (const ref of pod.allContainers()) findings.push(...mounts(pod, ref, declared), ...devices(pod, ref, declared));
    return findings;
  },
};

/** GetVolumeMountMap / GetVolumeDeviceMap: name → path, the last entry winning. */
function pathsByName(entries: readonly ({ name?: string } | undefined)[], pathOf: (entry: Record<string, unknown>) => string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of entries) map.set(entry?.name ?? '', pathOf((entry ?? {}) as Record<string, unknown>));
  return map;
}

const MOUNT_PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];
const RECURSIVE_READ_ONLY = ['Disabled', 'Enabled', 'IfPossible'];

function mounts(pod: PodContext, ref: ContainerRef, declared: ReadonlyMap<string, Volume>): RuleFinding[] {
  const e = pod.errors;
  const c = ref.container;
  const findings: RuleFinding[] = [];
  const devicePaths = pathsByName(c.volumeDevices ?? [], (d) => String(d.devicePath ?? ''));
  const devicePathSet = new Set(devicePaths.values());
  const listPath = ref.path.child('volumeMounts');
  const mountPoints = new Set<string>();
  const privileged = c.securityContext?.privileged === true;
  (c.volumeMounts ?? []).forEach((raw, i) => {
    const m = raw ?? {};
    const idx = listPath.index(i);
    const name = m.name ?? '';
    const mountPath = m.mountPath ?? '';
    if (name === '') findings.push(idx.child('name').finding(e.required()));
    if (!declared.has(name)) findings.push(idx.child('name').finding(e.notFound(str(name))));
    if (mountPath === '') findings.push(idx.child('mountPath').finding(e.required()));
    if (mountPoints.has(mountPath)) findings.push(idx.child('mountPath').finding(e.invalid(str(mountPath), 'must be unique')));
    mountPoints.add(mountPath);
    if (devicePaths.has(name)) findings.push(idx.child('name').finding(e.invalid(str(name), 'must not already exist in volumeDevices')));
    if (devicePathSet.has(mountPath)) findings.push(idx.child('mountPath').finding(e.invalid(str(mountPath), 'must not already exist as a path in volumeDevices')));
    // subPath, subPathExpr, mountPropagation and recursiveReadOnly errors are reported without the index.
    const listLevel = (field: string): FieldPath => idx.child(field).withGo(`${listPath.go}.${field}`);
    if (m.subPath) findings.push(...validateLocalDescendingPath(m.subPath, listLevel('subPath'), e));
    if (m.subPathExpr) {
      if (m.subPath) findings.push(idx.child('subPathExpr').finding(e.invalid(str(m.subPathExpr), 'subPathExpr and subPath are mutually exclusive')));
      findings.push(...validateLocalDescendingPath(m.subPathExpr, listLevel('subPathExpr'), e));
    }
    if (m.mountPropagation !== undefined) {
      const at = listLevel('mountPropagation');
      if (!MOUNT_PROPAGATIONS.includes(m.mountPropagation)) findings.push(at.finding(e.notSupported(str(m.mountPropagation), MOUNT_PROPAGATIONS)));
      if (m.mountPropagation === 'Bidirectional' && !privileged) {
        findings.push(at.finding(e.forbidden('Bidirectional mount propagation is available only to privileged containers')));
      }
    }
    // recursiveReadOnly is dropped while the RecursiveReadOnlyMounts gate is off (before 1.31).
    if (m.recursiveReadOnly !== undefined && pod.atLeast(31)) {
      const at = listLevel('recursiveReadOnly');
      if (m.recursiveReadOnly === 'Enabled' || m.recursiveReadOnly === 'IfPossible') {
        if (m.readOnly !== true) findings.push(at.finding(e.forbidden('may only be specified when readOnly is true')));
        if (m.mountPropagation !== undefined && m.mountPropagation !== 'None') {
          findings.push(at.finding(e.forbidden('may only be specified when mountPropagation is None or not specified')));
        }
      } else if (m.recursiveReadOnly !== 'Disabled') {
        findings.push(at.finding(e.notSupported(str(m.recursiveReadOnly), RECURSIVE_READ_ONLY)));
      }
    }
  });
  return findings;
}

function devices(pod: PodContext, ref: ContainerRef, declared: ReadonlyMap<string, Volume>): RuleFinding[] {
  const e = pod.errors;
  const c = ref.container;
  const findings: RuleFinding[] = [];
  const mountPaths = pathsByName(c.volumeMounts ?? [], (m) => String(m.mountPath ?? ''));
  const mountPathSet = new Set(mountPaths.values());
  const listPath = ref.path.child('volumeDevices');
  const devicePaths = new Set<string>();
  const deviceNames = new Set<string>();
  (c.volumeDevices ?? []).forEach((raw, i) => {
    const d = raw ?? {};
    const idx = listPath.index(i);
    const name = d.name ?? '';
    const devicePath = d.devicePath ?? '';
    const volume = declared.get(name);
    const isClaim = volume !== undefined && (volume.persistentVolumeClaim !== undefined || volume.ephemeral !== undefined);
    if (name === '') findings.push(idx.child('name').finding(e.required()));
    if (deviceNames.has(name)) findings.push(idx.child('name').finding(e.invalid(str(name), 'must be unique')));
    if (volume && !isClaim) {
      findings.push(idx.child('name').finding(e.invalid(str(name), 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode')));
    }
    if (!volume) findings.push(idx.child('name').finding(e.notFound(str(name))));
    if (devicePath === '') findings.push(idx.child('devicePath').finding(e.required()));
    if (devicePaths.has(devicePath)) findings.push(idx.child('devicePath').finding(e.invalid(str(devicePath), 'must be unique')));
    if (devicePath.length > 0 && validatePathNoBacksteps(devicePath, idx.child('devicePath'), e).length > 0) {
      findings.push(idx.child('devicePath').finding(e.invalid(str(devicePath), "can not contain backsteps ('..')")));
    } else devicePaths.add(devicePath);
    if (mountPaths.has(name)) findings.push(idx.child('name').finding(e.invalid(str(name), 'must not already exist in volumeMounts')));
    if (mountPathSet.has(devicePath)) findings.push(idx.child('devicePath').finding(e.invalid(str(devicePath), 'must not already exist as a path in volumeMounts')));
    if (name.length > 0) deviceNames.add(name);
  });
  return findings;
}
