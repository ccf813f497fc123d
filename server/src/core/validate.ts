// Input validation in one place: each check returns the clean value or throws BAD_USER_INPUT
// naming the field. Services call these before any rule or write.
import { badInput } from './errors';

/**
 * Characters no text field may hold: control characters (Cc, tabs and line breaks included
 * unless the field is multi-line), format characters (Cf: zero-width spaces and joiners, bidi
 * overrides and isolates, the BOM, soft hyphens), line and paragraph separators (Zl, Zp), and
 * lone surrogates (Cs), which no database or CSV can store as text.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

export interface TextOptions {
  /** Descriptions, notes and reasons: line breaks allowed (stored as \n). Names, titles, addresses: one line. */
  multiline?: boolean;
}

/** What the client takes in a text area today: needs' descriptions, notes, reasons for cancelling or rejecting. */
export const MULTILINE: TextOptions = { multiline: true };

/**
 * Text as stored: NFC (so one name has one spelling for the duplicate checks), trimmed, free of
 * invisible characters (which would slip a look-alike past a duplicate check and print raw in
 * certificates and CSVs), and within `min`-`max` characters.
 */
export function text(field: string, value: string, max: number, min = 1, options: TextOptions = {}): string {
  // Checked before normalize(), which keeps a lone surrogate as it is (PostgreSQL then refuses
  // the text: an internal error, where this is the client's).
  if (INVISIBLE.test(options.multiline ? value.replace(/\r\n?|\n/g, '') : value)) {
    badInput(field, {
      en: options.multiline
        ? `${field} contains invisible or control characters (only line breaks are allowed)`
        : `${field} contains invisible, control or line-break characters`,
      zh: options.multiline
        ? `${field} 含有不可见字符或控制字符（只允许换行）`
        : `${field} 含有不可见字符、控制字符或换行`,
    });
  }
  const clean = (options.multiline ? value.replace(/\r\n?/g, '\n') : value).normalize('NFC').trim();
  if ([...clean].length < min || [...clean].length > max) {
    badInput(field, {
      en: min > 0 ? `${field} must be ${min}-${max} characters` : `${field} must be at most ${max} characters`,
      zh: min > 0 ? `${field} 长度须为 ${min}-${max} 个字` : `${field} 最多 ${max} 个字`,
    });
  }
  return clean;
}

export function optionalText(
  field: string,
  value: string | null | undefined,
  max: number,
  options: TextOptions = {},
): string | null {
  if (value == null) return null;
  const clean = text(field, value, max, 0, options);
  return clean === '' ? null : clean;
}

export function phone(field: string, value: string): string {
  const digits = value.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  if (!/^1[3-9][0-9]{9}$/.test(digits)) {
    badInput(field, { en: `${field} must be an 11-digit mainland mobile number`, zh: `${field} 须是11位手机号码` });
  }
  return digits;
}

export function int(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    badInput(field, {
      en: `${field} must be a whole number from ${min} to ${max}`,
      zh: `${field} 须是 ${min} 到 ${max} 之间的整数`,
    });
  }
  return value;
}

export function password(field: string, value: string): string {
  if (value.length < 8 || value.length > 72) {
    badInput(field, { en: `${field} must be 8-72 characters`, zh: `${field} 长度须为 8-72 位` });
  }
  return value;
}

/** The years any date the API takes may fall in: a typo'd 0001 or 9999 is a mistake, not a plan. */
export const YEARS = { from: 2000, to: 2100 } as const;

function inYears(year: number): boolean {
  return year >= YEARS.from && year <= YEARS.to;
}

/** Whether year-month-day is a day of the calendar (no 30 February, no month 13). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** "YYYY-MM" between 2000-01 and 2100-12. */
export function month(field: string, value: string): { year: number; month: number } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  if (!m || !inYears(Number(m[1])))
    badInput(field, {
      en: `${field} must be a month like 2026-11, from ${YEARS.from} to ${YEARS.to}`,
      zh: `${field} 须是形如 2026-11 的月份（${YEARS.from}-${YEARS.to} 年）`,
    });
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** "YYYY-MM-DD", a real calendar day from 2000 to 2100. */
export function day(field: string, value: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, mon, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || !inYears(year) || !isCalendarDay(year, mon, d)) {
    badInput(field, {
      en: `${field} must be a day like 2026-11-25, from ${YEARS.from} to ${YEARS.to}`,
      zh: `${field} 须是形如 2026-11-25 的真实日期（${YEARS.from}-${YEARS.to} 年）`,
    });
  }
  return { year, month: mon, day: d };
}

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 date-time with an offset, as the DateTime scalar reads it: the calendar day must
 * exist (JavaScript's Date would turn 2026-02-30 into 2 March), hours 00-23 (no 24:00 rolling
 * over into the next day), minutes and seconds 00-59, an offset within ±14:00. Undefined when
 * it is not one; the year is the caller's to judge (`date` below).
 */
export function parseDateTime(value: string): Date | undefined {
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  if (!isCalendarDay(n(1), n(2), n(3))) return undefined;
  if (n(4) > 23 || n(5) > 59 || n(6) > 59) return undefined;
  if (m[7] && (n(8) > 14 || n(9) > 59 || (n(8) === 14 && n(9) > 0))) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

const ZONES = new Set(Intl.supportedValuesOf('timeZone'));
ZONES.add('UTC');

export function timeZone(field: string, value: string): string {
  if (!ZONES.has(value))
    badInput(field, {
      en: `${field} must be an IANA time zone like Asia/Shanghai`,
      zh: `${field} 须是时区名称，如 Asia/Shanghai`,
    });
  return value;
}

/**
 * A date-time input, named: a real instant (the DateTime scalar hands on an impossible one, such as
 * 30 February, as an invalid Date so that it is refused here, where the field is known) within
 * the years 2000-2100.
 */
export function date(field: string, value: Date): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    badInput(field, {
      en: `${field} must be a real date and time like 2026-11-25T09:30:00+08:00`,
      zh: `${field} 须是真实的日期时间，如 2026-11-25T09:30:00+08:00`,
    });
  }
  // The window's edges in any time zone: 2000-01-01T00:30+08:00 is still 1999 in UTC.
  const slack = 14 * 3_600_000;
  const t = value.getTime();
  if (t < Date.UTC(YEARS.from, 0, 1) - slack || t >= Date.UTC(YEARS.to + 1, 0, 1) + slack) {
    badInput(field, {
      en: `${field} must fall in the years ${YEARS.from}-${YEARS.to}`,
      zh: `${field} 须在 ${YEARS.from}-${YEARS.to} 年之间`,
    });
  }
  return value;
}

export function idempotencyKey(field: string, value: string): string {
  if (!/^[\w.:-]{8,128}$/.test(value)) {
    badInput(field, {
      en: `${field} must be 8-128 letters, digits or . _ : - (a UUID is ideal)`,
      zh: `${field} 须是 8-128 位字母、数字或 . _ : -（建议用 UUID）`,
    });
  }
  return value;
}
