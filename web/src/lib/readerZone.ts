// The reader's time zone and first day of the week: the overview's trend buckets are cut at their local midnight (or
// 00/06/12/18 over 7 days, or the week's first day over all time), and every time the page shows is in that zone.

export const WEEK_STARTS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];

export interface ReaderSetting {
  /** An IANA id, e.g. Asia/Kolkata. */
  timeZone: string;
  weekStart: WeekStart;
}

/** The browser's own zone, else UTC. */
export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Before a person saves a setting: the browser's zone, weeks from Monday. */
export const defaultSetting = (): ReaderSetting => ({ timeZone: browserZone(), weekStart: 'monday' });

/** Whether the browser knows the zone (the server checks it again against its own tzdb). */
export function isZone(id: string): boolean {
  if (!id || id.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: id });
    return true;
  } catch {
    return false;
  }
}

/** The zones to offer: the browser's list, with the current choice in it whatever the list holds. */
export function zoneIds(current: string): string[] {
  const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  return listed.includes(current) ? listed : [current, ...listed];
}

/** A setting read from the server, or null when the answer is not one. */
export function parseSetting(body: unknown): ReaderSetting | null {
  const s = body as Partial<ReaderSetting> | null;
  return s && typeof s.timeZone === 'string' && isZone(s.timeZone) && WEEK_STARTS.includes(s.weekStart as WeekStart)
    ? { timeZone: s.timeZone, weekStart: s.weekStart as WeekStart }
    : null;
}

/** The query parameters of every dashboard read and export. */
export const readerParams = (s: ReaderSetting): Record<string, string> => ({ tz: s.timeZone, weekStart: s.weekStart });

const wallClock = new Map<string, Intl.DateTimeFormat>();

/**
 * A Date whose local fields (getHours, getDate…) show the wall-clock time of `date` in `zone`: what date-fns' format
 * and uPlot's axis read. Without a zone, the date itself (the browser's zone).
 */
export function inZone(date: Date, zone?: string): Date {
  if (!zone || Number.isNaN(date.getTime())) return date;
  let f = wallClock.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    wallClock.set(zone, f);
  }
  const part = Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value])) as Record<string, string>;
  const local = new Date(+part.year, +part.month - 1, +part.day, +part.hour, +part.minute, +part.second, date.getMilliseconds());
  local.setFullYear(+part.year);
  return local;
}

/** An exact time for a person: "Dec 6, 2026, 17:30 GMT+5:30", in the zone with its offset. */
export function formatDateTime(iso: string, zone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('en-US', {
    timeZone: zone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23',
  }).format(d) + ` ${offsetName(d, zone)}`;
}

/** "GMT+5:30", "GMT-5", "GMT" for the zone at that instant. */
export function offsetName(date: Date, zone?: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
    .formatToParts(date).find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}
