// The visit rate, written one way on every screen and chart: a whole percent, rounded down, so
// "100%" means every elder due a visit was visited (199 of 200 is 99%, never 100%), and "—" when
// no one is due (no rate). The server's county CSV writes it by the same rule (reports.csv.ts).

/** Shown where there is no rate: a site with no elders due a visit. */
export const NO_RATE = '—';

/** A rate of 0-1 as a whole percent, rounded down; null when there is no rate. */
export function ratePercent(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null;
  const clamped = Math.min(1, Math.max(0, rate));
  // The epsilon keeps 0.29 (28.999999999999996 in floating point) at 29.
  return Math.floor(clamped * 100 + 1e-9);
}

/** A whole percent as text: 16 -> "16%" (chart axes and labels use it for their numbers). */
export function percentText(percent: number): string {
  return `${percent}%`;
}

/** A rate of 0-1 as people read it: 1/6 -> "16%", 1 -> "100%", null -> "—". */
export function formatRate(rate: number | null | undefined): string {
  const percent = ratePercent(rate);
  return percent === null ? NO_RATE : percentText(percent);
}

/** Below the 100% target (and so shown in red); no rate is not below it. */
export function belowTarget(rate: number | null | undefined): boolean {
  const percent = ratePercent(rate);
  return percent !== null && percent < 100;
}
