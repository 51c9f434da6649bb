/** Where the pod template and the job spec live in each workload kind. */
import type { Path } from '../../parse/path';
import type { JobSpec, PodTemplateSpec, Workload } from '../../model/types';

export function jobSpecPath(object: Workload): Path {
  return object.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec'] : ['spec'];
}

export function jobSpecOf(object: Workload): JobSpec | undefined {
  if (object.kind === 'CronJob') return object.spec?.jobTemplate?.spec;
  if (object.kind === 'Job') return object.spec;
  return undefined;
}

export function podTemplatePath(object: Workload): Path {
  return object.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template'] : ['spec', 'template'];
}

export function podTemplateOf(object: Workload): PodTemplateSpec | undefined {
  return object.kind === 'CronJob' ? object.spec?.jobTemplate?.spec?.template : object.spec?.template;
}
