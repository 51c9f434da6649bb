import { isDns1123Label } from '../model/names';
import { invalid, required } from './helpers/fieldErrors';
import { isIndexed, jobSpecView } from './helpers/jobSpecFields';
import { nonNegative, notSupportedNamed } from './helpers/listAndLengthErrors';
import type { Rule, RuleFinding } from './rule';

/** validation.go maxParallelismForIndexedJob. */
const MAX_PARALLELISM_INDEXED = 100000;

/**
 * completions, parallelism and completionMode, as pkg/apis/batch/validation/validation.go validateJobSpec
 * checks them (non-negative; completionMode NonIndexed or Indexed; an Indexed Job needs completions and at
 * most 100000 parallel pods), plus ValidateJob's check that the last Indexed pod's hostname
 * `<name>-<completions-1>` is a DNS-1123 label (Jobs only: ValidateJobTemplateSpec has no such check).
 */
export const jobCompletions: Rule = {
  meta: {
    id: 'job-completions',
    severity: 'error',
    kinds: ['Job', 'CronJob'],
    description: 'completions and parallelism must not be negative; completionMode must be NonIndexed or Indexed, and an Indexed Job needs completions, at most 100000 parallelism and a name that leaves room for the pod index.',
  },
  check(context) {
    const view = jobSpecView(context);
    if (view === undefined) return [];
    const { spec, path } = view;
    const findings: RuleFinding[] = [];
    const add = (field: string, message: string | undefined): void => {
      if (message !== undefined) findings.push({ path: [...path, field], message });
    };
    if (spec.parallelism !== undefined) add('parallelism', nonNegative(spec.parallelism));
    if (spec.completions !== undefined) add('completions', nonNegative(spec.completions));
    if (spec.completionMode !== undefined) {
      if (spec.completionMode !== 'NonIndexed' && spec.completionMode !== 'Indexed') {
        add('completionMode', notSupportedNamed(spec.completionMode, ['NonIndexed', 'Indexed'], context.kubernetesVersion));
      }
      if (isIndexed(spec)) {
        if (spec.completions === undefined) add('completions', required('when completion mode is Indexed'));
        if (spec.parallelism !== undefined && spec.parallelism > MAX_PARALLELISM_INDEXED) {
          add('parallelism', invalid(spec.parallelism, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
        }
      }
    }
    // ValidateJob: the controller names Indexed pods' hosts `<job name>-<index>`. A generateName'd Job gets its
    // name before validation; that name is unknown here, so only a written name is checked.
    const name = context.object.metadata?.name;
    if (view.kind === 'Job' && isIndexed(spec) && spec.completions !== undefined && spec.completions > 0 && name) {
      const hostname = `${name}-${spec.completions - 1}`;
      if (isDns1123Label(hostname).length > 0) {
        findings.push({ path: ['metadata', 'name'], message: invalid(name, `will not able to create pod with invalid DNS label: ${hostname}`) });
      }
    }
    return findings;
  },
};
