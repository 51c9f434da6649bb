/** Wall-clock times in a named time zone (a CronJob's spec.timeZone), for labels beside the UTC ones. */

const formats = new Map<string, Intl.DateTimeFormat | null>();

function formatFor(timeZone: string): Intl.DateTimeFormat | null {
  let format = formats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    } catch {
      // a zone this browser does not know: UTC only
      format = null;
    }
    formats.set(timeZone, format);
  }
  return format;
}

/** `2026-01-01 01:00:00 Europe/Berlin`; '' when the zone or the time cannot be read. */
export function zoneClock(startMs: number, seconds: number, timeZone: string): string {
  const format = formatFor(timeZone);
  if (!format || !Number.isFinite(startMs) || !Number.isFinite(seconds)) return '';
  const parts = Object.fromEntries(format.formatToParts(new Date(startMs + seconds * 1000)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${timeZone}`;
}
