/**
 * What the CronJob controller reads and writes, reduced to the fields its decisions use. Unlike the Job
 * controller's types, times here are wall-clock epoch milliseconds: schedules are wall-clock things
 * (minutes since the epoch name the Jobs, time zones decide the fire times), and the upstream test
 * tables are written in wall-clock times. The simulation converts at its edge (controller.ts).
 */

/** batch/v1 CronJobSpec after SetDefaults_CronJob, as the controller reads it. */
export interface CronJobSpecView {
  readonly schedule: string;
  /** spec.timeZone; null when unset (the schedule runs in the controller manager's zone). */
  readonly timeZone: string | null;
  readonly startingDeadlineSeconds: number | null;
  /** Allow, Forbid or Replace. */
  readonly concurrencyPolicy: string;
  readonly suspend: boolean;
  /** null: unset and not defaulted (cleanup of that kind is off). */
  readonly successfulJobsHistoryLimit: number | null;
  readonly failedJobsHistoryLimit: number | null;
}

/** An entry of status.active (a corev1.ObjectReference, reduced). */
export interface JobReference {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
}

/**
 * status.active, read-only, with the lookups syncCronJob makes (inActiveList by UID, inActiveListByName).
 * A set rather than an array: a CronJob with Allow and long runs can have thousands of Jobs running, and
 * each sync must not cost as much as the list is long (active.ts).
 */
export interface ActiveJobs extends Iterable<JobReference> {
  readonly size: number;
  hasUid(uid: string): boolean;
  byName(namespace: string, name: string): JobReference | undefined;
}

export interface CronJobStatus {
  readonly active: ActiveJobs;
  readonly lastScheduleTime: number | null;
  readonly lastSuccessfulTime: number | null;
}

export interface CronJobView {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly creationTimestamp: number;
  /** metadata.deletionTimestamp is set. */
  readonly deleting: boolean;
  readonly spec: CronJobSpecView;
  readonly status: CronJobStatus;
}

/** A Job as the CronJob controller's Job lister (or a GET) shows it. */
export interface ChildJobView {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  /** The controller ownerReference's name and UID; null when the Job has no controller. */
  readonly controllerName: string | null;
  readonly controllerUid: string | null;
  /** getFinishedStatus: the type of the first True Complete or Failed condition, else null. */
  readonly finished: 'Complete' | 'Failed' | null;
  readonly startTime: number | null;
  readonly completionTime: number | null;
}

/** A failed API call, as the controller would see the error. */
export interface ApiError {
  readonly error: string;
  /** errors.HasStatusCause(err, NamespaceTerminatingCause) / errors.IsAlreadyExists(err). */
  readonly reason?: 'NamespaceTerminating' | 'AlreadyExists';
}

/**
 * The API calls syncCronJob makes besides reading its listers (jobControl / cronJobControl). The
 * simulation answers them from its cluster; the upstream tests' fakes answer them from the test case.
 */
export interface CronJobApi {
  /** jobControl.GetJob: the Job, null for NotFound, or an error. */
  getJob(namespace: string, name: string): ChildJobView | null | ApiError;
  /** cronJobControl.GetCronJob: a fresh read of the CronJob (the lister's copy may be stale). */
  getCronJob(namespace: string, name: string): CronJobView | ApiError;
  /**
   * jobControl.CreateJob: the UID the new Job will get, or the error the create would return. Only an
   * answer: the Job is created when the sync's createJob action is carried out.
   */
  createJob(namespace: string, name: string): { readonly uid: string } | ApiError;
  /** The error jobControl.DeleteJob would return, or null. */
  deleteJobError?(namespace: string, name: string): ApiError | null;
}

/** Texts and small behaviours that changed between releases (see cronJobFeaturesFor). */
export interface CronJobFeatures {
  /** SawCompletedJob reads "…, condition: Complete" (newer) or "…, status: Complete" (older). */
  readonly sawCompletedJobWord: 'condition' | 'status';
  /** TooManyMissedTimes carries the approximate count ("too many missed start times: 101. …") in older releases. */
  readonly tooManyMissedCount: boolean;
  /**
   * Newer releases move lastSuccessfulTime in the sync that sees a Job of status.active succeed; older ones
   * only in a later sync that finds it finished outside status.active (so a Job deleted before that sync, by
   * ttlSecondsAfterFinished: 0 say, never counted).
   */
  readonly lastSuccessfulTimeWhenSeen: boolean;
}

export type CronJobAction =
  /** jobControl.CreateJob (the Job's name is getJobName). */
  | { readonly type: 'createJob'; readonly name: string; readonly namespace: string; readonly scheduledTime: number }
  /** jobControl.DeleteJob (background propagation): concurrencyPolicy Replace or the history limits. */
  | { readonly type: 'deleteJob'; readonly name: string; readonly namespace: string; readonly reason: 'Replace' | 'HistoryLimit' }
  | { readonly type: 'event'; readonly eventType: 'Normal' | 'Warning'; readonly reason: string; readonly message: string };

/** What kube-controller-manager would log at the decisions the Timeline marks (klog V(4) lines, as data). */
export type CronJobLogEntry =
  /** "Not starting job because prior execution is still running and concurrency policy is Forbid". */
  | { readonly kind: 'forbidden'; readonly scheduledTime: number; readonly active: readonly string[] }
  /** A Job was created (or adopted) for scheduledTime; `since` is the earliest time the schedule was read from. */
  | { readonly kind: 'created'; readonly scheduledTime: number; readonly since: number; readonly missed: MissedSchedules; readonly job: string };

/** utils.go missedSchedulesType. */
export type MissedSchedules = 'none' | 'few' | 'many';

export interface CronJobSyncInput {
  readonly cronJob: CronJobView;
  /**
   * getJobsToBeReconciled: every Job whose controller reference names this CronJob. A caller that tracks its
   * Jobs may leave out the unfinished ones listed in status.active, provided it gives `missingActive`: they
   * change nothing (the result is the same).
   */
  readonly jobs: readonly ChildJobView[];
  /**
   * The entries of status.active whose Job no longer exists. When given, the other entries are known to
   * exist and are not asked for one by one (upstream GETs each entry the lister did not show).
   */
  readonly missingActive?: readonly JobReference[];
  /** The controller's clock, epoch ms. */
  readonly now: number;
  /** The zone a schedule without spec.timeZone (or TZ=) runs in: the controller manager's time.Local. */
  readonly localTimeZone: string;
  readonly api: CronJobApi;
  readonly features: CronJobFeatures;
}

export interface CronJobSyncResult {
  /** In the order the controller makes the calls. */
  readonly actions: readonly CronJobAction[];
  /** The CronJob's status after the sync (the same object as the input's when nothing changed). */
  readonly status: CronJobStatus;
  /** cronJobControl.UpdateStatus is called (cleanup or sync changed the status). */
  readonly updateStatus: boolean;
  /** queue.AddAfter(key, requeueAfterMs); null when the key is done (suspended, unparseable, error). */
  readonly requeueAfterMs: number | null;
  /** The error the sync returned (the work queue then retries with rate limiting). */
  readonly error: string | null;
  readonly log: readonly CronJobLogEntry[];
  /**
   * Set when the sync changed nothing because nothing is due yet (or the due time was already started):
   * until this instant (epoch ms, the next schedule time) a sync with the same CronJob and Jobs decides the
   * same, and asks to be woken at the same time. Not an upstream notion: it lets the simulation skip such syncs.
   */
  readonly quietUntil?: number | null;
}
