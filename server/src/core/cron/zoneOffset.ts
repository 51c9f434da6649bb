import { daysFromCivil } from './civil';
import { OffsetTable } from './zoneTransitions';

/**
 * UTC offsets of a time zone at an instant, from Intl (the runtime's ICU time zone data). This is all the zone
 * knowledge the schedule arithmetic needs: Go's time package also works from "offset at an instant" (Location.lookup).
 */
export interface Zone {
  readonly name: string;
  /** Seconds east of UTC in effect at the instant (whole seconds since the epoch). */
  offsetSeconds(epochSeconds: number): number;
}

export const UTC_ZONE: Zone = { name: 'UTC', offsetSeconds: () => 0 };

/** A zone with one constant offset, as Go's time.FixedZone (e.g. a time parsed from "2016-01-03T13:09:03+0530"). */
export function fixedZone(name: string, offsetSeconds: number): Zone {
  return { name, offsetSeconds: () => offsetSeconds };
}

const zones = new Map<string, Zone | null>();

/**
 * The zone for an IANA name as Intl knows it, or null when Intl does not accept the name. Intl matches names without
 * regard to case, so callers check the exact name first (timeZone.ts).
 */
export function intlZone(name: string): Zone | null {
  const cached = zones.get(name);
  if (cached !== undefined) return cached;
  let zone: Zone | null;
  try {
    zone = makeIntlZone(name);
  } catch {
    zone = null;
  }
  zones.set(name, zone);
  return zone;
}

function makeIntlZone(name: string): Zone {
  const table = intlOffsetTable(name);
  return { name, offsetSeconds: (epochSeconds) => table.offsetSeconds(epochSeconds) };
}

/**
 * The zone's offsets as a table of Intl's transitions. Asking formatToParts for every second a schedule search reads
 * took a quarter of `lint` on large files; the table asks Intl about each day of a year the first time the year is
 * used. Throws a RangeError when Intl does not know the name.
 */
export function intlOffsetTable(name: string): OffsetTable {
  return new OffsetTable(intlOffsetAt(name), intlOffsetKey(name));
}

/**
 * The offset Intl gives for the zone at an instant, computed afresh on every call: the wall clock Intl formats, read
 * back as if it were UTC, minus the instant. Throws a RangeError when Intl does not know the name.
 */
export function intlOffsetAt(name: string): (epochSeconds: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    calendar: 'gregory',
    numberingSystem: 'latn',
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (epochSeconds: number): number => {
    const fields: Record<string, string> = {};
    for (const part of format.formatToParts(epochSeconds * 1000)) fields[part.type] = part.value;
    const yearOfEra = Number(fields['year']);
    const year = fields['era'] === 'BC' || fields['era'] === 'B' ? 1 - yearOfEra : yearOfEra;
    const wall =
      daysFromCivil(year, Number(fields['month']), Number(fields['day'])) * 86400 +
      (Number(fields['hour']) % 24) * 3600 +
      Number(fields['minute']) * 60 +
      Number(fields['second']);
    return wall - epochSeconds;
  };
}

/**
 * The offset as Intl names it ("GMT-04:56:02", "GMT+05:30"), from `timeZoneName: 'longOffset'`: it changes exactly
 * where the offset does and costs a quarter of formatToParts, so the transition search samples it.
 */
export function intlOffsetKey(name: string): (epochSeconds: number) => string {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset', calendar: 'gregory', numberingSystem: 'latn' });
  return (epochSeconds: number): string => {
    const text = format.format(epochSeconds * 1000);
    return text.slice(text.lastIndexOf(' ') + 1);
  };
}
