/** The parsed forms of a schedule: robfig/cron v3 spec.go SpecSchedule and constantdelay.go ConstantDelaySchedule. */

/** One field's allowed values (ascending) and robfig's "star bit": set by `*` or `?` unless a step above 1 follows. */
export interface CronField {
  readonly values: readonly number[];
  readonly star: boolean;
}

export interface SpecSchedule {
  readonly kind: 'spec';
  /** The schedule text as given. */
  readonly source: string;
  /** The six field texts after robfig's normalizeFields (second first; "0" when the dialect has no seconds). */
  readonly fields: readonly string[];
  /** The descriptor (`@hourly` …) this schedule was written as, or null for explicit fields. */
  readonly descriptor: string | null;
  readonly second: CronField;
  readonly minute: CronField;
  readonly hour: CronField;
  readonly dayOfMonth: CronField;
  readonly month: CronField;
  readonly dayOfWeek: CronField;
  /**
   * The zone of a `TZ=`/`CRON_TZ=` prefix (`UTC` for an empty name), or null: robfig's time.Local, meaning "the zone
   * the times are computed in", which the caller supplies (Kubernetes: spec.timeZone or the controller's zone).
   */
  readonly location: string | null;
}

/** `@every <duration>`: fires every `delaySeconds` after the previous time, not aligned to the clock. */
export interface EverySchedule {
  readonly kind: 'every';
  readonly source: string;
  readonly delaySeconds: number;
}

export type Schedule = SpecSchedule | EverySchedule;

export type ParseResult =
  | { readonly ok: true; readonly schedule: Schedule }
  /**
   * `error` is robfig's message, which the API server reports after `spec.schedule: Invalid value: "…": `.
   * `panics` marks the one input robfig v3.0.1 does not survive: a `TZ=`/`CRON_TZ=` prefix with no space after it
   * slices spec[eq+1:-1] and panics; `error` is then Go's runtime message.
   */
  | { readonly ok: false; readonly error: string; readonly panics?: true };
