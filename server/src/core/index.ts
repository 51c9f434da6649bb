/** The public API of the pure core, shared by the language server, the CLI, tests and benchmarks. */
export type { Finding, Position, Range, Severity } from './findings';
export type { Fix, TextEdit } from './parse/edits';
export { lint, lintText, lintParsed, type LintOptions, type LintResult } from './lint';
export { isWorkloadKind, WORKLOAD_KINDS, type WorkloadKind } from './model/types';
export { documentAt, parseManifests, type ManifestDocument, type ParsedFile } from './parse/parseManifests';
export { explainField, fieldsAt, type FieldExplanation } from './explain';
export { formatPath, parsePath, type Path } from './parse/path';
export { DEFAULT_KUBERNETES_VERSION, parseKubernetesVersion } from './kubernetesVersion';
export { allRules, pipelineRules } from './rules';
export { completeAt, type CompletionCandidate } from './complete';
export { describeSchedule, isKnownTimeZone, nextTimes, parseSchedule, validateScheduleFormat, validateTimeZone } from './cron';
export { scheduleInsight, type InsightOptions, type ScheduleInsight, type ScheduleRun } from './scheduleInsight';
export * from './engine';
export { checkScenarioText, locateScenarioProblem, readScenarioText, type LocatedProblem, type ScenarioText } from './scenarioText';
export { rangeFor } from './lint';
export { formatDuration } from './durations';
export { parseDuration, parseRfc3339, startTimeFromClock, RFC3339_END_MS, RFC3339_FIRST_MS, RFC3339_RANGE } from './engine/time';
