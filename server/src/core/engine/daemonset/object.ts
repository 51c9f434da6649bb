/**
 * The DaemonSet object and its ControllerRevisions as the API server holds them during a run: what
 * `kubectl` changes (set image, rollout undo), what the controller writes (revisions, status), and the
 * Timeline's record of every status write. The simulated cluster keeps pods, nodes and Jobs; a DaemonSet
 * lives here, next to it.
 */
import type { LabelSelector } from '../../model/types';
import type { PodTemplateInfo, Toleration as ClusterToleration } from '../cluster';
import { seconds } from '../cluster';
import type { TimelineStatus } from '../timeline';
import { applyRevisionWrites, templatePatch, type HistoryWrite, type Revision } from './history';
import { daemonPodTolerations } from './scheduling';
import { type DaemonPodSpec, type DaemonSetStatus, type DaemonSetView, type NodeSelectorTerm, type Toleration, type UpdateStrategy } from './types';

export interface DaemonSetInit {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly selector: LabelSelector | undefined;
  readonly template: Record<string, unknown>;
  readonly updateStrategy: UpdateStrategy;
  readonly minReadySeconds: number;
  readonly revisionHistoryLimit: number;
  readonly status: DaemonSetStatus;
}

export class DaemonSetObject {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly selector: LabelSelector | undefined;
  readonly updateStrategy: UpdateStrategy;
  readonly minReadySeconds: number;
  readonly revisionHistoryLimit: number;
  /** metadata.generation: 1 at creation, +1 for every template change (registry strategy PrepareForUpdate). */
  generation = 1;
  deleting = false;
  status: DaemonSetStatus;
  revisions: Revision[] = [];
  /** Every number a revision has had, with its hash: numbers only grow, so a pod's number names its hash for good. */
  readonly hashByRevisionNumber = new Map<number, string>();
  /** The pod labels of each revision's template (pods carry them, plus controller-revision-hash). */
  readonly labelsByHash = new Map<string, Readonly<Record<string, string>>>();
  private templateValue: Record<string, unknown>;
  private templateDataValue: string;
  private podSpecValue: DaemonPodSpec;
  private labelsValue: Readonly<Record<string, string>>;
  private readonly templateInfos = new Map<string, PodTemplateInfo>();

  constructor(
    init: DaemonSetInit,
    private readonly statusHistory: TimelineStatus[],
  ) {
    this.name = init.name;
    this.namespace = init.namespace;
    this.uid = init.uid;
    this.selector = init.selector;
    this.updateStrategy = init.updateStrategy;
    this.minReadySeconds = init.minReadySeconds;
    this.revisionHistoryLimit = init.revisionHistoryLimit;
    this.status = init.status;
    this.templateValue = init.template;
    this.templateDataValue = templatePatch(init.template);
    this.podSpecValue = daemonPodSpecOf(init.template);
    this.labelsValue = labelsOf(init.template);
  }

  get template(): Record<string, unknown> {
    return this.templateValue;
  }

  /** getPatch of the current template: what a matching ControllerRevision's data is. */
  get templateData(): string {
    return this.templateDataValue;
  }

  get podSpec(): DaemonPodSpec {
    return this.podSpecValue;
  }

  /** The template's metadata.labels. */
  get templateLabels(): Readonly<Record<string, string>> {
    return this.labelsValue;
  }

  /** A template change through the API: a new generation (the controller makes the revision on its next sync). */
  setTemplate(template: Record<string, unknown>, now: number): boolean {
    const data = templatePatch(template);
    if (data === this.templateDataValue) return false;
    this.templateValue = template;
    this.templateDataValue = data;
    this.podSpecValue = daemonPodSpecOf(template);
    this.labelsValue = labelsOf(template);
    this.generation++;
    this.record(now);
    return true;
  }

  view(): DaemonSetView {
    return {
      name: this.name,
      namespace: this.namespace,
      uid: this.uid,
      generation: this.generation,
      deleting: this.deleting,
      selector: this.selector,
      podSpec: this.podSpecValue,
      updateStrategy: this.updateStrategy,
      minReadySeconds: this.minReadySeconds,
      revisionHistoryLimit: this.revisionHistoryLimit,
      observedGeneration: this.status.observedGeneration,
    };
  }

  applyHistoryWrites(writes: readonly HistoryWrite[]): void {
    applyRevisionWrites(this, writes, this.hashByRevisionNumber, 'hash');
  }

  /** The current revision: the one whose data match the template (after the controller's constructHistory). */
  currentRevision(): Revision | undefined {
    const data = this.templateDataValue;
    let found: Revision | undefined;
    for (const r of this.revisions) if (r.data === data && (found === undefined || r.revision > found.revision)) found = r;
    return found;
  }

  /** What kubelet and the scheduler need from the pods of a revision (its template, the controller's tolerations added). */
  templateInfo(hash: string, template: Record<string, unknown>): PodTemplateInfo {
    let info = this.templateInfos.get(hash);
    if (info === undefined) {
      info = podTemplateInfoOf(template);
      this.templateInfos.set(hash, info);
    }
    return info;
  }

  writeStatus(status: DaemonSetStatus, now: number): void {
    this.status = status;
    this.record(now);
  }

  /** The status as the Timeline records it (times in seconds), plus metadata.generation for `rollout status`. */
  statusJson(): Record<string, unknown> {
    const s = this.status;
    const current = this.currentRevision();
    return {
      currentNumberScheduled: s.currentNumberScheduled,
      numberMisscheduled: s.numberMisscheduled,
      desiredNumberScheduled: s.desiredNumberScheduled,
      numberReady: s.numberReady,
      observedGeneration: s.observedGeneration,
      updatedNumberScheduled: s.updatedNumberScheduled,
      numberAvailable: s.numberAvailable,
      numberUnavailable: s.numberUnavailable,
      ...(s.collisionCount !== null ? { collisionCount: s.collisionCount } : {}),
      // Not status fields: the object's metadata.generation and current revision number at that moment.
      generation: this.generation,
      revision: current?.revision ?? null,
    };
  }

  private record(now: number): void {
    this.statusHistory.push({ at: seconds(now), object: this.name, kind: 'DaemonSet', status: this.statusJson() });
  }
}


/** The parts of a pod template NodeShouldRunDaemonPod reads. */
export function daemonPodSpecOf(template: Record<string, unknown>): DaemonPodSpec {
  const spec = isRecord(template.spec) ? template.spec : {};
  const nodeSelector: Record<string, string> = {};
  if (isRecord(spec.nodeSelector)) for (const [k, v] of Object.entries(spec.nodeSelector)) if (typeof v === 'string') nodeSelector[k] = v;
  let terms: NodeSelectorTerm[] | null = null;
  const affinity = isRecord(spec.affinity) ? spec.affinity : undefined;
  const nodeAffinity = affinity !== undefined && isRecord(affinity.nodeAffinity) ? affinity.nodeAffinity : undefined;
  const required = nodeAffinity !== undefined && isRecord(nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution) ? nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution : undefined;
  if (required !== undefined) {
    terms = (Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : []).map((term): NodeSelectorTerm => {
      const t = isRecord(term) ? term : {};
      return { matchExpressions: requirementsOf(t.matchExpressions), matchFields: requirementsOf(t.matchFields) };
    });
  }
  return {
    nodeName: typeof spec.nodeName === 'string' ? spec.nodeName : '',
    nodeSelector,
    requiredNodeSelectorTerms: terms,
    tolerations: tolerationsOf(spec.tolerations),
    hostNetwork: spec.hostNetwork === true,
  };
}

function labelsOf(template: Record<string, unknown>): Record<string, string> {
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  const labels: Record<string, string> = {};
  if (isRecord(metadata.labels)) for (const [k, v] of Object.entries(metadata.labels)) if (typeof v === 'string') labels[k] = v;
  return labels;
}

function requirementsOf(value: unknown): NodeSelectorTerm['matchExpressions'] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((r) => ({
    key: typeof r.key === 'string' ? r.key : '',
    operator: typeof r.operator === 'string' ? r.operator : '',
    values: Array.isArray(r.values) ? r.values.map((v) => String(v)) : [],
  }));
}

export function tolerationsOf(value: unknown): Toleration[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((t) => ({
    ...(typeof t.key === 'string' ? { key: t.key } : {}),
    ...(typeof t.operator === 'string' ? { operator: t.operator } : {}),
    ...(typeof t.value === 'string' ? { value: t.value } : {}),
    ...(typeof t.effect === 'string' ? { effect: t.effect } : {}),
  }));
}

/** util.CreatePodTemplate: the template with the controller's tolerations; restartPolicy is Always for a DaemonSet. */
function podTemplateInfoOf(template: Record<string, unknown>): PodTemplateInfo {
  const spec = isRecord(template.spec) ? template.spec : {};
  const podSpec = daemonPodSpecOf(template);
  const containers = Array.isArray(spec.containers) ? spec.containers.filter(isRecord) : [];
  const tolerations: ClusterToleration[] = daemonPodTolerations(podSpec.tolerations, podSpec.hostNetwork);
  return {
    containerNames: containers.length > 0 ? containers.map((c, i) => (typeof c.name === 'string' ? c.name : `container-${i}`)) : ['main'],
    restartPolicy: typeof spec.restartPolicy === 'string' ? spec.restartPolicy : 'Always',
    activeDeadlineSeconds: null,
    terminationGracePeriodSeconds: typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : 30,
    nodeSelector: podSpec.nodeSelector,
    tolerations,
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
