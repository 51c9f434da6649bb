import { TZDATA_NAMES } from './tzdataNames';
import { fixedZone, intlZone, UTC_ZONE, type Zone } from './zoneOffset';

/**
 * Time zone names as Kubernetes sees them: pkg/apis/batch/validation validateTimeZone (spec.timeZone) and Go's
 * time.LoadLocation (that check's last step, and robfig/cron's `TZ=`/`CRON_TZ=` prefix).
 *
 * Go looks a name up as a file in a zoneinfo tree (or in the embedded time/tzdata), so the lookup is exact and
 * case-sensitive: `America/New_York`, `US/Eastern`, `Etc/GMT+5`, `UTC` are found, `america/new_york` is not.
 * Intl is case-insensitive and canonicalises aliases, so it cannot answer "does Go find this name" alone. A name is
 * known when it is, exactly, one of:
 *   - Intl.supportedValuesOf('timeZone') (the runtime's canonical IANA names), or
 *   - the tzdata Zone and Link names (tzdataNames.ts: the aliases such as `US/Eastern`, `Asia/Calcutta`, `GMT+0`).
 * Offsets then come from `new Intl.DateTimeFormat('en-US', { timeZone })` (zoneOffset.ts); every tzdata name but
 * `Factory` is accepted there, and `Factory` (offset 0, "-00") is computed as UTC.
 *
 * Known differences from a real API server, all about what its zoneinfo tree holds besides tzdata's names:
 *   - Debian-style trees also have `posix/…`, `right/…`, `posixrules`, `localtime` (and non-zone files such as
 *     `zone.tab`); Go finds those there. We treat them as unknown.
 *   - A directory name such as `America` makes Go report the OS's read error; we report "unknown time zone America".
 *   - The API server's tzdata release may be older or newer than the runtime's ICU data and tzdataNames.ts.
 */

export const TIME_ZONE_EMPTY = 'timeZone must be nil or non-empty string';
export const TIME_ZONE_LOCAL = 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones';

/** validation.go validTimeZoneCharacters, applied to each '/'-separated part. */
const VALID_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

let supported: ReadonlySet<string> | undefined;
function supportedZones(): ReadonlySet<string> {
  if (supported === undefined) {
    try {
      supported = new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
    } catch {
      supported = new Set();
    }
  }
  return supported;
}

/** Whether Go's time.LoadLocation finds `name` in tzdata (exact, case-sensitive; see the notes above). */
export function isKnownTimeZone(name: string): boolean {
  return TZDATA_NAMES.has(name) || supportedZones().has(name);
}

export type LoadLocationResult =
  /** `location` null is Go's time.Local: "whatever zone the caller computes in". */
  | { readonly ok: true; readonly location: string | null }
  | { readonly ok: false; readonly error: string };

/** Go's time.LoadLocation: "" and "UTC" are UTC, "Local" is Local, ".." or a leading slash is refused, else tzdata. */
export function loadLocation(name: string): LoadLocationResult {
  if (name === '' || name === 'UTC') return { ok: true, location: 'UTC' };
  if (name === 'Local') return { ok: true, location: null };
  if (name.includes('..') || name.startsWith('/') || name.startsWith('\\')) {
    return { ok: false, error: 'time: invalid location name' };
  }
  if (isKnownTimeZone(name)) return { ok: true, location: name };
  return { ok: false, error: `unknown time zone ${name}` };
}

/**
 * validation.go validateTimeZone for spec.timeZone: the messages the API server reports after
 * `spec.timeZone: Invalid value: "…": `, in its order (empty: valid; null/undefined: the field is unset, valid).
 * Note "LOCAL" gives two messages (the explicit-zone one, then Go's "unknown time zone LOCAL"), "Local" only one,
 * because time.LoadLocation("Local") succeeds.
 */
export function validateTimeZone(timeZone: string | null | undefined): string[] {
  if (timeZone === null || timeZone === undefined) return [];
  if (timeZone.length === 0) return [TIME_ZONE_EMPTY];
  for (const part of timeZone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !VALID_PART.test(part)) {
      return [`unknown time zone ${timeZone}`];
    }
  }
  const errors: string[] = [];
  if (timeZone.toLowerCase() === 'local') errors.push(TIME_ZONE_LOCAL);
  const loaded = loadLocation(timeZone);
  if (!loaded.ok) errors.push(loaded.error);
  return errors;
}

/**
 * The zone to compute in for a name LoadLocation accepts. "Local" has no meaning in the pure core (it would be the
 * host's zone), so it is refused like an unknown name: callers pass the zone they mean, e.g. "UTC".
 */
export function zoneFor(name: string): Zone {
  const loaded = loadLocation(name);
  if (!loaded.ok) throw new RangeError(loaded.error);
  if (loaded.location === null) throw new RangeError('unknown time zone Local: pass an explicit zone (e.g. "UTC")');
  if (loaded.location === 'UTC') return UTC_ZONE;
  if (loaded.location === 'Factory') return fixedZone('Factory', 0);
  const zone = intlZone(loaded.location);
  if (zone === null) throw new RangeError(`time zone ${loaded.location} is not available in this runtime's Intl data`);
  return zone;
}
