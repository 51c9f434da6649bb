/** The metadata and selector rules, in the order the API server reports their errors (as far as rules allow). */
import { cronJobNameLength } from './cronjob-name-length';
import { daemonSetEmptySelector } from './daemonset-empty-selector';
import { jobNameLabel } from './job-name-label';
import { jobSelector } from './job-selector';
import { labelSelector } from './label-selector';
import { objectMetadata } from './object-metadata';
import { podTemplateMetadata } from './pod-template-metadata';
import type { Rule } from './rule';

export const metadataSelectorRules: readonly Rule[] = [
  objectMetadata,
  cronJobNameLength,
  jobNameLabel,
  podTemplateMetadata,
  labelSelector,
  jobSelector,
  daemonSetEmptySelector,
];
