// Paper for members without phones, on PGlite and on PostgreSQL: the passbook matches the ledger
// to the minute and continues where the last printing ended; member cards find the member at their
// own site's counter only, and a re-issued card stops the old one; certificates are numbered in
// sequence per site and year (under concurrency too), and the ID number is only ever masked.
import { ledgerQueries, memberQueries, siteQueries, type Database, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../core/time';
import { reverse, transfer } from '../ledger/ledger.service';
import * as claims from '../needs/claims.service';
import * as confirmation from '../needs/confirmation.service';
import * as needs from '../needs/needs.service';
import { updateSiteSettings } from '../sites/site-settings.service';
import { actorFor, codeOf, demoMember, depsFor } from '../testing';
import { recordVisit } from '../visits/visits.service';
import { issueMemberCard, memberByCard, memberCard } from './cards.service';
import { issueServiceCertificate, setMemberIdDocument, serviceRecordsExport } from './certificates.service';
import { maskIdNumber } from './paper-access';
import { passbook, recordPassbookPrint } from './passbook.service';
import { SERVICE_RECORD_COLUMNS, serviceRecordsCsv } from './service-records.csv';

let seq = 0;
const key = () => `paper-test-${Date.now()}-${seq++}`;

describe.each(testEngines())('paper on %s', (engine) => {
  let handle: TestDb;
  let db: Database;
  let siteId: number;
  let coordinator: MemberRow;
  let clerk: MemberRow;
  let volunteer: MemberRow;
  let neighbour: MemberRow;
  let elsewhere: MemberRow;
  let otherSiteId: number;

  const deps = () => depsFor(db);
  const as = (m: MemberRow) => actorFor(db, m);

  beforeAll(async () => {
    handle = await openTestDb(engine);
    db = handle.db;
    siteId = (await seedDemo(db)).siteId;
    coordinator = await demoMember(db, '13900000001');
    clerk = await demoMember(db, '13900000002');
    volunteer = await demoMember(db, '13900000004');
    neighbour = await demoMember(db, '13900000005');
    const other = await siteQueries.insertSite(db, {
      name: `他村-${engine}-${Date.now()}`,
      county: '平江县',
      township: '安定镇',
      village: `他村${seq++}`,
      pointsPerHour: 10,
    });
    otherSiteId = other.id;
    elsewhere = await memberQueries.insertMember(db, { siteId: other.id, name: '外村协调员' }, [
      'COORDINATOR',
      'CLERK',
    ]);
  });
  afterAll(() => handle.close());

  async function accountsOf(memberId: number) {
    await ledgerQueries.ensureMemberAccounts(db, memberId);
    await ledgerQueries.ensureSiteAccounts(db, siteId);
    const minutes = (await ledgerQueries.memberAccount(db, memberId, 'MINUTES'))!;
    const pool = (await ledgerQueries.siteAccount(db, siteId, 'SITE_POOL', 'MINUTES'))!;
    return { minutes, pool };
  }

  it("passbook: the last line's balance equals the account's balance after credits, spends and a reversal", async () => {
    const { minutes, pool } = await accountsOf(volunteer.id);
    const send = (amount: number, from: number, to: number, kind: 'SERVICE_CREDIT' | 'DONATION' | 'ISSUANCE') =>
      db.transaction((tx) =>
        transfer(tx, {
          unit: 'MINUTES',
          amount,
          fromAccountId: from,
          toAccountId: to,
          kind,
          siteId,
          idempotencyKey: key(),
          memo: `${kind} ${amount}`,
          createdBy: coordinator.id,
        }),
      );
    const neighbourAccount = (await accountsOf(neighbour.id)).minutes;
    await send(90, pool.id, minutes.id, 'SERVICE_CREDIT');
    await send(45, pool.id, minutes.id, 'SERVICE_CREDIT');
    await send(30, minutes.id, neighbourAccount.id, 'DONATION');
    const wrong = await send(61, pool.id, minutes.id, 'SERVICE_CREDIT');
    await db.transaction((tx) =>
      reverse(tx, {
        transferId: wrong.transfer.id,
        reason: '录错了',
        idempotencyKey: key(),
        createdBy: coordinator.id,
      }),
    );
    await send(15, minutes.id, neighbourAccount.id, 'DONATION');

    for (const who of [coordinator, clerk, volunteer]) {
      const book = await passbook(deps(), await as(who), volunteer.id, 'MINUTES', { reprintAll: true, rowsPerPage: 4 });
      const account = (await ledgerQueries.memberAccount(db, volunteer.id, 'MINUTES'))!;
      const last = book.lines.at(-1)!;
      expect(last.balance).toBe(account.balance);
      expect(book.balance).toBe(account.balance);
      // Every line's balance is the one before it, plus in, minus out.
      book.lines.forEach((l, i) => {
        const before = i === 0 ? 0 : book.lines[i - 1]!.balance;
        expect(l.balance).toBe(before + l.amountIn - l.amountOut);
        expect(l.line).toBe(i + 1);
        expect(l.page).toBe(Math.floor(i / 4) + 1);
        expect(l.lineOnPage).toBe((i % 4) + 1);
      });
      expect(book.lines.find((l) => l.kind === 'REVERSAL')).toMatchObject({ amountOut: 61, confirmedBy: '李秀英' });
    }
  });

  it('passbook: the next printing continues after the last printed line; a reprint starts from line 1', async () => {
    const co = await as(coordinator);
    const first = await passbook(deps(), co, volunteer.id, 'MINUTES', { rowsPerPage: 4 });
    const all = first.lines.length;
    expect(all).toBeGreaterThan(4);
    const upTo = first.lines[4]!; // line 5: page 2, line 1
    const print = await recordPassbookPrint(deps(), co, {
      memberId: volunteer.id,
      unit: 'MINUTES',
      lastTransferId: upTo.transferId,
      rowsPerPage: 4,
    });
    expect(print).toMatchObject({ lastLine: 5, lastPage: 2 });
    const next = await passbook(deps(), co, volunteer.id, 'MINUTES', { rowsPerPage: 4 });
    expect(next.lines[0]).toMatchObject({ line: 6, page: 2, lineOnPage: 2 });
    expect(next.lines.length).toBe(all - 5);
    const again = await passbook(deps(), co, volunteer.id, 'MINUTES', { rowsPerPage: 4, reprintAll: true });
    expect(again.lines[0]!.line).toBe(1);
    expect(again.lines.length).toBe(all);
  });

  it('passbook: a neighbour hears FORBIDDEN, another site NOT_FOUND; a transfer not in the book is refused', async () => {
    expect(await codeOf(passbook(deps(), await as(neighbour), volunteer.id, 'MINUTES'))).toBe('FORBIDDEN');
    expect(await codeOf(passbook(deps(), await as(elsewhere), volunteer.id, 'MINUTES'))).toBe('NOT_FOUND');
    const theirs = await passbook(deps(), await as(coordinator), neighbour.id, 'MINUTES', { reprintAll: true });
    const mine = await passbook(deps(), await as(coordinator), volunteer.id, 'MINUTES', { reprintAll: true });
    const notMine = theirs.lines.find((l) => !mine.lines.some((m) => m.transferId === l.transferId));
    if (notMine) {
      expect(
        await codeOf(
          recordPassbookPrint(deps(), await as(coordinator), {
            memberId: volunteer.id,
            unit: 'MINUTES',
            lastTransferId: notMine.transferId,
          }),
        ),
      ).toBe('BAD_USER_INPUT');
    }
  });

  it('cards: the clerk finds the member by the code; another site, an old card and a neighbour find nobody', async () => {
    const before = await memberCard(deps(), await as(clerk), volunteer.id);
    expect(before.code).toBeNull();
    const card = await issueMemberCard(deps(), await as(clerk), volunteer.id);
    expect(card.code).toMatch(/^HZC1-[A-Z2-9]{20}$/);
    expect(card.code).not.toContain(volunteer.phone!);
    expect((await memberByCard(deps(), await as(clerk), siteId, card.code!)).id).toBe(volunteer.id);
    expect((await memberByCard(deps(), await as(coordinator), siteId, card.code!)).id).toBe(volunteer.id);
    expect(await codeOf(memberByCard(deps(), await as(elsewhere), otherSiteId, card.code!))).toBe('NOT_FOUND');
    expect(await codeOf(memberByCard(deps(), await as(elsewhere), siteId, card.code!))).toBe('FORBIDDEN');
    expect(await codeOf(memberByCard(deps(), await as(neighbour), siteId, card.code!))).toBe('FORBIDDEN');
    expect(await codeOf(issueMemberCard(deps(), await as(elsewhere), volunteer.id))).toBe('NOT_FOUND');
    expect(await codeOf(issueMemberCard(deps(), await as(volunteer), volunteer.id))).toBe('FORBIDDEN');
    const reissued = await issueMemberCard(deps(), await as(coordinator), volunteer.id);
    expect(reissued.code).not.toBe(card.code);
    expect(await codeOf(memberByCard(deps(), await as(clerk), siteId, card.code!))).toBe('NOT_FOUND');
    expect((await memberByCard(deps(), await as(clerk), siteId, reissued.code!)).id).toBe(volunteer.id);
  });

  it('certificates: numbered in sequence per site and year, the ID masked, the CSV in the documented columns', async () => {
    const co = await as(coordinator);
    expect(
      await codeOf(
        setMemberIdDocument(deps(), co, { memberId: volunteer.id, idType: 'RESIDENT_ID', idNumber: '1101011990' }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      await codeOf(
        setMemberIdDocument(deps(), await as(clerk), {
          memberId: volunteer.id,
          idType: 'RESIDENT_ID',
          idNumber: '11010119900307123X',
        }),
      ),
    ).toBe('FORBIDDEN');
    await setMemberIdDocument(deps(), co, {
      memberId: volunteer.id,
      idType: 'RESIDENT_ID',
      idNumber: '11010119900307123x',
    });
    const today = localDate(new Date(), 'Asia/Shanghai');
    const a = await issueServiceCertificate(deps(), co, { memberId: volunteer.id, from: '2020-01-01', to: today });
    const b = await issueServiceCertificate(deps(), co, { memberId: volunteer.id, from: '2020-01-01', to: today });
    expect(b.certificate.seq).toBe(a.certificate.seq + 1);
    expect(b.certificate.number).not.toBe(a.certificate.number);
    expect(a.handlerName).toBe('李秀英');
    expect(maskIdNumber('11010119900307123X')).toBe('1101**********123X');
    expect(
      await codeOf(
        issueServiceCertificate(deps(), await as(clerk), { memberId: volunteer.id, from: today, to: today }),
      ),
    ).toBe('FORBIDDEN');

    const month = today.slice(0, 7);
    const file = serviceRecordsCsv(await serviceRecordsExport(deps(), co, siteId, month), 'zh');
    const [header] = file.body.replace('\uFEFF', '').split('\r\n');
    expect(header!.split(',')).toEqual(SERVICE_RECORD_COLUMNS.zh);
    expect(file.body).not.toContain('11010119900307123X');
    expect(await codeOf(serviceRecordsExport(deps(), await as(clerk), siteId, month))).toBe('FORBIDDEN');
  });

  it('certificates and the service records leave out service whose minutes were reversed', async () => {
    const co = await as(coordinator);
    const today = localDate(new Date(), 'Asia/Shanghai');
    // A need the volunteer served, confirmed, and a visit of theirs banked as time.
    const need = await needs.postNeed(deps(), co, {
      siteId,
      title: '送午饭',
      category: 'MEALS',
      beneficiaryId: (await demoMember(db, '13900000007')).id,
      startsAt: new Date(Date.now() - 10 * 60_000),
      estimatedMinutes: 60,
    });
    const claim = await claims.claimNeed(deps(), await as(volunteer), need.id);
    await claims.checkIn(deps(), await as(volunteer), claim.id);
    await claims.reportService(deps(), await as(volunteer), claim.id, 45, null);
    await confirmation.confirmService(deps(), co, claim.id, null, key());
    await updateSiteSettings(deps(), co, { siteId, visitsBankTime: true });
    const visit = await recordVisit(deps(), await as(volunteer), {
      elderId: (await memberQueries.membersDueVisits(db, siteId))[0]!.id,
      visitedAt: new Date(Date.now() - 60_000),
      mode: 'HOME',
      minutes: 35,
      idempotencyKey: key(),
    });
    await updateSiteSettings(deps(), co, { siteId, visitsBankTime: false });
    const served = async () =>
      (
        await issueServiceCertificate(deps(), co, { memberId: volunteer.id, from: '2020-01-01', to: today })
      ).entries.map((e) => `${e.source}:${e.sourceId}:${e.minutes}`);
    const month = async (at: Date) =>
      (await serviceRecordsExport(deps(), co, siteId, localDate(at, 'Asia/Shanghai').slice(0, 7))).entries.map(
        (e) => `${e.source}:${e.sourceId}`,
      );
    expect(await served()).toEqual(expect.arrayContaining([`CLAIM:${claim.id}:45`, `VISIT:${visit.id}:35`]));
    expect(await month(visit.visitedAt)).toContain(`VISIT:${visit.id}`);
    // The coordinator corrects both: the minutes go back, and neither is service any more.
    for (const credit of [`claim:${claim.id}:minutes`, `visit:${visit.id}:minutes`]) {
      const original = (await ledgerQueries.transferByKey(db, credit))!;
      await db.transaction((tx) =>
        reverse(tx, { transferId: original.id, reason: '记录有误', idempotencyKey: key(), createdBy: coordinator.id }),
      );
    }
    const after = await served();
    expect(after.filter((e) => e.startsWith(`CLAIM:${claim.id}:`) || e.startsWith(`VISIT:${visit.id}:`))).toEqual([]);
    expect(await month(visit.visitedAt)).not.toContain(`VISIT:${visit.id}`);
    expect(await month(new Date())).not.toContain(`CLAIM:${claim.id}`);
  });

  it.runIf(engine === 'postgres')('certificates: twenty issued at once get twenty consecutive numbers', async () => {
    const co = await as(coordinator);
    const today = localDate(new Date(), 'Asia/Shanghai');
    const issued = await Promise.all(
      Array.from({ length: 20 }, () =>
        issueServiceCertificate(depsFor(db), co, { memberId: volunteer.id, from: today, to: today }),
      ),
    );
    const seqs = issued.map((c) => c.certificate.seq).sort((x, y) => x - y);
    expect(new Set(issued.map((c) => c.certificate.number)).size).toBe(20);
    expect(seqs.at(-1)! - seqs[0]!).toBe(19);
  });
});
