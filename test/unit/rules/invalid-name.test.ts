import { runRuleTests, yaml } from './ruleTester';

const job = (name: string): string => yaml`
  apiVersion: batch/v1
  kind: Job
  metadata:
    name: ${name}
  spec:
    template:
      spec:
        restartPolicy: Never
        containers: [{ name: c, image: busybox }]`;

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

// Cases after staging/src/k8s.io/apimachinery/pkg/util/validation/validation_test.go TestIsDNS1123Subdomain.
const goodNames = ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '1.a', 'a.1', 'a0.b1.c2', 'process-item-apple', 'a'.repeat(253)];
const badNames = ['A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', 'a..b', '1.', '.1', '1..2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', 'a@b', 'a,b', 'a_b', 'a;b', 'a:b', 'a%b', 'a?b', 'a$b'];

runRuleTests('invalid-name', {
  valid: goodNames.map((name) => ({ name: JSON.stringify(name), yaml: job(JSON.stringify(name)) })),
  invalid: [
    ...badNames.map((name) => ({
      name: JSON.stringify(name),
      yaml: job(JSON.stringify(name)),
      findings: [{ fieldPath: 'metadata.name', message: `Invalid value: ${JSON.stringify(name)}: ${SUBDOMAIN}`, line: 4 }],
    })),
    {
      name: 'unexpanded $ITEM from the seeds\' Job template pattern',
      yaml: job('process-item-$ITEM'),
      findings: [{ fieldPath: 'metadata.name', message: `Invalid value: "process-item-$ITEM": ${SUBDOMAIN}`, line: 4 }],
    },
    {
      name: 'too long (254)',
      yaml: job('a'.repeat(254)),
      findings: [{ fieldPath: 'metadata.name', message: `Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`, line: 4 }],
    },
    {
      name: 'missing name and generateName',
      yaml: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata: {}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: [{ name: c, image: busybox }]`,
      findings: [{ fieldPath: 'metadata.name', message: 'Required value: name or generateName is required', line: 3 }],
    },
  ],
});
