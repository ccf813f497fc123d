// A need's claims carried as JSON inside the needs page's statement must come back as the very
// rows drizzle maps from the claims' own statement: same keys, Dates for timestamps (to the
// millisecond), nulls, arrays of care categories, numbers for ids. On both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '../testing';
import { insertMember } from './members.queries';
import { claimsWithVolunteers, firstNeedsPage, insertClaim, insertNeed, updateClaim } from './needs.queries';
import { insertSite } from './sites.queries';

describe.each(testEngines())('rows carried as JSON on %s', (engine) => {
  let handle: TestDb;
  let siteId: number;
  beforeAll(async () => {
    handle = await openTestDb(engine);
    const { db } = handle;
    const site = await insertSite(db, { name: '丙', county: '县', township: '镇', village: '丙村' });
    siteId = site.id;
    const elder = await insertMember(
      db,
      { siteId, name: '老人', birthYear: 1938, address: '村东头', careCategories: ['LIVING_ALONE', 'ADVANCED_AGE'] },
      ['ELDER'],
    );
    const volunteers = [
      await insertMember(db, { siteId, name: '志愿者甲', phone: '13800000011' }, ['VOLUNTEER']),
      // A younger-old volunteer who is also due visits: an array column inside the JSON.
      await insertMember(db, { siteId, name: '志愿者乙', birthYear: 1952, careCategories: ['EMPTY_NEST'] }, [
        'VOLUNTEER',
        'ELDER',
      ]),
    ];
    const at = (h: number) => new Date(Date.UTC(2026, 9, 1, h, 0, 0, 123));
    for (let i = 0; i < 3; i++) {
      const need = await insertNeed(db, {
        siteId,
        title: `需要${i}`,
        category: 'MEALS',
        beneficiaryId: elder.id,
        startsAt: at(i),
        estimatedMinutes: 60,
        slots: 2,
        createdBy: volunteers[0]!.id,
      });
      // The first need has no claim; the others one or two, one of them reported with a note.
      for (const v of volunteers.slice(0, i)) await insertClaim(db, need.id, v.id);
    }
    const [claim] = await claimsWithVolunteers(db, [(await firstNeedsPage(db, { siteId }, 10)).rows[2]!.id]);
    await updateClaim(db, claim!.claim.id, {
      status: 'REPORTED',
      checkedInAt: at(5),
      reportedAt: new Date(Date.UTC(2026, 9, 1, 6, 30, 15, 987)),
      reportedMinutes: 45,
      reportNote: '做了午饭 "咸淡正好"',
    });
  });
  afterAll(() => handle.close());

  it('gives each need the claims and volunteers the claims statement gives', async () => {
    const { db } = handle;
    const page = await firstNeedsPage(db, { siteId }, 10, { withClaims: true });
    expect(page.rows).toHaveLength(3);
    expect(page.claims?.map((list) => list.length)).toEqual([0, 1, 2]);
    const separately = await claimsWithVolunteers(
      db,
      page.rows.map((n) => n.id),
    );
    expect(page.claims!.flat()).toEqual(separately);
    // Not merely equal-looking: real Dates and numbers.
    const reported = page.claims!.flat().find((c) => c.claim.status === 'REPORTED')!;
    expect(reported.claim.reportedAt).toBeInstanceOf(Date);
    expect(reported.claim.reportedAt!.toISOString()).toBe('2026-10-01T06:30:15.987Z');
    expect(typeof reported.claim.id).toBe('number');
    expect(reported.volunteer.phone === null || typeof reported.volunteer.phone === 'string').toBe(true);

    // Without claims asked for, the same page and no claims.
    const plain = await firstNeedsPage(db, { siteId }, 10);
    expect(plain.rows).toEqual(page.rows);
    expect(plain.beneficiaries).toEqual(page.beneficiaries);
    expect(plain.claims).toBeUndefined();
  });
});
