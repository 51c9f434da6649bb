/**
 * The engine's own words for the reader of a preview: the Timeline's `notes` (how the simulation models what it
 * shows) and `message` (why a run stopped early or idles), its warnings about scenario events and the markers
 * it puts on the time axis for them. They follow SimulateOptions.locale (the Cluster carries it). Controller
 * events, conditions and kubectl texts are not here: they stay English, as a cluster prints them. Field paths,
 * feature gates, reasons and values stay in backticks or as written.
 */
import { defineCatalog } from '../i18n/catalog';

export const engineText = defineCatalog(
  'engine',
  {
    stoppedAtPodLimit: 'Stopped at {count} pods (the pod limit of a simulation) at t={time}s.',
    stoppedAtHorizon: 'Stopped at the {days}-day horizon with work still pending; set `until` in the scenario to look further.',
    stoppedAtEventLimit: 'Stopped after {count} simulation events at t={time}s; the object was still changing.',
    jobSuspended: 'Job {name} is suspended (spec.suspend is true): no pods run until it is resumed.',
    jobParallelismZero: 'Job {name} has spec.parallelism 0: the Job controller runs no pods until it is raised, so the Job stays active and never finishes.',
    cronSuspendedIdle: 'CronJob {name} is suspended (spec.suspend is true): it creates no Jobs until it is resumed.',
    deploymentPausedIdle: 'The Deployment is paused (spec.paused: true): nothing rolls out until it is resumed.',
    ignoredNoContainers: 'ignored: the pod template has no containers',
    ignoredCannotSuspend: 'ignored: a {kind} cannot be suspended',
    ignoredDeploymentSuspend: 'ignored: a Deployment cannot be suspended (patch spec.paused to pause a rollout)',
    ignoredNoRevisions: 'ignored: a {kind} has no revisions to roll back to',
    ignoredReplicaSetRollback: 'ignored: a ReplicaSet has no rollout history (kubectl rollout undo works on Deployments)',
    ignoredReplicaSetGone: 'ignored: the ReplicaSet is gone',
    ignoredJobTemplate: "ignored: a Job's pod template is immutable (the API server rejects the change: field is immutable)",
    jobGone: 'the Job no longer exists at t={time}s',
    suspendUnchangedMarker: 'spec.suspend is already {value}',
    statusTimeIgnored: 'is not an RFC 3339 time; ignored',
    controllerZoneUnknown: 'controller time zone {zone} is not an IANA time zone name; schedules without spec.timeZone run in UTC',
    tooManyActiveJobs: 'lists {count} Jobs; only the first {max} are simulated',
    internalError: 'internal error in the simulation engine: {message}',
    manifestNotMapping: 'the manifest must be a mapping (one YAML document with apiVersion, kind, metadata and spec)',
    kindRequired: 'kind is required (simulated kinds: {kinds})',
    kindNotSimulated: 'cannot simulate kind "{kind}" yet (simulated kinds: {kinds})',
    stranded: '{count} pod(s) never found a node that fits (see the FailedScheduling events); add or change nodes in the scenario.',
    scenarioEventNote: '{path}: {message}',
    eventAfterEndUntil: 'at +{at}, after the end of the run (+{end}, `until`): ignored; set `until` later to reach it',
    eventAfterEndDefault: 'at +{at}, after the end of the run (+{end}, the default end): ignored; set `until` later to reach it',
    eventAfterEndHorizon: 'at +{at}, after the end of the run (+{end}, the {end} horizon): ignored; set `until` later to reach it',
    nodeExists: 'node {node} already exists',
    noSuchNode: 'no node named {node} at t={time}s',
    noSuchPod: 'no pod named {pod} at t={time}s (names depend on the seed: run once and copy one)',
    nodeAddedMarker: 'node {node} added',
    nodeRemovedMarker: 'node {node} removed',
    controllerDownMarker: 'kube-controller-manager down for {seconds}s',
    jobTiming:
      "The API server and kubelet answer at once: a pod exists when it is created and starts after the scenario's startupSeconds; the Job controller looks at pod changes 1s later (syncJobBatchPeriod), so each wave of pods starts about 1s after the previous one ended.",
    jobManagedBy: 'spec.managedBy is "{managedBy}": the built-in Job controller leaves this Job to that controller, so nothing happens here.',
    jobFinished: 'The Job is already finished according to its status: the Job controller has nothing left to do.',
    jobPodConditions: 'Pod conditions for podFailurePolicy: the simulation sets DisruptionTarget only on pods whose node is removed (scenario event removeNode).',
    jobPreexisting: 'status.active was {count}: those pods are assumed to be starting at t=0 (their real age is unknown).',
    cronZoneTzPrefix: 'The schedule is computed in the zone its TZ= prefix names. The controller syncs 100ms after each schedule time (nextScheduleDelta), so Jobs are created then.',
    cronZoneSpec: 'The schedule is computed in {zone}. The controller syncs 100ms after each schedule time (nextScheduleDelta), so Jobs are created then.',
    cronZoneController:
      "The schedule is computed in {zone}, the controller manager's zone (spec.timeZone is not set). The controller syncs 100ms after each schedule time (nextScheduleDelta), so Jobs are created then.",
    cronMissed:
      'After a missed schedule (controller manager down, suspended, Forbid), the controller starts only the most recent missed time, and only if it is within startingDeadlineSeconds; earlier missed times are never run.',
    cronForbid:
      'concurrencyPolicy Forbid: a schedule time that comes while a Job runs is held back (JobAlreadyActive); it starts late when that Job finishes if no newer time has come by then, else it is skipped.',
    cronSuspended: 'spec.suspend is true: no Jobs are created while it stays so.',
    cronTtlZero:
      'ttlSecondsAfterFinished is 0: in a cluster the TTL controller and the CronJob controller race for each finished Job; here the CronJob controller sees it first (SawCompletedJob, lastSuccessfulTime), then the Job is deleted.',
    cronPreexisting: 'status.active listed {count} Job(s): they are assumed to be running, their pods starting at t=0 (their real age is unknown).',
    daemonRun:
      'DaemonSet pods run until they are deleted (restartPolicy Always) unless the scenario gives them a run time; the rolling update takes nodes in their listed order (upstream walks a Go map: which nodes go first is unspecified, only how many per step).',
    daemonNotReady:
      'A node that is not Ready carries the node.kubernetes.io/not-ready taints (NoSchedule and NoExecute): daemon pods tolerate only the NoExecute one, so no new daemon pod starts there and existing ones stay.',
    daemonPreexisting: 'status.currentNumberScheduled was {count}: {created} daemon pod(s) of the current template are assumed to be starting at t=0 (their real age is unknown).',
    statefulRun:
      'StatefulSet pods run until they are deleted (restartPolicy Always) unless the scenario gives them a run time; a claim is bound at once (no storage provisioning is simulated).',
    statefulMaxUnavailable:
      'spec.updateStrategy.rollingUpdate.maxUnavailable needs the MaxUnavailableStatefulSet feature gate (on by default only in 1.35 and from 1.37): the rolling update replaces one pod at a time.',
    statefulPreexisting:
      'status.replicas was {count}: {created} pod(s) of the current template ({first} on) and their claims are assumed to exist, starting at t=0 (their real age is unknown).',
    deploymentRun:
      'Deployment pods run until they are deleted (restartPolicy Always) unless the scenario gives them a run time; ReplicaSet names use a pod-template-hash computed over the template as canonical JSON, so they differ from the ones a cluster would print.',
    deploymentPreexisting:
      'status.replicas was {count}: ReplicaSet {name} (revision {revision}) with {created} pod(s) of the current template is assumed to exist, its pods starting at t=0 (their real age is unknown); older ReplicaSets are not in the manifest and are not modelled.',
  },
  {
    stoppedAtPodLimit: '在 t={time}s 达到 {count} 个 Pod（模拟的 Pod 数上限），已停止。',
    stoppedAtHorizon: '已到 {days} 天的模拟上限，仍有待处理的工作，已停止；在场景中设置 `until` 可以看得更远。',
    stoppedAtEventLimit: '在 t={time}s 已处理 {count} 个模拟事件，对象仍在变化，已停止。',
    jobSuspended: 'Job {name} 已挂起（spec.suspend 为 true）：恢复之前不会运行任何 Pod。',
    jobParallelismZero: 'Job {name} 的 spec.parallelism 为 0：调大之前 Job 控制器不会运行任何 Pod，因此该 Job 一直处于活跃状态，永远不会结束。',
    cronSuspendedIdle: 'CronJob {name} 已挂起（spec.suspend 为 true）：恢复之前不会创建任何 Job。',
    deploymentPausedIdle: 'Deployment 已暂停（spec.paused: true）：恢复之前不会进行任何上线。',
    ignoredNoContainers: '已忽略：Pod 模板中没有容器',
    ignoredCannotSuspend: '已忽略：{kind} 不能挂起',
    ignoredDeploymentSuspend: '已忽略：Deployment 不能挂起（要暂停上线，请修改 spec.paused）',
    ignoredNoRevisions: '已忽略：{kind} 没有可回滚到的修订版本',
    ignoredReplicaSetRollback: '已忽略：ReplicaSet 没有上线历史（kubectl rollout undo 只适用于 Deployment）',
    ignoredReplicaSetGone: '已忽略：该 ReplicaSet 已不存在',
    ignoredJobTemplate: '已忽略：Job 的 Pod 模板不可变（API 服务器会拒绝该修改："field is immutable"）',
    jobGone: 't={time}s 时该 Job 已不存在',
    suspendUnchangedMarker: 'spec.suspend 已经是 {value}',
    statusTimeIgnored: '不是 RFC 3339 时间；已忽略',
    controllerZoneUnknown: '控制器时区 {zone} 不是 IANA 时区名称；未设置 spec.timeZone 的计划按 UTC 运行',
    tooManyActiveJobs: '列出了 {count} 个 Job；只模拟前 {max} 个',
    internalError: '模拟引擎内部错误：{message}',
    manifestNotMapping: '清单必须是映射（一个包含 apiVersion、kind、metadata 和 spec 的 YAML 文档）',
    kindRequired: '必须有 kind（可模拟的类型：{kinds}）',
    kindNotSimulated: '暂不能模拟 kind "{kind}"（可模拟的类型：{kinds}）',
    stranded: '{count} 个 Pod 始终没有找到合适的节点（见 FailedScheduling 事件）；请在场景中添加或修改节点。',
    scenarioEventNote: '{path}：{message}',
    eventAfterEndUntil: '发生在 +{at}，晚于运行结束（+{end}，`until`）：已忽略；设置更晚的 `until` 才能看到它',
    eventAfterEndDefault: '发生在 +{at}，晚于运行结束（+{end}，默认结束时间）：已忽略；设置更晚的 `until` 才能看到它',
    eventAfterEndHorizon: '发生在 +{at}，晚于运行结束（+{end}，即 {end} 的模拟上限）：已忽略；设置更晚的 `until` 才能看到它',
    nodeExists: '节点 {node} 已存在',
    noSuchNode: 't={time}s 时没有名为 {node} 的节点',
    noSuchPod: 't={time}s 时没有名为 {pod} 的 Pod（名称取决于种子：先运行一次，再复制一个名称）',
    nodeAddedMarker: '添加节点 {node}',
    nodeRemovedMarker: '移除节点 {node}',
    controllerDownMarker: 'kube-controller-manager 停止运行 {seconds}s',
    jobTiming:
      'API 服务器和 kubelet 立即响应：Pod 创建后即存在，并在场景的 startupSeconds 之后启动；Job 控制器在 Pod 变化 1s 后才处理（syncJobBatchPeriod），因此每一批 Pod 大约在上一批结束 1s 后启动。',
    jobManagedBy: 'spec.managedBy 为 "{managedBy}"：内置的 Job 控制器把此 Job 交给该控制器处理，因此这里什么也不会发生。',
    jobFinished: '根据其状态，该 Job 已经结束：Job 控制器没有剩余工作。',
    jobPodConditions: 'podFailurePolicy 的 Pod 状况：模拟只会给所在节点被移除的 Pod 设置 DisruptionTarget（场景事件 removeNode）。',
    jobPreexisting: 'status.active 为 {count}：假定这些 Pod 在 t=0 时正在启动（其真实运行时长未知）。',
    cronZoneTzPrefix: '计划按其 TZ= 前缀指定的时区计算。控制器在每个计划时间之后 100ms 同步（nextScheduleDelta），因此 Job 在那时创建。',
    cronZoneSpec: '计划按 {zone} 时区计算。控制器在每个计划时间之后 100ms 同步（nextScheduleDelta），因此 Job 在那时创建。',
    cronZoneController: '计划按 {zone} 时区计算，即控制器管理器的时区（未设置 spec.timeZone）。控制器在每个计划时间之后 100ms 同步（nextScheduleDelta），因此 Job 在那时创建。',
    cronMissed: '错过计划时间后（控制器管理器停止运行、被挂起、Forbid），控制器只启动最近一次错过的时间，且仅当它在 startingDeadlineSeconds 之内；更早错过的时间永远不会运行。',
    cronForbid:
      'concurrencyPolicy 为 Forbid：Job 运行期间到来的计划时间会被暂缓（JobAlreadyActive）；若到该 Job 结束时还没有更新的计划时间，它会延迟启动，否则被跳过。',
    cronSuspended: 'spec.suspend 为 true：保持挂起期间不会创建 Job。',
    cronTtlZero:
      'ttlSecondsAfterFinished 为 0：在集群中，TTL 控制器与 CronJob 控制器会争抢每个已结束的 Job；这里 CronJob 控制器先看到它（SawCompletedJob、lastSuccessfulTime），然后该 Job 被删除。',
    cronPreexisting: 'status.active 列出了 {count} 个 Job：假定它们正在运行，其 Pod 在 t=0 时启动（真实运行时长未知）。',
    daemonRun:
      'DaemonSet 的 Pod 会一直运行到被删除（restartPolicy Always），除非场景给出了运行时长；滚动更新按节点列出的顺序进行（上游遍历的是 Go map：哪些节点先更新并不确定，确定的只是每一步更新多少个）。',
    daemonNotReady:
      '未就绪的节点带有 node.kubernetes.io/not-ready 污点（NoSchedule 和 NoExecute）：守护进程 Pod 只容忍 NoExecute 那个，因此不会在该节点上启动新的守护进程 Pod，已有的则保留。',
    daemonPreexisting: 'status.currentNumberScheduled 为 {count}：假定当前模板的 {created} 个守护进程 Pod 在 t=0 时正在启动（其真实运行时长未知）。',
    statefulRun: 'StatefulSet 的 Pod 会一直运行到被删除（restartPolicy Always），除非场景给出了运行时长；卷申领立即绑定（不模拟存储制备）。',
    statefulMaxUnavailable:
      'spec.updateStrategy.rollingUpdate.maxUnavailable 需要 MaxUnavailableStatefulSet 特性门控（仅在 1.35 和 1.37 及以后默认开启）：滚动更新一次替换一个 Pod。',
    statefulPreexisting: 'status.replicas 为 {count}：假定当前模板的 {created} 个 Pod（从 {first} 起）及其卷申领已经存在，在 t=0 时启动（其真实运行时长未知）。',
    deploymentRun:
      'Deployment 的 Pod 会一直运行到被删除（restartPolicy Always），除非场景给出了运行时长；ReplicaSet 名称中的 pod-template-hash 是对模板的规范 JSON 计算的，因此与集群中显示的名称不同。',
    deploymentPreexisting:
      'status.replicas 为 {count}：假定 ReplicaSet {name}（修订版本 {revision}）及当前模板的 {created} 个 Pod 已经存在，其 Pod 在 t=0 时启动（真实运行时长未知）；更早的 ReplicaSet 不在清单中，不做模拟。',
  },
);
