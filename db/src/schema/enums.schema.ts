// The enumerations shared by the tables: the vocabulary of DOMAIN.md, spelled as the GraphQL contract spells it.
import { pgEnum } from 'drizzle-orm/pg-core';

export const ROLES = ['ADMIN', 'COORDINATOR', 'VOLUNTEER', 'ELDER', 'CLERK'] as const;
export type Role = (typeof ROLES)[number];
export const roleEnum = pgEnum('role', ROLES);

/** The eight care categories that make an elder due a monthly visit (seed 001, (四)2). */
export const CARE_CATEGORIES = [
  'LIVING_ALONE',
  'EMPTY_NEST',
  'LEFT_BEHIND',
  'EXTREME_POVERTY',
  'ADVANCED_AGE',
  'DISABLED',
  'SEVERE_DISABILITY',
  'BEREAVED_FAMILY',
] as const;
export type CareCategory = (typeof CARE_CATEGORIES)[number];
export const careCategoryEnum = pgEnum('care_category', CARE_CATEGORIES);

export const SERVICE_CATEGORIES = [
  'MEALS',
  'BATHING',
  'CLEANING',
  'MEDICAL_ESCORT',
  'MOBILITY',
  'EMERGENCY',
  'COMPANIONSHIP',
  'VISIT',
  'ERRAND',
  'REPAIR',
  'FARM_WORK',
  'OTHER',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
export const serviceCategoryEnum = pgEnum('service_category', SERVICE_CATEGORIES);

export const NEED_STATUSES = ['OPEN', 'FILLED', 'COMPLETED', 'CANCELLED'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const needStatusEnum = pgEnum('need_status', NEED_STATUSES);

export const CLAIM_STATUSES = [
  'CLAIMED',
  'CHECKED_IN',
  'REPORTED',
  'CONFIRMED',
  'REJECTED',
  'WITHDRAWN',
  'NO_SHOW',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const claimStatusEnum = pgEnum('claim_status', CLAIM_STATUSES);

/**
 * Who pays a need's minutes. RELATIVE: a linked relative's own account (needs.payer_member_id),
 * with their consent for the need or a standing permission for the beneficiary; CARE_POOL: the
 * site's care pool, for a special-difficulty elder (issue 18).
 */
export const PAYERS = ['SITE', 'BENEFICIARY', 'RELATIVE', 'CARE_POOL'] as const;
export type Payer = (typeof PAYERS)[number];
export const payerEnum = pgEnum('payer', PAYERS);

export const UNITS = ['MINUTES', 'POINTS'] as const;
export type Unit = (typeof UNITS)[number];
export const unitEnum = pgEnum('unit', UNITS);

/**
 * Who holds an account. Only MEMBER accounts are bound to stay at or above zero: the site pool
 * mints hours and points (it runs negative by exactly what members hold), and the supermarket
 * account collects the points that redemptions take back. CARE_POOL (minutes, one per site) holds
 * hours given for the site's special-difficulty elders: members' donations and whatever a balance
 * cap turns away (issue 18); a coordinator may pay such an elder's need from it.
 */
export const ACCOUNT_OWNERS = ['MEMBER', 'SITE_POOL', 'SUPERMARKET', 'CARE_POOL'] as const;
export type AccountOwner = (typeof ACCOUNT_OWNERS)[number];
export const accountOwnerEnum = pgEnum('account_owner', ACCOUNT_OWNERS);

/**
 * Why a transfer moved. VISIT_CREDIT: a visit (巡访) banked for its volunteer when the site counts
 * visits as time-bank service; kept apart from SERVICE_CREDIT so reports can tell the two apart.
 * Hours that travel (issue 18): GIFT, a member's hours to a linked relative; WITHDRAWAL, a
 * member's hours paying for care at a site other than their home site (member -> that site's
 * pool; the transfer names the home site as `counterpartySiteId`, which owes the hours);
 * OVERFLOW, hours beyond the region's balance cap, moved to the site's care pool.
 */
export const TRANSFER_KINDS = [
  'SERVICE_CREDIT',
  'ISSUANCE',
  'DONATION',
  'REDEMPTION',
  'REFUND',
  'EXPIRY',
  'REVERSAL',
  'VISIT_CREDIT',
  'GIFT',
  'WITHDRAWAL',
  'OVERFLOW',
] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];
export const transferKindEnum = pgEnum('transfer_kind', TRANSFER_KINDS);

export const REDEMPTION_STATUSES = ['COMPLETED', 'CANCELLED'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];
export const redemptionStatusEnum = pgEnum('redemption_status', REDEMPTION_STATUSES);

/** What an inbox message tells of; each kind is worded by the client from the message's detail. */
export const INBOX_KINDS = [
  'CLAIM_CONFIRMED',
  'CLAIM_REJECTED',
  'SERVICE_REPORTED',
  'NEED_CHANGED',
  'NEED_CANCELLED',
  'NEED_MATCHES_OFFER',
  'JOIN_REQUESTED',
  'VISIT_REMINDER',
  'VISIT_DUE',
  'VISIT_OVERDUE',
  'REFERRAL_UPDATED',
  'HOURS_OVERFLOW',
  'HOURS_EXPIRING',
  'HOURS_EXPIRED',
  'PAYMENT_CONSENT_ASKED',
  'OBJECTION_UPHELD',
  'OBJECTION_REVERSED',
  'POINTS_EXPIRING',
  'POINTS_EXPIRED',
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];
export const inboxKindEnum = pgEnum('inbox_kind', INBOX_KINDS);

/** Who an elder lives with: one of the facts the visit tiers read (issue 17: 80+ living alone). */
export const LIVING_SITUATIONS = ['ALONE', 'WITH_SPOUSE', 'WITH_CHILDREN', 'WITH_OTHERS', 'IN_CARE_HOME'] as const;
export type LivingSituation = (typeof LIVING_SITUATIONS)[number];
export const livingSituationEnum = pgEnum('living_situation', LIVING_SITUATIONS);

/** Why a member was deactivated. */
export const DEACTIVATION_REASONS = ['LEFT', 'DIED', 'OTHER'] as const;
export type DeactivationReason = (typeof DEACTIVATION_REASONS)[number];
export const deactivationReasonEnum = pgEnum('deactivation_reason', DEACTIVATION_REASONS);

/**
 * What happens to a deactivated member's minutes and points, as their site chooses: donated to the
 * site's pool (the default; a dead member's hours go back to the village), or kept on their
 * accounts for a return.
 */
export const LEAVER_BALANCE_RULES = ['DONATE_TO_POOL', 'KEEP'] as const;
export type LeaverBalanceRule = (typeof LEAVER_BALANCE_RULES)[number];
export const leaverBalanceRuleEnum = pgEnum('leaver_balance_rule', LEAVER_BALANCE_RULES);

/**
 * How often an elder is visited (issue: the visit duty): A weekly, B monthly, C quarterly. Computed
 * from the elder's recorded facts (server/src/visits/tiers.ts), or set by a coordinator's override.
 */
export const VISIT_TIERS = ['A', 'B', 'C'] as const;
export type VisitTier = (typeof VISIT_TIERS)[number];
export const visitTierEnum = pgEnum('visit_tier', VISIT_TIERS);

/** A visit task's state: open until a visit closes it, or missed when its period ends unvisited. */
export const VISIT_TASK_STATUSES = ['OPEN', 'DONE', 'MISSED'] as const;
export type VisitTaskStatus = (typeof VISIT_TASK_STATUSES)[number];
export const visitTaskStatusEnum = pgEnum('visit_task_status', VISIT_TASK_STATUSES);

/** How a visit was made, the policy's forms (2022 national opinion): at home, by phone, by video, other. */
export const VISIT_MODES = ['HOME', 'PHONE', 'VIDEO', 'OTHER'] as const;
export type VisitMode = (typeof VISIT_MODES)[number];
export const visitModeEnum = pgEnum('visit_mode', VISIT_MODES);

/** The levels of the administrative divisions a site sits in: 省/市/县/乡镇/村. */
export const REGION_LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const regionLevelEnum = pgEnum('region_level', REGION_LEVELS);

/** What a referral to the township (转介) is about. */
export const REFERRAL_KINDS = ['MEDICAL', 'BENEFITS', 'HOUSING', 'SAFETY', 'FAMILY', 'OTHER'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];
export const referralKindEnum = pgEnum('referral_kind', REFERRAL_KINDS);

/** Where a referral is: REFERRED, then ACCEPTED, then RESOLVED; or DECLINED (with a reason) before resolving. */
export const REFERRAL_STATUSES = ['REFERRED', 'ACCEPTED', 'RESOLVED', 'DECLINED'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const referralStatusEnum = pgEnum('referral_status', REFERRAL_STATUSES);

/**
 * How often a tier's elders are visited during a county's raise (extreme weather, festivals):
 * the period of one visit task.
 */
export const VISIT_FREQUENCIES = ['WEEKLY', 'MONTHLY', 'QUARTERLY'] as const;
export type VisitFrequency = (typeof VISIT_FREQUENCIES)[number];
export const visitFrequencyEnum = pgEnum('visit_frequency', VISIT_FREQUENCIES);

/** A major event reported for an elder: tier A for the 24 hours after the report (issue 17). */
export const MAJOR_EVENT_KINDS = ['FALL', 'HOSPITAL_DISCHARGE', 'BEREAVEMENT'] as const;
export type MajorEventKind = (typeof MAJOR_EVENT_KINDS)[number];
export const majorEventKindEnum = pgEnum('major_event_kind', MAJOR_EVENT_KINDS);

/** How two linked members are related: the relative is the member's CHILD, and so the member is the relative's PARENT (issue 18). */
export const FAMILY_RELATIONS = ['SPOUSE', 'PARENT', 'CHILD', 'OTHER_RELATIVE'] as const;
export type FamilyRelation = (typeof FAMILY_RELATIONS)[number];
export const familyRelationEnum = pgEnum('family_relation', FAMILY_RELATIONS);

/** Who gave a member's consent to a family link: the member themselves, or the elder's proxy (the coordinator). */
export const FAMILY_CONSENTS = ['SELF', 'PROXY'] as const;
export type FamilyConsent = (typeof FAMILY_CONSENTS)[number];
export const familyConsentEnum = pgEnum('family_consent', FAMILY_CONSENTS);

/** Where an objection (异议) to a service under public notice is: OPEN until its coordinator upholds the service or reverses it. */
export const OBJECTION_STATUSES = ['OPEN', 'UPHELD', 'REVERSED'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
export const objectionStatusEnum = pgEnum('objection_status', OBJECTION_STATUSES);
