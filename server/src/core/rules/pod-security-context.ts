import { bool, js, num, str, struct, type BadValue } from './helpers/podSpec/errorBodies';
import type { FieldPath } from './helpers/podSpec/fieldPath';
import { byteLength, isDns1123Subdomain, isValidId } from './helpers/podSpec/formats';
import { validateLocalDescendingPath } from './helpers/podSpec/paths';
import { podContext, type ContainerRef, type PodContext } from './helpers/podSpec/podContext';
import type { AppArmorProfile, SeccompProfile, SecurityContext, WindowsOptions } from './helpers/podSpec/types';
import type { Rule, RuleFinding } from './rule';

/**
 * Pod and container security settings: user and group IDs, sysctls, fsGroupChangePolicy, seccomp and
 * AppArmor profiles, Windows options and HostProcess pods, procMount, allowPrivilegeEscalation with
 * privileged / CAP_SYS_ADMIN, hostUsers: false with host namespaces, shareProcessNamespace with hostPID,
 * and what spec.os.name rules out. Privileged containers are assumed allowed (kube-apiserver --allow-privileged).
 * pkg/apis/core/validation/validation.go: validatePodSpecSecurityContext, validateSysctls, ValidateHostSysctl,
 * validateFSGroupChangePolicy, validateSeccompProfileField, ValidateAppArmorProfileField,
 * validateWindowsSecurityContextOptions, validateWindowsHostProcessPod, validateHostUsers,
 * ValidateSecurityContext, ValidateProcMountType, validateOS, validateLinux, validateWindows.
 */
export const podSecurityContext: Rule = {
  meta: {
    id: 'pod-security-context',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description:
      'Pod and container securityContext: valid IDs, sysctls, seccomp/AppArmor profiles and Windows options, and no settings the pod OS or hostUsers: false rule out.',
  },
  check(context) {
    const pod = podContext(context);
    if (!pod) return [];
    const findings = [...podLevel(pod)];
    for (const ref of pod.allContainers()) findings.push(...containerLevel(pod, ref));
    findings.push(...hostProcess(pod), ...hostUsers(pod), ...operatingSystem(pod));
    return findings;
  },
};

/** hostUsers is dropped while UserNamespacesSupport is off by default (before 1.33). */
function hostUsersValue(pod: PodContext): boolean | undefined {
  return pod.atLeast(33) ? pod.spec.hostUsers : undefined;
}

function idFindings(pod: PodContext, value: number | undefined, path: FieldPath): RuleFinding[] {
  if (value === undefined) return [];
  return isValidId(value).map((msg) => path.finding(pod.errors.invalid(num(value), msg)));
}

const SYSCTL_SEGMENT = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL_RE = new RegExp(`^(${SYSCTL_SEGMENT}[\\./])*${SYSCTL_SEGMENT}$`);

/** utilsysctl.NormalizeName: a name whose first separator is '/' has '.' and '/' swapped. */
function normalizeSysctl(name: string): string {
  const first = name.search(/[./]/);
  if (first < 0 || name[first] === '.') return name;
  return name.replace(/[./]/g, (c) => (c === '.' ? '/' : '.'));
}

/** utilsysctl.GetNamespace, for the namespaces ValidateHostSysctl cares about. */
function sysctlNamespace(name: string): 'net' | 'ipc' | undefined {
  const n = normalizeSysctl(name);
  if (n === 'kernel.sem' || n.startsWith('kernel.shm') || n.startsWith('kernel.msg') || n.startsWith('fs.mqueue.')) return 'ipc';
  if (n.startsWith('net.')) return 'net';
  return undefined;
}

function podLevel(pod: PodContext): RuleFinding[] {
  const e = pod.errors;
  const sc = pod.spec.securityContext;
  const findings: RuleFinding[] = [];
  const path = pod.path.child('securityContext');
  if (pod.spec.shareProcessNamespace === true && pod.spec.hostPID === true) {
    // Reported under securityContext, where the internal API keeps the field.
    const at = pod.path.child('shareProcessNamespace').withGo(`${path.go}.shareProcessNamespace`);
    findings.push(at.finding(e.invalid(bool(true), 'ShareProcessNamespace and HostPID cannot both be enabled')));
  }
  if (!sc) return findings;
  findings.push(...idFindings(pod, sc.fsGroup, path.child('fsGroup')), ...idFindings(pod, sc.runAsUser, path.child('runAsUser')), ...idFindings(pod, sc.runAsGroup, path.child('runAsGroup')));
  (sc.supplementalGroups ?? []).forEach((gid, i) => findings.push(...idFindings(pod, gid, path.child('supplementalGroups').index(i))));
  const names = new Set<string>();
  (sc.sysctls ?? []).forEach((sysctl, i) => {
    const name = sysctl?.name ?? '';
    const at = path.child('sysctls').index(i).child('name');
    if (name === '') findings.push(at.finding(e.required()));
    else if (byteLength(name) > 253 || !SYSCTL_RE.test(name)) {
      findings.push(at.finding(e.invalid(str(name), `must have at most 253 characters and match regex ^(${SYSCTL_SEGMENT}[\\./])*${SYSCTL_SEGMENT}$`)));
    } else if (names.has(name)) findings.push(at.finding(e.duplicate(str(name))));
    const ns = sysctlNamespace(name);
    if (pod.spec.hostNetwork === true && ns === 'net') findings.push(at.finding(e.invalid(str(name), "may not be specified when 'hostNetwork' is true")));
    else if (pod.spec.hostIPC === true && ns === 'ipc') findings.push(at.finding(e.invalid(str(name), "may not be specified when 'hostIPC' is true")));
    names.add(name);
  });
  if (sc.fsGroupChangePolicy !== undefined && !['Always', 'OnRootMismatch'].includes(sc.fsGroupChangePolicy)) {
    findings.push(path.child('fsGroupChangePolicy').finding(e.notSupported(str(sc.fsGroupChangePolicy), ['Always', 'OnRootMismatch'])));
  }
  findings.push(...seccompProfile(pod, sc.seccompProfile, path.child('seccompProfile')));
  findings.push(...windowsOptions(pod, sc.windowsOptions, path.child('windowsOptions')));
  findings.push(...appArmorProfile(pod, sc.appArmorProfile, path.child('appArmorProfile')));
  // supplementalGroupsPolicy and seLinuxChangePolicy are dropped while their gates are off by default (before 1.33).
  if (pod.atLeast(33) && sc.supplementalGroupsPolicy !== undefined && !['Merge', 'Strict'].includes(sc.supplementalGroupsPolicy)) {
    findings.push(path.child('supplementalGroupsPolicy').finding(e.notSupported(str(sc.supplementalGroupsPolicy), ['Merge', 'Strict'])));
  }
  if (pod.atLeast(33) && sc.seLinuxChangePolicy !== undefined && !['MountOption', 'Recursive'].includes(sc.seLinuxChangePolicy)) {
    findings.push(path.child('seLinuxChangePolicy').finding(e.notSupported(str(sc.seLinuxChangePolicy), ['MountOption', 'Recursive'])));
  }
  return findings;
}

/** A seccomp profile struct as ErrorBody prints it (internal Go field names). */
function seccompValue(profile: SeccompProfile): BadValue {
  return struct('core.SeccompProfile', [
    ['Type', js.str(profile.type ?? '')],
    ['LocalhostProfile', js.str(profile.localhostProfile)],
  ]);
}

/** validateSeccompProfileField. */
function seccompProfile(pod: PodContext, profile: SeccompProfile | undefined, path: FieldPath): RuleFinding[] {
  if (!profile) return [];
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  const type = profile.type ?? '';
  if (type === '') findings.push(path.child('type').finding(e.required('type is required when seccompProfile is set')));
  else if (!['Localhost', 'RuntimeDefault', 'Unconfined'].includes(type)) {
    findings.push(path.child('type').finding(e.notSupported(str(type), ['Localhost', 'RuntimeDefault', 'Unconfined'])));
  }
  if (type === 'Localhost') {
    if (profile.localhostProfile === undefined) findings.push(path.child('localhostProfile').finding(e.required('must be set when seccomp type is Localhost')));
    else findings.push(...validateLocalDescendingPath(profile.localhostProfile, path.child('localhostProfile'), e));
  } else if (profile.localhostProfile !== undefined) {
    findings.push(path.child('localhostProfile').finding(e.invalid(seccompValue(profile), 'can only be set when seccomp type is Localhost')));
  }
  return findings;
}

/** ValidateAppArmorProfileField. */
function appArmorProfile(pod: PodContext, profile: AppArmorProfile | undefined, path: FieldPath): RuleFinding[] {
  if (!profile) return [];
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  const local = profile.localhostProfile;
  const at = path.child('localhostProfile');
  switch (profile.type ?? '') {
    case 'Localhost':
      if (local === undefined) findings.push(at.finding(e.required('must be set when AppArmor type is Localhost')));
      else {
        if (local.trim() !== local) findings.push(at.finding(e.invalid(str(local), 'must not be padded with whitespace')));
        else if (local === '') findings.push(at.finding(e.required('must be set when AppArmor type is Localhost')));
        if (byteLength(local) > 4095) findings.push(at.finding(e.tooLong(4095)));
      }
      break;
    case 'RuntimeDefault':
    case 'Unconfined':
      if (local !== undefined) findings.push(at.finding(e.invalid(str(local), 'can only be set when AppArmor type is Localhost')));
      break;
    case '':
      findings.push(path.child('type').finding(e.required('type is required when appArmorProfile is set')));
      break;
    default:
      findings.push(path.child('type').finding(e.notSupported(str(profile.type ?? ''), ['Localhost', 'RuntimeDefault', 'Unconfined'])));
  }
  return findings;
}

const NETBIOS_RE = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/;
const DNS_LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?';
const WINDOWS_DOMAIN_DNS_RE = new RegExp(`^${DNS_LABEL}(?:\\.${DNS_LABEL})*$`);
const INVALID_USER_CHARS_RE = /["/\\:;|=,+*?<>@[\]]/;
const DOTS_SPACES_RE = /^[. ]+$/;
const CONTROL_RE = /[\x00-\x1f\x7f]/;

/** validateWindowsSecurityContextOptions. */
function windowsOptions(pod: PodContext, options: WindowsOptions | undefined, path: FieldPath): RuleFinding[] {
  if (!options) return [];
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  if (options.gmsaCredentialSpecName !== undefined) {
    const name = options.gmsaCredentialSpecName;
    for (const msg of isDns1123Subdomain(name)) findings.push(path.child('gmsaCredentialSpecName').finding(e.invalid(str(name), msg)));
  }
  if (options.gmsaCredentialSpec !== undefined) {
    const spec = options.gmsaCredentialSpec;
    const at = path.child('gmsaCredentialSpec');
    if (spec.length === 0) findings.push(at.finding(e.invalid(str(spec), 'gmsaCredentialSpec cannot be an empty string')));
    else if (byteLength(spec) > 64 * 1024) findings.push(at.finding(e.invalid(str(spec), 'gmsaCredentialSpec size must be under 64 KiB')));
  }
  if (options.runAsUserName !== undefined) {
    const name = options.runAsUserName;
    const at = path.child('runAsUserName');
    const bad = (detail: string): void => {
      findings.push(at.finding(e.invalid(str(name), detail)));
    };
    const parts = name.split('\\');
    if (name.length === 0) bad('runAsUserName cannot be an empty string');
    else if (CONTROL_RE.test(name)) bad('runAsUserName cannot contain control characters');
    else if (parts.length > 2) bad('runAsUserName cannot contain more than one backslash');
    else {
      const hasDomain = parts.length === 2;
      const domain = hasDomain ? parts[0] : '';
      const user = hasDomain ? parts[1] : parts[0];
      if (byteLength(domain) >= 256) bad("runAsUserName's Domain length must be under 256 characters");
      if (hasDomain && !(NETBIOS_RE.test(domain) || WINDOWS_DOMAIN_DNS_RE.test(domain))) bad("runAsUserName's Domain doesn't match the NetBios nor the DNS format");
      if (user.length === 0) bad("runAsUserName's User cannot be empty");
      else if (byteLength(user) > 104) bad("runAsUserName's User length must not be longer than 104 characters");
      if (DOTS_SPACES_RE.test(user)) bad("runAsUserName's User cannot contain only periods or spaces");
      if (INVALID_USER_CHARS_RE.test(user)) bad('runAsUserName\'s User cannot contain the following characters: "/\\:;|=,+*?<>@[]');
    }
  }
  return findings;
}

/** The container SecurityContext struct as ErrorBody prints it (internal Go field names; approximate before 1.34). */
function securityContextValue(sc: SecurityContext): BadValue {
  const caps = sc.capabilities;
  return struct('core.SecurityContext', [
    ['Capabilities', caps ? `{"Add":${js.strs(caps.add)},"Drop":${js.strs(caps.drop)}}` : 'null'],
    ['Privileged', js.bool(sc.privileged)],
    ['SELinuxOptions', sc.seLinuxOptions ? JSON.stringify({ User: sc.seLinuxOptions.user ?? '', Role: sc.seLinuxOptions.role ?? '', Type: sc.seLinuxOptions.type ?? '', Level: sc.seLinuxOptions.level ?? '' }) : 'null'],
    ['WindowsOptions', sc.windowsOptions ? JSON.stringify({ GMSACredentialSpecName: sc.windowsOptions.gmsaCredentialSpecName ?? null, GMSACredentialSpec: sc.windowsOptions.gmsaCredentialSpec ?? null, RunAsUserName: sc.windowsOptions.runAsUserName ?? null, HostProcess: sc.windowsOptions.hostProcess ?? null }) : 'null'],
    ['RunAsUser', js.num(sc.runAsUser)],
    ['RunAsGroup', js.num(sc.runAsGroup)],
    ['RunAsNonRoot', js.bool(sc.runAsNonRoot)],
    ['ReadOnlyRootFilesystem', js.bool(sc.readOnlyRootFilesystem)],
    ['AllowPrivilegeEscalation', js.bool(sc.allowPrivilegeEscalation)],
    ['ProcMount', js.str(sc.procMount)],
    ['SeccompProfile', sc.seccompProfile ? JSON.stringify({ Type: sc.seccompProfile.type ?? '', LocalhostProfile: sc.seccompProfile.localhostProfile ?? null }) : 'null'],
    ['AppArmorProfile', sc.appArmorProfile ? JSON.stringify({ Type: sc.appArmorProfile.type ?? '', LocalhostProfile: sc.appArmorProfile.localhostProfile ?? null }) : 'null'],
  ]);
}

/** ValidateSecurityContext. procMount is reset to Default while ProcMountType is off by default (before 1.33). */
function containerLevel(pod: PodContext, ref: ContainerRef): RuleFinding[] {
  const sc = ref.container.securityContext;
  if (!sc) return [];
  const e = pod.errors;
  const path = ref.path.child('securityContext');
  const findings: RuleFinding[] = [...idFindings(pod, sc.runAsUser, path.child('runAsUser')), ...idFindings(pod, sc.runAsGroup, path.child('runAsGroup'))];
  if (sc.procMount !== undefined && pod.atLeast(33)) {
    const at = path.child('procMount');
    if (sc.procMount !== 'Default' && sc.procMount !== 'Unmasked') findings.push(at.finding(e.notSupported(str(sc.procMount), ['Default', 'Unmasked'])));
    if (hostUsersValue(pod) !== false && sc.procMount === 'Unmasked') findings.push(at.finding(e.invalid(str(sc.procMount), '`hostUsers` must be false to use `Unmasked`')));
  }
  findings.push(...seccompProfile(pod, sc.seccompProfile, path.child('seccompProfile')));
  if (sc.allowPrivilegeEscalation === false) {
    if (sc.privileged === true) findings.push(path.finding(e.invalid(securityContextValue(sc), 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true')));
    for (const cap of sc.capabilities?.add ?? []) {
      if (cap === 'CAP_SYS_ADMIN') findings.push(path.finding(e.invalid(securityContextValue(sc), 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN')));
    }
  }
  findings.push(...windowsOptions(pod, sc.windowsOptions, path.child('windowsOptions')));
  findings.push(...appArmorProfile(pod, sc.appArmorProfile, path.child('appArmorProfile')));
  return findings;
}

/** validateWindowsHostProcessPod (HostProcess containers are allowed when privileged containers are). */
function hostProcess(pod: PodContext): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  const podValue = pod.spec.securityContext?.windowsOptions?.hostProcess;
  let count = 0;
  let hostProcessCount = 0;
  for (const ref of pod.allContainers()) {
    count++;
    const own = ref.container.securityContext?.windowsOptions?.hostProcess;
    if (podValue !== undefined && own !== undefined && podValue !== own) {
      const at = ref.path.child('securityContext').child('windowsOptions').child('hostProcess');
      findings.push(at.finding(e.invalid(bool(own), `pod hostProcess value must be identical if both are specified, was ${podValue}`)));
    }
    if (own === true || (own === undefined && podValue === true)) hostProcessCount++;
  }
  if (hostProcessCount > 0) {
    if (hostProcessCount !== count) findings.push(pod.path.finding(e.invalid(str(''), 'If pod contains any hostProcess containers then all containers must be HostProcess containers')));
    if (pod.spec.hostNetwork !== true) {
      findings.push(pod.path.child('hostNetwork').finding(e.invalid(bool(false), 'hostNetwork must be true if pod contains any hostProcess containers')));
    }
  }
  return findings;
}

/** validateHostUsers: a pod in its own user namespace may not share the host's network, PID or IPC namespace. */
function hostUsers(pod: PodContext): RuleFinding[] {
  if (hostUsersValue(pod) !== false) return [];
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  const detail = 'when `pod.Spec.HostUsers` is false';
  if (pod.spec.hostNetwork === true) findings.push(pod.path.child('hostNetwork').finding(e.forbidden(detail)));
  // HostPID and HostIPC are reported under their Go names.
  if (pod.spec.hostPID === true) findings.push(pod.path.child('hostPID').withGo(`${pod.path.go}.HostPID`).finding(e.forbidden(detail)));
  if (pod.spec.hostIPC === true) findings.push(pod.path.child('hostIPC').withGo(`${pod.path.go}.HostIPC`).finding(e.forbidden(detail)));
  return findings;
}

/** validateOS, then validateLinux or validateWindows. */
function operatingSystem(pod: PodContext): RuleFinding[] {
  const os = pod.spec.os;
  if (!os) return [];
  const e = pod.errors;
  const path = pod.path.child('os');
  const name = os.name ?? '';
  if (name === '') return [path.child('name').finding(e.required('cannot be empty'))];
  if (name !== 'linux' && name !== 'windows') return [path.child('name').withGo(path.go).finding(e.notSupported(str(name), ['linux', 'windows']))];
  const findings: RuleFinding[] = [];
  const sc = pod.spec.securityContext;
  const scPath = pod.path.child('securityContext');
  if (name === 'linux') {
    const detail = 'windows options cannot be set for a linux pod';
    if (sc?.windowsOptions) findings.push(scPath.child('windowsOptions').finding(e.forbidden(detail)));
    for (const ref of pod.allContainers()) {
      if (ref.container.securityContext?.windowsOptions) findings.push(ref.path.child('securityContext').child('windowsOptions').finding(e.forbidden(detail)));
    }
    return findings;
  }
  const detail = 'cannot be set for a windows pod';
  const forbid = (at: FieldPath): void => {
    findings.push(at.finding(e.forbidden(detail)));
  };
  if (sc?.appArmorProfile) forbid(scPath.child('appArmorProfile'));
  if (sc?.seLinuxOptions) forbid(scPath.child('seLinuxOptions'));
  if (hostUsersValue(pod) !== undefined) forbid(pod.path.child('hostUsers'));
  if (pod.spec.hostPID === true) forbid(pod.path.child('hostPID'));
  if (pod.spec.hostIPC === true) forbid(pod.path.child('hostIPC'));
  if (sc?.seccompProfile) forbid(scPath.child('seccompProfile'));
  if (sc?.fsGroup !== undefined) forbid(scPath.child('fsGroup'));
  if (sc?.fsGroupChangePolicy !== undefined) forbid(scPath.child('fsGroupChangePolicy'));
  if ((sc?.sysctls ?? []).length > 0) forbid(scPath.child('sysctls'));
  if (pod.spec.shareProcessNamespace !== undefined) forbid(pod.path.child('shareProcessNamespace'));
  if (sc?.runAsUser !== undefined) forbid(scPath.child('runAsUser'));
  if (sc?.runAsGroup !== undefined) forbid(scPath.child('runAsGroup'));
  if (sc?.supplementalGroups !== undefined) forbid(scPath.child('supplementalGroups'));
  if (pod.atLeast(33) && sc?.supplementalGroupsPolicy !== undefined) forbid(scPath.child('supplementalGroupsPolicy'));
  if (pod.atLeast(33) && sc?.seLinuxChangePolicy !== undefined) forbid(scPath.child('seLinuxChangePolicy'));
  for (const ref of pod.allContainers()) {
    const csc = ref.container.securityContext;
    if (!csc) continue;
    const at = ref.path.child('securityContext');
    if (csc.appArmorProfile) forbid(at.child('appArmorProfile'));
    if (csc.seLinuxOptions) forbid(at.child('seLinuxOptions'));
    if (csc.seccompProfile) forbid(at.child('seccompProfile'));
    if (csc.capabilities) forbid(at.child('capabilities'));
    if (csc.readOnlyRootFilesystem !== undefined) forbid(at.child('readOnlyRootFilesystem'));
    if (csc.privileged !== undefined) forbid(at.child('privileged'));
    if (csc.allowPrivilegeEscalation !== undefined) forbid(at.child('allowPrivilegeEscalation'));
    if (csc.procMount !== undefined) forbid(at.child('procMount'));
    if (csc.runAsUser !== undefined) forbid(at.child('runAsUser'));
    if (csc.runAsGroup !== undefined) forbid(at.child('runAsGroup'));
  }
  return findings;
}
