/**
 * For the rules that mirror the API server: their messages stay the API server's English (what kubectl prints), so
 * here are only the quick-fix titles and the notes, plain explanations shown after the message. A note a reader of
 * English does not need (it would repeat the message) is given only in other languages: see translatedNote.
 */
import { defineCatalog, type Locale, type MessageArgs } from '../../i18n';

export const apiServerRules = defineCatalog(
  'rules.apiServer',
  {
    restartPolicyFix: 'Set restartPolicy to {value}',
    jobRestartPolicyRequiredNote:
      "A Job's pods must stop once their work is done, so restartPolicy must be set to OnFailure or Never: the pod default, Always, is not allowed in a Job.",
    jobRestartPolicyUnsupportedNote:
      'A Job accepts OnFailure (a failed container restarts in the same pod) or Never (the Job replaces a failed pod with a new one), spelled exactly so.',
    alwaysRestartPolicyNote: "A {kind}'s pods keep running (the controller replaces them), so restartPolicy must be Always, which is also the default: leave it out.",
    selectorMismatchNote:
      'A {kind} finds its pods by spec.selector: every label the selector asks for must be in the pod template (spec.template.metadata.labels), with the same value.',
    selectorRequiredNote: 'An apps/v1 {kind} must say which pods are its own: set spec.selector (usually matchLabels) to select the pod template labels.',
    selectorLabelsFix: "Add the selector's matchLabels to the template labels",
    selectorSelectFix: 'Select the template labels (spec.selector.matchLabels)',
    /** Why an apiVersion is gone: in English after kubectl's `no matches for kind …: `, in other languages the note. */
    removedApiVersion: '{apiVersion} {kind} was removed in Kubernetes {removedIn}; use apiVersion: {replacement}',
    removedApiVersionSelector:
      '{apiVersion} {kind} was removed in Kubernetes {removedIn}; use apiVersion: {replacement} (apps/v1 also requires spec.selector matching the template labels)',
    neverServedApiVersion: '{apiVersion} never served {kind}; use apiVersion: {replacement}',
    neverServedApiVersionSelector:
      '{apiVersion} never served {kind}; use apiVersion: {replacement} (apps/v1 also requires spec.selector matching the template labels)',
    apiVersionFix: 'Change apiVersion to {replacement}',
    apiVersionAndSelectorFix: 'Change apiVersion to {replacement} and add the selector it requires',
    scheduleFieldCountNote:
      'A Kubernetes schedule has exactly five fields, minute hour day-of-month month day-of-week (for example */5 * * * * runs every 5 minutes), and no seconds field; a descriptor such as @hourly works too.',
    scheduleRangeNote: 'Field ranges: minute 0-59, hour 0-23, day of month 1-31, month 1-12 (or JAN-DEC), day of week 0-6 (0 is Sunday; or SUN-SAT).',
    scheduleDescriptorNote: 'The descriptors are @yearly (@annually), @monthly, @weekly, @daily (@midnight), @hourly and @every <duration> (such as @every 1h30m).',
    scheduleTimeZoneNote: 'Put the time zone in spec.timeZone (such as Asia/Shanghai) and keep only the five fields in schedule.',
    scheduleSyntaxNote:
      'Each of the five fields (minute hour day-of-month month day-of-week) is *, a number, a range such as 1-5, a list such as 1,3,5, or a step such as */10.',
    moveTimeZoneFix: 'Move the time zone {zone} to spec.timeZone',
  },
  {
    restartPolicyFix: '将 restartPolicy 设为 {value}',
    jobRestartPolicyRequiredNote:
      'Job 的 Pod 完成工作后就要退出，所以必须把 `restartPolicy` 设为 `OnFailure` 或 `Never`：Pod 的默认值 `Always` 不能用于 Job。',
    jobRestartPolicyUnsupportedNote:
      'Job 只接受 `OnFailure`（容器失败后在同一个 Pod 里重启）或 `Never`（Pod 失败后由 Job 创建新的 Pod），大小写也要完全一致。',
    alwaysRestartPolicyNote: '{kind} 的 Pod 要一直运行（由控制器负责替换），所以 `restartPolicy` 只能是 `Always`，这也是默认值：不写即可。',
    selectorMismatchNote:
      '{kind} 通过 `spec.selector`（选择算符）找到自己的 Pod：选择算符要求的每个标签都必须出现在 Pod 模板的标签（`spec.template.metadata.labels`）里，而且值相同。',
    selectorRequiredNote: 'apps/v1 的 {kind} 必须写明哪些 Pod 归它管理：设置 `spec.selector`（通常用 `matchLabels`），选中 Pod 模板的标签。',
    selectorLabelsFix: '把 selector 的 matchLabels 加到 Pod 模板的标签中',
    selectorSelectFix: '让 selector 选中 Pod 模板的标签（spec.selector.matchLabels）',
    removedApiVersion: 'Kubernetes {removedIn} 已移除 `{apiVersion}` 版本的 {kind}：请改用 `apiVersion: {replacement}`。',
    removedApiVersionSelector:
      'Kubernetes {removedIn} 已移除 `{apiVersion}` 版本的 {kind}：请改用 `apiVersion: {replacement}`，它还要求 `spec.selector` 与 Pod 模板的标签匹配。',
    neverServedApiVersion: '`{apiVersion}` 从来没有提供过 {kind}：请改用 `apiVersion: {replacement}`。',
    neverServedApiVersionSelector:
      '`{apiVersion}` 从来没有提供过 {kind}：请改用 `apiVersion: {replacement}`，它还要求 `spec.selector` 与 Pod 模板的标签匹配。',
    apiVersionFix: '将 apiVersion 改为 {replacement}',
    apiVersionAndSelectorFix: '将 apiVersion 改为 {replacement}，并添加它要求的 selector',
    scheduleFieldCountNote:
      'Kubernetes 的时间表正好有 5 个字段：分钟 小时 日 月 星期（例如 `*/5 * * * *` 表示每 5 分钟运行一次），没有秒字段；也可以用 `@hourly` 这样的描述符。',
    scheduleRangeNote: '各字段的取值范围：分钟 0–59，小时 0–23，日 1–31，月 1–12（或 `JAN`–`DEC`），星期 0–6（0 是星期日，或 `SUN`–`SAT`）。',
    scheduleDescriptorNote: '可用的描述符有 `@yearly`（`@annually`）、`@monthly`、`@weekly`、`@daily`（`@midnight`）、`@hourly` 和 `@every <时长>`（例如 `@every 1h30m`）。',
    scheduleTimeZoneNote: '把时区写到 `spec.timeZone` 里（例如 `Asia/Shanghai`），`schedule` 里只写 5 个字段。',
    scheduleSyntaxNote:
      '5 个字段（分钟 小时 日 月 星期）中的每一个可以是 `*`、数字、范围（如 `1-5`）、列表（如 `1,3,5`）或步长（如 `*/10`）。',
    moveTimeZoneFix: '把时区 {zone} 移到 spec.timeZone',
  },
);

export type ApiServerNoteKey = Extract<keyof (typeof apiServerRules.tables)['en'], `${string}Note`>;

/** A note for every reader: it explains what the API server's message leaves out. */
export function note(locale: Locale | undefined, key: ApiServerNoteKey, args?: MessageArgs): string {
  return apiServerRules.t(locale, key, args);
}

/** A note for readers of other languages only: in English it would say again what the message says. */
export function translatedNote(locale: Locale | undefined, key: ApiServerNoteKey, args?: MessageArgs): string | undefined {
  return (locale ?? 'en') === 'en' ? undefined : apiServerRules.t(locale, key, args);
}
