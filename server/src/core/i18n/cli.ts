/**
 * The CLI's own words: lint's summary and notes, cron's labels, simulate's headings and the plain explanations
 * after cryptic controller events. Severity words, rule ids, kubectl tables and the API server's and
 * controllers' messages stay in English: scripts and people compare them with what kubectl prints.
 */
import { defineCatalog } from './catalog';

export const cliText = defineCatalog(
  'cli',
  {
    lintSummary: 'checked {files} file(s), {documents} workload document(s): {errors} error(s), {warnings} warning(s)',
    findingNote: 'note: {note}',
    cronSchedule: 'Schedule:    {schedule}',
    cronDescription: 'Description: {description}',
    cronTimeZone: 'Time zone:   {zone}',
    cronNextRunsFrom: 'Next runs:   (from {from})',
    cronNeverRuns: 'Next runs:   never (no matching time in the next five years)',
    cronNote: 'Note: {note}',
    cronInvalid: '{schedule}: invalid: {errors}',
    simulatedRange: '{object}: simulated from {start} to {end}',
    stoppedEarly: 'stopped early: {reason}',
    nothingMoreHappens: 'nothing more happens: {reason}',
    tablesAt: '(tables at +{time})',
    tablesAtEnd: '(tables at +{time}, the end of the run: --at {at} is after it)',
    tablesWhenFinished: '(tables at +{time}, when {name} finished)',
    explainNoNextRun:
      'the schedule names no time that ever comes (such as 31 February), so the CronJob controller finds no next run and creates no Job',
    explainTooManyMissed:
      'more than 100 scheduled runs passed without a Job (the controller was down, or the CronJob was suspended or created with an old lastScheduleTime); the controller starts only the most recent one, and startingDeadlineSeconds limits how far back it looks',
  },
  {
    lintSummary: '已检查 {files} 个文件、{documents} 个工作负载文档：{errors} 个错误，{warnings} 个警告',
    findingNote: '说明：{note}',
    cronSchedule: '计划：      {schedule}',
    cronDescription: '描述：      {description}',
    cronTimeZone: '时区：      {zone}',
    cronNextRunsFrom: '下次运行：  （自 {from} 起）',
    cronNeverRuns: '下次运行：  从不（未来五年内没有匹配的时间）',
    cronNote: '注意：{note}',
    cronInvalid: '{schedule}：无效：{errors}',
    simulatedRange: '{object}：模拟时段 {start} 至 {end}',
    stoppedEarly: '提前停止：{reason}',
    nothingMoreHappens: '之后不再发生任何事：{reason}',
    tablesAt: '（表格为 +{time} 时的状态）',
    tablesAtEnd: '（表格为 +{time}，即运行结束时的状态：--at {at} 在结束之后）',
    tablesWhenFinished: '（表格为 +{time}，即 {name} 完成时的状态）',
    explainNoNextRun: '该计划指定的时间永远不会到来（例如 2 月 31 日），因此 CronJob 控制器找不到下一次运行时间，不会创建 Job',
    explainTooManyMissed:
      '已有超过 100 次计划运行没有创建 Job（控制器曾停止运行，或 CronJob 曾被挂起，或创建时带有较早的 lastScheduleTime）；控制器只会启动最近的一次，且 startingDeadlineSeconds 限制了它向前回溯的范围',
  },
);
