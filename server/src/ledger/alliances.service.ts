// Hours that travel (通存通兑, issue 18): which sites may trade hours. A member's one time account
// holds hours earned at many sites; spending those of site A for care at site B is a withdrawal
// at B owed by A, allowed only inside an alliance: the county by default, and two counties whose
// offices both accepted an alliance (proposed by one county's officer, accepted by the other's,
// ended by either). Platform staff act for any county; an officer of a region above a county
// (a city) acts for it as its own officer would.
import {
  allianceQueries,
  regionQueries,
  type CountyAllianceRow,
  type Executor,
  type RegionRow,
  type Transaction,
} from '@huzhu/db';
import { isPlatformAdmin, isSystem, memberIdOf, regionInMine, requireActor, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, badInput, fail, notFound } from '../core/errors';

/**
 * Whether hours earned at `fromSiteId` may pay for care at `atSiteId`: the same site, two sites of
 * one county, or of two counties in an accepted alliance that has not ended. Sites with no county
 * on their region path trade with nobody but themselves.
 */
export async function tradeAllowed(ex: Executor, fromSiteId: number, atSiteId: number): Promise<boolean> {
  if (fromSiteId === atSiteId) return true;
  const counties = await allianceQueries.countiesOfSites(ex, [fromSiteId, atSiteId]);
  const from = counties.get(fromSiteId) ?? null;
  const at = counties.get(atSiteId) ?? null;
  if (from === null || at === null) return false;
  return from === at || allianceQueries.countiesAllied(ex, from, at);
}

/** FORBIDDEN unless the two sites may trade hours (see tradeAllowed). */
export async function requireTradeAllowed(ex: Executor, fromSiteId: number, atSiteId: number): Promise<void> {
  if (await tradeAllowed(ex, fromSiteId, atSiteId)) return;
  fail(ErrorCode.FORBIDDEN, {
    en: 'Hours earned at that site cannot be spent here: the two sites are not in one alliance',
    zh: '两个站点不在同一通存通兑联盟内，那里挣得的时间不能在这里使用',
  });
}

/** Whether the actor speaks for the county: platform staff, or staff of it or a region above it. */
export function speaksForCounty(actor: Actor | null, county: RegionRow): boolean {
  return isPlatformAdmin(actor) || regionInMine(actor, county.path);
}

const NOT_OFFICER = {
  en: 'Only the county’s civil-affairs office can do this',
  zh: '只有本县民政部门可以这样做',
};

function requireOfficerOf(actor: Actor | null, county: RegionRow): Actor {
  const a = requireActor(actor);
  if (!speaksForCounty(a, county)) {
    fail(ErrorCode.FORBIDDEN, NOT_OFFICER);
  }
  return a;
}

async function countyById(deps: ServiceDeps, id: number, field: string): Promise<RegionRow> {
  const region = await regionQueries.regionById(deps.db, id);
  if (!region) notFound('region');
  if (region.level !== 'COUNTY') badInput(field, { en: 'This region is not a county', zh: '这个地区不是县级' });
  return region;
}

/**
 * An officer of `countyId` proposes an alliance with `otherCountyId`. The pair's live alliance
 * (proposed or accepted) is returned as it is when there is one: proposing twice is a retry.
 */
export async function proposeAlliance(
  deps: ServiceDeps,
  actor: Actor | null,
  input: { countyId: number; otherCountyId: number },
): Promise<CountyAllianceRow> {
  const county = await countyById(deps, input.countyId, 'countyId');
  requireOfficerOf(actor, county);
  if (input.otherCountyId === input.countyId) {
    badInput('otherCountyId', { en: 'A county is allied with itself already', zh: '不能和本县自己结盟' });
  }
  await countyById(deps, input.otherCountyId, 'otherCountyId');
  return deps.db.transaction(async (tx) => {
    const live = await allianceQueries.liveAlliance(tx, input.countyId, input.otherCountyId);
    if (live) return live;
    const row = await allianceQueries.insertAlliance(tx, {
      proposerCountyId: input.countyId,
      otherCountyId: input.otherCountyId,
      proposedBy: memberIdOf(actor),
    });
    // A racing proposal of the same pair won: answer with it.
    if (!row) return (await allianceQueries.liveAlliance(tx, input.countyId, input.otherCountyId))!;
    await audit(tx, actor, null, 'proposeAlliance', 'countyAlliance', row.id, {
      countyId: input.countyId,
      otherCountyId: input.otherCountyId,
    });
    return row;
  });
}

/**
 * One step of an alliance's life in the caller's transaction: the row locked, so two officers
 * acting at once take turns (NOT_FOUND when there is none). `step` checks who may take it and from
 * which state, and returns the changed row, or null when the step was taken already: a retry
 * answers with the row as it is and audits nothing. A change is audited as `action`.
 */
async function withAlliance(
  tx: Transaction,
  actor: Actor,
  allianceId: number,
  action: 'acceptAlliance' | 'endAlliance',
  step: (row: CountyAllianceRow) => Promise<CountyAllianceRow | null>,
): Promise<CountyAllianceRow> {
  const row = await allianceQueries.lockAlliance(tx, allianceId);
  if (!row) notFound('alliance');
  const changed = await step(row);
  if (!changed) return row;
  await audit(tx, actor, null, action, 'countyAlliance', row.id, {
    countyAId: row.countyAId,
    countyBId: row.countyBId,
  });
  return changed;
}

/** The other county's officer accepts; accepting an accepted alliance returns it. */
export async function acceptAlliance(
  deps: ServiceDeps,
  actor: Actor | null,
  allianceId: number,
): Promise<CountyAllianceRow> {
  const a = requireActor(actor);
  return deps.db.transaction((tx) =>
    withAlliance(tx, a, allianceId, 'acceptAlliance', async (row) => {
      const otherId = row.proposerCountyId === row.countyAId ? row.countyBId : row.countyAId;
      const other = await regionQueries.regionById(tx, otherId);
      if (!other) notFound('region');
      requireOfficerOf(a, other);
      if (row.endedAt !== null) {
        fail(
          ErrorCode.ILLEGAL_TRANSITION,
          { en: 'This alliance has ended; propose a new one', zh: '这个联盟已经终止，请重新提议' },
          { from: 'ENDED', to: 'ACCEPTED' },
        );
      }
      if (row.acceptedAt !== null) return null;
      return allianceQueries.markAllianceAccepted(tx, row.id, memberIdOf(a));
    }),
  );
}

/**
 * Either county's officer ends the alliance (or withdraws a proposal); ending an ended one returns
 * it. Hours already withdrawn stay withdrawn: the balances between the sites remain as they were.
 */
export async function endAlliance(
  deps: ServiceDeps,
  actor: Actor | null,
  allianceId: number,
): Promise<CountyAllianceRow> {
  const a = requireActor(actor);
  return deps.db.transaction((tx) =>
    withAlliance(tx, a, allianceId, 'endAlliance', async (row) => {
      const [countyA, countyB] = await Promise.all([
        regionQueries.regionById(tx, row.countyAId),
        regionQueries.regionById(tx, row.countyBId),
      ]);
      if (!(countyA && speaksForCounty(a, countyA)) && !(countyB && speaksForCounty(a, countyB))) {
        requireOfficerOf(a, countyA ?? countyB ?? notFound('region'));
      }
      if (row.endedAt !== null) return null;
      return allianceQueries.markAllianceEnded(tx, row.id, memberIdOf(a));
    }),
  );
}

/**
 * Alliances an officer may see: platform staff every one (or those of `countyId`), a region
 * officer those of the counties they speak for (and of `countyId`, if they speak for it).
 */
export async function alliances(
  deps: ServiceDeps,
  actor: Actor | null,
  countyId: number | null,
): Promise<CountyAllianceRow[]> {
  const a = requireActor(actor);
  if (countyId !== null) {
    const county = await countyById(deps, countyId, 'countyId');
    requireOfficerOf(a, county);
    return allianceQueries.alliancesOf(deps.db, [county.id]);
  }
  if (isPlatformAdmin(a)) return allianceQueries.alliancesOf(deps.db, undefined);
  const paths = isSystem(a) ? [] : (a.regions ?? []).map((r) => r.path);
  const counties = await allianceQueries.countiesUnder(deps.db, paths);
  if (counties.length === 0) fail(ErrorCode.FORBIDDEN, NOT_OFFICER);
  return allianceQueries.alliancesOf(deps.db, counties);
}
