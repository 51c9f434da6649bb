/** The words of yaml11-unquoted-value: a plain scalar that Kubernetes (YAML 1.1) reads as a boolean or a number. */
import { defineCatalog } from '../../i18n';

export const yaml11Advice = defineCatalog(
  'rules.yaml11',
  {
    /** {what}: one of the describe* keys. */
    valueNotBoolean: 'Kubernetes reads YAML 1.1, where the unquoted {source} is {what}, not the text {quoted}, and the API server rejects a boolean here. Write {quoted} in quotes if you mean the text.',
    valueNotNumber: 'Kubernetes reads YAML 1.1, where the unquoted {source} is {what}, not the text {quoted}, and the API server rejects a number here. Write {quoted} in quotes if you mean the text.',
    quantity: 'Kubernetes reads YAML 1.1, where the unquoted {source} is {what}, so this quantity is {value}. Write {quoted} in quotes if you mean the text.',
    key: 'Kubernetes reads YAML 1.1, where the unquoted key {source} is {what}, so the API server sees the key "{key}". Write {quoted} in quotes if you mean the text.',
    describeBoolean: 'the boolean {value}',
    describeNumber: 'the number {value}',
    describeOctal: 'the number {value} (octal)',
    describeBinary: 'the number {value} (binary)',
    describeHexadecimal: 'the number {value} (hexadecimal)',
    quoteFix: 'Quote {source}',
  },
  {
    valueNotBoolean: 'Kubernetes 按 YAML 1.1 读取清单，不带引号的 `{source}` 是{what}，而不是文本 `{quoted}`，API 服务器不接受这里出现布尔值。如果想写的是文本，请加上引号：`{quoted}`。',
    valueNotNumber: 'Kubernetes 按 YAML 1.1 读取清单，不带引号的 `{source}` 是{what}，而不是文本 `{quoted}`，API 服务器不接受这里出现数字。如果想写的是文本，请加上引号：`{quoted}`。',
    quantity: 'Kubernetes 按 YAML 1.1 读取清单，不带引号的 `{source}` 是{what}，所以这个数量的值是 `{value}`。如果想写的是文本，请加上引号：`{quoted}`。',
    key: 'Kubernetes 按 YAML 1.1 读取清单，不带引号的键 `{source}` 是{what}，所以 API 服务器看到的键是 `{key}`。如果想写的是文本，请加上引号：`{quoted}`。',
    describeBoolean: '布尔值 `{value}`',
    describeNumber: '数字 `{value}`',
    describeOctal: '八进制数，即 `{value}`',
    describeBinary: '二进制数，即 `{value}`',
    describeHexadecimal: '十六进制数，即 `{value}`',
    quoteFix: '给 {source} 加上引号',
  },
);
