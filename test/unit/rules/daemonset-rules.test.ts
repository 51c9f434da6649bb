import { runRuleTests } from './ruleTester';

/** Lines are joined as written: the arguments are whole, already indented YAML lines. */
const daemonSet = (selector: string, labels: string, policy = ''): string =>
  [
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    'metadata:',
    '  name: fluentd',
    'spec:',
    selector,
    '  template:',
    '    metadata:',
    labels,
    '    spec:',
    policy,
    '      containers:',
    '      - name: fluentd',
    '        image: fluent/fluentd:v1.4',
  ]
    .filter((line) => line !== '')
    .join('\n');

const SELECTOR = '  selector:\n    matchLabels:\n      name: fluentd';
const LABELS = '      labels:\n        name: fluentd';

// Cases after pkg/apis/apps/validation/validation_test.go TestValidateDaemonSet error cases
// ("nil selector", "selector_doesnt_match", restart policy "OnFailure"/"Never"). From 1.34 the API server
// renders composite bad values as JSON (apimachinery field/errors.go ErrorBody).
runRuleTests('daemonset-selector-mismatch', {
  valid: [
    { name: 'matchLabels equal to the template labels', yaml: daemonSet(SELECTOR, LABELS) },
    {
      name: 'matchExpressions In',
      yaml: daemonSet('  selector:\n    matchExpressions:\n    - { key: name, operator: In, values: [fluentd, x] }', LABELS),
    },
    {
      name: 'unconvertible selector skips the match check',
      yaml: daemonSet('  selector:\n    matchExpressions:\n    - { key: name, operator: In, values: [] }', LABELS),
    },
  ],
  invalid: [
    {
      name: 'selector does not match',
      yaml: daemonSet('  selector:\n    matchLabels:\n      name: other', LABELS),
      findings: [
        {
          fieldPath: 'spec.template.metadata.labels',
          message: 'Invalid value: {"name":"fluentd"}: `selector` does not match template `labels`',
          line: 11,
        },
      ],
    },
    {
      name: 'nil selector matches nothing',
      yaml: daemonSet('', LABELS),
      findings: [
        {
          fieldPath: 'spec.template.metadata.labels',
          message: 'Invalid value: {"name":"fluentd"}: `selector` does not match template `labels`',
          line: 8,
        },
      ],
    },
    {
      name: 'no template labels: a nil map, underlined at the nearest existing key',
      yaml: daemonSet(SELECTOR, ''),
      findings: [
        {
          fieldPath: 'spec.template.metadata.labels',
          message: 'Invalid value: null: `selector` does not match template `labels`',
          line: 10,
        },
      ],
    },
    {
      name: 'before 1.34 the API server printed the labels with Go %#v',
      kubernetesVersion: '1.33',
      yaml: daemonSet('  selector:\n    matchLabels:\n      name: fluentd\n      tier: x', '      labels:\n        tier: "y"\n        name: fluentd'),
      findings: [
        {
          fieldPath: 'spec.template.metadata.labels',
          message: 'Invalid value: map[string]string{"name":"fluentd", "tier":"y"}: `selector` does not match template `labels`',
          line: 12,
        },
      ],
    },
    {
      name: 'keys sorted as Go prints maps',
      yaml: daemonSet('  selector:\n    matchLabels:\n      name: fluentd\n      tier: x', '      labels:\n        tier: "y"\n        name: fluentd'),
      findings: [
        {
          fieldPath: 'spec.template.metadata.labels',
          message: 'Invalid value: {"name":"fluentd","tier":"y"}: `selector` does not match template `labels`',
          line: 12,
        },
      ],
    },
  ],
});

runRuleTests('daemonset-restart-policy', {
  valid: [
    { name: 'default', yaml: daemonSet(SELECTOR, LABELS) },
    { name: 'Always', yaml: daemonSet(SELECTOR, LABELS, '      restartPolicy: Always') },
  ],
  invalid: [
    {
      name: 'OnFailure',
      yaml: daemonSet(SELECTOR, LABELS, '      restartPolicy: OnFailure'),
      findings: [{ fieldPath: 'spec.template.spec.restartPolicy', message: 'Unsupported value: "OnFailure": supported values: "Always"', line: 14 }],
    },
    {
      name: 'Never',
      yaml: daemonSet(SELECTOR, LABELS, '      restartPolicy: Never'),
      findings: [{ fieldPath: 'spec.template.spec.restartPolicy', message: 'Unsupported value: "Never": supported values: "Always"', line: 14 }],
    },
  ],
});

// metav1.LabelSelectorAsSelector fails on an invalid label key: the API server then skips the match check
// (the selector's own syntax error comes from label-selector instead).
runRuleTests('daemonset-selector-mismatch', {
  valid: [{ name: 'a selector with an invalid key is not matched', yaml: daemonSet('  selector:\n    matchLabels:\n      "bad key!": x', LABELS) }],
  invalid: [],
});
