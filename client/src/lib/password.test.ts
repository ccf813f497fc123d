// The first password an appointed coordinator is handed: passes the server's rule and reads
// unambiguously when copied by hand.
import { describe, expect, it } from 'vitest';
import { initialPassword } from './password';

describe('initialPassword', () => {
  it('is 8 characters without look-alikes, and different each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = initialPassword();
      expect(p).toMatch(/^[a-km-np-z]{4}[2-9]{4}$/);
      expect(p).not.toMatch(/[01ilo]/);
      seen.add(p);
    }
    expect(seen.size).toBeGreaterThan(190);
  });
});
