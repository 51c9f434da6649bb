import { num, str } from './helpers/podSpec/errorBodies';
import { isValidPortName, isValidPortNum } from './helpers/podSpec/formats';
import { podContext, type ContainerRef, type PodContext } from './helpers/podSpec/podContext';
import type { Rule, RuleFinding } from './rule';

/**
 * Container ports: names (IANA service names, unique per container), containerPort and hostPort in
 * 1..65535, protocol TCP/UDP/SCTP; host ports unique across the regular containers (and within each init
 * container); with hostNetwork a hostPort, when given, must equal the containerPort.
 * pkg/apis/core/validation/validation.go: validateContainerPorts, AccumulateUniqueHostPorts
 * (checkHostPortConflicts), validatePodHostNetworkDeps.
 */
export const podContainerPorts: Rule = {
  meta: {
    id: 'pod-container-ports',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: 'Container ports: valid and unique port names, port numbers in 1..65535, TCP/UDP/SCTP, no host port used twice, hostPort equal to containerPort with hostNetwork.',
  },
  check(context) {
    const pod = podContext(context);
    if (!pod) return [];
    const findings: RuleFinding[] = [];
    for (const ref of pod.allContainers()) findings.push(...containerPorts(pod, ref));
    // Regular containers share the host's ports; each init container runs alone (upstream checks it as a
    // one-element list, so the path always says initContainers[0]).
    findings.push(...hostPortConflicts(pod, pod.containers('container')));
    for (const ref of pod.containers('init')) findings.push(...hostPortConflicts(pod, [ref], true));
    if (pod.spec.hostNetwork) {
      for (const ref of pod.containers('container')) {
        (ref.container.ports ?? []).forEach((port, i) => {
          const hp = port?.hostPort ?? 0;
          const cp = port?.containerPort ?? 0;
          if (hp !== 0 && hp !== cp) {
            findings.push(ref.path.child('ports').index(i).child('hostPort').finding(pod.errors.invalid(num(hp), 'must match `containerPort` when `hostNetwork` is true')));
          }
        });
      }
    }
    return findings;
  },
};

function containerPorts(pod: PodContext, ref: ContainerRef): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  const names = new Set<string>();
  (ref.container.ports ?? []).forEach((p, i) => {
    const port = p ?? {};
    const path = ref.path.child('ports').index(i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) for (const msg of msgs) findings.push(path.child('name').finding(e.invalid(str(port.name), msg)));
      else if (names.has(port.name)) findings.push(path.child('name').finding(e.duplicate(str(port.name))));
      else names.add(port.name);
    }
    const containerPort = port.containerPort ?? 0;
    if (containerPort === 0) findings.push(path.child('containerPort').finding(e.required()));
    else for (const msg of isValidPortNum(containerPort)) findings.push(path.child('containerPort').finding(e.invalid(num(containerPort), msg)));
    const hostPort = port.hostPort ?? 0;
    if (hostPort !== 0) for (const msg of isValidPortNum(hostPort)) findings.push(path.child('hostPort').finding(e.invalid(num(hostPort), msg)));
    const protocol = port.protocol ?? '';
    if (protocol === '') findings.push(path.child('protocol').finding(e.required()));
    else if (!['TCP', 'UDP', 'SCTP'].includes(protocol)) findings.push(path.child('protocol').finding(e.notSupported(str(protocol), ['SCTP', 'TCP', 'UDP'])));
  });
  return findings;
}

/** AccumulateUniqueHostPorts: `<protocol>/<hostIP>/<hostPort>` seen twice is a Duplicate. */
function hostPortConflicts(pod: PodContext, refs: readonly ContainerRef[], single = false): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const seen = new Set<string>();
  refs.forEach((ref) => {
    (ref.container.ports ?? []).forEach((port, pi) => {
      const hostPort = port?.hostPort ?? 0;
      if (hostPort === 0) return;
      const key = `${port?.protocol ?? ''}/${port?.hostIP ?? ''}/${hostPort}`;
      if (seen.has(key)) {
        const actual = ref.path.child('ports').index(pi).child('hostPort');
        const reported = single ? pod.path.child('initContainers').index(0).child('ports').index(pi).child('hostPort').underline(actual.doc) : actual;
        findings.push(reported.finding(pod.errors.duplicate(str(key))));
      } else seen.add(key);
    });
  });
  return findings;
}
