import { jobSpecOf, jobSpecPath } from './helpers/workloadPaths';
import { jobAdvice } from './messages/jobAdvice';
import type { Rule, RuleFinding } from './rule';

/** Above this many indexes, one shared backoffLimit makes a few failing indexes fail the whole Job. */
const MANY_INDEXES = 1000;

/**
 * Job sizing the API server accepts but that does not do what it seems to. manageJob never runs more pods
 * than the completions still missing (pkg/controller/job/job_controller.go: wantActive = min(parallelism,
 * completions - succeeded)); with one backoffLimit for all indexes, failures anywhere add up.
 */
export const jobParallelism: Rule = {
  meta: {
    id: 'job-parallelism',
    severity: 'warning',
    kinds: ['Job', 'CronJob'],
    description: 'parallelism above completions, or a very large Indexed Job without backoffLimitPerIndex.',
  },
  check({ object, locale }) {
    const spec = jobSpecOf(object);
    const base = jobSpecPath(object);
    const findings: RuleFinding[] = [];
    if (spec?.completions !== undefined && spec.parallelism !== undefined && spec.parallelism > spec.completions) {
      findings.push({
        path: [...base, 'parallelism'],
        message: jobAdvice.t(locale, 'parallelismAboveCompletions', { parallelism: spec.parallelism, completions: spec.completions }),
        fixes: [{ title: jobAdvice.t(locale, 'parallelismFix', { completions: spec.completions }), changes: [{ op: 'set', path: [...base, 'parallelism'], value: spec.completions }] }],
      });
    }
    if (spec?.completionMode === 'Indexed' && (spec.completions ?? 0) >= MANY_INDEXES && spec.backoffLimitPerIndex === undefined) {
      findings.push({
        path: [...base, 'completions'],
        message: jobAdvice.t(locale, 'indexedSharedBackoff', {
          completions: String(spec.completions),
          backoffLimit: String(spec.backoffLimit),
          failures: (spec.backoffLimit ?? 6) + 1,
        }),
      });
    }
    return findings;
  },
};
