// Input validation in one place: each check returns the clean value or throws BAD_USER_INPUT
// naming the field. Services call these before any rule or write.
import { badInput } from './errors';

export function text(field: string, value: string, max: number, min = 1): string {
  const clean = value.normalize('NFC').trim();
  // Control characters other than line breaks have no place in names, titles or notes.
  // eslint-disable-next-line no-control-regex -- finding them is the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(clean)) {
    badInput(field, { en: `${field} contains control characters`, zh: `${field} 含有不可见的控制字符` });
  }
  if ([...clean].length < min || [...clean].length > max) {
    badInput(field, {
      en: min > 0 ? `${field} must be ${min}-${max} characters` : `${field} must be at most ${max} characters`,
      zh: min > 0 ? `${field} 长度须为 ${min}-${max} 个字` : `${field} 最多 ${max} 个字`,
    });
  }
  return clean;
}

export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  if (value == null) return null;
  const clean = text(field, value, max, 0);
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

/** "YYYY-MM" between 2000-01 and 2100-12. */
export function month(field: string, value: string): { year: number; month: number } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  const year = m ? Number(m[1]) : 0;
  if (!m || year < 2000 || year > 2100)
    badInput(field, { en: `${field} must be a month like 2026-11`, zh: `${field} 须是形如 2026-11 的月份` });
  return { year, month: Number(m[2]) };
}

/** "YYYY-MM-DD", a real calendar day. */
export function day(field: string, value: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1) {
    badInput(field, { en: `${field} must be a day like 2026-11-25`, zh: `${field} 须是形如 2026-11-25 的日期` });
  }
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
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

export function date(field: string, value: Date): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    badInput(field, { en: `${field} must be a date and time`, zh: `${field} 须是日期时间` });
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
