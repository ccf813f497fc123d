// The one way a visit rate is written: the numbers a coordinator and the bureau compare.
import { describe, expect, it } from 'vitest';
import { belowTarget, formatRate, percentText, ratePercent } from './rate';

describe('formatRate', () => {
  it('writes a whole percent, rounded down, so 1 of 6 visited is 16% on every screen', () => {
    expect(formatRate(1 / 6)).toBe('16%');
    expect(formatRate(5 / 6)).toBe('83%');
    expect(formatRate(2 / 3)).toBe('66%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(1)).toBe('100%');
  });

  it('never shows the 100% target as met while one elder is still unvisited', () => {
    expect(formatRate(199 / 200)).toBe('99%');
    expect(formatRate(999 / 1000)).toBe('99%');
    expect(belowTarget(199 / 200)).toBe(true);
    expect(belowTarget(1)).toBe(false);
  });

  it('is not thrown off by floating point (0.29 is 29%, 0.57 is 57%)', () => {
    expect(formatRate(0.29)).toBe('29%');
    expect(formatRate(0.57)).toBe('57%');
    expect(formatRate(7 / 100)).toBe('7%');
    for (let visited = 0; visited <= 50; visited++) {
      expect(ratePercent(visited / 50)).toBe(visited * 2);
    }
  });

  it('shows no rate as "—", never 100%, and does not count it as below target', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(undefined)).toBe('—');
    expect(formatRate(Number.NaN)).toBe('—');
    expect(ratePercent(null)).toBeNull();
    expect(belowTarget(null)).toBe(false);
  });

  it('keeps out-of-range input within 0-100%', () => {
    expect(formatRate(1.2)).toBe('100%');
    expect(formatRate(-0.1)).toBe('0%');
  });

  it('labels chart numbers with the same percent sign', () => {
    expect(percentText(ratePercent(1 / 6)!)).toBe(formatRate(1 / 6));
  });
});
