import type { KubernetesVersion } from '../kubernetesVersion';
import { isDns1123Subdomain, maxLenError, regexError } from '../model/names';
import type { Path } from '../parse/path';
import { invalid, required } from './helpers/fieldErrors';
import { jobSpecView, podConditionStatus, type OnExitCodes, type OnPodConditionsPattern, type PodFailurePolicyRule, type TypedJobSpec } from './helpers/jobSpecFields';
import { duplicate, goByteLength, int32SliceValue, invalidOmitValue, notSupportedNamed, tooMany } from './helpers/listAndLengthErrors';
import type { Rule, RuleFinding } from './rule';

/** validation.go maxPodFailurePolicyRules, maxPodFailurePolicyOnExitCodesValues, maxPodFailurePolicyOnPodConditionsPatterns. */
const MAX_RULES = 20;
const MAX_EXIT_CODE_VALUES = 255;
const MAX_POD_CONDITION_PATTERNS = 20;

/** sets.List order (sorted), as the messages print them. */
const ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const OPERATORS = ['In', 'NotIn'];
const STATUSES = ['False', 'True', 'Unknown'];

/**
 * spec.podFailurePolicy: pkg/apis/batch/validation/validation.go validatePodFailurePolicy,
 * validatePodFailurePolicyRule, validatePodFailurePolicyRuleOnExitCodes and
 * validatePodFailurePolicyRuleOnPodConditions, in their order; then validateJobSpec's last restartPolicy
 * branch: with a podFailurePolicy the (valid) restartPolicy OnFailure is rejected, only Never is allowed.
 * (Always, empty or unknown restartPolicy values are job-restart-policy's.)
 */
export const jobPodFailurePolicy: Rule = {
  meta: {
    id: 'job-pod-failure-policy',
    severity: 'error',
    kinds: ['Job', 'CronJob'],
    description: 'podFailurePolicy rules must be well formed (action, onExitCodes or onPodConditions, sorted unique exit codes, known containers) and need restartPolicy Never.',
  },
  check(context) {
    const view = jobSpecView(context);
    const policy = view?.spec.podFailurePolicy;
    if (view === undefined || policy === undefined) return [];
    const findings: RuleFinding[] = [];
    const add = (path: Path, message: string): void => {
      findings.push({ path, message });
    };
    const policyPath: Path = [...view.path, 'podFailurePolicy'];
    const rules = policy.rules ?? [];
    if (rules.length > MAX_RULES) add([...policyPath, 'rules'], tooMany(rules.length, MAX_RULES));
    const containerNames = new Set<string>();
    for (const container of [...(view.podSpec?.containers ?? []), ...(view.podSpec?.initContainers ?? [])]) {
      containerNames.add(container.name ?? '');
    }
    rules.forEach((rule, index) => checkRule(view.spec, rule ?? {}, [...policyPath, 'rules', index], containerNames, context.kubernetesVersion, add));
    if (view.podSpec?.restartPolicy === 'OnFailure') {
      add([...view.path, 'template', 'spec', 'restartPolicy'], invalid('OnFailure', 'only "Never" is supported when podFailurePolicy is specified'));
    }
    return findings;
  },
};

type Add = (path: Path, message: string) => void;

function checkRule(
  spec: TypedJobSpec,
  rule: PodFailurePolicyRule,
  rulePath: Path,
  containerNames: ReadonlySet<string>,
  version: KubernetesVersion,
  add: Add,
): void {
  const action = rule.action ?? '';
  const actionPath = [...rulePath, 'action'];
  if (action === '') add(actionPath, required(`valid values: ${goQuotedList(ACTIONS)}`));
  else if (action === 'FailIndex') {
    if (spec.backoffLimitPerIndex === undefined) add(actionPath, invalid(action, 'requires the backoffLimitPerIndex to be set'));
  } else if (!ACTIONS.includes(action)) add(actionPath, notSupportedNamed(action, ACTIONS, version));
  const patterns = rule.onPodConditions ?? [];
  if (rule.onExitCodes !== undefined) checkOnExitCodes(rule.onExitCodes, [...rulePath, 'onExitCodes'], containerNames, version, add);
  if (patterns.length > 0) checkOnPodConditions(patterns, [...rulePath, 'onPodConditions'], version, add);
  if (rule.onExitCodes !== undefined && patterns.length > 0) {
    add(rulePath, invalidOmitValue('specifying both OnExitCodes and OnPodConditions is not supported'));
  }
  if (rule.onExitCodes === undefined && patterns.length === 0) {
    add(rulePath, invalidOmitValue('specifying one of OnExitCodes and OnPodConditions is required'));
  }
}

function checkOnExitCodes(onExitCodes: OnExitCodes, path: Path, containerNames: ReadonlySet<string>, version: KubernetesVersion, add: Add): void {
  const operator = onExitCodes.operator ?? '';
  if (operator === '') add([...path, 'operator'], required(`valid values: ${goQuotedList(OPERATORS)}`));
  else if (!OPERATORS.includes(operator)) add([...path, 'operator'], notSupportedNamed(operator, OPERATORS, version));
  const { containerName, values } = onExitCodes;
  if (containerName !== undefined && !containerNames.has(containerName)) {
    add([...path, 'containerName'], invalid(containerName, 'must be one of the container or initContainer names in the pod template'));
  }
  const valuesPath = [...path, 'values'];
  const list = values ?? [];
  if (list.length === 0) add(valuesPath, `Invalid value: ${int32SliceValue(values, version)}: at least one value is required`);
  else if (list.length > MAX_EXIT_CODE_VALUES) add(valuesPath, tooMany(list.length, MAX_EXIT_CODE_VALUES));
  let ordered = true;
  const seen = new Set<number>();
  list.forEach((value, index) => {
    if (operator === 'In' && value === 0) add([...valuesPath, index], invalid(value, 'must not be 0 for the In operator'));
    if (seen.has(value)) add([...valuesPath, index], duplicate(value));
    else seen.add(value);
    if (index > 0 && list[index - 1] > value) ordered = false;
  });
  if (!ordered) add(valuesPath, `Invalid value: ${int32SliceValue(list, version)}: must be ordered`);
}

function checkOnPodConditions(patterns: readonly OnPodConditionsPattern[], path: Path, version: KubernetesVersion, add: Add): void {
  if (patterns.length > MAX_POD_CONDITION_PATTERNS) add(path, tooMany(patterns.length, MAX_POD_CONDITION_PATTERNS));
  patterns.forEach((pattern, index) => {
    const type = pattern?.type ?? '';
    for (const detail of qualifiedNameErrors(type)) add([...path, index, 'type'], invalid(type, detail));
    const status = podConditionStatus(pattern ?? {});
    if (!STATUSES.includes(status)) add([...path, index, 'status'], notSupportedNamed(status, STATUSES, version));
  });
}

/** Go's fmt %q of a []string: `["A" "B"]`. */
function goQuotedList(values: readonly string[]): string {
  return `[${values.map((value) => JSON.stringify(value)).join(' ')}]`;
}

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const QUALIFIED_NAME_MAX = 63;
const QUALIFIED_NAME_REGEX_ERROR = regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc');

/** staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go IsQualifiedName (ValidateQualifiedName's messages). */
function qualifiedNameErrors(value: string): string[] {
  const errors: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errors.push('prefix part must be non-empty');
    else errors.push(...isDns1123Subdomain(prefix).map((message) => `prefix part ${message}`));
  } else {
    return [`a qualified name ${QUALIFIED_NAME_REGEX_ERROR} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errors.push('name part must be non-empty');
  else if (goByteLength(name) > QUALIFIED_NAME_MAX) errors.push(`name part ${maxLenError(QUALIFIED_NAME_MAX)}`);
  if (!QUALIFIED_NAME_RE.test(name)) errors.push(`name part ${QUALIFIED_NAME_REGEX_ERROR}`);
  return errors;
}
