/**
 * What a Chinese-speaking user sees from lint(text, { locale: 'zh-cn' }): our advice, quick-fix titles and notes in
 * Simplified Chinese; the API server's (and kubectl's) own messages exactly as in English, so they still match what
 * `kubectl apply` prints. Manifests come from the shared fixtures and the course-note seeds.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { allCatalogs } from '../../../server/src/core/i18n';
import { lintText, type Finding } from '../../../server/src/core';
import { helloCronJob, piJob } from '../../fixtures/manifests';

// Compiled to out/test/unit/rules/: the repository root is four levels up.
const seed = (name: string): string => readFileSync(resolve(__dirname, '../../../../test/fixtures/seeds', name), 'utf8');

/** The hello CronJob with `jobSpecLines` in its jobTemplate's spec (4-space indented, before `template:`). */
const cronJobWithJobSpec = (specLines: string, jobSpecLines: string): string =>
  helloCronJob(specLines).replace('    spec:\n      template:', `    spec:\n${jobSpecLines}      template:`);

/** The seeds' fluentd DaemonSet (valid as written) with its selector asking for another label. */
const mismatchedDaemonSet = (): string => seed('002-daemonset-fluentd-elasticsearch.yaml').replace('    matchLabels:\n      name: fluentd-elasticsearch', '    matchLabels:\n      name: fluentd');

/** The seeds' nginx StatefulSet (valid as written) with `edit` applied to its text. */
const statefulSet = (edit: (text: string) => string): string => edit(seed('004-statefulset-nginx-and-service.yaml'));

interface Case {
  readonly name: string;
  readonly text: string;
  readonly ruleId: string;
  /** What the user sees, finding by finding (in lint's order): message, note and quick-fix titles. */
  readonly expected: readonly { readonly message: string; readonly note?: string; readonly fixes?: readonly string[] }[];
}

const ADVICE: readonly Case[] = [
  {
    name: 'a Job without ttlSecondsAfterFinished (seed 002-job-pi.yaml)',
    text: seed('002-job-pi.yaml'),
    ruleId: 'job-ttl-missing',
    expected: [
      {
        message:
          '未设置 `ttlSecondsAfterFinished`：这个 Job 结束后，它和它的 Pod 会一直留在集群里，直到有人删除，结束的 Job 会越积越多。' +
          '设置 `spec.ttlSecondsAfterFinished`（例如 `3600`），Kubernetes 就会在 Job 成功或失败后再过这么多秒把它删除。',
        fixes: ['在 Job 结束一小时后删除它（ttlSecondsAfterFinished: 3600）'],
      },
    ],
  },
  {
    name: 'a $ITEM left in the name (seed 002-job-process-item.yaml)',
    text: seed('002-job-process-item.yaml'),
    ruleId: 'unexpanded-placeholder',
    expected: [
      {
        message:
          '`$ITEM` 看起来是没有被替换的模板占位符（常见于 Job 模板的做法：`sed "s/\\$ITEM/apple/"`）。' +
          'Kubernetes 不会在这里展开它；请在 apply 之前先展开模板（例如用 `sed` 或 `envsubst`）。',
      },
    ],
  },
  {
    name: 'the script after sh -c in an extra pair of quotes (seed 004-job-01.yaml)',
    text: seed('004-job-01.yaml'),
    ruleId: 'quoted-shell-command',
    expected: [
      {
        message:
          '`-c` 后面的脚本还带着外层引号：`"sleep 5s;echo \\"done\\""`。Shell 会把整段带引号的文本当成一个命令的名字，结果报错 "not found"。' +
          '请去掉外层引号：列表里的每一项本来就会作为一个完整的参数传给容器。',
        fixes: ['去掉多余的引号'],
      },
    ],
  },
  {
    name: 'a DaemonSet container without requests and limits (seed 003-daemonset-ssd-monitor.yaml)',
    text: seed('003-daemonset-ssd-monitor.yaml'),
    ruleId: 'daemonset-resources',
    expected: [
      {
        message:
          '容器 `main` 没有设置资源请求和资源限制（`resources.requests`、`resources.limits`）。DaemonSet 会在每个节点上和其他工作负载一起运行：' +
          '请设置 `resources.requests`（`cpu`、`memory`），让调度器为它预留资源；再设置 `resources.limits`，防止它耗尽节点的资源。',
      },
    ],
  },
  {
    name: 'parallelism above completions',
    text: piJob('      restartPolicy: Never\n', '  ttlSecondsAfterFinished: 60\n  completions: 2\n  parallelism: 5\n'),
    ruleId: 'job-parallelism',
    expected: [
      {
        message:
          '`parallelism`（5）大于 `completions`（2）：Job 控制器同时运行的 Pod 数不会超过尚未完成的次数，所以最多只有 2 个 Pod 同时运行。请把 `parallelism` 设为 2 或更小。',
        fixes: ['将 parallelism 设为 2'],
      },
    ],
  },
  {
    name: 'a huge Indexed Job sharing one backoffLimit',
    text: piJob('      restartPolicy: Never\n', '  ttlSecondsAfterFinished: 60\n  completionMode: Indexed\n  completions: 5000\n  parallelism: 10\n'),
    ruleId: 'job-parallelism',
    expected: [
      {
        message:
          '这个 Indexed Job 有 5000 个索引，它们共用一个 `backoffLimit`（6）：任何索引的 Pod 累计失败 7 次，整个 Job 就会失败。' +
          '请设置 `backoffLimitPerIndex`（必要时再设置 `maxFailedIndexes`），让每个索引各自重试。',
      },
    ],
  },
  {
    name: 'startingDeadlineSeconds below 10',
    text: helloCronJob('  schedule: "*/5 * * * *"\n  startingDeadlineSeconds: 5\n'),
    ruleId: 'cronjob-short-starting-deadline',
    expected: [
      {
        message:
          '`startingDeadlineSeconds: 5` 小于 10 秒，而 CronJob 控制器可能要过 10 秒左右才注意到预定的运行时间，因此可能错过运行（MissSchedule）。请设为 10 或更大，或者不设置。',
      },
    ],
  },
  {
    name: 'the 31st of months that have 30 days',
    text: helloCronJob('  schedule: "0 0 31 4,6,9,11 *"\n'),
    ruleId: 'cronjob-never-runs',
    expected: [{ message: '这个时间表永远不会运行：它允许的月份（4、6、9、11 月）里都没有它要求的日期（31 号）。Kubernetes 会接受它，但永远不会创建 Job。' }],
  },
  {
    name: 'every minute with a 5-minute deadline and concurrencyPolicy Allow',
    text: cronJobWithJobSpec('  schedule: "* * * * *"\n', '      activeDeadlineSeconds: 300\n'),
    ruleId: 'cronjob-overlapping-runs',
    expected: [
      {
        message:
          '按这个时间表，每 1m 就可能启动一个 Job，而每个 Job 最长可以运行 5m（`activeDeadlineSeconds: 300`）；`concurrencyPolicy: Allow` 不等上一个结束就启动下一个，所以最多可能有 5 个 Job 同时运行。' +
          '请改用 `concurrencyPolicy: Forbid`（已有 Job 在运行时跳过这一次）或 `Replace`（停止旧的 Job），或者缩短 `activeDeadlineSeconds`。',
      },
    ],
  },
  {
    name: 'steps larger than the minute, month and day-of-week ranges',
    text: helloCronJob('  schedule: "*/61 9 * */13 1-5/7,FRI"\n'),
    ruleId: 'cronjob-step-exceeds-range',
    expected: [
      {
        message:
          '分钟字段里的 `*/61` 只表示第 0 分钟：它在允许的每个小时的第 0 分钟运行，而不是每 61 分钟运行一次。' +
          'Kubernetes 会接受这种写法：robfig/cron（getRange）从范围的起点开始按步长取值，步长大于范围时就只剩下起点。',
      },
      {
        message:
          '月份字段里的 `*/13` 只表示 1 月（第 1 个月）：它只在 1 月运行，而不是每 13 个月运行一次。' +
          'Kubernetes 会接受这种写法：robfig/cron（getRange）从范围的起点开始按步长取值，步长大于范围时就只剩下起点。',
      },
      {
        message:
          '星期字段里的 `1-5/7` 只表示 1（星期一）：它只在每周一、每周五运行，而不是每 7 天运行一次。' +
          'Kubernetes 会接受这种写法：robfig/cron（getRange）从范围的起点开始按步长取值，步长大于范围时就只剩下起点。',
      },
    ],
  },
  {
    name: 'both day fields restricted (Friday the 13th)',
    text: helloCronJob('  schedule: "0 0 13 * FRI"\n'),
    ruleId: 'cronjob-day-fields-or',
    expected: [
      {
        message:
          '日期（`13`）和星期（`FRI`）两个字段都有限制，所以只要满足其中任意一个，当天就会运行，而不是只在两者同时满足的日子运行：' +
          '两个字段都不是 `*` 时，robfig/cron（dayMatches）按“或”组合它们。如果要求两者同时满足，请把其中一个字段设为 `*`，在 Job 的命令里检查另一个条件。',
      },
    ],
  },
  {
    name: 'YAML 1.1 surprises: a label value On, an annotation key y, an octal quantity',
    text: piJob(
      '        resources:\n          limits:\n            memory: 0100\n      restartPolicy: Never\n',
      '  ttlSecondsAfterFinished: 60\n',
    ).replace('  name: pi\n', '  name: pi\n  labels:\n    cache: On\n  annotations:\n    y: "1"\n'),
    ruleId: 'yaml11-unquoted-value',
    expected: [
      {
        message: 'Kubernetes 按 YAML 1.1 读取清单，不带引号的 `On` 是布尔值 `true`，而不是文本 `"On"`，API 服务器不接受这里出现布尔值。如果想写的是文本，请加上引号：`"On"`。',
        fixes: ['给 On 加上引号'],
      },
      {
        message: 'Kubernetes 按 YAML 1.1 读取清单，不带引号的键 `y` 是布尔值 `true`，所以 API 服务器看到的键是 `true`。如果想写的是文本，请加上引号：`"y"`。',
        fixes: ['给 y 加上引号'],
      },
      {
        message: 'Kubernetes 按 YAML 1.1 读取清单，不带引号的 `0100` 是八进制数，即 `64`，所以这个数量的值是 `64`。如果想写的是文本，请加上引号：`"0100"`。',
        fixes: ['给 0100 加上引号'],
      },
    ],
  },
  {
    name: 'Helm template syntax',
    text: piJob().replace('name: pi\nspec', 'name: {{ .Values.name }}\nspec'),
    ruleId: 'helm-template',
    expected: [{ message: '发现 Helm 模板语法（`{{ ... }}`）：不检查这个文件。请运行 `helm template`，检查它的输出。' }],
  },
];

/** The YAML parser's words for the seed's missing quote, the same in every language. */
const ENGLISH_YAML_ERROR = lintText(seed('001-job-pi.yaml')).find((f) => f.ruleId === 'yaml-syntax')!.message;

/** Errors: the API server's message stays English; the note explains it, the quick fixes are titled in Chinese. */
const EXPLAINED: readonly Case[] = [
  {
    name: "a Job's pod template without restartPolicy (seed 003-cronjob-starting-deadline.yaml)",
    text: seed('003-cronjob-starting-deadline.yaml'),
    ruleId: 'job-restart-policy',
    expected: [
      {
        message: 'Required value: valid values: "OnFailure", "Never"',
        note: 'Job 的 Pod 完成工作后就要退出，所以必须把 `restartPolicy` 设为 `OnFailure` 或 `Never`：Pod 的默认值 `Always` 不能用于 Job。',
        fixes: ['将 restartPolicy 设为 OnFailure', '将 restartPolicy 设为 Never'],
      },
    ],
  },
  {
    name: 'restartPolicy spelled never',
    text: piJob('      restartPolicy: never\n', '  ttlSecondsAfterFinished: 60\n'),
    ruleId: 'job-restart-policy',
    expected: [
      {
        message: 'Unsupported value: "never": supported values: "OnFailure", "Never"',
        note: 'Job 只接受 `OnFailure`（容器失败后在同一个 Pod 里重启）或 `Never`（Pod 失败后由 Job 创建新的 Pod），大小写也要完全一致。',
        fixes: ['将 restartPolicy 设为 OnFailure', '将 restartPolicy 设为 Never'],
      },
    ],
  },
  {
    name: 'an unknown field with a did-you-mean (seed 003-cronjob-starting-deadline.yaml)',
    text: seed('003-cronjob-starting-deadline.yaml'),
    ruleId: 'unknown-field',
    expected: [
      {
        message: 'unknown field "spec.startingDeadlineSecond" (did you mean "startingDeadlineSeconds"?)',
        note: 'API 服务器不认识字段 `startingDeadlineSecond`，会拒绝整个对象：多半是拼写错误，应为 `startingDeadlineSeconds`。',
        fixes: ['重命名为 startingDeadlineSeconds'],
      },
    ],
  },
  {
    name: 'a removed apiVersion (seed 002-cronjob-hello.yaml)',
    text: seed('002-cronjob-hello.yaml'),
    ruleId: 'removed-api-version',
    expected: [
      {
        message: 'no matches for kind "CronJob" in version "batch/v1beta1"',
        note: 'Kubernetes 1.25 已移除 `batch/v1beta1` 版本的 CronJob：请改用 `apiVersion: batch/v1`。',
        fixes: ['将 apiVersion 改为 batch/v1'],
      },
    ],
  },
  {
    name: 'a removed DaemonSet apiVersion, whose replacement needs a selector (seed 003-daemonset-ssd-monitor.yaml)',
    text: seed('003-daemonset-ssd-monitor.yaml'),
    ruleId: 'removed-api-version',
    expected: [
      {
        message: 'no matches for kind "DaemonSet" in version "apps/v1beta2"',
        note: 'Kubernetes 1.16 已移除 `apps/v1beta2` 版本的 DaemonSet：请改用 `apiVersion: apps/v1`，它还要求 `spec.selector` 与 Pod 模板的标签匹配。',
        fixes: ['将 apiVersion 改为 apps/v1'],
      },
    ],
  },
  {
    name: 'a DaemonSet selector that does not select its template labels',
    text: mismatchedDaemonSet(),
    ruleId: 'daemonset-selector-mismatch',
    expected: [
      {
        message: 'Invalid value: {"name":"fluentd-elasticsearch"}: `selector` does not match template `labels`',
        note: 'DaemonSet 通过 `spec.selector`（选择算符）找到自己的 Pod：选择算符要求的每个标签都必须出现在 Pod 模板的标签（`spec.template.metadata.labels`）里，而且值相同。',
        fixes: ['把 selector 的 matchLabels 加到 Pod 模板的标签中', '让 selector 选中 Pod 模板的标签（spec.selector.matchLabels）'],
      },
    ],
  },
  {
    name: 'a StatefulSet selector that does not select its template labels (seed 004-statefulset-nginx-and-service.yaml)',
    text: statefulSet((text) => text.replace('      app: ss-nginx \n  #', '      app: nginx\n  #')),
    ruleId: 'statefulset-spec',
    expected: [
      {
        message: 'Invalid value: {"app":"ss-nginx"}: `selector` does not match template `labels`',
        note: 'StatefulSet 通过 `spec.selector`（选择算符）找到自己的 Pod：选择算符要求的每个标签都必须出现在 Pod 模板的标签（`spec.template.metadata.labels`）里，而且值相同。',
        fixes: ['把 selector 的 matchLabels 加到 Pod 模板的标签中', '让 selector 选中 Pod 模板的标签（spec.selector.matchLabels）'],
      },
    ],
  },
  {
    name: 'a StatefulSet without a selector',
    text: statefulSet((text) => text.replace('  selector:\n    matchLabels:\n      app: ss-nginx \n', '')),
    ruleId: 'statefulset-spec',
    expected: [
      {
        message: 'Required value',
        note: 'apps/v1 的 StatefulSet 必须写明哪些 Pod 归它管理：设置 `spec.selector`（通常用 `matchLabels`），选中 Pod 模板的标签。',
        fixes: ['让 selector 选中 Pod 模板的标签（spec.selector.matchLabels）'],
      },
      {
        // A missing selector selects nothing, so the labels do not match either (two errors, as the API server gives).
        message: 'Invalid value: {"app":"ss-nginx"}: `selector` does not match template `labels`',
        note: 'StatefulSet 通过 `spec.selector`（选择算符）找到自己的 Pod：选择算符要求的每个标签都必须出现在 Pod 模板的标签（`spec.template.metadata.labels`）里，而且值相同。',
        fixes: ['让 selector 选中 Pod 模板的标签（spec.selector.matchLabels）'],
      },
    ],
  },
  {
    name: 'a StatefulSet whose pods would restart OnFailure',
    text: statefulSet((text) => text.replace('    spec:\n      containers:', '    spec:\n      restartPolicy: OnFailure\n      containers:')),
    ruleId: 'statefulset-spec',
    expected: [
      {
        message: 'Unsupported value: "OnFailure": supported values: "Always"',
        note: 'StatefulSet 的 Pod 要一直运行（由控制器负责替换），所以 `restartPolicy` 只能是 `Always`，这也是默认值：不写即可。',
      },
    ],
  },
  {
    name: 'a schedule with a seconds field',
    text: helloCronJob('  schedule: "0 */1 * * * *"\n'),
    ruleId: 'cronjob-schedule',
    expected: [
      {
        message: 'Invalid value: "0 */1 * * * *": expected exactly 5 fields, found 6: [0 */1 * * * *]',
        note: 'Kubernetes 的时间表正好有 5 个字段：分钟 小时 日 月 星期（例如 `*/5 * * * *` 表示每 5 分钟运行一次），没有秒字段；也可以用 `@hourly` 这样的描述符。',
      },
    ],
  },
  {
    name: 'a time zone in the schedule',
    text: helloCronJob('  schedule: "TZ=Asia/Shanghai 0 9 * * *"\n'),
    ruleId: 'cronjob-schedule',
    expected: [
      {
        message: 'Invalid value: "TZ=Asia/Shanghai 0 9 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
        note: '把时区写到 `spec.timeZone` 里（例如 `Asia/Shanghai`），`schedule` 里只写 5 个字段。',
        fixes: ['把时区 Asia/Shanghai 移到 spec.timeZone'],
      },
    ],
  },
  {
    name: 'a mapping where an integer belongs (seed 004-job-01.yaml)',
    text: seed('004-job-01.yaml'),
    ruleId: 'wrong-type',
    expected: [
      {
        message: 'json: cannot unmarshal object into Go struct field JobSpec.spec.ttlSecondsAfterFinished of type int32',
        note: '这个字段需要整数（`int32`），清单里写的却是映射（对象）。',
      },
    ],
  },
  {
    name: 'a YAML syntax error: a closing quote missing (seed 001-job-pi.yaml)',
    text: seed('001-job-pi.yaml'),
    ruleId: 'yaml-syntax',
    expected: [
      {
        message: ENGLISH_YAML_ERROR,
        note: 'YAML 解析在这里出错，这个文档的其余内容都没有检查。常见原因：缩进没有对齐（只能用空格，不能用 Tab）、冒号后面缺少空格、引号或括号没有闭合。',
      },
    ],
  },
  {
    name: 'an apiVersion that does not serve the kind',
    text: piJob('      restartPolicy: Never\n').replace('batch/v1', 'batch/v2'),
    ruleId: 'unknown-api-version',
    expected: [{ message: 'no matches for kind "Job" in version "batch/v2"', note: 'Job 使用 `apiVersion: batch/v1`。' }],
  },
];

const seen = (finding: Finding): Case['expected'][number] => ({
  message: finding.message,
  ...(finding.note !== undefined ? { note: finding.note } : {}),
  ...(finding.fixes ? { fixes: finding.fixes.map((fix) => fix.title) } : {}),
});

for (const { name, text, ruleId, expected } of [...ADVICE, ...EXPLAINED]) {
  test(`zh-cn ${ruleId}: ${name}`, () => {
    const findings = lintText(text, { locale: 'zh-cn', kubernetesVersion: '1.37' }).filter((f) => f.ruleId === ruleId);
    assert.deepEqual(findings.map(seen), expected);
  });
}

test('zh-cn: the locale is read from the tags editors and shells give (zh-CN, zh_CN.UTF-8, zh-Hans)', () => {
  const text = seed('002-job-pi.yaml');
  const chinese = lintText(text, { locale: 'zh-cn' }).map((f) => f.message);
  for (const locale of ['zh-CN', 'zh_CN.UTF-8', 'zh-Hans']) assert.deepEqual(lintText(text, { locale }).map((f) => f.message), chinese, locale);
  assert.notDeepEqual(lintText(text).map((f) => f.message), chinese);
});

/** Every seed, and the error cases above: the manifests a learner brings. */
const MANIFESTS: readonly (readonly [string, string])[] = [
  ...seedNames().map((file) => [file, seed(file)] as const),
  ...EXPLAINED.map(({ name, text }) => [name, text] as const),
  ['a CronJob with an hour out of range and an empty timeZone', helloCronJob('  schedule: "0 25 * * *"\n  timeZone: ""\n')],
];

/** The seed files, as expected.json lists them (the seeds test checks it lists every one). */
function seedNames(): string[] {
  const list = JSON.parse(seed('expected.json')) as Record<string, unknown>;
  return Object.keys(list).sort();
}

test("API server and kubectl messages are the same in both languages: only the notes and our advice change", () => {
  let errors = 0;
  let advice = 0;
  for (const [name, text] of MANIFESTS) {
    const english = lintText(text, { kubernetesVersion: '1.37' });
    const chinese = lintText(text, { kubernetesVersion: '1.37', locale: 'zh-cn' });
    const where = (f: Finding): string => `${f.range.start.line}:${f.range.start.character} ${f.ruleId} ${f.fieldPath}`;
    assert.deepEqual(chinese.map(where), english.map(where), name);
    english.forEach((en, i) => {
      const zh = chinese[i]!;
      if (en.severity !== 'error') {
        advice++;
        assert.notEqual(zh.message, en.message, `${name}: ${en.ruleId} is our advice, in the user's language`);
        return;
      }
      errors++;
      // kubectl prints only `no matches for kind …` for a removed apiVersion; our English adds the way out after it.
      if (en.ruleId === 'removed-api-version') assert.ok(en.message.startsWith(`${zh.message}: `), `${name}: ${en.message}`);
      else assert.equal(zh.message, en.message, `${name}: ${en.ruleId}`);
    });
  }
  assert.ok(errors >= 15 && advice >= 10, `only ${errors} API server messages and ${advice} advice messages compared`);
});

test('English keeps its messages and has no note where the message already says it all', () => {
  const findings = lintText(seed('003-cronjob-starting-deadline.yaml'), { kubernetesVersion: '1.37' });
  const byRule = (ruleId: string): Finding => findings.find((f) => f.ruleId === ruleId)!;
  assert.equal(byRule('removed-api-version').message, 'no matches for kind "CronJob" in version "batch/v1beta1": batch/v1beta1 CronJob was removed in Kubernetes 1.25; use apiVersion: batch/v1');
  assert.equal(byRule('removed-api-version').note, undefined);
  assert.equal(byRule('unknown-field').note, undefined);
  assert.equal(byRule('job-restart-policy').note, undefined);
  assert.deepEqual(byRule('job-restart-policy').fixes?.map((f) => f.title), ['Set restartPolicy to OnFailure', 'Set restartPolicy to Never']);
});

test('English notes where the API server says too little for a learner: the five cron fields, the ranges, the apiVersion', () => {
  const note = (text: string, ruleId: string): string | undefined => lintText(text).find((f) => f.ruleId === ruleId)?.note;
  assert.equal(
    note(helloCronJob('  schedule: "0 */1 * * * *"\n'), 'cronjob-schedule'),
    'A Kubernetes schedule has exactly five fields, minute hour day-of-month month day-of-week (for example */5 * * * * runs every 5 minutes), and no seconds field; a descriptor such as @hourly works too.',
  );
  assert.equal(
    note(helloCronJob('  schedule: "0 25 * * *"\n'), 'cronjob-schedule'),
    'Field ranges: minute 0-59, hour 0-23, day of month 1-31, month 1-12 (or JAN-DEC), day of week 0-6 (0 is Sunday; or SUN-SAT).',
  );
  assert.equal(note(piJob('      restartPolicy: Never\n').replace('apiVersion: batch/v1\n', ''), 'unknown-api-version'), 'Every manifest needs an apiVersion: a Job uses apiVersion: batch/v1.');
});

test('the rules’ catalogs are registered once the core is imported (the parity test sees them)', () => {
  const areas = allCatalogs().map((catalog) => catalog.area);
  for (const area of ['rules.apiServer', 'rules.containers', 'rules.cronjob', 'rules.job', 'rules.lists', 'rules.pipeline', 'rules.yaml11']) {
    assert.ok(areas.includes(area), `${area} in ${areas.join(', ')}`);
  }
});
