/**
 * Which nodes should run a daemon pod: daemon_controller.go NodeShouldRunDaemonPod and predicates, with
 * the tolerations the controller adds (util/daemonset_util.go AddOrUpdateDaemonPodTolerations), toleration
 * matching (k8s.io/api/core/v1 toleration.go ToleratesTaint, component-helpers FindMatchingUntoleratedTaint)
 * and required node affinity (component-helpers/scheduling/corev1/nodeaffinity GetRequiredNodeAffinity).
 *
 * Not considered, as upstream does not consider them: node resources, host ports (left to the scheduler),
 * node.spec.unschedulable (the controller adds a toleration for its taint), node conditions (only the taints
 * the node lifecycle controller derives from them matter), preferred affinity.
 */
import type { DaemonPodSpec, NodeSelectorRequirement, NodeSelectorTerm, NodeView, Placement, Taint, Toleration } from './types';

export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NODE_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_NODE_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_NODE_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_NODE_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

/**
 * AddOrUpdateDaemonPodTolerations: not-ready and unreachable (NoExecute, so taint-based eviction leaves
 * daemon pods alone), disk/memory/pid pressure and unschedulable (NoSchedule, TaintNodesByCondition), and
 * network-unavailable (NoSchedule) for hostNetwork pods only. All `operator: Exists`, no tolerationSeconds.
 */
export function daemonPodTolerations(written: readonly Toleration[], hostNetwork: boolean): Toleration[] {
  let tolerations = [...written];
  const add = (key: string, effect: string): void => {
    tolerations = addOrUpdateToleration(tolerations, { key, operator: 'Exists', effect });
  };
  add(TAINT_NODE_NOT_READY, 'NoExecute');
  add(TAINT_NODE_UNREACHABLE, 'NoExecute');
  add(TAINT_NODE_DISK_PRESSURE, 'NoSchedule');
  add(TAINT_NODE_MEMORY_PRESSURE, 'NoSchedule');
  add(TAINT_NODE_PID_PRESSURE, 'NoSchedule');
  add(TAINT_NODE_UNSCHEDULABLE, 'NoSchedule');
  if (hostNetwork) add(TAINT_NODE_NETWORK_UNAVAILABLE, 'NoSchedule');
  return tolerations;
}

/**
 * pkg/apis/core/v1/helper AddOrUpdateTolerationInPodSpec: a toleration with the same key, operator, value
 * and effect (MatchToleration) is replaced, otherwise the new one is appended.
 */
function addOrUpdateToleration(tolerations: readonly Toleration[], toleration: Toleration): Toleration[] {
  let updated = false;
  const out: Toleration[] = [];
  for (const existing of tolerations) {
    if (sameToleration(existing, toleration)) {
      out.push(toleration);
      updated = true;
    } else {
      out.push(existing);
    }
  }
  if (!updated) out.push(toleration);
  return out;
}

function sameToleration(a: Toleration, b: Toleration): boolean {
  return (a.key ?? '') === (b.key ?? '') && (a.operator ?? '') === (b.operator ?? '') && (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '');
}

/** core/v1 Toleration.ToleratesTaint. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if ((toleration.effect ?? '') !== '' && toleration.effect !== taint.effect) return false;
  if ((toleration.key ?? '') !== '' && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** component-helpers FindMatchingUntoleratedTaint: the first taint passing `include` that no toleration tolerates. */
export function findUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[], include: (taint: Taint) => boolean): Taint | undefined {
  for (const taint of taints) {
    if (!include(taint)) continue;
    if (!tolerations.some((t) => toleratesTaint(t, taint))) return taint;
  }
  return undefined;
}

const NO_SCHEDULE_OR_EXECUTE = (taint: Taint): boolean => taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';
const NO_EXECUTE = (taint: Taint): boolean => taint.effect === 'NoExecute';

/**
 * nodeaffinity.GetRequiredNodeAffinity(pod).Match(node): spec.nodeSelector (every pair equal to a node label)
 * AND the required node selector terms (ORed; inside a term everything ANDed). Terms that do not parse are
 * dropped, as the controller ignores parse errors "for backwards compatibility" (predicates).
 */
export function matchesRequiredNodeAffinity(spec: DaemonPodSpec, node: NodeView): boolean {
  for (const key of Object.keys(spec.nodeSelector)) {
    if (!Object.prototype.hasOwnProperty.call(node.labels, key) || node.labels[key] !== spec.nodeSelector[key]) return false;
  }
  const terms = spec.requiredNodeSelectorTerms;
  if (terms === null) return true;
  return terms.some((term) => termMatches(term, node));
}

/** nodeaffinity nodeSelectorTerm.match: an empty term (or one that does not parse) matches nothing. */
function termMatches(term: NodeSelectorTerm, node: NodeView): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return false;
  for (const requirement of expressions) {
    const result = labelRequirementMatches(requirement, node.labels);
    if (result !== true) return false;
  }
  for (const requirement of fields) {
    // Only metadata.name with In/NotIn and exactly one value parses (nodeaffinity newNodeSelectorTerm).
    if (requirement.key !== 'metadata.name') return false;
    const values = requirement.values ?? [];
    if (values.length !== 1) return false;
    if (requirement.operator === 'In') {
      if (node.name !== values[0]) return false;
    } else if (requirement.operator === 'NotIn') {
      if (node.name === values[0]) return false;
    } else {
      return false;
    }
  }
  return true;
}

/**
 * labels.Requirement.Matches for a NodeSelectorRequirement (NodeSelectorRequirementsAsSelector): In/NotIn
 * need values; Exists/DoesNotExist none; Gt/Lt exactly one integer, compared with the label parsed as an
 * integer (a label that does not parse does not match). Returns 'invalid' when the requirement does not parse.
 */
function labelRequirementMatches(requirement: NodeSelectorRequirement, labels: Readonly<Record<string, string>>): boolean | 'invalid' {
  const values = requirement.values ?? [];
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  switch (requirement.operator) {
    case 'In':
      if (values.length === 0) return 'invalid';
      return has && values.includes(labels[requirement.key]);
    case 'NotIn':
      if (values.length === 0) return 'invalid';
      return !has || !values.includes(labels[requirement.key]);
    case 'Exists':
      if (values.length > 0) return 'invalid';
      return has;
    case 'DoesNotExist':
      if (values.length > 0) return 'invalid';
      return !has;
    case 'Gt':
    case 'Lt': {
      if (values.length !== 1) return 'invalid';
      const bound = parseGoInt64(values[0]);
      if (bound === undefined) return 'invalid';
      if (!has) return false;
      const value = parseGoInt64(labels[requirement.key]);
      if (value === undefined) return false;
      return requirement.operator === 'Gt' ? value > bound : value < bound;
    }
    default:
      return 'invalid';
  }
}

/** strconv.ParseInt(s, 10, 64), as a bigint so large values compare exactly. */
function parseGoInt64(text: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  if (value > 9223372036854775807n || value < -9223372036854775808n) return undefined;
  return value;
}

const NEITHER: Placement = { shouldRun: false, shouldContinueRunning: false };
const BOTH: Placement = { shouldRun: true, shouldContinueRunning: true };
const CONTINUE_ONLY: Placement = { shouldRun: false, shouldContinueRunning: true };

/**
 * NodeShouldRunDaemonPod(node, ds): NewPod (the template, spec.nodeName = node, the default tolerations),
 * then
 *   - template spec.nodeName set to another node → (false, false);
 *   - predicates: required node affinity does not fit → (false, false);
 *   - an untolerated NoSchedule/NoExecute taint → shouldRun false, and shouldContinueRunning only while no
 *     untolerated NoExecute taint is among them (a NoSchedule taint keeps running pods, NoExecute evicts);
 *   - otherwise (true, true).
 * `tolerations` are the pod's tolerations with the defaults already added (daemonPodTolerations).
 */
export function nodeShouldRunDaemonPod(node: NodeView, spec: DaemonPodSpec, tolerations: readonly Toleration[]): Placement {
  if (!(spec.nodeName === '' || spec.nodeName === node.name)) return NEITHER;
  if (!matchesRequiredNodeAffinity(spec, node)) return NEITHER;
  if (findUntoleratedTaint(node.taints, tolerations, NO_SCHEDULE_OR_EXECUTE) !== undefined) {
    return findUntoleratedTaint(node.taints, tolerations, NO_EXECUTE) === undefined ? CONTINUE_ONLY : NEITHER;
  }
  return BOTH;
}

/** A daemon pod's spec with its tolerations resolved once: what every per-node decision of a sync shares. */
export class PlacementPolicy {
  readonly tolerations: readonly Toleration[];

  constructor(readonly spec: DaemonPodSpec) {
    this.tolerations = daemonPodTolerations(spec.tolerations, spec.hostNetwork);
  }

  placement(node: NodeView): Placement {
    return nodeShouldRunDaemonPod(node, this.spec, this.tolerations);
  }
}

/** addNode (through syncNodeUpdate in newer releases): a new node wakes the DaemonSet only if it should run there. */
export function nodeAddNeedsSync(node: NodeView, policy: PlacementPolicy): boolean {
  return policy.placement(node).shouldRun;
}

/**
 * updateNode: shouldIgnoreNodeUpdate (labels and taints unchanged) → no sync; otherwise a sync when either
 * answer of NodeShouldRunDaemonPod changed.
 */
export function nodeUpdateNeedsSync(oldNode: NodeView, newNode: NodeView, policy: PlacementPolicy): boolean {
  if (shouldIgnoreNodeUpdate(oldNode, newNode)) return false;
  const before = policy.placement(oldNode);
  const after = policy.placement(newNode);
  return before.shouldRun !== after.shouldRun || before.shouldContinueRunning !== after.shouldContinueRunning;
}

/** shouldIgnoreNodeUpdate: only labels and taints matter to NodeShouldRunDaemonPod. */
export function shouldIgnoreNodeUpdate(oldNode: NodeView, newNode: NodeView): boolean {
  return sameLabels(oldNode.labels, newNode.labels) && sameTaints(oldNode.taints, newNode.taints);
}

function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && a[key] === b[key]);
}

function sameTaints(a: readonly Taint[], b: readonly Taint[]): boolean {
  return a.length === b.length && a.every((t, i) => t.key === b[i].key && (t.value ?? '') === (b[i].value ?? '') && t.effect === b[i].effect);
}
