// The row types of every table, as the rest of the system sees them.
import type * as t from './schema/index';

export type SiteRow = typeof t.sites.$inferSelect;
export type MemberRow = typeof t.members.$inferSelect;
export type MembershipRow = typeof t.memberships.$inferSelect;
export type NeedRow = typeof t.needs.$inferSelect;
export type ClaimRow = typeof t.claims.$inferSelect;
export type NeedSeriesRow = typeof t.needSeries.$inferSelect;
export type AccountRow = typeof t.accounts.$inferSelect;
export type TransferRow = typeof t.transfers.$inferSelect;
export type ProductRow = typeof t.products.$inferSelect;
export type ProductPhotoRow = typeof t.productPhotos.$inferSelect;
export type RedemptionRow = typeof t.redemptions.$inferSelect;
export type RedemptionItemRow = typeof t.redemptionItems.$inferSelect;
export type VisitRow = typeof t.visits.$inferSelect;
export type ReferralRow = typeof t.referrals.$inferSelect;
export type ReferralEventRow = typeof t.referralEvents.$inferSelect;
export type RegionRow = typeof t.regions.$inferSelect;
export type InboxItemRow = typeof t.inboxItems.$inferSelect;
export type VisitPairRow = typeof t.visitPairs.$inferSelect;
export type VisitTaskRow = typeof t.visitTasks.$inferSelect;
export type VisitTierOverrideRow = typeof t.visitTierOverrides.$inferSelect;
export type AuditRow = typeof t.auditLog.$inferSelect;
export type JoinRequestRow = typeof t.joinRequests.$inferSelect;
export type VolunteerOfferRow = typeof t.volunteerOffers.$inferSelect;
export type { StaffRegion, HeldRole } from './queries/members.queries';
export type VisitTierRulesRow = typeof t.visitTierRules.$inferSelect;
export type VisitFrequencyRaiseRow = typeof t.visitFrequencyRaises.$inferSelect;
export type VisitMajorEventRow = typeof t.visitMajorEvents.$inferSelect;
export type HoursPolicyRow = typeof t.hoursPolicies.$inferSelect;
export type {
  PassbookLine as PassbookLineRow,
  PassbookPrintRow,
  ServiceCertificateRow,
  ServiceEntry,
} from './queries/paper.queries';
export type FamilyLinkRow = typeof t.familyLinks.$inferSelect;
export type PaymentPermissionRow = typeof t.paymentPermissions.$inferSelect;
export type CountyAllianceRow = typeof t.countyAlliances.$inferSelect;
export type MemberMoveRow = typeof t.memberMoves.$inferSelect;
export type { MinutesOrigin, TradeBalance } from './queries/alliances.queries';
export type ObjectionRow = typeof t.objections.$inferSelect;
export type PointsSeasonRow = typeof t.pointsSeasons.$inferSelect;
