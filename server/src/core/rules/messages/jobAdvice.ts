/** The Job advice rules' words (job-ttl-missing, job-parallelism) and their quick-fix titles. */
import { defineCatalog } from '../../i18n';

export const jobAdvice = defineCatalog(
  'rules.job',
  {
    ttlMissing:
      'No ttlSecondsAfterFinished: when this Job finishes, it and its pods stay in the cluster until someone deletes them, and finished Jobs pile up. ' +
      'Set spec.ttlSecondsAfterFinished (e.g. 3600) to let Kubernetes delete it that many seconds after it completes or fails.',
    ttlFix: 'Delete the Job an hour after it finishes (ttlSecondsAfterFinished: 3600)',
    parallelismAboveCompletions:
      'parallelism {parallelism} is more than completions {completions}: the Job controller never runs more pods than the completions still missing, so at most {completions} run at once. ' +
      'Set parallelism to {completions} or less.',
    parallelismFix: 'Set parallelism to {completions}',
    indexedSharedBackoff:
      'An Indexed Job with {completions} indexes shares one backoffLimit ({backoffLimit}) across all of them: {failures} pod failures anywhere fail the whole Job. ' +
      'Set backoffLimitPerIndex (and maybe maxFailedIndexes) so each index retries on its own.',
  },
  {
    ttlMissing:
      '未设置 `ttlSecondsAfterFinished`：这个 Job 结束后，它和它的 Pod 会一直留在集群里，直到有人删除，结束的 Job 会越积越多。' +
      '设置 `spec.ttlSecondsAfterFinished`（例如 `3600`），Kubernetes 就会在 Job 成功或失败后再过这么多秒把它删除。',
    ttlFix: '在 Job 结束一小时后删除它（ttlSecondsAfterFinished: 3600）',
    parallelismAboveCompletions:
      '`parallelism`（{parallelism}）大于 `completions`（{completions}）：Job 控制器同时运行的 Pod 数不会超过尚未完成的次数，所以最多只有 {completions} 个 Pod 同时运行。' +
      '请把 `parallelism` 设为 {completions} 或更小。',
    parallelismFix: '将 parallelism 设为 {completions}',
    indexedSharedBackoff:
      '这个 Indexed Job 有 {completions} 个索引，它们共用一个 `backoffLimit`（{backoffLimit}）：任何索引的 Pod 累计失败 {failures} 次，整个 Job 就会失败。' +
      '请设置 `backoffLimitPerIndex`（必要时再设置 `maxFailedIndexes`），让每个索引各自重试。',
  },
);
