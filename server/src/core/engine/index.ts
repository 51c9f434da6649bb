/**
 * The dry-run engine: simulate(manifest, scenario, options) replays what the controllers would do with an
 * object, deterministically, and returns a Timeline; the views render kubectl tables from a Timeline.
 * Controllers for more kinds plug in through the Controller and WorkloadSimulator interfaces.
 */
export { simulate, formatSimulationProblem, WORKLOAD_SIMULATORS, type SimulateOptions, type SimulateResult, type SimulationProblem } from './simulate';
export { parseScenario, formatProblem, DEFAULT_START_TIME, type Scenario, type ScenarioProblem, type ScenarioParseResult, type ScenarioOptions } from './scenario';
export { applyWhatIf, templateRestartPolicy, type WhatIfOptions } from './applyWhatIf';
export { describeScenario } from './scenarioSummary';
export type { WhatIf } from './whatIf';
export { DEFAULT_LIMITS, type SimulationLimits, type SimulationProgress, type StopReason } from './simulation';
export type { Controller, ControllerSyncResult, WorkQueue } from './controller';
export type { WorkloadSimulator, WorkloadContext, WorkloadRun } from './workload';
export type * from './timeline';
export { TIMELINE_SCHEMA_VERSION } from './timeline';
export { getJobs, getPods, jobRows, podRows, JOB_COLUMNS, POD_COLUMNS, type ViewOptions, type PodViewOptions } from './views/kubectl';
export { humanDuration, shortHumanDuration } from './views/humanDuration';
export { formatTable } from './views/table';
export { renderGantt, type GanttOptions } from './views/gantt';
export { CRONJOB_COLUMNS, cronJobRow, getCronJobs } from './views/cronjob';
export { DAEMONSET_COLUMNS, daemonSetRows, formatLabels, getDaemonSets, rolloutStatusAt, rolloutStatusLines } from './views/daemonset';
export { DEPLOYMENT_COLUMNS, deploymentRows, deploymentRolloutStatusLines, deploymentStatusViewer, getDeployments } from './views/deployment';
export { REPLICASET_COLUMNS, getReplicaSets, replicaSetRows } from './views/replicaset';
export { STATEFULSET_COLUMNS, getStatefulSets, statefulSetRolloutStatusLines, statefulSetRows, statefulSetStatusViewer } from './views/statefulset';
export { claimNamesAt, getPersistentVolumeClaimNames } from './views/persistentVolumeClaim';
export { watchRollout, watchOutput, type RolloutWatch, type StatusViewer } from './views/rolloutWatch';
export { appsKubectlAt, type KubectlOutput } from './views/appsKubectl';
export { jobFeaturesFor } from './job/controller';
export type { JobFeatures } from './job/types';
