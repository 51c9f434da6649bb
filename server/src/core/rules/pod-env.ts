import { str } from './helpers/podSpec/errorBodies';
import { ENV_FIELD_PATHS, objectFieldSelector, resourceFieldSelector } from './helpers/podSpec/downwardApi';
import type { FieldPath } from './helpers/podSpec/fieldPath';
import { isConfigMapKey, isDns1123Label, isDns1123Subdomain, isEnvVarName, isRelaxedEnvVarName, relaxedEnvVarNames } from './helpers/podSpec/formats';
import { validatePathNoBacksteps } from './helpers/podSpec/paths';
import { podContext, type ContainerRef, type PodContext } from './helpers/podSpec/podContext';
import type { KeySelector } from './helpers/podSpec/types';
import type { Rule, RuleFinding } from './rule';

/**
 * Container environment: env var names (relaxed to printable ASCII from 1.32, where the
 * RelaxedEnvironmentVariableValidation gate turned on), valueFrom with exactly one source and no `value`,
 * the downward API, ConfigMap, Secret and file references, envFrom sources and prefixes.
 * pkg/apis/core/validation/validation.go: ValidateEnv, validateEnvVarValueFrom, validateConfigMapKeySelector,
 * validateSecretKeySelector, validateFileKeySelector, ValidateEnvFrom, validateFileKeyRefVolumes.
 */
export const podEnv: Rule = {
  meta: {
    id: 'pod-env',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: 'Container env and envFrom: valid variable names and prefixes, one valueFrom source and no value beside it, valid downward API / ConfigMap / Secret references.',
  },
  check(context) {
    const pod = podContext(context);
    if (!pod) return [];
    const findings: RuleFinding[] = [];
    for (const ref of pod.allContainers()) {
      findings.push(...env(pod, ref), ...envFrom(pod, ref));
    }
    if (pod.atLeast(35)) findings.push(...fileKeyRefVolumes(pod));
    return findings;
  },
};

function nameErrors(pod: PodContext, name: string): string[] {
  return relaxedEnvVarNames(pod.version) ? isRelaxedEnvVarName(name) : isEnvVarName(name);
}

function env(pod: PodContext, ref: ContainerRef): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  const envFiles = pod.atLeast(35);
  (ref.container.env ?? []).forEach((v, i) => {
    const ev = v ?? {};
    const path = ref.path.child('env').index(i);
    if (!ev.name) findings.push(path.child('name').finding(e.required()));
    else for (const msg of nameErrors(pod, ev.name)) findings.push(path.child('name').finding(e.invalid(str(ev.name), msg)));
    const from = ev.valueFrom;
    if (!from) return;
    const fromPath = path.child('valueFrom');
    let sources = 0;
    if (from.fieldRef) {
      sources++;
      findings.push(...objectFieldSelector(from.fieldRef, ENV_FIELD_PATHS, fromPath.child('fieldRef'), e, pod.version));
    }
    if (from.resourceFieldRef) {
      sources++;
      findings.push(...resourceFieldSelector(from.resourceFieldRef, fromPath.child('resourceFieldRef'), false, e));
    }
    if (from.configMapKeyRef) {
      sources++;
      findings.push(...keySelector(pod, from.configMapKeyRef, fromPath.child('configMapKeyRef')));
    }
    if (from.secretKeyRef) {
      sources++;
      findings.push(...keySelector(pod, from.secretKeyRef, fromPath.child('secretKeyRef')));
    }
    // fileKeyRef is dropped while the EnvFiles gate is off (before 1.35).
    if (envFiles && from.fileKeyRef) {
      sources++;
      const fk = from.fileKeyRef;
      const fkPath = fromPath.child('fileKeyRef');
      if (!fk.key) findings.push(fkPath.child('key').finding(e.required()));
      else for (const msg of isRelaxedEnvVarName(fk.key)) findings.push(fkPath.child('key').finding(e.invalid(str(fk.key), msg)));
      if (!fk.volumeName) findings.push(fkPath.child('volumeName').finding(e.required()));
      else for (const msg of isDns1123Label(fk.volumeName)) findings.push(fkPath.child('volumeName').finding(e.invalid(str(fk.volumeName), msg)));
      if (!fk.path) findings.push(fkPath.child('path').finding(e.required()));
      else findings.push(...validatePathNoBacksteps(fk.path, fkPath.child('path'), e));
    }
    if (sources === 0) {
      const detail = envFiles
        ? 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`'
        : 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`';
      findings.push(fromPath.finding(e.invalid(str(''), detail)));
    } else if (ev.value) {
      findings.push(fromPath.finding(e.invalid(str(''), 'may not be specified when `value` is not empty')));
    } else if (sources > 1) {
      findings.push(fromPath.finding(e.invalid(str(''), 'may not have more than one field specified at a time')));
    }
  });
  return findings;
}

/** validateConfigMapKeySelector / validateSecretKeySelector: the name is checked even when empty. */
function keySelector(pod: PodContext, selector: KeySelector, path: FieldPath): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  const name = selector.name ?? '';
  for (const msg of isDns1123Subdomain(name)) findings.push(path.child('name').finding(e.invalid(str(name), msg)));
  if (!selector.key) findings.push(path.child('key').finding(e.required()));
  else for (const msg of isConfigMapKey(selector.key)) findings.push(path.child('key').finding(e.invalid(str(selector.key), msg)));
  return findings;
}

/** apimachinery's maskTrailingDash, applied by NameIsDNSSubdomain(name, prefix=true). */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

function envFrom(pod: PodContext, ref: ContainerRef): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  const listPath = ref.path.child('envFrom');
  (ref.container.envFrom ?? []).forEach((v, i) => {
    const source = v ?? {};
    const path = listPath.index(i);
    if (source.prefix) for (const msg of nameErrors(pod, source.prefix)) findings.push(path.child('prefix').finding(e.invalid(str(source.prefix), msg)));
    let sources = 0;
    for (const field of ['configMapRef', 'secretRef'] as const) {
      const target = source[field];
      if (!target) continue;
      sources++;
      const namePath = path.child(field).child('name');
      if (!target.name) findings.push(namePath.finding(e.required()));
      else for (const msg of isDns1123Subdomain(maskTrailingDash(target.name))) findings.push(namePath.finding(e.invalid(str(target.name), msg)));
    }
    if (sources === 0) findings.push(listPath.finding(e.invalid(str(''), 'must specify one of: `configMapRef` or `secretRef`')));
    else if (sources > 1) findings.push(listPath.finding(e.invalid(str(''), 'may not have more than one field specified at a time')));
  });
  return findings;
}

/** validateFileKeyRefVolumes: a fileKeyRef names an emptyDir volume of the pod. */
function fileKeyRefVolumes(pod: PodContext): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  const volumes = new Map<string, Record<string, unknown>>();
  for (const volume of pod.spec.volumes ?? []) if (volume) volumes.set(volume.name ?? '', volume);
  for (const ref of pod.allContainers()) {
    (ref.container.env ?? []).forEach((ev, j) => {
      const fileKeyRef = ev?.valueFrom?.fileKeyRef;
      if (!fileKeyRef) return;
      const name = fileKeyRef.volumeName ?? '';
      const path = ref.path.child('env').index(j).child('valueFrom').child('fileKeyRef').child('volumeName');
      const volume = volumes.get(name);
      if (!volume) findings.push(path.finding(e.notFound(str(name))));
      else if (volume.emptyDir === undefined) findings.push(path.finding(e.invalid(str(name), 'referenced volume must be of type emptyDir')));
    });
  }
  return findings;
}
