/**
 * The CronJob advice rules' words: schedules and deadlines the API server accepts but that do not do what they seem
 * to (cronjob-never-runs, cronjob-overlapping-runs, cronjob-step-exceeds-range, cronjob-day-fields-or,
 * cronjob-short-starting-deadline).
 */
import { defineCatalog } from '../../i18n';

export const cronJobAdvice = defineCatalog(
  'rules.cronjob',
  {
    neverRuns:
      'This schedule never runs: no month it allows ({months}) has the day of the month it asks for ({days}). Kubernetes accepts it, but no Job is ever created.',
    overlappingRuns:
      'The schedule can start a Job every {gap}, but each Job may run for up to {deadline} (activeDeadlineSeconds: {seconds}) and concurrencyPolicy Allow starts the next one anyway: up to {overlap} Jobs may run at once. ' +
      'Use concurrencyPolicy: Forbid (skip a run while one is active) or Replace (stop the old run), or a shorter activeDeadlineSeconds.',
    shortStartingDeadline:
      'startingDeadlineSeconds: {deadline} is shorter than the 10 seconds the CronJob controller may take to notice a schedule time, so runs can be missed (MissSchedule). ' +
      'Use 10 or more, or leave it unset.',
    dayFieldsOr:
      'Both day of month ({dayOfMonth}) and day of week ({dayOfWeek}) are restricted, so this runs on every day that matches EITHER of them, not only on days that match both: ' +
      "robfig/cron (dayMatches) ORs the two day fields when neither is *. To need both, keep one field * and check the other in the Job's command.",
    /** A large step: what it does ({what}, one of the step* keys) and why Kubernetes lets it through. */
    largeStep: '{what} Kubernetes accepts it: robfig/cron (getRange) steps from the start of the range, and a step larger than the range yields only the start.',
    stepMinuteEveryHour: '{item} in minutes means only minute {value}: this runs at minute {values} of every hour, not every {step} minutes.',
    stepMinuteAllowedHours: '{item} in minutes means only minute {value}: this runs at minute {values} of each hour it allows, not every {step} minutes.',
    stepHour: '{item} in hours means only hour {value}: this runs only in hour {values} of the day, not every {step} hours.',
    stepDayOfMonth: '{item} in day-of-month means only day {value}: this runs only on day {values} of the month, not every {step} days.',
    stepMonth: '{item} in months means only month {value} ({name}): this runs only in {names}, not every {step} months.',
    stepDayOfWeek: '{item} in day-of-week means only day {value} ({name}): this runs only on {names}, not every {step} days.',
  },
  {
    neverRuns: '这个时间表永远不会运行：它允许的月份（{months} 月）里都没有它要求的日期（{days} 号）。Kubernetes 会接受它，但永远不会创建 Job。',
    overlappingRuns:
      '按这个时间表，每 {gap} 就可能启动一个 Job，而每个 Job 最长可以运行 {deadline}（`activeDeadlineSeconds: {seconds}`）；`concurrencyPolicy: Allow` 不等上一个结束就启动下一个，所以最多可能有 {overlap} 个 Job 同时运行。' +
      '请改用 `concurrencyPolicy: Forbid`（已有 Job 在运行时跳过这一次）或 `Replace`（停止旧的 Job），或者缩短 `activeDeadlineSeconds`。',
    shortStartingDeadline:
      '`startingDeadlineSeconds: {deadline}` 小于 10 秒，而 CronJob 控制器可能要过 10 秒左右才注意到预定的运行时间，因此可能错过运行（MissSchedule）。' +
      '请设为 10 或更大，或者不设置。',
    dayFieldsOr:
      '日期（`{dayOfMonth}`）和星期（`{dayOfWeek}`）两个字段都有限制，所以只要满足其中任意一个，当天就会运行，而不是只在两者同时满足的日子运行：' +
      '两个字段都不是 `*` 时，robfig/cron（dayMatches）按“或”组合它们。如果要求两者同时满足，请把其中一个字段设为 `*`，在 Job 的命令里检查另一个条件。',
    largeStep: '{what}Kubernetes 会接受这种写法：robfig/cron（getRange）从范围的起点开始按步长取值，步长大于范围时就只剩下起点。',
    stepMinuteEveryHour: '分钟字段里的 `{item}` 只表示第 {value} 分钟：它在每小时的第 {values} 分钟运行，而不是每 {step} 分钟运行一次。',
    stepMinuteAllowedHours: '分钟字段里的 `{item}` 只表示第 {value} 分钟：它在允许的每个小时的第 {values} 分钟运行，而不是每 {step} 分钟运行一次。',
    stepHour: '小时字段里的 `{item}` 只表示 {value} 点：它只在每天 {values} 点这一小时内运行，而不是每 {step} 小时运行一次。',
    stepDayOfMonth: '日期字段里的 `{item}` 只表示 {value} 号：它只在每月 {values} 号运行，而不是每 {step} 天运行一次。',
    stepMonth: '月份字段里的 `{item}` 只表示 {name}（第 {value} 个月）：它只在 {names}运行，而不是每 {step} 个月运行一次。',
    stepDayOfWeek: '星期字段里的 `{item}` 只表示 {value}（{name}）：它只在{names}运行，而不是每 {step} 天运行一次。',
  },
);

/** Month and weekday names for the step messages: one (`January`) and the form after "only in/on" (`Sundays`). */
export const CALENDAR_NAMES = {
  en: {
    month: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    day: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    everyDay: ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'],
  },
  'zh-cn': {
    month: ['1 月', '2 月', '3 月', '4 月', '5 月', '6 月', '7 月', '8 月', '9 月', '10 月', '11 月', '12 月'],
    day: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
    everyDay: ['每周日', '每周一', '每周二', '每周三', '每周四', '每周五', '每周六'],
  },
} as const;
