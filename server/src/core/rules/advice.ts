/** Advice: mistakes the API server accepts but that bite later. Warnings, each its own rule id. */
import { daemonSetResources } from './daemonset-resources';
import { jobParallelism } from './job-parallelism';
import { jobTtlMissing } from './job-ttl-missing';
import { quotedShellCommand } from './quoted-shell-command';
import { cronJobShortStartingDeadline } from './cronjob-short-starting-deadline';
import { unexpandedPlaceholder } from './unexpanded-placeholder';
import { yaml11UnquotedValue } from './yaml11-unquoted-value';
import type { Rule } from './rule';

export const adviceRules: readonly Rule[] = [
  jobTtlMissing,
  cronJobShortStartingDeadline,
  quotedShellCommand,
  unexpandedPlaceholder,
  daemonSetResources,
  jobParallelism,
  yaml11UnquotedValue,
];
