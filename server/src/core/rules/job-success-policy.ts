import { goQuote } from '../goFormat';
import type { KubernetesVersion } from '../kubernetesVersion';
import type { Path } from '../parse/path';
import { invalid, required } from './helpers/fieldErrors';
import { isIndexed, jobSpecView, type SuccessPolicy, type SuccessPolicyRule } from './helpers/jobSpecFields';
import { goJsonString, rendersValuesAsJson } from './helpers/goValues';
import { goByteLength, nonNegative, tooLong, tooMany } from './helpers/listAndLengthErrors';
import type { Rule, RuleFinding } from './rule';

/** validation.go maxSuccessPolicyRule, maxJobSuccessPolicySucceededIndexesLimit. */
const MAX_RULES = 20;
const MAX_SUCCEEDED_INDEXES_BYTES = 64 * 1024;

/**
 * spec.successPolicy (feature JobSuccessPolicy): pkg/apis/batch/validation/validation.go validateJobSpec
 * (Indexed completion mode required), validateSuccessPolicy and validateSuccessPolicyRule, with
 * validateIndexesFormat / parseIndexInterval for succeededIndexes.
 *
 * Upstream dereferences spec.completions in the rule checks; an Indexed job template without completions
 * (only a CronJob can send one: a Job's completions are defaulted) makes the API server fail with an internal
 * error there, so those checks are skipped when completions is unset (job-completions reports it missing).
 */
export const jobSuccessPolicy: Rule = {
  meta: {
    id: 'job-success-policy',
    severity: 'error',
    kinds: ['Job', 'CronJob'],
    description: 'successPolicy needs an Indexed Job and 1 to 20 rules, each with succeededIndexes (ascending index intervals below completions) and/or a succeededCount that fits them.',
  },
  check(context) {
    const view = jobSpecView(context);
    const policy = view?.spec.successPolicy;
    if (view === undefined || policy === undefined) return [];
    const policyPath: Path = [...view.path, 'successPolicy'];
    if (!isIndexed(view.spec)) {
      return [{ path: policyPath, message: `Invalid value: ${successPolicyValue(policy, context.kubernetesVersion)}: requires indexed completion mode` }];
    }
    const findings: RuleFinding[] = [];
    const rulesPath: Path = [...policyPath, 'rules'];
    const rules = policy.rules ?? [];
    if (rules.length === 0) findings.push({ path: rulesPath, message: required('at least one rules must be specified when the successPolicy is specified') });
    if (rules.length > MAX_RULES) findings.push({ path: rulesPath, message: tooMany(rules.length, MAX_RULES) });
    rules.forEach((rule, index) => {
      const rulePath: Path = [...rulesPath, index];
      const { succeededIndexes, succeededCount } = rule ?? {};
      if (succeededCount === undefined && succeededIndexes === undefined) {
        findings.push({ path: rulePath, message: required('at least one of succeededCount or succeededIndexes must be specified') });
      }
      const completions = view.spec.completions;
      if (completions === undefined) return;
      let totalIndexes = 0;
      if (succeededIndexes !== undefined) {
        const indexesPath: Path = [...rulePath, 'succeededIndexes'];
        if (goByteLength(succeededIndexes) > MAX_SUCCEEDED_INDEXES_BYTES) {
          findings.push({ path: indexesPath, message: tooLong(MAX_SUCCEEDED_INDEXES_BYTES, context.kubernetesVersion) });
        }
        const parsed = validateIndexesFormat(succeededIndexes, completions);
        if (typeof parsed === 'string') {
          findings.push({ path: indexesPath, message: invalid(succeededIndexes, `error parsing succeededIndexes: ${parsed}`) });
        } else totalIndexes = parsed;
      }
      if (succeededCount !== undefined) {
        const countPath: Path = [...rulePath, 'succeededCount'];
        const negative = nonNegative(succeededCount);
        if (negative !== undefined) findings.push({ path: countPath, message: negative });
        if (succeededCount > completions) {
          findings.push({ path: countPath, message: invalid(succeededCount, `must be less than or equal to ${completions} (the number of specified completions)`) });
        }
        if (succeededIndexes !== undefined && succeededCount > totalIndexes) {
          findings.push({
            path: countPath,
            message: invalid(succeededCount, `must be less than or equal to ${totalIndexes} (the number of indexes in the specified succeededIndexes field)`),
          });
        }
      }
    });
    return findings;
  },
};

/** validateIndexesFormat: the number of indexes, or parseIndexInterval's / the ordering error text. */
export function validateIndexesFormat(indexes: string, completions: number): number | string {
  if (indexes.length === 0) return 0;
  let last: number | undefined;
  let total = 0;
  for (const interval of indexes.split(',')) {
    const parsed = parseIndexInterval(interval, completions);
    if (typeof parsed === 'string') return parsed;
    const [x, y] = parsed;
    if (last !== undefined && last >= x) return `non-increasing order, previous: ${last}, current: ${x}`;
    total += y - x + 1;
    last = y;
  }
  return total;
}

function parseIndexInterval(interval: string, completions: number): [number, number] | string {
  const limits = interval.split('-');
  if (limits.length > 2) {
    return `the fragment ${goQuote(interval)} violates the requirement that an index interval can have at most two parts separated by '-'`;
  }
  const x = goAtoi(limits[0]);
  if (x === undefined) return `cannot convert string to integer for index: ${goQuote(limits[0])}`;
  if (x >= completions) return `too large index: ${goQuote(limits[0])}`;
  if (limits.length === 1) return [x, x];
  const y = goAtoi(limits[1]);
  if (y === undefined) return `cannot convert string to integer for index: ${goQuote(limits[1])}`;
  if (y >= completions) return `too large index: ${goQuote(limits[1])}`;
  if (x >= y) return `non-increasing order, previous: ${x}, current: ${y}`;
  return [x, y];
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.Atoi on a 64-bit platform: optional sign, decimal digits, in int64 range. */
function goAtoi(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  if (value < INT64_MIN || value > INT64_MAX) return undefined;
  return Number(value);
}

/**
 * The bad value of "requires indexed completion mode": the internal batch.SuccessPolicy as ErrorBody prints
 * it. From 1.34 json.Marshal (internal types have no json tags: Go field names; pointers followed); before,
 * Go's %#v, where set pointer fields print as addresses that differ on every request (elided here).
 */
function successPolicyValue(policy: SuccessPolicy, version: KubernetesVersion): string {
  const rules = policy.rules;
  if (rendersValuesAsJson(version)) {
    if (rules === undefined) return '{"Rules":null}';
    const rule = (r: SuccessPolicyRule | undefined): string =>
      `{"SucceededIndexes":${r?.succeededIndexes === undefined ? 'null' : goJsonString(r.succeededIndexes)},"SucceededCount":${r?.succeededCount ?? 'null'}}`;
    return `{"Rules":[${rules.map(rule).join(',')}]}`;
  }
  if (rules === undefined) return 'batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule(nil)}';
  const pointer = (type: string, set: boolean): string => `(*${type})(${set ? '0xc000…' : 'nil'})`;
  const rule = (r: SuccessPolicyRule | undefined): string =>
    `batch.SuccessPolicyRule{SucceededIndexes:${pointer('string', r?.succeededIndexes !== undefined)}, SucceededCount:${pointer('int32', r?.succeededCount !== undefined)}}`;
  return `batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{${rules.map(rule).join(', ')}}}`;
}
