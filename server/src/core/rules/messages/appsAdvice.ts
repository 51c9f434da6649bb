/** The Deployment and StatefulSet advice rules' words (rollout budget, Recreate, readiness, progress deadline, PVC retention). */
import { defineCatalog } from '../../i18n';

export const appsAdvice = defineCatalog(
  'rules.apps',
  {
    oneExtraPodFirst:
      'With {replicas} replicas, maxSurge {maxSurge} comes to 1 pod (rounded up) and maxUnavailable {maxUnavailable} to 0 (rounded down): a rollout starts one extra pod, waits for it to become available, then removes one old pod — {replicas} steps one after another. ' +
      'Set maxSurge or maxUnavailable to a number (e.g. maxSurge: 2) if the rollout should move faster.',
    onePodDownAtATime:
      'With {replicas} replicas, maxSurge {maxSurge} and maxUnavailable {maxUnavailable} both come to 0 pods, so the controller takes one pod down at a time (maxUnavailable 1): {replicas} steps, each with one pod fewer serving. ' +
      'Set maxSurge (e.g. 1) to start new pods before old ones stop.',
    recreateSingleReplica:
      'strategy Recreate with 1 replica: every rollout deletes the only pod first and starts the new one after it is gone, so nothing serves in between. ' +
      'Use RollingUpdate (the default) with maxUnavailable: 0 and maxSurge: 1 to start the new pod first.',
    recreateFix: 'Use RollingUpdate (maxSurge 1, maxUnavailable 0)',
    noReadinessProbe:
      'No container has a readinessProbe and minReadySeconds is 0: a new pod counts as available as soon as its containers start, so a rollout goes on even if the application never comes up. ' +
      'Add a readinessProbe (or set minReadySeconds) so the {kind} waits until new pods really work.',
    shortProgressDeadline:
      'progressDeadlineSeconds {deadline} leaves a new pod only {margin}s beyond minReadySeconds {minReady} to start and become ready before the rollout is reported as failed (ProgressDeadlineExceeded). ' +
      'Allow at least a few minutes (the default is 600).',
    pvcRetained:
      'volumeClaimTemplates without a persistentVolumeClaimRetentionPolicy: when the StatefulSet is scaled down or deleted, the claims of removed pods ({claims}) stay, with their volumes, until someone deletes them. ' +
      'Set persistentVolumeClaimRetentionPolicy (whenScaled / whenDeleted: Delete) if the data need not outlive the pods; write Retain to say it must.',
  },
  {
    oneExtraPodFirst:
      '{replicas} 个副本时，`maxSurge` {maxSurge} 换算为 1 个 Pod（向上取整），`maxUnavailable` {maxUnavailable} 换算为 0（向下取整）：滚动更新每次先多启动一个 Pod，等它可用后再删除一个旧 Pod，一共要依次走 {replicas} 步。' +
      '如果希望更新更快，请把 `maxSurge` 或 `maxUnavailable` 设为具体数值（例如 `maxSurge: 2`）。',
    onePodDownAtATime:
      '{replicas} 个副本时，`maxSurge` {maxSurge} 和 `maxUnavailable` {maxUnavailable} 都换算为 0 个 Pod，控制器因此每次停掉一个 Pod（`maxUnavailable` 按 1 处理）：共 {replicas} 步，每一步都少一个 Pod 提供服务。' +
      '设置 `maxSurge`（例如 1），让新 Pod 在旧 Pod 停止之前启动。',
    recreateSingleReplica:
      '只有 1 个副本时使用 `Recreate` 策略：每次更新都会先删除唯一的 Pod，等它消失后才启动新 Pod，中间没有任何 Pod 提供服务。' +
      '请使用 `RollingUpdate`（默认策略），并设置 `maxUnavailable: 0`、`maxSurge: 1`，先启动新 Pod。',
    recreateFix: '改用 RollingUpdate（maxSurge 1，maxUnavailable 0）',
    noReadinessProbe:
      '没有任何容器设置 `readinessProbe`，且 `minReadySeconds` 为 0：新 Pod 的容器一启动就被视为可用，即使应用根本没有起来，滚动更新也会继续。' +
      '请添加就绪探针（或设置 `minReadySeconds`），让 {kind} 等到新 Pod 真正可用。',
    shortProgressDeadline:
      '`progressDeadlineSeconds` {deadline} 在 `minReadySeconds` {minReady} 之外只给新 Pod 留了 {margin} 秒来启动并就绪，超时后这次更新就会被报告为失败（ProgressDeadlineExceeded）。' +
      '请至少留出几分钟（默认值为 600）。',
    pvcRetained:
      '设置了 `volumeClaimTemplates` 却没有 `persistentVolumeClaimRetentionPolicy`：StatefulSet 缩容或被删除时，被移除的 Pod 的 PVC（{claims}）连同其卷都会保留，直到有人手动删除。' +
      '如果数据不需要比 Pod 活得更久，请设置 `persistentVolumeClaimRetentionPolicy`（`whenScaled` / `whenDeleted: Delete`）；如果必须保留，请显式写上 `Retain`。',
  },
);
