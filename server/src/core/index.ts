/** The public API of the pure core, shared by the language server, the CLI, tests and benchmarks. */
export type { Finding, Position, Range, Severity } from './findings';
export { lint, lintText, lintParsed, type LintOptions, type LintResult } from './lint';
export { isWorkloadKind, WORKLOAD_KINDS, type WorkloadKind } from './model/types';
export { parseManifests, type ManifestDocument, type ParsedFile } from './parse/parseManifests';
export { DEFAULT_KUBERNETES_VERSION, parseKubernetesVersion } from './kubernetesVersion';
export { allRules, pipelineRules } from './rules';
