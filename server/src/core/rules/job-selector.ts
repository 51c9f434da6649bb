import { goStringMap } from '../goFormat';
import type { Labels } from '../model/types';
import type { Path } from '../parse/path';
import { notSupported, required } from './helpers/fieldErrors';
import {
  CONTROLLER_UID_LABEL,
  JOB_NAME_LABEL,
  LEGACY_CONTROLLER_UID_LABEL,
  LEGACY_JOB_NAME_LABEL,
  UID_PLACEHOLDER,
  jobServerView,
  showPlaceholders,
} from './helpers/jobServerView';
import { goLabelSelector, selectorConverts, selectorSelects } from './helpers/labelSelectorChecks';
import type { Rule, RuleFinding } from './rule';

/**
 * The selector rules of Jobs and CronJob job templates (pkg/apis/batch/validation/validation.go), on create:
 * Job (after pkg/registry/batch/job/strategy.go generateSelector, unless manualSelector: true):
 * - validateGeneratedSelector: the template must keep the generated controller-uid / job-name labels
 *   (ValidateHasLabel: a label the user set to another value → `spec.template.metadata.labels[<key>]:
 *   Invalid value: <labels>: must be '<value>'`), and the selector — the user's, plus the generated
 *   batch.kubernetes.io/controller-uid — must select exactly those generated labels, else
 *   `spec.selector: Invalid value: <selector>: \`selector\` not auto-generated`: a spec.selector written
 *   without manualSelector: true fails unless it only asks for the generated labels;
 * - ValidateJobSpec: with manualSelector: true the selector is required (`spec.selector: Required value`)
 *   and must select the template's labels (a nil selector selects nothing), else
 *   `spec.template.metadata.labels: Invalid value: map[...]: \`selector\` does not match template \`labels\``.
 * The selector's own syntax is the label-selector rule's.
 * CronJob (ValidateJobTemplateSpec): jobTemplate.spec.selector must not be set (`\`selector\` will be
 * auto-generated`) and jobTemplate.spec.manualSelector must not be true.
 * Messages that contain the uid the API server assigns on create show it as <uid>.
 */
export const jobSelector: Rule = {
  meta: {
    id: 'job-selector',
    severity: 'error',
    kinds: ['Job', 'CronJob'],
    description: 'A Job sets spec.selector only with manualSelector: true, and that selector must select its pod template; a CronJob job template sets neither.',
  },
  check({ written }) {
    if (written.kind === 'CronJob') {
      const spec = written.spec?.jobTemplate?.spec;
      const findings: RuleFinding[] = [];
      if (spec?.selector !== undefined) {
        findings.push({
          path: ['spec', 'jobTemplate', 'spec', 'selector'],
          part: 'key',
          message: `Invalid value: ${goLabelSelector(spec.selector)}: \`selector\` will be auto-generated`,
        });
      }
      if (spec?.manualSelector === true) {
        findings.push({ path: ['spec', 'jobTemplate', 'spec', 'manualSelector'], message: notSupported(true, ['nil', 'false']) });
      }
      return findings;
    }
    if (written.kind !== 'Job') return [];

    const view = jobServerView(written);
    const findings: RuleFinding[] = [];
    const labelsPath: Path = ['spec', 'template', 'metadata', 'labels'];
    const writtenTemplateLabels = written.spec?.template?.metadata?.labels ?? {};

    if (!view.manualSelector) {
      const expected: Labels = {
        [LEGACY_CONTROLLER_UID_LABEL]: UID_PLACEHOLDER,
        [LEGACY_JOB_NAME_LABEL]: view.name,
        [CONTROLLER_UID_LABEL]: UID_PLACEHOLDER,
        [JOB_NAME_LABEL]: view.name,
      };
      for (const key of [LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL, CONTROLLER_UID_LABEL, JOB_NAME_LABEL]) {
        if (!Object.prototype.hasOwnProperty.call(writtenTemplateLabels, key) || writtenTemplateLabels[key] === expected[key]) continue;
        findings.push({
          path: [...labelsPath, key],
          fieldPath: `spec.template.metadata.labels[${key}]`,
          message: showPlaceholders(`Invalid value: ${goStringMap(view.templateLabels)}: must be '${expected[key]}'`),
        });
      }
      if (view.selector && selectorConverts(view.selector) && !selectorSelects(view.selector, expected)) {
        findings.push({
          path: ['spec', 'selector'],
          part: 'key',
          message: showPlaceholders(`Invalid value: ${goLabelSelector(view.selector)}: \`selector\` not auto-generated`),
        });
      }
    }

    if (view.selector === undefined) {
      findings.push({ path: ['spec', 'manualSelector'], fieldPath: 'spec.selector', message: required() });
    }
    if (selectorConverts(view.selector) && !selectorSelects(view.selector, view.templateLabels)) {
      findings.push({
        path: labelsPath,
        part: 'key',
        message: showPlaceholders(`Invalid value: ${goStringMap(view.templateLabels)}: \`selector\` does not match template \`labels\``),
      });
    }
    return findings;
  },
};
