/**
 * What is wrong with a scenario (parseScenario, the durations it reads, the checks simulate makes on it), in
 * the reader's language: the preview's error view shows these next to the scenario file. Field paths, field
 * names, values and examples stay as written in the scenario.
 */
import { defineCatalog } from '../i18n/catalog';
import { LOCALES } from '../i18n/locale';

export const scenarioErrorText = defineCatalog(
  'scenarioError',
  {
    gotList: 'a list',
    gotMapping: 'a mapping',
    and: ' and ',
    mustBeMapping: 'must be a mapping, got {got}',
    unknownField: 'unknown field; known fields: {known}',
    unknownFieldSuggest: 'unknown field (did you mean "{suggestion}"?); known fields: {known}',
    mustBeList: 'must be a list, got {got}',
    tooManyItems: 'has {count} items; at most {max} are supported',
    mustBeRfc3339: 'must be an RFC 3339 time such as "2026-01-01T00:00:00Z", got {got}',
    mustBeInRfc3339Range: 'must be from {first} to {last} (RFC 3339 years have four digits), got {got}',
    durationNegative: 'must be a non-negative number of seconds or a duration such as "90s", got {got}',
    durationType: 'must be a duration such as "90s", "5m", "2h" or "1h30m", got {got}',
    durationSyntax: 'must be a duration such as "90s", "5m", "2h" or "1h30m" (units ms, s, m, h, d), got {got}',
    durationTooLarge: 'is too large, got {got}',
    integerBetween: 'must be {what} between {min} and {max}, got {got}',
    integer: 'an integer',
    exitCode: 'an exit code',
    creationOrdinal: 'a creation ordinal',
    completionIndex: 'a completion index',
    attemptNumber: 'an attempt number',
    jobOrdinal: 'a Job ordinal',
    nodeCount: 'a node count',
    revisionNumber: 'a revision number',
    mustBeFraction: 'must be a number between 0 and 1, got {got}',
    mustBeBoolean: 'must be true or false, got {got}',
    mustBeNonEmptyString: 'must be a non-empty string, got {got}',
    mustBeString: 'must be a string, got {got}',
    mustBeWholeNumber: 'must be an integer, got {got}',
    mustBeOneOf: 'must be one of {values}, got {got}',
    readyFalseWithReadySeconds: 'ready: false means never Ready: leave out readySeconds',
    attemptNeedsIndex: 'needs `index`: attempts are counted per completion index of an Indexed Job',
    runsEmpty: 'must list at least one run',
    duplicateNode: 'duplicate node name {name}',
    atRequired: 'is required: when the event happens, e.g. "5m"',
    eventNeedsAction: 'needs one of {actions}',
    eventHasMany: 'has {actions}: one event does one thing',
    existingNotList: 'must be a list of objects or a `kind: List` (as `kubectl get rs,pods -o yaml` prints), got a mapping with kind {kind}',
    wrongApiVersion: 'a {kind} is {apiVersion}, got {got}',
    required: 'is required',
    duplicateName: 'duplicate {kind} name {name}',
    patchEmpty: 'is empty: give the fields to change, e.g. {spec: {replicas: 5}}',
    deleteMustBeTrue: 'must be true (delete the object at this time), got {got}',
    readsNoExisting: 'a {kind} simulation reads no existing objects, got {got}',
    readsOnlyExisting: 'a {kind} simulation reads only {kinds} objects, got {got}',
    endsAfterYear9999: 'the run would end after 9999-12-31T23:59:59Z, the last time RFC 3339 (and Kubernetes) can write: at most {seconds}s from this startTime',
    untilNeeded:
      'needed with this startTime: without it a run may last up to {duration}, past 9999-12-31T23:59:59Z, the last time RFC 3339 (and Kubernetes) can write; at most {seconds}s from this startTime',
  },
  {
    gotList: '列表',
    gotMapping: '映射',
    and: '、',
    mustBeMapping: '必须是映射，实际为 {got}',
    unknownField: '未知字段；已知字段：{known}',
    unknownFieldSuggest: '未知字段（是否想写 "{suggestion}"？）；已知字段：{known}',
    mustBeList: '必须是列表，实际为 {got}',
    tooManyItems: '有 {count} 项；最多支持 {max} 项',
    mustBeRfc3339: '必须是 RFC 3339 时间，例如 "2026-01-01T00:00:00Z"，实际为 {got}',
    mustBeInRfc3339Range: '必须在 {first} 到 {last} 之间（RFC 3339 的年份只有四位），实际为 {got}',
    durationNegative: '必须是非负的秒数或时长，例如 "90s"，实际为 {got}',
    durationType: '必须是时长，例如 "90s"、"5m"、"2h" 或 "1h30m"，实际为 {got}',
    durationSyntax: '必须是时长，例如 "90s"、"5m"、"2h" 或 "1h30m"（单位 ms、s、m、h、d），实际为 {got}',
    durationTooLarge: '太大，实际为 {got}',
    integerBetween: '{what}必须在 {min} 到 {max} 之间，实际为 {got}',
    integer: '取值',
    exitCode: '退出码',
    creationOrdinal: '创建序号',
    completionIndex: '完成索引',
    attemptNumber: '尝试序号',
    jobOrdinal: 'Job 序号',
    nodeCount: '节点数',
    revisionNumber: '修订版本号',
    mustBeFraction: '必须是 0 到 1 之间的数，实际为 {got}',
    mustBeBoolean: '必须是 true 或 false，实际为 {got}',
    mustBeNonEmptyString: '必须是非空字符串，实际为 {got}',
    mustBeString: '必须是字符串，实际为 {got}',
    mustBeWholeNumber: '必须是整数，实际为 {got}',
    mustBeOneOf: '必须是 {values} 之一，实际为 {got}',
    readyFalseWithReadySeconds: 'ready: false 表示永不就绪：请去掉 readySeconds',
    attemptNeedsIndex: '需要 `index`：尝试次数按 Indexed Job 的每个完成索引分别计数',
    runsEmpty: '必须至少列出一次运行',
    duplicateNode: '节点名称 {name} 重复',
    atRequired: '必填：事件发生的时间，例如 "5m"',
    eventNeedsAction: '需要 {actions} 之一',
    eventHasMany: '同时有 {actions}：一个事件只做一件事',
    existingNotList: '必须是对象列表或 `kind: List`（即 `kubectl get rs,pods -o yaml` 的输出），实际是 kind 为 {kind} 的映射',
    wrongApiVersion: '{kind} 的 apiVersion 是 {apiVersion}，实际为 {got}',
    required: '必填',
    duplicateName: '{kind} 名称 {name} 重复',
    patchEmpty: '为空：请给出要修改的字段，例如 {spec: {replicas: 5}}',
    deleteMustBeTrue: '必须为 true（在此时删除该对象），实际为 {got}',
    readsNoExisting: '{kind} 的模拟不读取任何已有对象，实际给出了 {got}',
    readsOnlyExisting: '{kind} 的模拟只读取 {kinds} 对象，实际给出了 {got}',
    endsAfterYear9999: '运行将在 9999-12-31T23:59:59Z 之后结束，这是 RFC 3339（以及 Kubernetes）能表示的最后时刻：从此 startTime 起最多 {seconds}s',
    untilNeeded: '此 startTime 下必须设置：否则一次运行可能长达 {duration}，超过 RFC 3339（以及 Kubernetes）能表示的最后时刻 9999-12-31T23:59:59Z；从此 startTime 起最多 {seconds}s',
  },
);

/**
 * Whether a problem is an unknown field, in any language: the editor underlines the key rather than the value.
 * (The words before the first punctuation of either template: "unknown field", "未知字段".)
 */
export function isUnknownFieldMessage(message: string): boolean {
  return LOCALES.some((locale) => {
    const template = scenarioErrorText.tables[locale].unknownField;
    return message.startsWith(template.slice(0, template.search(/[;；(（]/)));
  });
}

/** The words `integer()` checks a value as ("must be an exit code between 0 and 255"). */
export type IntegerWhat = 'integer' | 'exitCode' | 'creationOrdinal' | 'completionIndex' | 'attemptNumber' | 'jobOrdinal' | 'nodeCount' | 'revisionNumber';
