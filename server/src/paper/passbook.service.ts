// The passbook (存折) of a member without a phone: the lines of one unit's account, with the
// running balance, the page and line numbers, and where the last printing ended, so the next
// printing continues on the next line of the right page like a bank passbook.
import {
  ledgerQueries,
  paperQueries,
  type MemberRow,
  type PassbookLineRow,
  type PassbookPrintRow,
  type Unit,
} from '@huzhu/db';
import { memberIdOf, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput } from '../core/errors';
import * as v from '../core/validate';
import { memberForPaper, PAPER_STAFF } from './paper-access';

export const DEFAULT_ROWS_PER_PAGE = 12;

export interface PassbookData {
  member: MemberRow;
  unit: Unit;
  rowsPerPage: number;
  /** The lines to print: after the last printed one, or every line for a reprint. */
  lines: PassbookLineRow[];
  /** The last printing, if any (null after a reprint is asked too: it still tells where it ended). */
  lastPrint: PassbookPrintRow | null;
  /** The account's kept balance now (the last line's balance, if the books hold). */
  balance: number;
}

function rowsOf(value: number | null | undefined): number {
  return v.int('rowsPerPage', value ?? DEFAULT_ROWS_PER_PAGE, 4, 40);
}

/** The member themself, the site's coordinator or clerk. */
export async function passbook(
  deps: ServiceDeps,
  actor: Actor | null,
  memberId: number,
  unit: Unit,
  options: { reprintAll?: boolean | null; rowsPerPage?: number | null } = {},
): Promise<PassbookData> {
  const { member } = await memberForPaper(deps, actor, memberId, PAPER_STAFF);
  const rowsPerPage = rowsOf(options.rowsPerPage);
  const lastPrint = (await paperQueries.lastPassbookPrint(deps.db, member.id, unit)) ?? null;
  const afterLine = options.reprintAll ? 0 : (lastPrint?.lastLine ?? 0);
  const lines = await paperQueries.passbookLines(deps.db, member.id, unit, afterLine, rowsPerPage);
  const balance = (await ledgerQueries.memberAccount(deps.db, member.id, unit))?.balance ?? 0;
  return { member, unit, rowsPerPage, lines, lastPrint, balance };
}

/**
 * Records that the lines up to `lastTransferId` were printed, so the next printing starts after
 * it. The transfer must be a line of this member's book; printing backwards (a reprint) is fine.
 */
export async function recordPassbookPrint(
  deps: ServiceDeps,
  actor: Actor | null,
  input: { memberId: number; unit: Unit; lastTransferId: number; rowsPerPage?: number | null },
): Promise<PassbookPrintRow> {
  const { actor: a, member } = await memberForPaper(deps, actor, input.memberId, PAPER_STAFF);
  const rowsPerPage = rowsOf(input.rowsPerPage);
  return deps.db.transaction(async (tx) => {
    const lines = await paperQueries.passbookLines(tx, member.id, input.unit, 0, rowsPerPage);
    const line = lines.find((l) => l.transferId === input.lastTransferId);
    if (!line) {
      badInput('lastTransferId', { en: 'No such line in this passbook', zh: '存折里没有这一行' });
    }
    const row = await paperQueries.insertPassbookPrint(tx, {
      memberId: member.id,
      unit: input.unit,
      lastTransferId: line.transferId,
      lastLine: line.line,
      lastPage: line.page,
      rowsPerPage,
      printedBy: memberIdOf(a),
    });
    await audit(tx, a, member.siteId, 'recordPassbookPrint', 'member', member.id, {
      unit: input.unit,
      lastLine: line.line,
    });
    return row;
  });
}
