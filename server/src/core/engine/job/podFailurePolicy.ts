/**
 * pod_failure_policy.go: matchPodFailurePolicy. Rules are tried in order and the first match decides;
 * an exit code of 0 never matches; no match means the failure counts as usual.
 */
import type { OnExitCodesRequirement, OnPodConditionsPattern, PodFailurePolicy, PodView, ContainerStatusView } from './types';

export interface PodFailurePolicyMatch {
  /** Set when a FailJob rule matched: the Job's failure message. */
  readonly failJobMessage: string | null;
  /** False when an Ignore rule matched: the failure does not count toward backoffLimit. */
  readonly countFailed: boolean;
  /** The matched rule's action, null when no rule matched. */
  readonly action: string | null;
}

const NO_MATCH: PodFailurePolicyMatch = { failJobMessage: null, countFailed: true, action: null };

export function matchPodFailurePolicy(policy: PodFailurePolicy | null, pod: PodView, namespace: string): PodFailurePolicyMatch {
  if (policy === null) return NO_MATCH;
  for (let index = 0; index < policy.rules.length; index++) {
    const rule = policy.rules[index];
    if (rule.onExitCodes) {
      const container = matchOnExitCodes(pod, rule.onExitCodes);
      if (container) {
        const message = `Container ${container.name} for pod ${namespace}/${pod.name} failed with exit code ${container.terminated?.exitCode} matching ${rule.action} rule at index ${index}`;
        const match = decide(rule.action, message);
        if (match) return match;
      }
    } else if (rule.onPodConditions) {
      const condition = matchOnPodConditions(pod, rule.onPodConditions);
      if (condition) {
        const message = `Pod ${namespace}/${pod.name} has condition ${condition} matching ${rule.action} rule at index ${index}`;
        const match = decide(rule.action, message);
        if (match) return match;
      }
    }
  }
  return NO_MATCH;
}

/** The effect of a matched rule; an unknown action falls through to the next rule, as upstream's switch does. */
function decide(action: string, message: string): PodFailurePolicyMatch | undefined {
  switch (action) {
    case 'Ignore':
      return { failJobMessage: null, countFailed: false, action };
    case 'Count':
      return { failJobMessage: null, countFailed: true, action };
    case 'FailJob':
      return { failJobMessage: message, countFailed: true, action };
    case 'FailIndex':
      return { failJobMessage: null, countFailed: true, action };
    default:
      return undefined;
  }
}

/** matchOnExitCodes: containers first, then init containers; the first terminated, non-zero match. */
function matchOnExitCodes(pod: PodView, requirement: OnExitCodesRequirement): ContainerStatusView | undefined {
  return matchingContainer(pod.containerStatuses, requirement) ?? matchingContainer(pod.initContainerStatuses, requirement);
}

function matchingContainer(statuses: readonly ContainerStatusView[], requirement: OnExitCodesRequirement): ContainerStatusView | undefined {
  for (const status of statuses) {
    if (status.terminated === null) continue;
    if (requirement.containerName !== undefined && requirement.containerName !== status.name) continue;
    const code = status.terminated.exitCode;
    if (code !== 0 && operatorMatches(code, requirement)) return status;
  }
  return undefined;
}

function operatorMatches(code: number, requirement: OnExitCodesRequirement): boolean {
  switch (requirement.operator) {
    case 'In':
      return requirement.values.includes(code);
    case 'NotIn':
      return !requirement.values.includes(code);
    default:
      return false;
  }
}

/** matchOnPodConditions: the type of the first pod condition that matches any pattern. */
function matchOnPodConditions(pod: PodView, patterns: readonly OnPodConditionsPattern[]): string | undefined {
  for (const condition of pod.conditions) {
    for (const pattern of patterns) {
      if (condition.type === pattern.type && condition.status === pattern.status) return condition.type;
    }
  }
  return undefined;
}
