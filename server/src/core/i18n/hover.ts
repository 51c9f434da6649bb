/**
 * The words of the editor's hovers: the schedule hover (next-runs table, daylight-saving notes) and the
 * `kubectl explain` card's labels. The OpenAPI field descriptions and type words stay as the schema and kubectl
 * write them; quoted API server messages inside these texts stay in English.
 */
import { defineCatalog } from './catalog';

export const hoverText = defineCatalog(
  'hover',
  {
    nextRuns: 'Next runs',
    neverRuns: '**Never runs**: no time in the next five years matches this schedule, so Kubernetes never creates a Job.',
    runsTwice: 'Runs twice at {time}: the clocks go back and that hour happens twice.',
    noRunInGap: 'No run at {time}: the clocks go forward and that time does not exist in {zone}.',
    afterYear9999: 'Runs after the end of year 9999 are not listed: RFC 3339 (and Kubernetes) cannot write a five-digit year.',
    required: 'required',
    defaultValue: 'default {value}',
    values: 'Values: {values}',
    apiServer: '**API server:** {text}',
    jobRestartPolicy:
      'A Job\'s pods must set restartPolicy to OnFailure or Never: the pod default Always is rejected with "Required value: valid values: \"OnFailure\", \"Never\"" ' +
      '(pkg/apis/batch/validation/validation.go validateJobSpec, the restartPolicy check).',
    daemonSetRestartPolicy:
      'A DaemonSet\'s pods run until they are deleted: any value but Always is rejected with "Unsupported value: ...: supported values: \"Always\"" ' +
      '(pkg/apis/apps/validation/validation.go ValidateDaemonSetSpec).',
  },
  {
    nextRuns: '下次运行',
    neverRuns: '**从不运行**：未来五年内没有与此计划匹配的时间，因此 Kubernetes 不会创建任何 Job。',
    runsTwice: '{time} 会运行两次：时钟回拨，这一小时会出现两次。',
    noRunInGap: '{time} 不会运行：时钟拨快，{zone} 中不存在这个时间。',
    afterYear9999: '9999 年之后的运行未列出：RFC 3339（以及 Kubernetes）无法表示五位数的年份。',
    required: '必填',
    defaultValue: '默认 {value}',
    values: '取值：{values}',
    apiServer: '**API 服务器：** {text}',
    jobRestartPolicy:
      'Job 的 Pod 必须将 `restartPolicy` 设为 `OnFailure` 或 `Never`：Pod 的默认值 `Always` 会被拒绝，报错为 "Required value: valid values: \"OnFailure\", \"Never\""' +
      '（pkg/apis/batch/validation/validation.go 中 validateJobSpec 的 restartPolicy 检查）。',
    daemonSetRestartPolicy:
      'DaemonSet 的 Pod 会一直运行到被删除：除 `Always` 以外的取值都会被拒绝，报错为 "Unsupported value: ...: supported values: \"Always\""' +
      '（pkg/apis/apps/validation/validation.go 中的 ValidateDaemonSetSpec）。',
  },
);
