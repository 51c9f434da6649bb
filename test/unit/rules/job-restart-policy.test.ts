import { piJob } from '../../fixtures/manifests';
import { flowCronJob, runRuleTests, yaml } from './ruleTester';

const REQUIRED = 'Required value: valid values: "OnFailure", "Never"';

// Cases after pkg/apis/batch/validation/validation_test.go TestValidateJob ("spec.template.spec.restartPolicy"
// with RestartPolicyAlways → FieldValueRequired) and validateJobSpec's NotSupported branch.
runRuleTests('job-restart-policy', {
  valid: [
    { name: 'OnFailure', yaml: piJob('      restartPolicy: OnFailure') },
    { name: 'Never', yaml: piJob('      restartPolicy: Never') },
    { name: 'CronJob with Never', yaml: flowCronJob({ restartPolicy: 'Never' }) },
  ],
  invalid: [
    {
      name: 'Always is the pod default and not allowed',
      yaml: piJob('      restartPolicy: Always'),
      findings: [{ fieldPath: 'spec.template.spec.restartPolicy', message: REQUIRED, line: 11 }],
    },
    {
      name: 'missing defaults to Always: points at the template spec',
      yaml: piJob(''),
      findings: [{ fieldPath: 'spec.template.spec.restartPolicy', message: REQUIRED, line: 7 }],
    },
    {
      name: 'empty string',
      yaml: piJob('      restartPolicy: ""'),
      findings: [{ fieldPath: 'spec.template.spec.restartPolicy', message: REQUIRED, line: 11 }],
    },
    {
      name: 'unknown value',
      yaml: piJob('      restartPolicy: Sometimes'),
      findings: [
        {
          fieldPath: 'spec.template.spec.restartPolicy',
          message: 'Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
          line: 11,
        },
      ],
    },
    {
      name: 'CronJob job template',
      yaml: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: { name: hello }
        spec:
          schedule: "*/1 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{ name: hello, image: busybox }]
                  restartPolicy: Always`,
      findings: [{ fieldPath: 'spec.jobTemplate.spec.template.spec.restartPolicy', message: REQUIRED, line: 11 }],
    },
  ],
});
