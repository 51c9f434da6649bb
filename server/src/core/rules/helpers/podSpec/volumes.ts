/**
 * ValidateVolumes and validateVolumeSource (pkg/apis/core/validation/validation.go) for a pod template's
 * volumes, shared by the pod-volumes rule (its findings) and the volume mount rule (which names count as
 * declared: only volumes that validated cleanly are, as in upstream's `vols` map).
 */
import { annotationProblems } from '../labelSyntax';
import type { RuleFinding } from '../../rule';
import { VOLUME_FIELD_PATHS, objectFieldSelector, resourceFieldSelector } from './downwardApi';
import { num, str, stringSlice, type Errors } from './errorBodies';
import type { FieldPath } from './fieldPath';
import { inclusiveRangeError, isDns1123Label, isDns1123Subdomain } from './formats';
import { labelMapFindings, selectorFindings } from './labels';
import { validateLocalDescendingPath, validateLocalNonReservedPath, validatePathNoBacksteps } from './paths';
import { VOLUME_SOURCES, type PodContext } from './podContext';
import { quantityField, quantityString, resourceEntries } from './quantity';
import type { DownwardApiFile, KeyToPath, LabelSelector, ObjectFieldSelector, ResourceFieldSelector, Volume } from './types';

type Obj = Record<string, unknown>;

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';
const PD_PARTITION_ERROR = inclusiveRangeError(1, 255);

export interface VolumesResult {
  readonly findings: RuleFinding[];
  /** Name → volume, for the volumes that validated without error. */
  readonly declared: ReadonlyMap<string, Volume>;
}

const cache = new WeakMap<PodContext, VolumesResult>();

export function validateVolumes(pod: PodContext): VolumesResult {
  const cached = cache.get(pod);
  if (cached) return cached;
  const findings: RuleFinding[] = [];
  const declared = new Map<string, Volume>();
  const e = pod.errors;
  const listPath = pod.path.child('volumes');
  (pod.spec.volumes ?? []).forEach((raw, i) => {
    const volume: Volume = raw ?? {};
    const idx = listPath.index(i);
    const name = volume.name ?? '';
    const el = volumeSource(pod, volume, idx, name);
    const namePath = idx.child('name');
    if (name === '') el.push(namePath.finding(e.required()));
    else for (const msg of isDns1123Label(name)) el.push(namePath.finding(e.invalid(str(name), msg)));
    // allNames holds only the names of volumes that validated cleanly.
    if (declared.has(name)) el.push(namePath.finding(e.duplicate(str(name))));
    if (el.length === 0) declared.set(name, volume);
    else findings.push(...el);
  });
  const result = { findings, declared };
  cache.set(pod, result);
  return result;
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const str0 = (value: unknown): string => (typeof value === 'string' ? value : '');
const arr = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** The path upstream reports a "more than 1 volume type" error at (two are misspelt). */
function forbiddenPath(idx: FieldPath, source: string): FieldPath {
  if (source === 'downwardAPI') return idx.child('downwardAPI').withGo(`${idx.go}.downwarAPI`);
  if (source === 'cephfs') return idx.child('cephfs').withGo(`${idx.go}.cephFS`);
  return idx.child(source);
}

/**
 * Whether the API server keeps a volume source: `image` volumes are dropped while the ImageVolume gate is
 * off by default (before 1.35), leaving a volume without a type.
 */
function sourceKept(pod: PodContext, source: string): boolean {
  return source !== 'image' || pod.atLeast(35);
}

function volumeSource(pod: PodContext, volume: Volume, idx: FieldPath, name: string): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  let count = 0;
  for (const source of VOLUME_SOURCES) {
    const value = volume[source];
    if (value === undefined || value === null || !sourceKept(pod, source)) continue;
    if (count > 0) {
      findings.push(forbiddenPath(idx, source).finding(e.forbidden('may not specify more than 1 volume type')));
    } else {
      count++;
      findings.push(...validateSource(pod, source, isObj(value) ? value : {}, idx));
    }
    // The iSCSI name-length check runs whether or not iscsi was the first source.
    if (source === 'iscsi' && isObj(value) && typeof value.initiatorName === 'string' && (name + ':' + str0(value.targetPortal)).length > 64) {
      findings.push(
        idx
          .child('name')
          .finding(e.invalid(str(name), 'Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.')),
      );
    }
  }
  if (count === 0) findings.push(idx.finding(e.required('must specify a volume type')));
  return findings;
}

function validateSource(pod: PodContext, source: string, v: Obj, idx: FieldPath): RuleFinding[] {
  const e = pod.errors;
  const p = idx.child(source);
  const req = (field: string): RuleFinding => p.child(field).finding(e.required());
  const out: RuleFinding[] = [];
  switch (source) {
    case 'emptyDir': {
      const limit = quantityField(v.sizeLimit);
      if (limit && limit.nanos < 0n) out.push(p.child('sizeLimit').finding(e.forbidden('SizeLimit field must be a valid resource quantity')));
      break;
    }
    case 'hostPath': {
      const path = str0(v.path);
      if (path === '') return [req('path')];
      out.push(...validatePathNoBacksteps(path, p.child('path'), e));
      const type = v.type;
      if (typeof type === 'string' && !HOST_PATH_TYPES.includes(type)) out.push(p.child('type').finding(e.notSupported(str(type), HOST_PATH_TYPES)));
      break;
    }
    case 'gitRepo':
      if (!str0(v.repository)) out.push(req('repository'));
      out.push(...validateLocalDescendingPath(str0(v.directory), p.child('directory'), e));
      break;
    case 'gcePersistentDisk':
    case 'awsElasticBlockStore': {
      // gcePersistentDisk is validated under the name `persistentDisk`.
      const base = source === 'gcePersistentDisk' ? p.withGo(`${idx.go}.persistentDisk`) : p;
      const idField = source === 'gcePersistentDisk' ? 'pdName' : 'volumeID';
      if (!str0(v[idField])) out.push(base.child(idField).finding(e.required()));
      const partition = typeof v.partition === 'number' ? v.partition : 0;
      if (partition < 0 || partition > 255) out.push(base.child('partition').finding(e.invalid(num(partition), PD_PARTITION_ERROR)));
      break;
    }
    case 'secret':
    case 'configMap': {
      const nameField = source === 'secret' ? 'secretName' : 'name';
      if (!str0(v[nameField])) out.push(req(nameField));
      out.push(...fileMode(v.defaultMode, p.child('defaultMode'), e));
      arr<KeyToPath>(v.items).forEach((item, i) => out.push(...keyToPath(item ?? {}, p.child('items').index(i), e)));
      break;
    }
    case 'nfs': {
      if (!str0(v.server)) out.push(req('server'));
      const path = str0(v.path);
      if (path === '') out.push(req('path'));
      if (!path.startsWith('/')) out.push(p.child('path').finding(e.invalid(str(path), 'must be an absolute path')));
      break;
    }
    case 'iscsi':
      out.push(...iscsi(v, p, e));
      break;
    case 'glusterfs':
      if (!str0(v.endpoints)) out.push(req('endpoints'));
      if (!str0(v.path)) out.push(req('path'));
      break;
    case 'flocker': {
      const datasetName = str0(v.datasetName);
      const datasetUUID = str0(v.datasetUUID);
      if (!datasetName && !datasetUUID) out.push(p.finding(e.required('one of datasetName and datasetUUID is required')));
      if (datasetName && datasetUUID) out.push(p.finding(e.invalid(str('resource'), 'datasetName and datasetUUID can not be specified simultaneously')));
      if (datasetName.includes('/')) out.push(p.child('datasetName').finding(e.invalid(str(datasetName), "must not contain '/'")));
      break;
    }
    case 'persistentVolumeClaim':
      if (!str0(v.claimName)) out.push(req('claimName'));
      break;
    case 'rbd':
      if (arr(v.monitors).length === 0) out.push(req('monitors'));
      if (!str0(v.image)) out.push(req('image'));
      break;
    case 'cinder':
      if (!str0(v.volumeID)) out.push(req('volumeID'));
      if (isObj(v.secretRef) && !str0(v.secretRef.name)) out.push(p.child('secretRef').child('name').finding(e.required()));
      break;
    case 'cephfs':
      if (arr(v.monitors).length === 0) out.push(req('monitors'));
      break;
    case 'quobyte':
      out.push(...quobyte(v, p, e));
      break;
    case 'downwardAPI':
      out.push(...fileMode(v.defaultMode, p.child('defaultMode'), e));
      // Every item is validated at the source's own path: `downwardAPI.path`, not `downwardAPI.items[i].path`.
      arr<DownwardApiFile>(v.items).forEach((item, i) => out.push(...downwardApiFile(pod, item ?? {}, p.child('items').index(i).withGo(p.go))));
      break;
    case 'fc':
      out.push(...fibreChannel(v, p, e));
      break;
    case 'flexVolume':
      if (!str0(v.driver)) out.push(req('driver'));
      for (const key of Object.keys(isObj(v.options) ? v.options : {})) {
        const namespace = key.includes('/') ? key.slice(0, key.indexOf('/')) : key;
        const normalized = `.${namespace.toLowerCase()}`;
        if (normalized.endsWith('.kubernetes.io') || normalized.endsWith('.k8s.io')) {
          out.push(p.child('options').key(key).finding(e.invalid(str(key), 'kubernetes.io and k8s.io namespaces are reserved')));
        }
      }
      break;
    case 'azureFile':
      if (!str0(v.secretName)) out.push(req('secretName'));
      if (!str0(v.shareName)) out.push(req('shareName'));
      break;
    case 'vsphereVolume':
      if (!str0(v.volumePath)) out.push(req('volumePath'));
      break;
    case 'photonPersistentDisk':
      if (!str0(v.pdID)) out.push(req('pdID'));
      break;
    case 'portworxVolume':
      if (!str0(v.volumeID)) out.push(req('volumeID'));
      break;
    case 'azureDisk':
      out.push(...azureDisk(v, p, e));
      break;
    case 'storageos': {
      const volumeName = str0(v.volumeName);
      if (!volumeName) out.push(req('volumeName'));
      else for (const msg of isDns1123Label(volumeName)) out.push(p.child('volumeName').finding(e.invalid(str(volumeName), msg)));
      const namespace = str0(v.volumeNamespace);
      if (namespace) for (const msg of isDns1123Label(namespace)) out.push(p.child('volumeNamespace').finding(e.invalid(str(namespace), msg)));
      if (isObj(v.secretRef) && !str0(v.secretRef.name)) out.push(p.child('secretRef').child('name').finding(e.required()));
      break;
    }
    case 'projected':
      out.push(...fileMode(v.defaultMode, p.child('defaultMode'), e));
      out.push(...projectionSources(pod, v, p));
      break;
    case 'scaleIO':
      if (!str0(v.gateway)) out.push(req('gateway'));
      if (!str0(v.system)) out.push(req('system'));
      if (!str0(v.volumeName)) out.push(req('volumeName'));
      break;
    case 'csi':
      out.push(...csiDriverName(str0(v.driver), p.child('driver'), e));
      if (isObj(v.nodePublishSecretRef)) {
        const secretName = str0(v.nodePublishSecretRef.name);
        if (!secretName) out.push(p.child('nodePublishSecretRef').child('name').finding(e.required()));
        else {
          // Reported at `csi.name`, a path that does not exist.
          const at = p.child('nodePublishSecretRef').child('name').withGo(`${p.go}.name`);
          for (const msg of isDns1123Subdomain(secretName)) out.push(at.finding(e.invalid(str(secretName), msg)));
        }
      }
      break;
    case 'ephemeral':
      if (!isObj(v.volumeClaimTemplate)) out.push(req('volumeClaimTemplate'));
      else out.push(...claimTemplate(pod, v.volumeClaimTemplate, p.child('volumeClaimTemplate')));
      break;
    case 'image': {
      // The reference is only required for pods (opts.ResourceIsPod), not templates.
      const policy = str0(v.pullPolicy);
      if (policy === '') out.push(req('pullPolicy'));
      else if (!PULL_POLICIES.includes(policy)) out.push(p.child('pullPolicy').finding(e.notSupported(str(policy), PULL_POLICIES)));
      break;
    }
  }
  return out;
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
/** supportedHostPathTypes, sorted. */
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

function fileMode(mode: unknown, path: FieldPath, e: Errors): RuleFinding[] {
  if (typeof mode !== 'number' || (mode >= 0 && mode <= 0o777)) return [];
  return [path.finding(e.invalid(num(mode), FILE_MODE_ERROR))];
}

/** validateKeyToPath. */
function keyToPath(item: KeyToPath, path: FieldPath, e: Errors): RuleFinding[] {
  const out: RuleFinding[] = [];
  if (!item.key) out.push(path.child('key').finding(e.required()));
  const target = item.path ?? '';
  if (target === '') out.push(path.child('path').finding(e.required()));
  out.push(...validateLocalNonReservedPath(target, path.child('path'), e));
  out.push(...fileMode(item.mode, path.child('mode'), e));
  return out;
}

/** validateDownwardAPIVolumeFile, at the path upstream passes (the source's, for a downwardAPI volume). */
function downwardApiFile(pod: PodContext, file: DownwardApiFile, path: FieldPath): RuleFinding[] {
  const e = pod.errors;
  const out: RuleFinding[] = [];
  const target = file.path ?? '';
  if (target === '') out.push(path.child('path').finding(e.required()));
  out.push(...validateLocalNonReservedPath(target, path.child('path'), e));
  if (file.fieldRef) {
    out.push(...objectFieldSelector(file.fieldRef as ObjectFieldSelector, VOLUME_FIELD_PATHS, path.child('fieldRef'), e, pod.version));
    if (file.resourceFieldRef) out.push(path.finding(e.invalid(str('resource'), 'fieldRef and resourceFieldRef can not be specified simultaneously')));
  } else if (file.resourceFieldRef) {
    out.push(...resourceFieldSelector(file.resourceFieldRef as ResourceFieldSelector, path.child('resourceFieldRef'), true, e));
  } else {
    out.push(path.finding(e.required('one of fieldRef and resourceFieldRef is required')));
  }
  out.push(...fileMode(file.mode, path.child('mode'), e));
  return out;
}

const IQN_RE = /iqn\.\d{4}-\d{2}\.([A-Za-z0-9\-.]+)(:[^,;*&$|\t\n\f\r ]+)$/;
const EUI_RE = /^eui.[A-Za-z0-9]{16}$/;
const NAA_RE = /^naa.[A-Za-z0-9]{32}$/;

function iscsiNameFormat(value: string, path: FieldPath, e: Errors): RuleFinding[] {
  const out: RuleFinding[] = [];
  if (!value.startsWith('iqn') && !value.startsWith('eui') && !value.startsWith('naa')) {
    out.push(path.finding(e.invalid(str(value), 'must be valid format starting with iqn, eui, or naa')));
  }
  if ((value.startsWith('iqn') && !IQN_RE.test(value)) || (value.startsWith('eui') && !EUI_RE.test(value)) || (value.startsWith('naa') && !NAA_RE.test(value))) {
    out.push(path.finding(e.invalid(str(value), 'must be valid format')));
  }
  return out;
}

/** validateISCSIVolumeSource. */
function iscsi(v: Obj, p: FieldPath, e: Errors): RuleFinding[] {
  const out: RuleFinding[] = [];
  if (!str0(v.targetPortal)) out.push(p.child('targetPortal').finding(e.required()));
  const iqn = str0(v.iqn);
  if (!iqn) out.push(p.child('iqn').finding(e.required()));
  else out.push(...iscsiNameFormat(iqn, p.child('iqn'), e));
  const lun = typeof v.lun === 'number' ? v.lun : 0;
  if (lun < 0 || lun > 255) out.push(p.child('lun').finding(e.invalid(num(lun), inclusiveRangeError(0, 255))));
  if ((v.chapAuthDiscovery === true || v.chapAuthSession === true) && !isObj(v.secretRef)) out.push(p.child('secretRef').finding(e.required()));
  if (typeof v.initiatorName === 'string') {
    // Reported at `iscsi.initiatorname`.
    out.push(...iscsiNameFormat(v.initiatorName, p.child('initiatorName').withGo(`${p.go}.initiatorname`), e));
  }
  return out;
}

/** net.SplitHostPort's success. */
function splitsHostPort(hostport: string): boolean {
  const i = hostport.lastIndexOf(':');
  if (i < 0) return false;
  let j = 0;
  let k = 0;
  if (hostport[0] === '[') {
    const end = hostport.indexOf(']');
    if (end < 0 || end + 1 === hostport.length || end + 1 !== i) return false;
    j = 1;
    k = end + 1;
  } else if (hostport.slice(0, i).includes(':')) return false;
  return !hostport.slice(j).includes('[') && !hostport.slice(k).includes(']');
}

/** validateQuobyteVolumeSource. */
function quobyte(v: Obj, p: FieldPath, e: Errors): RuleFinding[] {
  const out: RuleFinding[] = [];
  const registry = str0(v.registry);
  const detail = 'must be a host:port pair or multiple pairs separated by commas';
  if (!registry) out.push(p.child('registry').finding(e.required(detail)));
  else if (str0(v.tenant).length >= 65) out.push(p.child('tenant').finding(e.required('must be a UUID and may not exceed a length of 64 characters')));
  else for (const pair of registry.split(',')) if (!splitsHostPort(pair)) out.push(p.child('registry').finding(e.invalid(str(registry), detail)));
  if (!str0(v.volume)) out.push(p.child('volume').finding(e.required()));
  return out;
}

/** validateFCVolumeSource. */
function fibreChannel(v: Obj, p: FieldPath, e: Errors): RuleFinding[] {
  const out: RuleFinding[] = [];
  const wwns = arr<string>(v.targetWWNs);
  const wwids = arr<string>(v.wwids);
  if (wwns.length < 1 && wwids.length < 1) out.push(p.child('targetWWNs').finding(e.required('must specify either targetWWNs or wwids, but not both')));
  if (wwns.length !== 0 && wwids.length !== 0) {
    out.push(p.child('targetWWNs').finding(e.invalid(stringSlice(wwns.map(String)), 'targetWWNs and wwids can not be specified simultaneously')));
  }
  if (wwns.length !== 0) {
    if (typeof v.lun !== 'number') out.push(p.child('lun').finding(e.required('lun is required if targetWWNs is specified')));
    else if (v.lun < 0 || v.lun > 255) out.push(p.child('lun').finding(e.invalid(num(v.lun), inclusiveRangeError(0, 255))));
  }
  return out;
}

/** validateAzureDisk (after SetDefaults_AzureDiskVolumeSource: cachingMode ReadWrite, kind Shared). */
function azureDisk(v: Obj, p: FieldPath, e: Errors): RuleFinding[] {
  const out: RuleFinding[] = [];
  const uri = str0(v.diskURI);
  if (!str0(v.diskName)) out.push(p.child('diskName').finding(e.required()));
  if (!uri) out.push(p.child('diskURI').finding(e.required()));
  if (typeof v.cachingMode === 'string' && !['None', 'ReadOnly', 'ReadWrite'].includes(v.cachingMode)) {
    out.push(p.child('cachingMode').finding(e.notSupported(str(v.cachingMode), ['None', 'ReadOnly', 'ReadWrite'])));
  }
  if (typeof v.kind === 'string') {
    if (!['Dedicated', 'Managed', 'Shared'].includes(v.kind)) out.push(p.child('kind').finding(e.notSupported(str(v.kind), ['Dedicated', 'Managed', 'Shared'])));
    if (v.kind === 'Managed' && !uri.startsWith('/subscriptions/')) {
      out.push(p.child('diskURI').finding(e.notSupported(str(uri), ['/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}'])));
    }
    if (v.kind !== 'Managed' && !uri.startsWith('https://')) {
      out.push(p.child('diskURI').finding(e.notSupported(str(uri), ['https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd'])));
    }
  }
  return out;
}

/** ValidateCSIDriverName. */
function csiDriverName(driver: string, path: FieldPath, e: Errors): RuleFinding[] {
  const out: RuleFinding[] = [];
  if (driver === '') out.push(path.finding(e.required()));
  if (driver.length > 63) out.push(path.finding(e.tooLong(63)));
  for (const msg of isDns1123Subdomain(driver.toLowerCase())) out.push(path.finding(e.invalid(str(driver), msg)));
  return out;
}

/**
 * validateProjectionSources. Duplicate paths are reported at `projected` itself. clusterTrustBundle
 * sources are left alone: the ClusterTrustBundleProjection gate is off by default, so they are dropped.
 */
function projectionSources(pod: PodContext, v: Obj, p: FieldPath): RuleFinding[] {
  const e = pod.errors;
  const out: RuleFinding[] = [];
  const seen = new Set<string>();
  arr<Obj>(v.sources).forEach((raw, i) => {
    const source = isObj(raw) ? raw : {};
    const srcPath = p.child('sources').index(i);
    let count = 0;
    for (const kind of ['secret', 'configMap'] as const) {
      const ref = source[kind];
      if (!isObj(ref)) continue;
      count++;
      const refPath = srcPath.child(kind);
      const refName = str0(ref.name);
      if (!refName) out.push(refPath.child('name').finding(e.required()));
      arr<KeyToPath>(ref.items).forEach((item, j) => {
        out.push(...keyToPath(item ?? {}, refPath.child('items').index(j), e));
        const target = item?.path ?? '';
        if (target.length > 0) {
          if (seen.has(target)) out.push(p.finding(e.invalid(str(refName), 'conflicting duplicate paths')));
          else seen.add(target);
        }
      });
    }
    if (isObj(source.downwardAPI)) {
      count++;
      const dPath = srcPath.child('downwardAPI');
      arr<DownwardApiFile>(source.downwardAPI.items).forEach((item, j) => {
        out.push(...downwardApiFile(pod, item ?? {}, dPath.child('items').index(j).withGo(dPath.go)));
        const target = item?.path ?? '';
        if (target.length > 0) {
          if (seen.has(target)) out.push(p.finding(e.invalid(str(target), 'conflicting duplicate paths')));
          else seen.add(target);
        }
      });
    }
    if (isObj(source.serviceAccountToken)) {
      count++;
      const token = source.serviceAccountToken;
      const tPath = srcPath.child('serviceAccountToken');
      const expiration = typeof token.expirationSeconds === 'number' ? token.expirationSeconds : 0;
      if (expiration < 600) out.push(tPath.child('expirationSeconds').finding(e.invalid(num(expiration), 'may not specify a duration less than 10 minutes')));
      if (expiration > 2 ** 32) out.push(tPath.child('expirationSeconds').finding(e.invalid(num(expiration), 'may not specify a duration larger than 2^32 seconds')));
      // The token path is reported at `projected.path`.
      const pathAt = tPath.child('path').withGo(`${p.go}.path`);
      const target = str0(token.path);
      if (target === '') out.push(pathAt.finding(e.required()));
      else out.push(...validateLocalNonReservedPath(target, pathAt, e));
    }
    if (count > 1) out.push(srcPath.finding(e.forbidden('may not specify more than 1 volume type per source')));
  });
  return out;
}

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
/** Go field names of ObjectMeta by JSON name, for validateFieldAllowList's `cannot be set` paths. */
const OBJECT_META_FIELDS: readonly (readonly [string, string])[] = [
  ['name', 'name'],
  ['generateName', 'generateName'],
  ['namespace', 'namespace'],
  ['selfLink', 'selfLink'],
  ['uid', 'uID'],
  ['resourceVersion', 'resourceVersion'],
  ['generation', 'generation'],
  ['creationTimestamp', 'creationTimestamp'],
  ['deletionTimestamp', 'deletionTimestamp'],
  ['deletionGracePeriodSeconds', 'deletionGracePeriodSeconds'],
  ['ownerReferences', 'ownerReferences'],
  ['finalizers', 'finalizers'],
  ['managedFields', 'managedFields'],
];

/** ValidatePersistentVolumeClaimTemplate: metadata (labels, annotations, nothing else) and the claim spec. */
function claimTemplate(pod: PodContext, template: Obj, path: FieldPath): RuleFinding[] {
  const e = pod.errors;
  const out: RuleFinding[] = [];
  const meta = isObj(template.metadata) ? template.metadata : {};
  const metaPath = path.child('metadata');
  for (const problem of annotationProblems(meta.annotations as Record<string, string> | undefined, pod.version)) {
    const at = problem.key === undefined ? metaPath.child('annotations') : metaPath.child('annotations').key(problem.key).withGo(`${metaPath.go}.annotations`);
    out.push(at.finding(problem.message));
  }
  out.push(...labelMapFindings(meta.labels as Record<string, string> | undefined, metaPath.child('labels'), pod.version));
  for (const [json, goName] of OBJECT_META_FIELDS) {
    const value = meta[json];
    const set = Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '' && value !== 0;
    if (set) out.push(metaPath.child(json).withGo(`${metaPath.go}.${goName}`).finding(e.forbidden('cannot be set')));
  }
  const spec = isObj(template.spec) ? template.spec : {};
  const specPath = path.child('spec');
  const modes = arr<string>(spec.accessModes);
  if (modes.length === 0) out.push(specPath.child('accessModes').finding(e.required('at least 1 access mode is required')));
  if (isObj(spec.selector)) out.push(...selectorFindings(spec.selector as LabelSelector, specPath.child('selector'), pod.version));
  let rwop = false;
  let other = false;
  for (const mode of modes) {
    if (!ACCESS_MODES.includes(mode)) out.push(specPath.child('accessModes').finding(e.notSupported(str(String(mode)), ACCESS_MODES)));
    if (mode === 'ReadWriteOncePod') rwop = true;
    else if (ACCESS_MODES.includes(mode)) other = true;
  }
  if (rwop && other) out.push(specPath.child('accessModes').finding(e.forbidden('may not use ReadWriteOncePod with other access modes')));
  const resources = isObj(spec.resources) ? spec.resources : {};
  const requests = isObj(resources.requests) ? resources.requests : undefined;
  // Reported at `spec.resources[storage]`.
  const storagePath = specPath.child('resources').withGo(`${specPath.go}.resources[storage]`);
  const storage = resourceEntries(requests).find((entry) => entry.name === 'storage');
  if (!storage) out.push(storagePath.finding(e.required()));
  else if (storage.quantity && storage.quantity.nanos <= 0n) {
    out.push(storagePath.finding(e.invalid(str(quantityString(storage.quantity)), 'must be greater than zero')));
  }
  if (typeof spec.storageClassName === 'string' && spec.storageClassName.length > 0) {
    for (const msg of isDns1123Subdomain(spec.storageClassName)) out.push(specPath.child('storageClassName').finding(e.invalid(str(spec.storageClassName), msg)));
  }
  if (typeof spec.volumeMode === 'string' && !['Block', 'Filesystem'].includes(spec.volumeMode)) {
    out.push(specPath.child('volumeMode').finding(e.notSupported(str(spec.volumeMode), ['Block', 'Filesystem'])));
  }
  return out;
}
