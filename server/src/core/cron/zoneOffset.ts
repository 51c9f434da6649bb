import { daysFromCivil } from './civil';

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
  const offsetAt = (epochSeconds: number): number => {
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
  // The schedule search reads the offset of many nearby seconds. Memo per UTC minute: when the offsets at the
  // minute's first and last second agree, the whole minute has that offset (tzdata has no two transitions within a
  // minute of each other); otherwise (a transition inside the minute, e.g. Monrovia's 1972 change at 00:44:30 UTC)
  // each second is asked for.
  const minutes = new Map<number, number | null>();
  const seconds = new Map<number, number>();
  return {
    name,
    offsetSeconds(epochSeconds: number): number {
      const minute = Math.floor(epochSeconds / 60);
      let uniform = minutes.get(minute);
      if (uniform === undefined) {
        const first = offsetAt(minute * 60);
        uniform = first === offsetAt(minute * 60 + 59) ? first : null;
        if (minutes.size >= 4096) minutes.clear();
        minutes.set(minute, uniform);
      }
      if (uniform !== null) return uniform;
      let offset = seconds.get(epochSeconds);
      if (offset === undefined) {
        offset = offsetAt(epochSeconds);
        if (seconds.size >= 4096) seconds.clear();
        seconds.set(epochSeconds, offset);
      }
      return offset;
    },
  };
}
