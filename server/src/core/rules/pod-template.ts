/**
 * The pod template rules: ValidatePodTemplateSpec → ValidatePodSpec (pkg/apis/core/validation/validation.go)
 * as a Job, CronJob job template or DaemonSet pod template reaches it, split by theme. Template metadata and
 * the kind-specific restartPolicy rules live elsewhere.
 */
import { podAffinity } from './pod-affinity';
import { podContainerPorts } from './pod-container-ports';
import { podContainers } from './pod-containers';
import { podDns } from './pod-dns';
import { podEnv } from './pod-env';
import { podEphemeralContainers } from './pod-ephemeral-containers';
import { podLifecycle } from './pod-lifecycle';
import { podProbes } from './pod-probes';
import { podQuantitySyntax } from './pod-quantity-syntax';
import { podResources } from './pod-resources';
import { podRestartPolicy } from './pod-restart-policy';
import { podScheduling } from './pod-scheduling';
import { podSecurityContext } from './pod-security-context';
import { podSpecFields } from './pod-spec-fields';
import { podTolerations } from './pod-tolerations';
import { podVolumeMounts } from './pod-volume-mounts';
import { podVolumes } from './pod-volumes';
import type { Rule } from './rule';

export const podTemplateRules: readonly Rule[] = [
  podContainers,
  podEphemeralContainers,
  podContainerPorts,
  podEnv,
  podResources,
  podQuantitySyntax,
  podVolumes,
  podVolumeMounts,
  podProbes,
  podLifecycle,
  podRestartPolicy,
  podDns,
  podScheduling,
  podAffinity,
  podTolerations,
  podSecurityContext,
  podSpecFields,
];
