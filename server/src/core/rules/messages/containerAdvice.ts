/** The words of the advice rules about containers (quoted-shell-command, unexpanded-placeholder, daemonset-resources). */
import { defineCatalog } from '../../i18n';

export const containerAdvice = defineCatalog(
  'rules.containers',
  {
    quotedShellCommand:
      'The script after "-c" keeps its outer quotes: {script} — the shell reads the whole quoted text as the name of one command and fails with "not found". ' +
      'Remove the outer quotes: each list item already reaches the container as one argument.',
    removeQuotesFix: 'Remove the extra quotes',
    unexpandedPlaceholder:
      '"{placeholder}" looks like a template placeholder that was not filled in (as in the Job-template pattern: sed "s/\\$ITEM/apple/"). ' +
      'Kubernetes does not expand it here; expand the template before applying it (for example with sed or envsubst).',
    daemonSetResources:
      'Container "{container}" has no resource {missing}. A DaemonSet runs on every node beside everything else: ' +
      'set resources.requests (cpu, memory) so the scheduler keeps room for it, and resources.limits so it cannot starve the node.',
    missingRequests: 'requests',
    missingLimits: 'limits',
    missingRequestsAndLimits: 'requests or limits',
  },
  {
    quotedShellCommand:
      '`-c` 后面的脚本还带着外层引号：`{script}`。Shell 会把整段带引号的文本当成一个命令的名字，结果报错 "not found"。' +
      '请去掉外层引号：列表里的每一项本来就会作为一个完整的参数传给容器。',
    removeQuotesFix: '去掉多余的引号',
    unexpandedPlaceholder:
      '`{placeholder}` 看起来是没有被替换的模板占位符（常见于 Job 模板的做法：`sed "s/\\$ITEM/apple/"`）。' +
      'Kubernetes 不会在这里展开它；请在 apply 之前先展开模板（例如用 `sed` 或 `envsubst`）。',
    daemonSetResources:
      '容器 `{container}` 没有设置{missing}。DaemonSet 会在每个节点上和其他工作负载一起运行：' +
      '请设置 `resources.requests`（`cpu`、`memory`），让调度器为它预留资源；再设置 `resources.limits`，防止它耗尽节点的资源。',
    missingRequests: '资源请求（`resources.requests`）',
    missingLimits: '资源限制（`resources.limits`）',
    missingRequestsAndLimits: '资源请求和资源限制（`resources.requests`、`resources.limits`）',
  },
);
