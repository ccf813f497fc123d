// The authorization matrix as data: every mutation of the SDL x each acting role x the acting
// role's own site (the demo village) or another site. Each cell is one test case. The expected
// outcomes are read off the services' requireRoleAt calls:
//   login                          public
//   createSite                     platform ADMIN (sites.service)
//   addMember                      COORDINATOR of the site, ADMIN (members.service)
//   postNeed, cancelNeed           COORDINATOR of the site, not ADMIN (needs.service)
//   postSeries, editSeriesNeed,    COORDINATOR of the site, not ADMIN (series.service,
//     cancelSeriesNeed             series-edit.service)
//   claimNeed                      VOLUNTEER of the site
//   withdrawClaim, checkIn,        the claim's own volunteer (anyone else of the site: FORBIDDEN)
//     reportService
//   confirmService, rejectService, COORDINATOR of the site, not ADMIN
//     markNoShow, reopenNeed
//   donateMinutes                  any member, to a member of their own site; a receiver
//                                  elsewhere is NOT_FOUND ("no such member at your site")
//   reverseTransfer                COORDINATOR of the transfer's site, ADMIN (transfers.service)
// An id of another site's need, claim, transfer, goods, redemption or member (redeem) is
// NOT_FOUND to anyone who does not belong to that site, as an id that does not exist is
// (requireVisibleAt); FORBIDDEN is for people of the site without the role. A site id is
// FORBIDDEN whether the site exists or not.
//   addProduct, restockProduct,    COORDINATOR or CLERK of the site, ADMIN (products.service,
//     updateProduct, retireProduct,  product-photos.service)
//     restoreProduct, setProductPhoto
//   updateSiteSettings             COORDINATOR of the site, ADMIN (site-settings.service)
//   redeem                         oneself, or COORDINATOR/CLERK of the member's site; not ADMIN
//   cancelRedemption               COORDINATOR or CLERK of the site
//   recordVisit                    COORDINATOR or VOLUNTEER of the elder's site, ADMIN (visits.service)
//   updateMember, deactivateMember, COORDINATOR of the member's site, ADMIN (member-lifecycle.service,
//     reactivateMember,              reset-code.service); another site's member is NOT_FOUND
//     issueResetCode
//   redeemResetCode                public (the code is the proof)
//   setLeaverBalanceRule           COORDINATOR of the site, ADMIN
//   closeFollowUp                  COORDINATOR of the visit's site (follow-ups.service)
//   setVisitPair, setTierOverride, COORDINATOR of the elder's (task's) site (visit-duty.service)
//   reportMajorEvent               COORDINATOR of the elder's site, or the elder's visitor (major-events.service)
//   setVisitTierRules,             platform ADMIN (visit-rules.service requireRegionWriter)
//     clearVisitTierRules, addVisitFrequencyRaise
//     reassignVisitTask
//   setHoursPolicy,                platform ADMIN, or staff of the region or one above it
//     clearHoursPolicy               (hours-policy.service); the cases write the county, so the
//                                    township's officer is FORBIDDEN
//   editNeed                       COORDINATOR of the need's site, not ADMIN (need-edit.service)
//   openNeedsText (a query)        staff and VOLUNTEER of the site, ADMIN; not ELDER (chat-text.service)
//   markInboxRead, markAllInboxRead  any member, their own inbox only (another's ids change nothing)
//   requestToJoin                  public (join-requests.service)
//   approveJoinRequest,            COORDINATOR of the request's site, ADMIN
//     declineJoinRequest
//   grantSiteRole, removeSiteRole  COORDINATOR of the site, ADMIN (roles.service)
//   setOffer                       VOLUNTEER of the site (offers.service)
//   referFollowUp                  COORDINATOR of the visit's site, not ADMIN (referrals.service)
//   updateReferral                 ADMIN at the referral's site: platform staff, township staff
//                                  (referrals.service); the site's coordinator may not
//   appointRegionOfficer,          platform ADMIN, or staff of a region above the target's
//     removeRegionOfficer            township (region-staff.service); 'own'/'other': the township
//                                    of that site. Its own officer appoints no peer: FORBIDDEN
//   recordPassbookPrint            the member themself, COORDINATOR or CLERK of the member's site; not
//                                  ADMIN (paper: passbook.service); people of the site without the role
//                                  FORBIDDEN, anyone else NOT_FOUND (paper-access)
//   issueMemberCard                COORDINATOR or CLERK of the member's site, not ADMIN (cards.service)
//   setMemberIdDocument,           COORDINATOR of the member's site, not ADMIN (certificates.service)
//     issueServiceCertificate
//   recordFamilyLink               COORDINATOR of either member's site, ADMIN (families.service);
//                                  a member of a site one does not coordinate is NOT_FOUND
//   confirmFamilyLink,             a member of the link, or COORDINATOR of either member's site,
//     endFamilyLink                  ADMIN; anyone else NOT_FOUND (families.service)
//   giftMinutes                    any member, to a linked relative (link in force) at any site
//                                  of the alliance; anyone else's is NOT_FOUND (gifts.service)
//   donateToCarePool               any member of a site (the officers are elders of a village),
//                                  to its care pool; no site (platform staff): FORBIDDEN
//   consentToPay,                  the need's paying relative themselves / a linked relative
//     grantPaymentPermission,        themselves; anyone else NOT_FOUND (gifts.service). The
//     revokePaymentPermission        staging links each acting member of the demo village to
//                                    the target's elder (both coordinators consenting)
//   proposeAlliance, acceptAlliance, platform ADMIN, or staff of the county (or a region above it):
//     endAlliance                    none of the township officers speaks for the county
//                                    (alliances.service); acceptAlliance: the other county's only
//   startMemberMove,               COORDINATOR of the member's site (start, cancel) or of the site
//     acceptMemberMove,              joined (accept, cancel), ADMIN; a move or member of a site one
//     cancelMemberMove               cannot see is NOT_FOUND (member-moves.service). 'own'/'other':
//                                    the target is the site left (start, cancel) or joined (accept);
//                                    the far end is a third site in a third township
//   raiseObjection                 any member of the service's site but its volunteer (the acting
//                                  VOLUNTEER is the target's claimer at the demo site: FORBIDDEN),
//                                  platform and township staff (objections.service)
//   resolveObjection               COORDINATOR of the objection's site, ADMIN (objections.service)
// The acting VOLUNTEER (张建国) is also "the site's volunteer" at the demo village, so he holds the
// staged claims there and redeems for himself; at the other site the claimer is its own volunteer.
import { idemKey, PHONES, todayIn, type Client, type TestServer } from './harness';
import { CONFIRM, NEED, claimUpTo, confirmedService, postNeed, redeem, transfersOf } from './ops';
import type { SiteCtx } from './sites';
import { JPEG_32X24 } from '@huzhu/server/testing/photos';

/**
 * ADMIN is platform staff. TOWN_OFFICER is the officer of the target site's township (region
 * staff: allowed wherever ADMIN of the site is, never where only platform staff are);
 * OTHER_TOWN_OFFICER the officer of another township of the county (refused as anyone from
 * outside the site is: FORBIDDEN by site id, NOT_FOUND by the id of a thing of the site).
 */
export const ACTORS = [
  'ADMIN',
  'COORDINATOR',
  'VOLUNTEER',
  'ELDER',
  'CLERK',
  'anonymous',
  'TOWN_OFFICER',
  'OTHER_TOWN_OFFICER',
] as const;
export type Actor = (typeof ACTORS)[number];
export type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND';
export type Where = 'own' | 'other' | 'none';

const ok = 'ok';
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';
const NF = 'NOT_FOUND';

// prettier-ignore
export const MATRIX: [mutation: string, site: Where, ...outcomes: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]][] = [
  //                                 ADMIN  COORD  VOLUN  ELDER  CLERK  anonymous TOWN  OTHER_TOWN
  ['login',            'none',       ok,    ok,    ok,    ok,    ok,    ok,       ok,   ok],
  ['createSite',       'none',       ok,    F,     F,     F,     F,     U,        F,    F],
  ['addMember',        'own',        ok,    ok,    F,     F,     F,     U,        ok,   F],
  ['addMember',        'other',      ok,    F,     F,     F,     F,     U,        ok,   F],
  ['postNeed',         'own',        F,     ok,    F,     F,     F,     U,        F,    F],
  ['postNeed',         'other',      F,     F,     F,     F,     F,     U,        F,    F],
  ['cancelNeed',       'own',        F,     ok,    F,     F,     F,     U,        F,    NF],
  ['cancelNeed',       'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['postSeries',       'own',        F,     ok,    F,     F,     F,     U,        F,    F],
  ['postSeries',       'other',      F,     F,     F,     F,     F,     U,        F,    F],
  ['editSeriesNeed',   'own',        F,     ok,    F,     F,     F,     U,        F,    NF],
  ['editSeriesNeed',   'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['cancelSeriesNeed', 'own',        F,     ok,    F,     F,     F,     U,        F,    NF],
  ['cancelSeriesNeed', 'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['claimNeed',        'own',        F,     F,     ok,    F,     F,     U,        F,    NF],
  ['claimNeed',        'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['withdrawClaim',    'own',        F,     F,     ok,    F,     F,     U,        F,    NF],
  ['withdrawClaim',    'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['checkIn',          'own',        F,     F,     ok,    F,     F,     U,        F,    NF],
  ['checkIn',          'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['reportService',    'own',        F,     F,     ok,    F,     F,     U,        F,    NF],
  ['reportService',    'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['confirmService',   'own',        F,     ok,    F,     F,     F,     U,        F,    NF],
  ['confirmService',   'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['rejectService',    'own',        F,     ok,    F,     F,     F,     U,        F,    NF],
  ['rejectService',    'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['markNoShow',       'own',        F,     ok,    F,     F,     F,     U,        F,    NF],
  ['markNoShow',       'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['reopenNeed',       'own',        F,     ok,    F,     F,     F,     U,        F,    NF],
  ['reopenNeed',       'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['donateMinutes',    'own',        NF,    ok,    ok,    ok,    ok,    U,        NF,   NF],
  ['donateMinutes',    'other',      NF,    NF,    NF,    NF,    NF,    U,        NF,   NF],
  ['reverseTransfer',  'own',        ok,    ok,    F,     F,     F,     U,        ok,   NF],
  ['reverseTransfer',  'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['addProduct',       'own',        ok,    ok,    F,     F,     ok,    U,        ok,   F],
  ['addProduct',       'other',      ok,    F,     F,     F,     F,     U,        ok,   F],
  ['restockProduct',   'own',        ok,    ok,    F,     F,     ok,    U,        ok,   NF],
  ['restockProduct',   'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['updateProduct',    'own',        ok,    ok,    F,     F,     ok,    U,        ok,   NF],
  ['updateProduct',    'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['retireProduct',    'own',        ok,    ok,    F,     F,     ok,    U,        ok,   NF],
  ['retireProduct',    'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['restoreProduct',   'own',        ok,    ok,    F,     F,     ok,    U,        ok,   NF],
  ['restoreProduct',   'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['setProductPhoto',  'own',        ok,    ok,    F,     F,     ok,    U,        ok,   NF],
  ['setProductPhoto',  'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['updateSiteSettings', 'own',      ok,    ok,    F,     F,     F,     U,        ok,   F],
  ['updateSiteSettings', 'other',    ok,    F,     F,     F,     F,     U,        ok,   F],
  ['redeem',           'own',        F,     ok,    ok,    F,     ok,    U,        F,    NF],
  ['redeem',           'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['cancelRedemption', 'own',        F,     ok,    F,     F,     ok,    U,        F,    NF],
  ['cancelRedemption', 'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['recordVisit',      'own',        ok,    ok,    ok,    F,     F,     U,        ok,   F],
  ['recordVisit',      'other',      ok,    F,     F,     F,     F,     U,        ok,   F],
  ['updateMember',     'own',        ok,    ok,    F,     F,     F,     U,        ok,   NF],
  ['updateMember',     'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['deactivateMember', 'own',        ok,    ok,    F,     F,     F,     U,        ok,   NF],
  ['deactivateMember', 'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['reactivateMember', 'own',        ok,    ok,    F,     F,     F,     U,        ok,   NF],
  ['reactivateMember', 'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['issueResetCode',   'own',        ok,    ok,    F,     F,     F,     U,        ok,   NF],
  ['issueResetCode',   'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['redeemResetCode',  'none',       ok,    ok,    ok,    ok,    ok,    ok,       ok,   ok],
  ['setLeaverBalanceRule', 'own',    ok,    ok,    F,     F,     F,     U,        ok,   F],
  ['setLeaverBalanceRule', 'other',  ok,    F,     F,     F,     F,     U,        ok,   F],
  ['closeFollowUp',    'own',        F,     ok,    F,     F,     F,     U,        F,    NF],
  ['closeFollowUp',    'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['setVisitPair',     'own',        F,     ok,    F,     F,     F,     U,        F,    NF],
  ['setVisitPair',     'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['setTierOverride',  'own',        F,     ok,    F,     F,     F,     U,        F,    NF],
  ['setTierOverride',  'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['reportMajorEvent', 'own',        F,     ok,    F,     F,     F,     U,        F,    NF],
  ['reportMajorEvent', 'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['setVisitTierRules', 'none',      ok,    F,     F,     F,     F,     U,        F,    F],
  ['clearVisitTierRules', 'none',    ok,    F,     F,     F,     F,     U,        F,    F],
  ['addVisitFrequencyRaise', 'none', ok,    F,     F,     F,     F,     U,        F,    F],
  ['setHoursPolicy',   'none',       ok,    F,     F,     F,     F,     U,        F,    F],
  ['clearHoursPolicy', 'none',       ok,    F,     F,     F,     F,     U,        F,    F],
  ['reassignVisitTask','own',        F,     ok,    F,     F,     F,     U,        F,    NF],
  ['reassignVisitTask','other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['editNeed',         'own',        F,     ok,    F,     F,     F,     U,        F,    NF],
  ['editNeed',         'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['openNeedsText',    'own',        ok,    ok,    ok,    F,     ok,    U,        ok,   F],
  ['openNeedsText',    'other',      ok,    F,     F,     F,     F,     U,        ok,   F],
  ['markInboxRead',    'none',       ok,    ok,    ok,    ok,    ok,    U,        ok,   ok],
  ['markAllInboxRead', 'none',       ok,    ok,    ok,    ok,    ok,    U,        ok,   ok],
  ['requestToJoin',    'none',       ok,    ok,    ok,    ok,    ok,    ok,       ok,   ok],
  ['approveJoinRequest', 'own',      ok,    ok,    F,     F,     F,     U,        ok,   NF],
  ['approveJoinRequest', 'other',    ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['declineJoinRequest', 'own',      ok,    ok,    F,     F,     F,     U,        ok,   NF],
  ['declineJoinRequest', 'other',    ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['grantSiteRole',    'own',        ok,    ok,    F,     F,     F,     U,        ok,   F],
  ['grantSiteRole',    'other',      ok,    F,     F,     F,     F,     U,        ok,   F],
  ['removeSiteRole',   'own',        ok,    ok,    F,     F,     F,     U,        ok,   F],
  ['removeSiteRole',   'other',      ok,    F,     F,     F,     F,     U,        ok,   F],
  ['setOffer',         'own',        F,     F,     ok,    F,     F,     U,        F,    F],
  ['setOffer',         'other',      F,     F,     F,     F,     F,     U,        F,    F],
  ['appointRegionOfficer', 'own',    ok,    F,     F,     F,     F,     U,        F,    F],
  ['appointRegionOfficer', 'other',  ok,    F,     F,     F,     F,     U,        F,    F],
  ['removeRegionOfficer', 'own',     ok,    F,     F,     F,     F,     U,        F,    F],
  ['removeRegionOfficer', 'other',   ok,    F,     F,     F,     F,     U,        F,    F],
  ['recordPassbookPrint', 'own',     F,     ok,    ok,    F,     ok,    U,        F,    NF],
  ['recordPassbookPrint', 'other',   F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['issueMemberCard',  'own',        F,     ok,    F,     F,     ok,    U,        F,    NF],
  ['issueMemberCard',  'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['setMemberIdDocument', 'own',     F,     ok,    F,     F,     F,     U,        F,    NF],
  ['setMemberIdDocument', 'other',   F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['issueServiceCertificate', 'own', F,     ok,    F,     F,     F,     U,        F,    NF],
  ['issueServiceCertificate', 'other', F,   NF,    NF,    NF,    NF,    U,        F,    NF],
  ['referFollowUp',    'own',        F,     ok,    F,     F,     F,     U,        F,    NF],
  ['referFollowUp',    'other',      F,     NF,    NF,    NF,    NF,    U,        F,    NF],
  ['updateReferral',   'own',        ok,    F,     F,     F,     F,     U,        ok,   NF],
  ['updateReferral',   'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['recordFamilyLink', 'own',        ok,    ok,    NF,    NF,    NF,    U,        ok,   NF],
  ['recordFamilyLink', 'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['confirmFamilyLink', 'own',       ok,    ok,    NF,    NF,    NF,    U,        ok,   NF],
  ['confirmFamilyLink', 'other',     ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['endFamilyLink',    'own',        ok,    ok,    NF,    NF,    NF,    U,        ok,   NF],
  ['endFamilyLink',    'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['giftMinutes',      'own',        NF,    ok,    ok,    ok,    ok,    U,        NF,   NF],
  ['giftMinutes',      'other',      NF,    ok,    ok,    ok,    ok,    U,        NF,   NF],
  ['donateToCarePool', 'none',       F,     ok,    ok,    ok,    ok,    U,        ok,   ok],
  ['consentToPay',     'own',        NF,    ok,    ok,    ok,    ok,    U,        NF,   NF],
  ['consentToPay',     'other',      NF,    ok,    ok,    ok,    ok,    U,        NF,   NF],
  ['grantPaymentPermission', 'own',  NF,    ok,    ok,    ok,    ok,    U,        NF,   NF],
  ['grantPaymentPermission', 'other', NF,   ok,    ok,    ok,    ok,    U,        NF,   NF],
  ['revokePaymentPermission', 'own', NF,    ok,    ok,    ok,    ok,    U,        NF,   NF],
  ['revokePaymentPermission', 'other', NF,  ok,    ok,    ok,    ok,    U,        NF,   NF],
  ['proposeAlliance',  'none',       ok,    F,     F,     F,     F,     U,        F,    F],
  ['acceptAlliance',   'none',       ok,    F,     F,     F,     F,     U,        F,    F],
  ['endAlliance',      'none',       ok,    F,     F,     F,     F,     U,        F,    F],
  ['startMemberMove',  'own',        ok,    ok,    F,     F,     F,     U,        ok,   NF],
  ['startMemberMove',  'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['acceptMemberMove', 'own',        ok,    ok,    F,     F,     F,     U,        ok,   NF],
  ['acceptMemberMove', 'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['cancelMemberMove', 'own',        ok,    ok,    F,     F,     F,     U,        ok,   NF],
  ['cancelMemberMove', 'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['raiseObjection',   'own',        ok,    ok,    F,     ok,    ok,    U,        ok,   NF],
  ['raiseObjection',   'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
  ['resolveObjection', 'own',        ok,    ok,    F,     F,     F,     U,        ok,   NF],
  ['resolveObjection', 'other',      ok,    NF,    NF,    NF,    NF,    U,        ok,   NF],
];

/** What a case runs with: the target site's people, and the acting member. */
export interface Stage {
  s: TestServer;
  target: SiteCtx;
  own: SiteCtx;
  actor: Actor;
  /** The acting member's id (undefined for the admin and anonymous). */
  actorId: string | undefined;
}

export interface Request {
  query: string;
  variables?: Record<string, unknown>;
  /**
   * Puts back what the staging changed at the site and the request still needed (a site setting):
   * the caller runs it once the request is sent and checked, so no staging leaves the site
   * different for the ones after it.
   */
  restore?: () => Promise<void>;
}

let phones = 0;
const freshPhone = () => `137${String(10_000_000 + ++phones).slice(-8)}`;

const claimStep = (field: string, args = '') => `mutation ($id: ID!) { ${field}(claimId: $id${args}) { id status } }`;

async function needAt(t: SiteCtx) {
  return postNeed(t.coordinator, { siteId: t.siteId, beneficiaryId: t.elderId, slots: 2 });
}
/** A weekly series at the site, starting in two days: its first occurrence. */
async function occurrenceAt(t: SiteCtx) {
  const { postSeries } = await t.coordinator.ok<{ postSeries: { occurrences: { id: string }[] } }>(
    `mutation ($input: PostSeriesInput!) { postSeries(input: $input) { occurrences { id } } }`,
    { input: seriesInput(t) },
  );
  return postSeries.occurrences[0]!;
}
function seriesInput(t: SiteCtx) {
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  return {
    siteId: t.siteId,
    beneficiaryId: t.elderId,
    title: '每周送菜',
    category: 'ERRAND',
    estimatedMinutes: 30,
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    timeOfDay: '10:00',
    startsOn: day,
    occurrenceCount: 2,
  };
}
/** A visit at the site with an open follow-up, recorded by its coordinator. */
async function followUpAt(t: SiteCtx) {
  const { recordVisit } = await t.coordinator.ok<{ recordVisit: { id: string } }>(
    'mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { id } }',
    {
      input: {
        elderId: t.elderId,
        visitedAt: new Date(Date.now() - 60_000).toISOString(),
        note: '灶台漏气',
        followUpNeeded: true,
      },
    },
  );
  return recordVisit.id;
}
async function claimAt(t: SiteCtx, until: 'CLAIMED' | 'CHECKED_IN' | 'REPORTED') {
  return claimUpTo(t.volunteer, (await needAt(t)).id, until, 30);
}

async function setPublicNotice(t: SiteCtx, publicNotice: boolean): Promise<void> {
  await t.coordinator.ok(
    'mutation ($input: UpdateSiteSettingsInput!) { updateSiteSettings(input: $input) { site { id } } }',
    { input: { siteId: t.siteId, publicNotice } },
  );
}

/**
 * Public notice on at the site, and a service of its volunteer confirmed: its first credit's id,
 * and the step that turns the notice off again. The sites keep it off, as a new site does; left
 * on, the volunteer's fresh points would be pending, not spendable, for whatever redeems after.
 */
async function serviceOnNotice(t: SiteCtx): Promise<{ creditId: string; noticeOff: () => Promise<void> }> {
  await setPublicNotice(t, true);
  await confirmedService(t.coordinator, t.volunteer, { siteId: t.siteId, beneficiaryId: t.elderId }, 30);
  const [credit] = (await transfersOf(t.coordinator, t.volunteerId)).filter(
    (x) => x.kind === 'SERVICE_CREDIT' && x.unit === 'MINUTES',
  );
  return { creditId: credit!.id, noticeOff: () => setPublicNotice(t, false) };
}

/** Stages each mutation at the target site (as its own people) and returns the request to send. */
export const STAGE: Record<string, (st: Stage) => Promise<Request>> = {
  raiseObjection: async ({ target }) => {
    // An objection is raised only while the site has public notice: off again after the request.
    const { creditId, noticeOff } = await serviceOnNotice(target);
    return {
      query: 'mutation ($input: RaiseObjectionInput!) { raiseObjection(input: $input) { id status } }',
      variables: { input: { transferId: creditId, reason: '没有见到人' } },
      restore: noticeOff,
    };
  },
  resolveObjection: async ({ target }) => {
    const { creditId, noticeOff } = await serviceOnNotice(target);
    const { raiseObjection } = await target.coordinator.ok<{ raiseObjection: { id: string } }>(
      'mutation ($input: RaiseObjectionInput!) { raiseObjection(input: $input) { id } }',
      { input: { transferId: creditId, reason: '时长不对' } },
    );
    // Resolving does not need the notice: the objection is open, and stays so until resolved.
    await noticeOff();
    return {
      query: 'mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { id status } }',
      variables: {
        input: {
          objectionId: raiseObjection.id,
          decision: 'UPHOLD',
          note: '核实无误',
          idempotencyKey: idemKey('resolve'),
        },
      },
    };
  },
  markInboxRead: async () => ({
    query: 'mutation ($ids: [ID!]!) { markInboxRead(ids: $ids) { unreadCount } }',
    variables: { ids: ['inbox_1'] },
  }),
  markAllInboxRead: async () => ({ query: 'mutation { markAllInboxRead { unreadCount } }' }),
  login: async () => ({
    query: 'mutation ($p: String!) { login(phone: $p, password: "huzhu2026") { token } }',
    variables: { p: '13900000005' },
  }),
  createSite: async () => ({
    query: 'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
    variables: { input: { name: `新建站点${++phones}`, region: '平江县/伍市镇/新村', pointsPerHour: 10 } },
  }),
  addMember: async ({ target }) => ({
    query: 'mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }',
    variables: { input: { siteId: target.siteId, name: '新志愿者', phone: freshPhone(), roles: ['VOLUNTEER'] } },
  }),
  postNeed: async ({ target }) => ({
    query: `mutation ($input: PostNeedInput!) { postNeed(input: $input) { ${NEED} } }`,
    variables: {
      input: {
        siteId: target.siteId,
        beneficiaryId: target.elderId,
        title: '修水管',
        category: 'REPAIR',
        estimatedMinutes: 30,
        startsAt: new Date(Date.now() - 15 * 60_000).toISOString(),
      },
    },
  }),
  cancelNeed: async ({ target }) => ({
    query: 'mutation ($id: ID!) { cancelNeed(id: $id, reason: "下雨改期") { id status } }',
    variables: { id: (await needAt(target)).id },
  }),
  postSeries: async ({ target }) => ({
    query: 'mutation ($input: PostSeriesInput!) { postSeries(input: $input) { series { id } } }',
    variables: { input: seriesInput(target) },
  }),
  editSeriesNeed: async ({ target }) => ({
    query:
      'mutation ($id: ID!) { editSeriesNeed(id: $id, input: { timeOfDay: "10:30" }, scope: THIS_AND_FOLLOWING) { id } }',
    variables: { id: (await occurrenceAt(target)).id },
  }),
  cancelSeriesNeed: async ({ target }) => ({
    query: 'mutation ($id: ID!) { cancelSeriesNeed(id: $id, reason: "停了", scope: THIS_ONE) { id status } }',
    variables: { id: (await occurrenceAt(target)).id },
  }),
  claimNeed: async ({ target }) => ({
    query: 'mutation ($id: ID!) { claimNeed(needId: $id) { id status } }',
    variables: { id: (await needAt(target)).id },
  }),
  withdrawClaim: async ({ target }) => ({
    query: claimStep('withdrawClaim'),
    variables: { id: (await claimAt(target, 'CLAIMED')).id },
  }),
  checkIn: async ({ target }) => ({
    query: claimStep('checkIn'),
    variables: { id: (await claimAt(target, 'CLAIMED')).id },
  }),
  reportService: async ({ target }) => ({
    query: claimStep('reportService', ', minutes: 30'),
    variables: { id: (await claimAt(target, 'CHECKED_IN')).id },
  }),
  confirmService: async ({ target }) => ({
    query: CONFIRM,
    variables: { id: (await claimAt(target, 'REPORTED')).id, key: idemKey('confirm') },
  }),
  rejectService: async ({ target }) => ({
    query: claimStep('rejectService', ', reason: "没有见到人"'),
    variables: { id: (await claimAt(target, 'REPORTED')).id },
  }),
  markNoShow: async ({ target }) => ({
    query: claimStep('markNoShow'),
    variables: { id: (await claimAt(target, 'CLAIMED')).id },
  }),
  reopenNeed: async ({ target }) => {
    // A need whose claim was rejected: reopening closes the claim and frees its slot.
    const need = await postNeed(target.coordinator, { siteId: target.siteId, beneficiaryId: target.elderId });
    const claim = await claimUpTo(target.volunteer, need.id, 'REPORTED', 30);
    await target.coordinator.ok('mutation ($id: ID!) { rejectService(claimId: $id, reason: "没有见到人") { id } }', {
      id: claim.id,
    });
    return { query: 'mutation ($id: ID!) { reopenNeed(id: $id) { id status } }', variables: { id: need.id } };
  },
  donateMinutes: async ({ target, own, actorId }) => {
    // Everyone acting gets 5 minutes first (from 张建国), so only the rule can refuse them.
    if (actorId && actorId !== own.volunteerId) await donate(own.volunteer, actorId, 5);
    return {
      query:
        'mutation ($to: ID!, $key: String!) { donateMinutes(toMemberId: $to, minutes: 5, idempotencyKey: $key) { id } }',
      variables: { to: target.elderId, key: idemKey('donate') },
    };
  },
  reverseTransfer: async ({ target }) => {
    await confirmedService(
      target.coordinator,
      target.volunteer,
      { siteId: target.siteId, beneficiaryId: target.elderId },
      30,
    );
    const [credit] = (await transfersOf(target.coordinator, target.volunteerId)).filter(
      (t) => t.kind === 'SERVICE_CREDIT' && t.unit === 'MINUTES',
    );
    return {
      query:
        'mutation ($id: ID!, $key: String!) { reverseTransfer(id: $id, reason: "重复登记", idempotencyKey: $key) { id } }',
      variables: { id: credit!.id, key: idemKey('reverse') },
    };
  },
  addProduct: async ({ target }) => ({
    query: 'mutation ($input: AddProductInput!) { addProduct(input: $input) { id } }',
    variables: { input: { siteId: target.siteId, name: `肥皂${++phones}`, pointsPrice: 5, stock: 10 } },
  }),
  restockProduct: async ({ target }) => ({
    query: 'mutation ($id: ID!) { restockProduct(productId: $id, quantity: 3) { id stock } }',
    variables: { id: target.productId },
  }),
  // Goods of their own (added by the site's clerk), so the shared product keeps its price and sale.
  updateProduct: async ({ target }) => ({
    query: 'mutation ($id: ID!) { updateProduct(productId: $id, input: { pointsPrice: 7, unit: "块" }) { id } }',
    variables: { id: await productAt(target) },
  }),
  retireProduct: async ({ target }) => ({
    query: 'mutation ($id: ID!) { retireProduct(productId: $id) { id retired } }',
    variables: { id: await productAt(target) },
  }),
  restoreProduct: async ({ target }) => {
    const id = await productAt(target);
    await target.clerk.ok('mutation ($id: ID!) { retireProduct(productId: $id) { id } }', { id });
    return { query: 'mutation ($id: ID!) { restoreProduct(productId: $id) { id retired } }', variables: { id } };
  },
  setProductPhoto: async ({ target }) => ({
    query: 'mutation ($id: ID!, $photo: String) { setProductPhoto(productId: $id, photo: $photo) { id photoUrl } }',
    variables: { id: await productAt(target), photo: JPEG_32X24 },
  }),
  updateSiteSettings: async ({ target }) => ({
    query: 'mutation ($input: UpdateSiteSettingsInput!) { updateSiteSettings(input: $input) { site { id } } }',
    variables: { input: { siteId: target.siteId, publicNotice: false } },
  }),
  redeem: async ({ target }) => ({
    query: 'mutation ($input: RedeemInput!) { redeem(input: $input) { id } }',
    variables: {
      input: {
        memberId: target.volunteerId,
        items: [{ productId: target.productId, quantity: 1 }],
        idempotencyKey: idemKey('redeem'),
      },
    },
  }),
  cancelRedemption: async ({ target }) => {
    const r = await redeem(target.clerk, target.volunteerId, [{ productId: target.productId, quantity: 1 }]);
    return {
      query: 'mutation ($id: ID!) { cancelRedemption(id: $id, reason: "退货") { id status } }',
      variables: { id: r.id },
    };
  },
  recordVisit: async ({ target }) => ({
    query: 'mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { id } }',
    variables: { input: { elderId: target.elderId, visitedAt: new Date(Date.now() - 60_000).toISOString() } },
  }),
  recordPassbookPrint: async ({ target }) => {
    await confirmedService(
      target.coordinator,
      target.volunteer,
      { siteId: target.siteId, beneficiaryId: target.elderId },
      30,
    );
    const [line] = (await transfersOf(target.coordinator, target.volunteerId)).filter((t) => t.unit === 'MINUTES');
    return {
      query:
        'mutation ($m: ID!, $t: ID!) { recordPassbookPrint(memberId: $m, unit: MINUTES, lastTransferId: $t) { lastLine } }',
      variables: { m: target.volunteerId, t: line!.id },
    };
  },
  issueMemberCard: async ({ target }) => ({
    query: 'mutation ($m: ID!) { issueMemberCard(memberId: $m) { code } }',
    variables: { m: target.volunteerId },
  }),
  setMemberIdDocument: async ({ target }) => ({
    query:
      'mutation ($m: ID!) { setMemberIdDocument(memberId: $m, idType: RESIDENT_ID, idNumber: "110101199003071234") { idNumberMasked } }',
    variables: { m: target.volunteerId },
  }),
  issueServiceCertificate: async ({ target }) => {
    const today = todayIn();
    return {
      query: 'mutation ($m: ID!, $d: String!) { issueServiceCertificate(memberId: $m, from: $d, to: $d) { number } }',
      variables: { m: target.volunteerId, d: today },
    };
  },
  updateMember: async ({ target }) => ({
    query: 'mutation ($id: ID!) { updateMember(id: $id, input: { address: "新住址", disabilityGrade: 3 }) { id } }',
    variables: { id: await freshMember(target) },
  }),
  deactivateMember: async ({ target }) => ({
    query: 'mutation ($id: ID!) { deactivateMember(id: $id, reason: LEFT, note: "搬走了") { id active } }',
    variables: { id: await freshMember(target) },
  }),
  reactivateMember: async ({ target }) => {
    const id = await freshMember(target);
    await target.coordinator.ok('mutation ($id: ID!) { deactivateMember(id: $id, reason: OTHER) { id } }', { id });
    return { query: 'mutation ($id: ID!) { reactivateMember(id: $id) { id active } }', variables: { id } };
  },
  issueResetCode: async ({ target }) => ({
    query: 'mutation ($id: ID!) { issueResetCode(id: $id) { code } }',
    variables: { id: await freshMember(target) },
  }),
  redeemResetCode: async ({ own }) => {
    const phone = freshPhone();
    const id = await freshMember(own, phone);
    const data = await own.coordinator.ok<{ issueResetCode: { code: string } }>(
      'mutation ($id: ID!) { issueResetCode(id: $id) { code } }',
      { id },
    );
    return {
      query:
        'mutation ($p: String!, $c: String!) { redeemResetCode(phone: $p, code: $c, newPassword: "new-pass-2026") { token } }',
      variables: { p: phone, c: data.issueResetCode.code },
    };
  },
  setLeaverBalanceRule: async ({ target }) => ({
    query: 'mutation ($s: ID!) { setLeaverBalanceRule(siteId: $s, rule: DONATE_TO_POOL) { id leaverBalanceRule } }',
    variables: { s: target.siteId },
  }),
  referFollowUp: async ({ target }) => ({
    query: 'mutation ($input: ReferFollowUpInput!) { referFollowUp(input: $input) { id status } }',
    variables: { input: { visitId: await followUpAt(target), kind: 'HOUSING', ask: '请镇里帮忙修灶台' } },
  }),
  updateReferral: async ({ target }) => {
    const { referFollowUp } = await target.coordinator.ok<{ referFollowUp: { id: string } }>(
      'mutation ($input: ReferFollowUpInput!) { referFollowUp(input: $input) { id } }',
      { input: { visitId: await followUpAt(target), kind: 'SAFETY', ask: '请镇里来看看' } },
    );
    return {
      query: 'mutation ($input: UpdateReferralInput!) { updateReferral(input: $input) { id status } }',
      variables: { input: { referralId: referFollowUp.id, status: 'ACCEPTED' } },
    };
  },
  closeFollowUp: async ({ target }) => {
    const { recordVisit } = await target.coordinator.ok<{ recordVisit: { id: string } }>(
      'mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { id } }',
      {
        input: {
          elderId: target.elderId,
          visitedAt: new Date(Date.now() - 60_000).toISOString(),
          note: '灶台漏气',
          followUpNeeded: true,
        },
      },
    );
    return {
      query: 'mutation ($id: ID!) { closeFollowUp(visitId: $id, outcome: "已请人修好") { id followUpOutcome } }',
      variables: { id: recordVisit.id },
    };
  },
  setVisitPair: async ({ target }) => ({
    query: 'mutation ($input: SetVisitPairInput!) { setVisitPair(input: $input) { visitor { id } } }',
    variables: { input: { elderId: target.elderId, visitorId: target.volunteerId } },
  }),
  setTierOverride: async ({ target }) => ({
    query: 'mutation ($input: SetTierOverrideInput!) { setTierOverride(input: $input) { tier } }',
    variables: { input: { elderId: target.elderId, tier: 'A', reason: '刚出院', until: '2099-12-31' } },
  }),
  // An elder of the site paired with no one: only the site's coordinator reports for them (their
  // visitor would too, visit-rules.test.ts shows it).
  reportMajorEvent: async ({ target }) => {
    const { addMember } = await target.coordinator.ok<{ addMember: { id: string } }>(
      'mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }',
      { input: { siteId: target.siteId, name: `跌倒老人${++phones}`, roles: ['ELDER'] } },
    );
    return {
      query: 'mutation ($input: ReportMajorEventInput!) { reportMajorEvent(input: $input) { task { id } } }',
      variables: { input: { elderId: addMember.id, kind: 'FALL', happenedOn: todayIn() } },
    };
  },
  // region_1: the demo village's county, the first region written. Rules the defaults' own, so
  // no other case's tiers move.
  setVisitTierRules: async () => ({
    query:
      'mutation ($r: ID!, $rules: VisitTierRulesInput!) { setVisitTierRules(regionId: $r, rules: $rules) { own { a { minAge } } } }',
    variables: {
      r: 'region_1',
      rules: {
        a: {
          minAge: 80,
          categories: ['LIVING_ALONE', 'EMPTY_NEST', 'LEFT_BEHIND'],
          livingSituations: ['ALONE'],
          lifeThreateningIllness: true,
        },
        b: {
          minAge: 60,
          categories: ['DISABLED', 'SEVERE_DISABILITY', 'EXTREME_POVERTY', 'BEREAVED_FAMILY'],
          maxDisabilityGrade: 2,
          dementia: true,
          minimumLivingAllowanceAlone: true,
        },
      },
    },
  }),
  clearVisitTierRules: async () => ({
    query: 'mutation ($r: ID!) { clearVisitTierRules(regionId: $r) { own { a { minAge } } } }',
    variables: { r: 'region_1' },
  }),
  // region_1, the county: the default age set as its own, so no other case's needs are refused.
  setHoursPolicy: async () => ({
    query:
      'mutation ($r: ID!, $p: HoursPolicyInput!) { setHoursPolicy(regionId: $r, policy: $p) { own { minWithdrawAge } } }',
    variables: { r: 'region_1', p: { minWithdrawAge: 60 } },
  }),
  clearHoursPolicy: async () => ({
    query: 'mutation ($r: ID!) { clearHoursPolicy(regionId: $r) { own { minWithdrawAge } } }',
    variables: { r: 'region_1' },
  }),
  addVisitFrequencyRaise: async () => ({
    query: 'mutation ($input: AddVisitFrequencyRaiseInput!) { addVisitFrequencyRaise(input: $input) { id } }',
    variables: {
      input: {
        regionId: 'region_1',
        from: '2099-01-01',
        until: '2099-01-07',
        reason: '寒潮',
        tierB: 'WEEKLY',
        tierC: 'MONTHLY',
      },
    },
  }),
  reassignVisitTask: async ({ target }) => {
    // A new elder of the site, paired: their task of this period is open (the site's other
    // elders may have been visited by earlier cases, which closes theirs).
    const { addMember } = await target.coordinator.ok<{ addMember: { id: string } }>(
      'mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }',
      {
        input: {
          siteId: target.siteId,
          name: `结对老人${++phones}`,
          roles: ['ELDER'],
          careCategories: ['LIVING_ALONE'],
        },
      },
    );
    await target.coordinator.ok(
      'mutation ($input: SetVisitPairInput!) { setVisitPair(input: $input) { elder { id } } }',
      {
        input: { elderId: addMember.id, visitorId: target.volunteerId },
      },
    );
    const { myVisitTasks } = await target.volunteer.ok<{ myVisitTasks: { id: string; elder: { id: string } }[] }>(
      '{ myVisitTasks { id elder { id } } }',
    );
    const task = myVisitTasks.find((t) => t.elder.id === addMember.id)!;
    return {
      query: 'mutation ($id: ID!) { reassignVisitTask(taskId: $id, visitorId: null) { id visitor { id } } }',
      variables: { id: task.id },
    };
  },
  editNeed: async ({ target }) => {
    // A claimed need: its start may still change (and its claimant is told).
    const need = await needAt(target);
    await claimUpTo(target.volunteer, need.id, 'CLAIMED');
    return {
      query: 'mutation ($id: ID!, $at: DateTime!) { editNeed(id: $id, input: { startsAt: $at }) { id startsAt } }',
      variables: { id: need.id, at: new Date(Date.now() + 3 * 3_600_000).toISOString() },
    };
  },
  openNeedsText: async ({ target }) => {
    await needAt(target);
    return { query: 'query ($s: ID!) { openNeedsText(siteId: $s) }', variables: { s: target.siteId } };
  },
  requestToJoin: async ({ own }) => ({
    query: 'mutation ($input: RequestToJoinInput!) { requestToJoin(input: $input) }',
    variables: { input: { siteId: own.siteId, name: '新村民', phone: freshPhone(), categories: ['MEALS'] } },
  }),
  approveJoinRequest: async ({ s, target }) => ({
    query: 'mutation ($id: ID!) { approveJoinRequest(id: $id) { id status } }',
    variables: { id: await joinRequestAt(s, target) },
  }),
  declineJoinRequest: async ({ s, target }) => ({
    query: 'mutation ($id: ID!) { declineJoinRequest(id: $id, reason: "不是本村人") { id status } }',
    variables: { id: await joinRequestAt(s, target) },
  }),
  grantSiteRole: async ({ target, own }) => ({
    query: 'mutation ($s: ID!, $p: String!) { grantSiteRole(siteId: $s, phone: $p, role: VOLUNTEER) { id } }',
    // Someone of the other village: its volunteer at the demo village, 刘桂兰 at the other one.
    variables: { s: target.siteId, p: target === own ? OTHER_VOLUNTEER_PHONE : '13900000004' },
  }),
  removeSiteRole: async ({ target, own }) => {
    const phone = target === own ? OTHER_VOLUNTEER_PHONE : '13900000004';
    const granted = await target.coordinator.ok<{ grantSiteRole: { id: string } }>(
      'mutation ($s: ID!, $p: String!) { grantSiteRole(siteId: $s, phone: $p, role: CLERK) { id } }',
      { s: target.siteId, p: phone },
    );
    return {
      query: 'mutation ($s: ID!, $m: ID!) { removeSiteRole(siteId: $s, memberId: $m, role: CLERK) { id } }',
      variables: { s: target.siteId, m: granted.grantSiteRole.id },
    };
  },
  setOffer: async ({ target }) => ({
    query: 'mutation ($input: OfferInput!) { setOffer(input: $input) { categories } }',
    variables: { input: { siteId: target.siteId, categories: ['MEALS'], weekdays: [1, 3], times: ['MORNING'] } },
  }),
  appointRegionOfficer: async ({ target }) => {
    // Someone registered for the case alone, made officer of the target site's township.
    const phone = freshPhone();
    await freshMember(target, phone);
    return {
      query: 'mutation ($r: ID!, $p: String!) { appointRegionOfficer(regionId: $r, phone: $p) { id } }',
      variables: { r: await townshipOf(target), p: phone },
    };
  },
  removeRegionOfficer: async ({ s, target }) => {
    const phone = freshPhone();
    const memberId = await freshMember(target, phone);
    const regionId = await townshipOf(target);
    await (
      await s.as(PHONES.admin)
    ).ok('mutation ($r: ID!, $p: String!) { appointRegionOfficer(regionId: $r, phone: $p) { id } }', {
      r: regionId,
      p: phone,
    });
    return {
      query: 'mutation ($r: ID!, $m: ID!) { removeRegionOfficer(regionId: $r, memberId: $m) { id } }',
      variables: { r: regionId, m: memberId },
    };
  },
  recordFamilyLink: async ({ target }) => ({
    query: 'mutation ($input: RecordFamilyLinkInput!) { recordFamilyLink(input: $input) { id inForce } }',
    variables: { input: { memberId: target.elderId, relativeId: await freshMember(target), relation: 'CHILD' } },
  }),
  confirmFamilyLink: async ({ target }) => ({
    query: 'mutation ($id: ID!) { confirmFamilyLink(linkId: $id) { id inForce } }',
    variables: { id: await pendingLinkAt(target) },
  }),
  endFamilyLink: async ({ target }) => ({
    query: 'mutation ($id: ID!) { endFamilyLink(linkId: $id) { id endedAt } }',
    variables: { id: await pendingLinkAt(target) },
  }),
  giftMinutes: async (st) => {
    await linkToElder(st);
    if (st.actorId && st.actorId !== st.own.volunteerId) await donate(st.own.volunteer, st.actorId, 5);
    return {
      query:
        'mutation ($to: ID!, $key: String!) { giftMinutes(toMemberId: $to, minutes: 5, idempotencyKey: $key) { id kind } }',
      variables: { to: st.target.elderId, key: idemKey('family-gift') },
    };
  },
  donateToCarePool: async ({ s, own, actor, actorId }) => {
    if (actorId && actorId !== own.volunteerId) await donate(own.volunteer, actorId, 5);
    // The township officers are elders of a third village of the county, with nothing banked:
    // 张建国 gives them 5 minutes over a family link they confirm themselves.
    const officerPhone = { TOWN_OFFICER: '13700000201', OTHER_TOWN_OFFICER: '13700000202' }[actor as string];
    if (officerPhone) await giftToOfficer(s, own, officerPhone);
    return {
      query: 'mutation ($key: String!) { donateToCarePool(minutes: 5, idempotencyKey: $key) { id kind } }',
      variables: { key: idemKey('care-pool') },
    };
  },
  consentToPay: async (st) => {
    const payer = await linkToElder(st);
    const { postNeed: need } = await st.target.coordinator.ok<{ postNeed: { id: string } }>(
      'mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }',
      {
        input: {
          siteId: st.target.siteId,
          beneficiaryId: st.target.elderId,
          title: '助浴',
          category: 'BATHING',
          estimatedMinutes: 30,
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          payer: 'RELATIVE',
          payerMemberId: payer,
        },
      },
    );
    return { query: 'mutation ($id: ID!) { consentToPay(needId: $id) { id } }', variables: { id: need.id } };
  },
  grantPaymentPermission: async (st) => {
    await linkToElder(st);
    return {
      query: 'mutation ($b: ID!) { grantPaymentPermission(beneficiaryId: $b) { id paysForRelative } }',
      variables: { b: st.target.elderId },
    };
  },
  revokePaymentPermission: async (st) => {
    await linkToElder(st);
    return {
      query: 'mutation ($b: ID!) { revokePaymentPermission(beneficiaryId: $b) { id paysForRelative } }',
      variables: { b: st.target.elderId },
    };
  },
  proposeAlliance: async ({ s, own }) => ({
    query: 'mutation ($c: ID!, $o: ID!) { proposeAlliance(countyId: $c, otherCountyId: $o) { id status } }',
    variables: { c: await countyOf(own), o: await farCounty(s) },
  }),
  acceptAlliance: async ({ s, own }) => ({
    query: 'mutation ($a: ID!) { acceptAlliance(allianceId: $a) { id status } }',
    // Proposed by the far county: the demo village's county accepts.
    variables: { a: await proposedAlliance(s, await farCounty(s), await countyOf(own)) },
  }),
  endAlliance: async ({ s, own }) => ({
    query: 'mutation ($a: ID!) { endAlliance(allianceId: $a) { id status } }',
    variables: { a: await proposedAlliance(s, await countyOf(own), await farCounty(s)) },
  }),
  startMemberMove: async ({ s, target }) => ({
    query: 'mutation ($m: ID!, $t: ID!) { startMemberMove(memberId: $m, toSiteId: $t) { id status } }',
    variables: { m: await freshMember(target), t: await thirdSite(s) },
  }),
  acceptMemberMove: async ({ s, target }) => {
    // A member of the third site, moving to the target, started by platform staff.
    const admin = await s.as(PHONES.admin);
    const third = await thirdSite(s);
    const member = await admin.ok<{ addMember: { id: string } }>(
      'mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }',
      { input: { siteId: third, name: '搬来的', roles: ['VOLUNTEER'] } },
    );
    return {
      query: 'mutation ($id: ID!) { acceptMemberMove(moveId: $id, roles: [VOLUNTEER]) { id status } }',
      variables: { id: await startedMove(admin, member.addMember.id, target.siteId) },
    };
  },
  cancelMemberMove: async ({ s, target }) => ({
    query: 'mutation ($id: ID!) { cancelMemberMove(moveId: $id) { id status } }',
    variables: { id: await startedMove(target.coordinator, await freshMember(target), await thirdSite(s)) },
  }),
};

/** 5 minutes from the demo village's volunteer to an officer, over a link both sides consent to. */
async function giftToOfficer(s: TestServer, own: SiteCtx, phone: string): Promise<void> {
  const officer = await s.as(phone);
  const { viewer } = await officer.ok<{ viewer: { id: string } }>('{ viewer { id } }');
  const link = await own.coordinator.ok<{ recordFamilyLink: { id: string; inForce: boolean } }>(
    'mutation ($input: RecordFamilyLinkInput!) { recordFamilyLink(input: $input) { id inForce } }',
    { input: { memberId: own.volunteerId, relativeId: viewer.id, relation: 'OTHER_RELATIVE', memberConsent: 'SELF' } },
  );
  if (!link.recordFamilyLink.inForce) {
    await officer.ok('mutation ($id: ID!) { confirmFamilyLink(linkId: $id) { id } }', { id: link.recordFamilyLink.id });
  }
  await own.volunteer.ok(
    'mutation ($to: ID!, $key: String!) { giftMinutes(toMemberId: $to, minutes: 5, idempotencyKey: $key) { id } }',
    { to: viewer.id, key: idemKey('officer-gift') },
  );
}

/** A link at the site between its elder and a fresh member, recorded by its coordinator, waiting for the member's consent. */
async function pendingLinkAt(t: SiteCtx): Promise<string> {
  const data = await t.coordinator.ok<{ recordFamilyLink: { id: string } }>(
    'mutation ($input: RecordFamilyLinkInput!) { recordFamilyLink(input: $input) { id } }',
    {
      input: { memberId: t.elderId, relativeId: await freshMember(t), relation: 'CHILD', memberConsent: 'SELF' },
    },
  );
  return data.recordFamilyLink.id;
}

/**
 * Links the acting member of the demo village (else its volunteer) to the target's elder, both
 * sides consenting through their coordinators; returns the linked member's id.
 */
async function linkToElder({ own, target, actorId }: Stage): Promise<string> {
  const member = actorId ?? own.volunteerId;
  const sameSite = own.siteId === target.siteId;
  const data = await own.coordinator.ok<{ recordFamilyLink: { id: string; inForce: boolean } }>(
    'mutation ($input: RecordFamilyLinkInput!) { recordFamilyLink(input: $input) { id inForce } }',
    {
      input: {
        memberId: member,
        relativeId: target.elderId,
        relation: 'OTHER_RELATIVE',
        memberConsent: 'SELF',
        ...(sameSite ? { relativeConsent: 'SELF' } : {}),
      },
    },
  );
  if (!data.recordFamilyLink.inForce) {
    await target.coordinator.ok('mutation ($id: ID!) { confirmFamilyLink(linkId: $id) { id } }', {
      id: data.recordFamilyLink.id,
    });
  }
  return member;
}

async function startedMove(by: Client, memberId: string, toSiteId: string): Promise<string> {
  const data = await by.ok<{ startMemberMove: { id: string } }>(
    'mutation ($m: ID!, $t: ID!) { startMemberMove(memberId: $m, toSiteId: $t) { id } }',
    { m: memberId, t: toSiteId },
  );
  return data.startMemberMove.id;
}

/** The id of the county the site sits in. */
async function countyOf(t: SiteCtx): Promise<string> {
  const data = await t.coordinator.ok<{ site: { regionPath: { id: string; level: string }[] } }>(
    'query ($s: ID!) { site(id: $s) { regionPath { id level } } }',
    { s: t.siteId },
  );
  return data.site.regionPath.find((r) => r.level === 'COUNTY')!.id;
}

let counties = 0;
/** A county of its own (a fresh one each call, so no alliance of the pair is live yet): its id. */
async function farCounty(s: TestServer): Promise<string> {
  const admin = await s.as(PHONES.admin);
  const n = ++counties;
  const site = await admin.ok<{ createSite: { id: string; regionPath: { id: string; level: string }[] } }>(
    'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id regionPath { id level } } }',
    { input: { name: `远山${n}村互助站`, region: `远山${n}县/远山镇/远山村`, pointsPerHour: 10 } },
  );
  return site.createSite.regionPath.find((r) => r.level === 'COUNTY')!.id;
}

/** An alliance proposed by platform staff for `proposer` to `other`: its id. */
async function proposedAlliance(s: TestServer, proposer: string, other: string): Promise<string> {
  const data = await (
    await s.as(PHONES.admin)
  ).ok<{ proposeAlliance: { id: string } }>(
    'mutation ($c: ID!, $o: ID!) { proposeAlliance(countyId: $c, otherCountyId: $o) { id } }',
    { c: proposer, o: other },
  );
  return data.proposeAlliance.id;
}

const thirdSites = new WeakMap<TestServer, Promise<string>>();
/** A third site, in a third township that no acting officer serves: the far end of a move. */
function thirdSite(s: TestServer): Promise<string> {
  let found = thirdSites.get(s);
  if (!found) {
    found = (async () => {
      const data = await (
        await s.as(PHONES.admin)
      ).ok<{ createSite: { id: string } }>('mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }', {
        input: { name: '第三村互助站', region: '平江县/第三镇/第三村', pointsPerHour: 10 },
      });
      return data.createSite.id;
    })();
    thirdSites.set(s, found);
  }
  return found;
}

/** The id of the township the site sits in. */
export async function townshipOf(t: SiteCtx): Promise<string> {
  const data = await t.coordinator.ok<{ site: { regionPath: { id: string; level: string }[] } }>(
    'query ($s: ID!) { site(id: $s) { regionPath { id level } } }',
    { s: t.siteId },
  );
  return data.site.regionPath.find((r) => r.level === 'TOWNSHIP')!.id;
}

/** A member registered for the case alone at the target site (with a phone and password). */
async function freshMember(t: SiteCtx, phone = freshPhone()): Promise<string> {
  const data = await t.coordinator.ok<{ addMember: { id: string } }>(
    'mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }',
    { input: { siteId: t.siteId, name: '新来的', phone, password: 'huzhu2026', roles: ['VOLUNTEER'] } },
  );
  return data.addMember.id;
}

async function productAt(t: SiteCtx): Promise<string> {
  const added = await t.clerk.ok<{ addProduct: { id: string } }>(
    'mutation ($input: AddProductInput!) { addProduct(input: $input) { id } }',
    { input: { siteId: t.siteId, name: `香皂${++phones}`, pointsPrice: 5, stock: 10 } },
  );
  return added.addProduct.id;
}

const OTHER_VOLUNTEER_PHONE = '13800000013';

/** A fresh villager's pending request to join the site, asked anonymously; its id. */
async function joinRequestAt(s: TestServer, t: SiteCtx): Promise<string> {
  const phone = freshPhone();
  await s.client.ok('mutation ($input: RequestToJoinInput!) { requestToJoin(input: $input) }', {
    input: { siteId: t.siteId, name: '新村民', phone },
  });
  const list = await t.coordinator.ok<{ joinRequests: { id: string; phone: string }[] }>(
    'query ($s: ID!) { joinRequests(siteId: $s) { id phone } }',
    { s: t.siteId },
  );
  return list.joinRequests.find((r) => r.phone === phone)!.id;
}

async function donate(from: Client, to: string, minutes: number): Promise<void> {
  await from.ok(
    'mutation ($to: ID!, $m: Int!, $key: String!) { donateMinutes(toMemberId: $to, minutes: $m, idempotencyKey: $key) { id } }',
    {
      to,
      m: minutes,
      key: idemKey('gift'),
    },
  );
}
