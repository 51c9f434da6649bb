/**
 * The language server's own words outside hovers: CodeLens titles and what the simulate request says while it
 * runs and when it cannot run. Kinds (Job, CronJob, DaemonSet, Deployment, ...), names and zone names are not translated.
 */
import { defineCatalog } from './catalog';

export const editorText = defineCatalog(
  'editor',
  {
    previewLens: '$(play) Preview {kind}',
    nextRunLens: '{description} · next {time} {zone}',
    neverRunsLens: '{description} · never runs',
    simulating: 'Simulating {kind} {name}',
    progress: '+{time} simulated, {pods} pods',
    cancelled: 'Simulation cancelled.',
    openFirst: 'Open the manifest in the editor first (Helm templates cannot be simulated: render them with `helm template`).',
    noWorkload: 'No Job, CronJob, DaemonSet, Deployment, ReplicaSet or StatefulSet in this file to simulate.',
    notAWorkload: 'Document {index} (counted from 0) is a {kind}: only Jobs, CronJobs, DaemonSets, Deployments, ReplicaSets and StatefulSets can be simulated.',
    notAWorkloadNoKind: 'Document {index} (counted from 0) is a YAML document without a kind: only Jobs, CronJobs, DaemonSets, Deployments, ReplicaSets and StatefulSets can be simulated.',
    failedInServer: 'The simulation failed inside the language server; its output channel has the details.',
  },
  {
    previewLens: '$(play) 预览 {kind}',
    nextRunLens: '{description} · 下次 {time} {zone}',
    neverRunsLens: '{description} · 从不运行',
    simulating: '正在模拟 {kind} {name}',
    progress: '已模拟 +{time}，{pods} 个 Pod',
    cancelled: '模拟已取消。',
    openFirst: '请先在编辑器中打开清单（Helm 模板无法模拟：请先用 `helm template` 渲染）。',
    noWorkload: '此文件中没有可模拟的 Job、CronJob、DaemonSet、Deployment、ReplicaSet 或 StatefulSet。',
    notAWorkload: '文档 {index}（从 0 开始计数）是 {kind}：只能模拟 Job、CronJob、DaemonSet、Deployment、ReplicaSet 和 StatefulSet。',
    notAWorkloadNoKind: '文档 {index}（从 0 开始计数）是没有 kind 的 YAML 文档：只能模拟 Job、CronJob、DaemonSet、Deployment、ReplicaSet 和 StatefulSet。',
    failedInServer: '语言服务器内部模拟失败；详情见其输出通道。',
  },
);
