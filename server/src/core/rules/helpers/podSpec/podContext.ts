/**
 * The pod template a rule validates, as ValidatePodTemplateSpec sees it: the object's defaulted pod spec
 * (the shared defaulting covers restartPolicy, dnsPolicy and terminationGracePeriodSeconds) plus the
 * remaining pkg/apis/core/v1/defaults.go defaults validation depends on (SetDefaults_Container,
 * SetDefaults_ContainerPort, SetDefaults_Probe, SetDefaults_HTTPGetAction, SetDefaults_ObjectFieldSelector,
 * SetDefaults_Volume and the volume source defaults). Resource lists are rounded when read (quantity.ts).
 */
import { deepCopy } from '../../../model/deepCopy';
import { isAtLeast, type KubernetesVersion } from '../../../kubernetesVersion';
import type { WorkloadKind } from '../../../model/types';
import type { RuleContext } from '../../rule';
import { podTemplateOf, podTemplatePath } from '../workloadPaths';
import { podTemplateValidated } from '../appsWorkload';
import { Errors } from './errorBodies';
import { FieldPath } from './fieldPath';
import type { Container, Handler, PodSpec, Probe, Volume } from './types';

export type ContainerKind = 'container' | 'init' | 'ephemeral';

export interface ContainerRef {
  readonly container: Container;
  readonly kind: ContainerKind;
  readonly index: number;
  /** spec.containers[i] / spec.initContainers[i] / spec.ephemeralContainers[i]. */
  readonly path: FieldPath;
}

export interface PodContext {
  readonly spec: PodSpec;
  /** `...template.spec`. */
  readonly path: FieldPath;
  readonly version: KubernetesVersion;
  readonly kind: WorkloadKind;
  readonly errors: Errors;
  /** Whether the release is at least 1.minor. */
  atLeast(minor: number): boolean;
  /** Init containers, regular containers, then ephemeral containers (podshelper.VisitContainersWithPath order). */
  allContainers(): ContainerRef[];
  containers(kind: ContainerKind): ContainerRef[];
}

const cache = new WeakMap<object, PodContext | null>();

export function podContext(context: RuleContext): PodContext | undefined {
  const cached = cache.get(context.object);
  if (cached !== undefined) return cached ?? undefined;
  const built = build(context);
  cache.set(context.object, built ?? null);
  return built;
}

function build(context: RuleContext): PodContext | undefined {
  const template = podTemplateOf(context.object);
  if (!template?.spec) return undefined;
  // A StatefulSet's pod template is validated since 1.34 only (kubernetes PR 131790); no apps/v1 template is
  // validated while its selector does not convert.
  if (context.object.kind === 'StatefulSet' && !isAtLeast(context.kubernetesVersion, 1, 34)) return undefined;
  if (!podTemplateValidated(context.object)) return undefined;
  const spec = deepCopy(template.spec as PodSpec);
  if (context.object.kind === 'StatefulSet') statefulSetTemplateView(spec, context.object.spec?.volumeClaimTemplates ?? []);
  applyPodDefaults(spec);
  const path = FieldPath.at([...podTemplatePath(context.object), 'spec']);
  const version = context.kubernetesVersion;
  const lists: Record<ContainerKind, keyof PodSpec> = { init: 'initContainers', container: 'containers', ephemeral: 'ephemeralContainers' };
  const containers = (kind: ContainerKind): ContainerRef[] => {
    const field = lists[kind];
    const list = (spec[field] as Container[] | undefined) ?? [];
    const listPath = path.child(field);
    return list.map((container, index) => ({ container: container ?? {}, kind, index, path: listPath.index(index) }));
  };
  return {
    spec,
    path,
    version,
    kind: context.object.kind,
    errors: new Errors(version),
    atLeast: (minor) => isAtLeast(version, 1, minor),
    containers,
    allContainers: () => [...containers('init'), ...containers('container'), ...containers('ephemeral')],
  };
}

/**
 * ValidateStatefulSetSpec validates a copy of the template: hostname and subdomain cleared (the controller
 * sets them from the pod name and serviceName), and a persistentVolumeClaim volume per volumeClaimTemplate
 * in place of any template volume of the same name (volumesToAddForTemplates). Upstream puts the claim
 * volumes first, in map order; here the template's volumes keep their indexes so findings point at them,
 * and the claim volumes come after.
 */
function statefulSetTemplateView(spec: PodSpec, claims: readonly { metadata?: { name?: string } }[]): void {
  delete spec.hostname;
  delete spec.subdomain;
  const names = claims.map((claim) => claim?.metadata?.name ?? '');
  if (names.length === 0) return;
  const claimVolume = (name: string): Volume => ({ name, persistentVolumeClaim: { claimName: name } }) as Volume;
  const volumes = (spec.volumes ?? []).map((volume) => (volume && names.includes(volume.name ?? '') ? claimVolume(volume.name ?? '') : volume));
  for (const name of new Set(names)) if (!volumes.some((volume) => volume?.name === name)) volumes.push(claimVolume(name));
  spec.volumes = volumes;
}

function applyPodDefaults(spec: PodSpec): void {
  for (const list of [spec.initContainers, spec.containers, spec.ephemeralContainers]) {
    for (const container of list ?? []) if (container) defaultContainer(container);
  }
  for (const volume of spec.volumes ?? []) if (volume) defaultVolume(volume);
}

/** SetDefaults_Container and the defaulters of what a container holds. */
function defaultContainer(c: Container): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  for (const port of c.ports ?? []) if (port && !port.protocol) port.protocol = 'TCP';
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe) defaultProbe(probe);
  if (c.lifecycle) {
    if (c.lifecycle.postStart) defaultHandler(c.lifecycle.postStart);
    if (c.lifecycle.preStop) defaultHandler(c.lifecycle.preStop);
  }
  for (const env of c.env ?? []) {
    const fieldRef = env?.valueFrom?.fieldRef;
    if (fieldRef && !fieldRef.apiVersion) fieldRef.apiVersion = 'v1';
  }
}

/** parsers.ParseImageName's tag: `latest` when the reference has neither tag nor digest. */
function imageTag(image: string): string {
  if (image.includes('@')) return '';
  const lastSlash = image.lastIndexOf('/');
  const lastColon = image.lastIndexOf(':');
  return lastColon > lastSlash ? image.slice(lastColon + 1) : 'latest';
}

/** SetDefaults_Probe. */
function defaultProbe(probe: Probe): void {
  if (!probe.timeoutSeconds) probe.timeoutSeconds = 1;
  if (!probe.periodSeconds) probe.periodSeconds = 10;
  if (!probe.successThreshold) probe.successThreshold = 1;
  if (!probe.failureThreshold) probe.failureThreshold = 3;
  defaultHandler(probe);
}

/** SetDefaults_HTTPGetAction. */
function defaultHandler(handler: Handler): void {
  if (handler.httpGet) {
    if (!handler.httpGet.path) handler.httpGet.path = '/';
    if (!handler.httpGet.scheme) handler.httpGet.scheme = 'HTTP';
  }
}

/** Every VolumeSource member, in validateVolumeSource's order. */
export const VOLUME_SOURCES = [
  'emptyDir',
  'hostPath',
  'gitRepo',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'flocker',
  'persistentVolumeClaim',
  'rbd',
  'cinder',
  'cephfs',
  'quobyte',
  'downwardAPI',
  'fc',
  'flexVolume',
  'configMap',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'storageos',
  'projected',
  'scaleIO',
  'csi',
  'ephemeral',
  'image',
] as const;

const DEFAULT_MODE = 0o644;

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** SetDefaults_Volume and the volume source defaulters. */
function defaultVolume(volume: Volume): void {
  if (!VOLUME_SOURCES.some((source) => volume[source] !== undefined)) volume.emptyDir = {};
  const get = (key: string): Obj | undefined => (isObj(volume[key]) ? (volume[key] as Obj) : undefined);
  const hostPath = get('hostPath');
  if (hostPath && hostPath.type === undefined) hostPath.type = '';
  for (const key of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const source = get(key);
    if (source && source.defaultMode === undefined) source.defaultMode = DEFAULT_MODE;
  }
  const defaultFieldRefs = (items: unknown): void => {
    for (const item of Array.isArray(items) ? items : []) {
      if (isObj(item) && isObj(item.fieldRef) && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
    }
  };
  defaultFieldRefs(get('downwardAPI')?.items);
  const sources = get('projected')?.sources;
  for (const source of Array.isArray(sources) ? sources : []) {
    if (!isObj(source)) continue;
    if (isObj(source.downwardAPI)) defaultFieldRefs(source.downwardAPI.items);
    if (isObj(source.serviceAccountToken) && source.serviceAccountToken.expirationSeconds === undefined) {
      source.serviceAccountToken.expirationSeconds = 3600;
    }
  }
  const iscsi = get('iscsi');
  if (iscsi && !iscsi.iscsiInterface) iscsi.iscsiInterface = 'default';
  const rbd = get('rbd');
  if (rbd) {
    if (!rbd.pool) rbd.pool = 'rbd';
    if (!rbd.user) rbd.user = 'admin';
    if (!rbd.keyring) rbd.keyring = '/etc/ceph/keyring';
  }
  const azureDisk = get('azureDisk');
  if (azureDisk) {
    if (azureDisk.cachingMode === undefined) azureDisk.cachingMode = 'ReadWrite';
    if (azureDisk.kind === undefined) azureDisk.kind = 'Shared';
    if (azureDisk.fsType === undefined) azureDisk.fsType = 'ext4';
    if (azureDisk.readOnly === undefined) azureDisk.readOnly = false;
  }
  const scaleIO = get('scaleIO');
  if (scaleIO) {
    if (!scaleIO.storageMode) scaleIO.storageMode = 'ThinProvisioned';
    if (!scaleIO.fsType) scaleIO.fsType = 'xfs';
  }
}

/** The restartPolicy of an init container that makes it a sidecar. */
export function isRestartable(container: Container): boolean {
  return container.restartPolicy === 'Always';
}
