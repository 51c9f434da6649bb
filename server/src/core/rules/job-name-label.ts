import { invalidString, labelProblems, labelValueErrors } from './helpers/labelSyntax';
import { JOB_NAME_LABEL, LEGACY_JOB_NAME_LABEL, jobServerView } from './helpers/jobServerView';
import type { Rule, RuleFinding } from './rule';

/**
 * A Job's name becomes the value of the job-name and batch.kubernetes.io/job-name labels that
 * pkg/registry/batch/job/strategy.go generateSelector adds to its pod template on create (unless
 * manualSelector: true or the template already has them), so ValidatePodTemplateSpec's ValidateLabels
 * checks the name as a label value: a name longer than 63 fails with
 * `spec.template.labels: Invalid value: "<name>": must be no more than 63 characters` ("bytes" from 1.35).
 * When the Job has no labels of its own, SetDefaults_Job made metadata.labels the same map as the template's
 * (if the template has a labels map at all), so ValidateObjectMeta reports it at metadata.labels first.
 * The two generated labels give identical errors, which the API server's ErrorList.ToAggregate merges.
 */
export const jobNameLabel: Rule = {
  meta: {
    id: 'job-name-label',
    severity: 'error',
    kinds: ['Job'],
    description: "A Job's name must be a valid label value (at most 63 characters): the API server copies it into the job-name labels of its pod template.",
  },
  check({ written, kubernetesVersion }) {
    if (written.kind !== 'Job') return [];
    const view = jobServerView(written);
    if (view.manualSelector || !view.nameKnown) return [];
    const nameLabels = view.generatedLabelKeys.filter((key) => key === LEGACY_JOB_NAME_LABEL || key === JOB_NAME_LABEL);
    if (nameLabels.length === 0) return [];
    // Messages the user's own template labels already produce at the same path are merged away.
    const userMessages = new Set(labelProblems(written.spec?.template?.metadata?.labels, kubernetesVersion).map((p) => p.message));
    const messages = [...new Set(labelValueErrors(view.name, kubernetesVersion).map((detail) => invalidString(view.name, detail)))].filter(
      (message) => !userMessages.has(message),
    );
    const findings: RuleFinding[] = [];
    if (view.sharesTemplateLabels) {
      for (const message of messages) findings.push({ path: ['metadata', 'name'], fieldPath: 'metadata.labels', message });
    }
    for (const message of messages) findings.push({ path: ['metadata', 'name'], fieldPath: 'spec.template.labels', message });
    return findings;
  },
};
