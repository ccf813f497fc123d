// Dates in the site's time zone: the server counts days and months there, not in the phone's zone.
// Pure functions over Intl so they work the same in the browser, in tests and in any zone.

const partsCache = new Map<string, Intl.DateTimeFormat>();

function partsIn(ms: number, timeZone: string): Record<string, number> {
  let dtf = partsCache.get(timeZone);
  if (!dtf) {
    dtf = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(timeZone, dtf);
  }
  const out: Record<string, number> = {};
  for (const p of dtf.formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Minutes the zone is ahead of UTC at that instant (480 for Asia/Shanghai). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const p = partsIn(ms, timeZone);
  const wall = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    (p.hour ?? 0) % 24,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar day (YYYY-MM-DD) of an instant in the zone. */
export function dayIn(ms: number, timeZone: string): string {
  const p = partsIn(ms, timeZone);
  return `${p.year}-${pad(p.month ?? 1)}-${pad(p.day ?? 1)}`;
}

/** The month (YYYY-MM) of an instant in the zone. */
export function monthIn(ms: number, timeZone: string): string {
  return dayIn(ms, timeZone).slice(0, 7);
}

/** A day plus n days, both YYYY-MM-DD. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** A month plus n months, both YYYY-MM. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const t = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 + n, 1));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A wall-clock day and time in the zone as ISO 8601 with offset, e.g. 2026-11-25T09:30:00+08:00. */
export function zonedToIso(day: string, time: string, timeZone: string): string {
  const [y, mo, d] = day.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wallAsUtc = Date.UTC(y ?? 1970, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  // Two passes so a wall time just after a daylight-saving change still gets the right offset.
  let offset = zoneOffsetMinutes(wallAsUtc, timeZone);
  offset = zoneOffsetMinutes(wallAsUtc - offset * 60000, timeZone);
  return `${day}T${pad(h ?? 0)}:${pad(mi ?? 0)}:00${formatOffset(offset)}`;
}

/** The wall-clock time (HH:mm) of an instant in the zone. */
export function timeIn(ms: number, timeZone: string): string {
  const p = partsIn(ms, timeZone);
  return `${pad((p.hour ?? 0) % 24)}:${pad(p.minute ?? 0)}`;
}

/** "11月25日 周三 09:30" or "Wed, Nov 25, 09:30", in the site's zone. */
export function formatWhen(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** "2026年11月25日" or "Nov 25, 2026". */
export function formatDate(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric' }).format(
    new Date(iso),
  );
}

/** A calendar day "2026-12-31" as "12月31日" or "Dec 31": the day itself, in no time zone. */
export function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** Splits minutes into whole hours and the rest, for "1 小时 30 分钟". */
export function splitMinutes(total: number): { h: number; m: number } {
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  return { h: sign * Math.floor(abs / 60), m: abs % 60 };
}
