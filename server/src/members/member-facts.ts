// The checks of a member's facts that adding and editing share (birth year, disability grade).
import * as v from '../core/validate';

export function birthYearOf(field: string, value: number | null | undefined): number | null {
  return value == null ? null : v.int(field, value, 1900, new Date().getFullYear());
}

/** 1 (most severe) to 4, as on the disability certificate; null: none recorded. */
export function disabilityGradeOf(field: string, value: number | null | undefined): number | null {
  return value == null ? null : v.int(field, value, 1, 4);
}
