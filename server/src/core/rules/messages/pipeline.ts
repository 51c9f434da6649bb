/**
 * The words of the steps before the rules (validateWorkload: apiVersion, strict decoding) and of lint's Helm check.
 * kubectl's and the API server's own messages stay English; these are our titles, notes and the Helm message.
 */
import { defineCatalog, type Locale } from '../../i18n';
import type { DecodeIssue } from '../../model/decode';
import type { Path } from '../../parse/path';

export const pipelineMessages = defineCatalog(
  'rules.pipeline',
  {
    helmTemplate: 'Helm template syntax ({{ ... }}) found: this file is not checked. Run `helm template` and check its output instead.',
    yamlSyntaxNote:
      'The YAML parser stopped here, so nothing else in this document is checked. Usual causes: indentation that does not line up (spaces only, no tabs), no space after a colon, a quote or bracket left open.',
    renameFix: 'Rename to {suggestion}',
    unknownFieldSuggestionNote: 'The API server does not know {field} and rejects the whole object: probably a typo for {suggestion}.',
    unknownFieldNote:
      'The API server does not know this field here and rejects the whole object. Check its spelling and its indentation: a field indented under the wrong parent is unknown there.',
    wrongTypeNote: 'The value has the wrong type for this field: for example a quoted string where a number belongs, or a mapping where a list belongs.',
    /** {expected} and {actual}: type* keys. */
    wrongTypeExpectedNote: 'This field takes {expected} ({goType}), but the manifest has {actual} here.',
    wrongTypeIntegerNote: '{value} is not an integer that fits {goType} (it has a fraction or is out of range).',
    typeInteger: 'an integer',
    typeNumber: 'a number',
    typeString: 'a string',
    typeBoolean: 'a boolean',
    typeList: 'a list',
    typeMapping: 'a mapping',
    apiVersionMissingNote: 'Every manifest needs an apiVersion: a {kind} uses apiVersion: {served}.',
    apiVersionUnknownNote: 'A {kind} uses apiVersion: {served}.',
  },
  {
    helmTemplate: '发现 Helm 模板语法（`{{ ... }}`）：不检查这个文件。请运行 `helm template`，检查它的输出。',
    yamlSyntaxNote: 'YAML 解析在这里出错，这个文档的其余内容都没有检查。常见原因：缩进没有对齐（只能用空格，不能用 Tab）、冒号后面缺少空格、引号或括号没有闭合。',
    renameFix: '重命名为 {suggestion}',
    unknownFieldSuggestionNote: 'API 服务器不认识字段 `{field}`，会拒绝整个对象：多半是拼写错误，应为 `{suggestion}`。',
    unknownFieldNote: 'API 服务器在这个位置不认识该字段，会拒绝整个对象。请检查拼写和缩进：缩进到错误父字段下的字段，在那里同样是未知字段。',
    wrongTypeNote: '值的类型与字段不符：例如需要数字的地方写成了带引号的字符串，或者需要列表的地方写成了映射。',
    wrongTypeExpectedNote: '这个字段需要{expected}（`{goType}`），清单里写的却是{actual}。',
    wrongTypeIntegerNote: '`{value}` 不是 `{goType}` 能表示的整数（带小数，或者超出了范围）。',
    typeInteger: '整数',
    typeNumber: '数字',
    typeString: '字符串',
    typeBoolean: '布尔值',
    typeList: '列表',
    typeMapping: '映射（对象）',
    apiVersionMissingNote: '每个清单都要写 `apiVersion`：{kind} 使用 `apiVersion: {served}`。',
    apiVersionUnknownNote: '{kind} 使用 `apiVersion: {served}`。',
  },
);

/**
 * After a YAML syntax error (the parser's English words, with parse/parseManifests.ts's hint): what usually causes
 * one, for readers of other languages. Not after the alias-bomb and nesting-depth messages, which are not typos.
 */
export function yamlSyntaxNote(locale: Locale | undefined, message: string): string | undefined {
  if ((locale ?? 'en') === 'en' || !message.startsWith('YAML syntax error: ')) return undefined;
  return pipelineMessages.t(locale, 'yamlSyntaxNote');
}

/** The apiVersion that serves each kind (apps/v1 for the apps group, batch/v1 for Job and CronJob). */
const SERVED: Readonly<Record<string, string>> = {
  Job: 'batch/v1',
  CronJob: 'batch/v1',
  DaemonSet: 'apps/v1',
  Deployment: 'apps/v1',
  ReplicaSet: 'apps/v1',
  StatefulSet: 'apps/v1',
};

/** After kubectl's `apiVersion not set` / `no matches for kind …`: which apiVersion the kind needs. */
export function apiVersionNote(locale: Locale | undefined, kind: string, apiVersion: string): string | undefined {
  const served = SERVED[kind];
  if (served === undefined) return undefined;
  return pipelineMessages.t(locale, apiVersion ? 'apiVersionUnknownNote' : 'apiVersionMissingNote', { kind, served });
}

/**
 * After a strict decoding error. An unknown field with a did-you-mean says all in English already; without one, the
 * indentation hint helps everyone. A wrong type is explained to readers of other languages.
 */
export function decodeNote(locale: Locale | undefined, issue: Pick<DecodeIssue, 'problem' | 'path' | 'suggestion' | 'message'>): string | undefined {
  const english = (locale ?? 'en') === 'en';
  if (issue.problem === 'wrong-type') return english ? undefined : wrongTypeNote(locale, issue.message);
  if (issue.suggestion === undefined) return pipelineMessages.t(locale, 'unknownFieldNote');
  return english ? undefined : pipelineMessages.t(locale, 'unknownFieldSuggestionNote', { field: fieldName(issue.path), suggestion: issue.suggestion });
}

type TypeKey = 'typeInteger' | 'typeNumber' | 'typeString' | 'typeBoolean' | 'typeList' | 'typeMapping';

/** encoding/json's JSON kinds (UnmarshalTypeError.Value) in words. */
const JSON_KINDS: Readonly<Record<string, TypeKey>> = { string: 'typeString', number: 'typeNumber', bool: 'typeBoolean', array: 'typeList', object: 'typeMapping' };

/** A Go type (UnmarshalTypeError.Type) in words: the shape a learner writes in YAML. */
function goTypeKey(goType: string): TypeKey {
  if (/^u?int(8|16|32|64)?$/.test(goType)) return 'typeInteger';
  if (/^float(32|64)$/.test(goType)) return 'typeNumber';
  if (goType === 'string') return 'typeString';
  if (goType === 'bool') return 'typeBoolean';
  if (goType.startsWith('[]')) return 'typeList';
  return 'typeMapping';
}

/** `json: cannot unmarshal <value> into Go … of type <Go type>` explained: what the field takes, what it got. */
function wrongTypeNote(locale: Locale | undefined, message: string): string {
  const parts = /cannot unmarshal (.+?) into Go (?:struct field \S+|value) of type (\S+)$/.exec(message);
  if (!parts) return pipelineMessages.t(locale, 'wrongTypeNote');
  const [, value, goType] = parts;
  // Integer kinds name the literal they could not take: `number 1.5`, `number 3000000000`.
  if (value.startsWith('number ')) return pipelineMessages.t(locale, 'wrongTypeIntegerNote', { value: value.slice('number '.length), goType });
  const actual = JSON_KINDS[value];
  if (actual === undefined) return pipelineMessages.t(locale, 'wrongTypeNote');
  return pipelineMessages.t(locale, 'wrongTypeExpectedNote', { expected: pipelineMessages.t(locale, goTypeKey(goType)), goType, actual: pipelineMessages.t(locale, actual) });
}

function fieldName(path: Path): string {
  return String(path[path.length - 1] ?? '');
}
