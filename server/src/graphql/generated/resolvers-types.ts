/* DO NOT EDIT: generated from schema/*.graphql by GraphQL Code Generator (pnpm codegen). */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { MemberRow, PassbookLineRow, PassbookPrintRow, ServiceEntry, SiteRow, NeedRow, NeedSeriesRow, ClaimRow, TransferRow, ProductRow, RedemptionRow, RedemptionItemRow, VisitRow, ReferralRow, CountyAllianceRow, MemberMoveRow, TradeBalance, ReferralEventRow, InboxItemRow, JoinRequestRow, VolunteerOfferRow, VisitPairRow, VisitTierOverrideRow, VisitFrequencyRaiseRow, VisitMajorEventRow, RegionRow, InvariantResult, jobQueries, pointsQueries } from '@huzhu/db';
import type { PassbookData } from '../../paper/passbook.service';
import type { MemberCardData } from '../../paper/cards.service';
import type { CertificateView } from '../../paper/certificates.service';
import type { FamilyLinkView } from '../../families/families.service';
import type { InboxReadData } from '../../inbox/inbox.service';
import type { SiteSettingsData, StaffEntry } from '../../sites/site-settings.service';
import type { SiteRolesData, SiteGuestData } from '../../members/roles.service';
import type { CoverageData, ElderVisitData } from '../../visits/visits.service';
import type { TaskData, DutyBoard } from '../../visits/visit-duty.service';
import type { TierRules } from '../../visits/tier-rules';
import type { RegionVisitRulesData } from '../../visits/visit-rules.service';
import type { MajorEventReportData } from '../../visits/major-events.service';
import type { RegionRoleData } from '../../members/region-staff.service';
import type { RegionTotalsData, RegionReportData } from '../../reports/regions.service';
import type { RegionMonthData } from '../../reports/region-trend.service';
import type { OverdueVisitData } from '../../reports/region-overdue.service';
import type { SiteReportData } from '../../reports/reports.service';
import type { ServiceRecordData } from '../../members/members.service';
import type { SitePointsData } from '../../points/points.service';
import type { NoticeEntryData, NoticeBoardData } from '../../points/objections.service';
import type { PlatformHealthData } from '../../platform/platform.resolver';
import type { Context } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, ISO 8601 with offset, e.g. 2026-11-25T09:30:00+08:00. */
  DateTime: { input: Date; output: Date | string; }
};

/** Who holds an account. */
export type AccountOwner =
  /** The site's care pool (爱心池): hours given for its special-difficulty elders, by donation or over a balance cap. */
  | 'CARE_POOL'
  /** A member's own account. */
  | 'MEMBER'
  /** The site's pool, which mints minutes and points. */
  | 'SITE_POOL'
  /** The site's supermarket, which takes points back. */
  | 'SUPERMARKET';

/** Register a person at a site. */
export type AddMemberInput = {
  /** Home address, up to 200 characters. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** Year of birth. */
  birthYear?: InputMaybe<Scalars['Int']['input']>;
  /** Care categories (for elders). */
  careCategories?: InputMaybe<Array<CareCategory>>;
  /** Disability grade 1 (most severe) to 4. */
  disabilityGrade?: InputMaybe<Scalars['Int']['input']>;
  /** Who the member lives with. */
  livingSituation?: InputMaybe<LivingSituation>;
  /** Full name, 1-40 characters. */
  name: Scalars['String']['input'];
  /** Password, 8-72 characters; optional: without one the member cannot log in. */
  password?: InputMaybe<Scalars['String']['input']>;
  /** Mainland mobile number; optional, many elders have none. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Roles at the site; at least one. ADMIN cannot be granted here. */
  roles: Array<Role>;
  /** The site (site_...). */
  siteId: Scalars['ID']['input'];
};

/** New goods. */
export type AddProductInput = {
  /** Name, 1-60 characters. */
  name: Scalars['String']['input'];
  /** Price in points, 1-100000. */
  pointsPrice: Scalars['Int']['input'];
  /** The site (site_...). */
  siteId: Scalars['ID']['input'];
  /** Items in stock to start with, 0-100000. */
  stock: Scalars['Int']['input'];
};

/** Raise visits for a period. */
export type AddVisitFrequencyRaiseInput = {
  /** The first day, YYYY-MM-DD. */
  from: Scalars['String']['input'];
  /** Why, 1-200 characters (a cold wave, the Spring Festival...). */
  reason: Scalars['String']['input'];
  /** The region (region_...). */
  regionId: Scalars['ID']['input'];
  /** How often tier B is visited during it: WEEKLY or MONTHLY. */
  tierB: VisitFrequency;
  /** How often tier C is visited during it. */
  tierC: VisitFrequency;
  /** The last day, YYYY-MM-DD, at most 92 days after the first. */
  until: Scalars['String']['input'];
};

/** Where an alliance between two counties stands. */
export type AllianceStatus =
  /** Both counties accepted: their sites trade hours. */
  | 'ACCEPTED'
  /** Ended by either county (or withdrawn before acceptance): their sites no longer trade hours. */
  | 'ENDED'
  /** One county proposed it; the other has not accepted yet. */
  | 'PROPOSED';

/** A token and the member it belongs to. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** Who logged in. */
  member: Member;
  /** Signed token: send as Authorization: Bearer <token>. Valid for 30 days. */
  token: Scalars['String']['output'];
};

/** A member's two balances. */
export type Balance = {
  __typename?: 'Balance';
  /** Minutes banked on the time account: the ledger's balance, credits weighted by category where the region's hours policy says so. */
  minutes: Scalars['Int']['output'];
  /** Points held. */
  points: Scalars['Int']['output'];
};

/** The eight care categories (seed 001, (四)2). Any one makes an elder due a visit every month. */
export type CareCategory =
  /** 高龄 */
  | 'ADVANCED_AGE'
  /** 计划生育特殊家庭 */
  | 'BEREAVED_FAMILY'
  /** 失能（含失智） */
  | 'DISABLED'
  /** 空巢 */
  | 'EMPTY_NEST'
  /** 特困 */
  | 'EXTREME_POVERTY'
  /** 留守 */
  | 'LEFT_BEHIND'
  /** 独居 */
  | 'LIVING_ALONE'
  /** 重残 */
  | 'SEVERE_DISABILITY';

/** A category of service paid at a rate of its own. */
export type CategoryRate = {
  __typename?: 'CategoryRate';
  /** The category. */
  category: ServiceCategory;
  /** Points per hour of confirmed service in this category. */
  pointsPerHour: Scalars['Int']['output'];
};

/** A category's rate to set or clear. */
export type CategoryRateInput = {
  /** The category. */
  category: ServiceCategory;
  /** Points per hour, 1-1000; null gives the category back to the site's rate. */
  pointsPerHour?: InputMaybe<Scalars['Int']['input']>;
};

/** A service category's weight: the minutes credited for an hour of it, in per mille of the minutes served. */
export type CategoryWeight = {
  __typename?: 'CategoryWeight';
  /** The category. */
  category: ServiceCategory;
  /** Per mille: 1000 is 1:1, 1500 credits 60 minutes served as 90. */
  perMille: Scalars['Int']['output'];
};

/** A category's weight to set. */
export type CategoryWeightInput = {
  /** The category. */
  category: ServiceCategory;
  /** Per mille, 100-5000 (0.1 to 5 times the minutes served). */
  perMille: Scalars['Int']['input'];
};

/** One service a certificate states. */
export type CertifiedService = {
  __typename?: 'CertifiedService';
  /** When (a confirmed need: when confirmed; a visit: when made). */
  at: Scalars['DateTime']['output'];
  /** The service category. */
  category: ServiceCategory;
  /** Minutes of service. */
  minutes: Scalars['Int']['output'];
  /** The need's title, or the elder visited. */
  title: Scalars['String']['output'];
  /** A visit (true) or a need served (false). */
  visit: Scalars['Boolean']['output'];
};

/** One check's result. */
export type CheckResult =
  /** Something to watch or act on. */
  | 'CONCERN'
  /** Nothing of concern. */
  | 'OK';

/** A volunteer's claim on a need. */
export type Claim = {
  __typename?: 'Claim';
  /** When the volunteer checked in. */
  checkedInAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it was claimed. */
  claimedAt: Scalars['DateTime']['output'];
  /** When a rejected claim was closed (its need reopened or cancelled): it holds no slot and cannot be reported again. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Minutes confirmed as served (raw: the ledger credits them at the category's weight of the hours policy, 1:1 by default). */
  confirmedMinutes?: Maybe<Scalars['Int']['output']>;
  /** Opaque id (claim_...). */
  id: Scalars['ID']['output'];
  /** The need claimed. */
  need: Need;
  /**
   * Whether the minutes reported are more than twice the need's estimate (need.estimatedMinutes):
   * allowed, but flagged for the coordinator to check before confirming. False before a report.
   */
  overEstimate: Scalars['Boolean']['output'];
  /** Points credited on confirmation. */
  pointsAwarded?: Maybe<Scalars['Int']['output']>;
  /** Why the report was last rejected; kept when the volunteer reports again. */
  rejectReason?: Maybe<Scalars['String']['output']>;
  /** The volunteer's note with the report. */
  reportNote?: Maybe<Scalars['String']['output']>;
  /** When the volunteer reported. */
  reportedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Minutes the volunteer reported. */
  reportedMinutes?: Maybe<Scalars['Int']['output']>;
  /** When it was confirmed, rejected, withdrawn or marked no-show. */
  settledAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the claim is in its life. */
  status: ClaimStatus;
  /** Who claimed it. */
  volunteer: Member;
};

/** A page of claims. */
export type ClaimConnection = {
  __typename?: 'ClaimConnection';
  /** The claims on this page. */
  edges: Array<ClaimEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many claims match in all. */
  totalCount: Scalars['Int']['output'];
};

/** One claim in a page. */
export type ClaimEdge = {
  __typename?: 'ClaimEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The claim. */
  node: Claim;
};

/**
 * Where a claim is in its life: CLAIMED -> CHECKED_IN -> REPORTED -> CONFIRMED or REJECTED; a
 * REJECTED claim may be reported again (-> REPORTED) until it is closed (Claim.closedAt).
 */
export type ClaimStatus =
  /** The volunteer arrived. */
  | 'CHECKED_IN'
  /** The volunteer took a slot. */
  | 'CLAIMED'
  /** The site confirmed: minutes and points credited. */
  | 'CONFIRMED'
  /** The volunteer did not come (marked by the site, before or after a report). */
  | 'NO_SHOW'
  /** The site rejected the report, with a reason; the volunteer may report again until the claim is closed. */
  | 'REJECTED'
  /** The volunteer reported the minutes served; awaiting the coordinator. */
  | 'REPORTED'
  /** The volunteer gave the slot back before checking in. */
  | 'WITHDRAWN';

/** Two counties whose sites trade hours (通存通兑联盟); sites of one county always do. */
export type CountyAlliance = {
  __typename?: 'CountyAlliance';
  /** When it was accepted; null until then. */
  acceptedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who accepted it, if anyone has. */
  acceptedBy?: Maybe<Member>;
  /** One county (the one with the lower id). */
  countyA: Region;
  /** The other county. */
  countyB: Region;
  /** When it ended; null while it lasts. */
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who ended it, if anyone has. */
  endedBy?: Maybe<Member>;
  /** Opaque id (alliance_...). */
  id: Scalars['ID']['output'];
  /** When it was proposed. */
  proposedAt: Scalars['DateTime']['output'];
  /** Who proposed it; null when the system did. */
  proposedBy?: Maybe<Member>;
  /** The county whose office proposed it; the other accepts. */
  proposerCounty: Region;
  /** Where it stands. */
  status: AllianceStatus;
};

/** A new site. */
export type CreateSiteInput = {
  /** Name, 1-60 characters. */
  name: Scalars['String']['input'];
  /** Points per hour of service, 1-1000. */
  pointsPerHour: Scalars['Int']['input'];
  /** Region path of 1 to 5 divisions: county[/township[/village]], or with a city, or a province and a city, before the county, e.g. 平江县/安定镇/三和村 or 吉林省/松原市/前郭尔罗斯蒙古族自治县/查干花镇/查干花村. */
  region: Scalars['String']['input'];
  /** The statistical division codes (12 digits), one per part of the region, empty where unknown; a division that has a code already must be given the same one (else CONFLICT). */
  regionCodes?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  /** IANA time zone; Asia/Shanghai when omitted. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** Why a member was deactivated. */
export type DeactivationReason =
  /** Died (去世). */
  | 'DIED'
  /** Moved away or left the site (搬走、退出). */
  | 'LEFT'
  /** Another reason, told in the note. */
  | 'OTHER';

/**
 * Changes to a posted need. A field left out stays as it is (null too, except description, which
 * null clears). Before anyone claims the need every field may change; once a volunteer holds a
 * claim (any claim not withdrawn) only startsAt and description, since the claimant agreed to the rest.
 */
export type EditNeedInput = {
  /** The elder served (mem_...), a member of the site. */
  beneficiaryId?: InputMaybe<Scalars['ID']['input']>;
  /** Kind of service. */
  category?: InputMaybe<ServiceCategory>;
  /** Details, up to 1000 characters; null clears them. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Expected minutes, 1-1440. */
  estimatedMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Who pays the minutes. */
  payer?: InputMaybe<Payer>;
  /** The paying relative (mem_...) when payer is (or becomes) RELATIVE. */
  payerMemberId?: InputMaybe<Scalars['ID']['input']>;
  /** Volunteers needed, 1-50. */
  slots?: InputMaybe<Scalars['Int']['input']>;
  /** When it starts. */
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Title, 1-60 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** What to change in occurrences of a series; fields left out stay as they are. */
export type EditSeriesInput = {
  /** Details, at most 1000 characters; an empty text removes them. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Expected minutes, 1-1440 (only occurrences nobody has claimed). */
  estimatedMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** New days of the month to repeat on (THIS_AND_FOLLOWING only). */
  monthDays?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Volunteers needed, 1-50 (only occurrences nobody has claimed). */
  slots?: InputMaybe<Scalars['Int']['input']>;
  /** The time, HH:MM on the site's clock. */
  timeOfDay?: InputMaybe<Scalars['String']['input']>;
  /** Short title, 1-60 characters (only occurrences nobody has claimed). */
  title?: InputMaybe<Scalars['String']['input']>;
  /** New weekdays to repeat on (THIS_AND_FOLLOWING only). */
  weekdays?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** One due elder's place in the visit round, as of the month viewed. */
export type ElderVisitStatus = {
  __typename?: 'ElderVisitStatus';
  /** The last day (YYYY-MM-DD, the site's calendar) by which the next visit is due: the month's last day, or next month's once visited. */
  dueBy: Scalars['String']['output'];
  /** The elder. */
  elder: Member;
  /** Their latest visit before the end of the month viewed, in any month; null if never visited. */
  lastVisit?: Maybe<Visit>;
  /** Not visited in the month, and its last day is past. */
  overdue: Scalars['Boolean']['output'];
  /** Whether they were visited in the month viewed. */
  visitedThisMonth: Scalars['Boolean']['output'];
};

/** A queued job that failed its last try. Kept (a year) for platform staff; never dropped silently. */
export type FailedJob = {
  __typename?: 'FailedJob';
  /** What the last try threw. */
  error: Scalars['String']['output'];
  /** When the last try failed. */
  failedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The queue's id of the job. */
  id: Scalars['ID']['output'];
  /** The job's queue (its kind): ledger.check and the like. */
  queue: Scalars['String']['output'];
  /** Tries made: the first run and its retries. */
  tries: Scalars['Int']['output'];
};

/** Who gave a member's consent to a family link. */
export type FamilyConsent =
  /** The elder's proxy: the coordinator, for a member without their own log-in. */
  | 'PROXY'
  /** The member themselves. */
  | 'SELF';

/**
 * A family link seen from one of its two members (`member`): who the other is (`relative`) and
 * what they are to the member. Usable (inForce) once both sides consented, until it ends; ended links are kept.
 */
export type FamilyLink = {
  __typename?: 'FamilyLink';
  /** When it was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** When it ended; null while open. */
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Opaque id (fam_...). */
  id: Scalars['ID']['output'];
  /** Both sides consented and the link has not ended: gifts and payments may use it. */
  inForce: Scalars['Boolean']['output'];
  /** The member the link is seen from. */
  member: Member;
  /** The member's consent: by themselves or their proxy; null while it waits. */
  memberConsent?: Maybe<FamilyConsent>;
  /** Whether the member keeps a standing permission to pay for the relative's needs. */
  paysForRelative: Scalars['Boolean']['output'];
  /** What the relative is to the member (the relative is the member's CHILD). */
  relation: FamilyRelation;
  /** The other member. */
  relative: Member;
  /** The relative's consent; null while it waits. */
  relativeConsent?: Maybe<FamilyConsent>;
  /** The relative's site (a relative may live at another site of the alliance). */
  relativeSite?: Maybe<Site>;
};

/** How a relative is related to a member (seen from the member). */
export type FamilyRelation =
  /** Son or daughter (子女). */
  | 'CHILD'
  /** Another relative (其他亲属). */
  | 'OTHER_RELATIVE'
  /** Father or mother (父母). */
  | 'PARENT'
  /** Husband or wife (配偶). */
  | 'SPOUSE';

/** How a follow-up was closed. */
export type FollowUpAction =
  /** A need was posted on the board for the elder. */
  | 'NEED_POSTED'
  /** A note of what was done. */
  | 'NOTE'
  /** It was referred to the township (转介). */
  | 'REFERRED';

/** The hours policy in force: every field settled, from the nearest region that sets it or the defaults. */
export type HoursPolicy = {
  __typename?: 'HoursPolicy';
  /** Most minutes a member may hold (default 90,000: 1,500 hours). A credit beyond it moves the excess to the crediting site's care pool (OVERFLOW), and the member is told. */
  capMinutes: Scalars['Int']['output'];
  /** Months after which unspent credited minutes expire to the home site's pool (oldest spent first); null: never (the default). */
  expiryMonths?: Maybe<Scalars['Int']['output']>;
  /** Youngest age (by birth year) at which a need may be paid from the beneficiary's own hours (default 60). A member whose birth year is not recorded is not refused. */
  minWithdrawAge: Scalars['Int']['output'];
  /** Every service category's weight (default 1000 each). */
  weights: Array<CategoryWeight>;
};

/** A region's own hours policy, the whole set: a null field follows the regions above. */
export type HoursPolicyInput = {
  /** Most minutes a member may hold, 60-6,000,000; null: as above. */
  capMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Months after which unspent minutes expire, 1-240, or 0 for never; null: as above. */
  expiryMonths?: InputMaybe<Scalars['Int']['input']>;
  /** Youngest age to spend one's own hours on one's own care, 0-120; null: as above. */
  minWithdrawAge?: InputMaybe<Scalars['Int']['input']>;
  /** Categories weighed here, each once; those left out follow the regions above. */
  weights?: InputMaybe<Array<CategoryWeightInput>>;
};

/** Identity document types of the national volunteer service system. */
export type IdType =
  /** 外国人永久居留身份证 */
  | 'FOREIGN_PERMANENT'
  /** 港澳居民来往内地通行证 */
  | 'HK_MACAO_PERMIT'
  /** 其他 */
  | 'OTHER'
  /** 护照 */
  | 'PASSPORT'
  /** 居民身份证 */
  | 'RESIDENT_ID'
  /** 台湾居民来往大陆通行证 */
  | 'TAIWAN_PERMIT';

/** A page of inbox messages, newest first. */
export type InboxConnection = {
  __typename?: 'InboxConnection';
  /** The messages on this page. */
  edges: Array<InboxEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many messages match in all (unread ones only with unreadOnly). */
  totalCount: Scalars['Int']['output'];
};

/** One message in a page. */
export type InboxEdge = {
  __typename?: 'InboxEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The message. */
  node: InboxItem;
};

/**
 * A message in the logged-in member's own inbox (站内消息), kept 180 days. It carries facts, never
 * sentences: which of the optional fields are set depends on the kind (see InboxKind), and a field
 * a kind does not use is null.
 */
export type InboxItem = {
  __typename?: 'InboxItem';
  /** The instant it concerns: when the need starts, when the visit is due. */
  at?: Maybe<Scalars['DateTime']['output']>;
  /** When it was delivered. */
  createdAt: Scalars['DateTime']['output'];
  /** Opaque id (inbox_...). */
  id: Scalars['ID']['output'];
  /** What the message tells of. */
  kind: InboxKind;
  /** Minutes concerned: confirmed (CLAIM_CONFIRMED) or reported (SERVICE_REPORTED). */
  minutes?: Maybe<Scalars['Int']['output']>;
  /** The need it concerns (need_...), also when the message is about one of the need's claims. */
  needId?: Maybe<Scalars['ID']['output']>;
  /** The need's title when the message was sent. */
  needTitle?: Maybe<Scalars['String']['output']>;
  /** The person it concerns, by name: who reported, who asks to join, whom to visit. */
  personName?: Maybe<Scalars['String']['output']>;
  /** Points awarded (CLAIM_CONFIRMED). */
  points?: Maybe<Scalars['Int']['output']>;
  /** When the reader marked it read; null while unread. */
  readAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why, in the words of who decided (a rejection's or a cancellation's reason). */
  reason?: Maybe<Scalars['String']['output']>;
  /** Where the referral is now (REFERRAL_UPDATED). */
  referralStatus?: Maybe<ReferralStatus>;
  /**
   * What it is about, to open: a claim (claim_...), a need (need_...), a member (mem_...) or a visit
   * (visit_...); the prefix says which. Null when it is about nothing that can be opened.
   */
  subjectId?: Maybe<Scalars['ID']['output']>;
};

/** What an inbox message tells of. The client words each in the reader's language from its fields. */
export type InboxKind =
  /** The reader's reported service was confirmed: needTitle, minutes, points. */
  | 'CLAIM_CONFIRMED'
  /** The reader's reported service was not accepted: needTitle, reason. They may report it again. */
  | 'CLAIM_REJECTED'
  /** Minutes held past the hours policy's expiry went back to the site's pool: minutes. */
  | 'HOURS_EXPIRED'
  /** Minutes the reader holds will expire within a month unless spent: minutes, at (by when). */
  | 'HOURS_EXPIRING'
  /** Minutes a credit brought above the balance cap of the hours policy moved to the site's care pool: minutes (those moved). */
  | 'HOURS_OVERFLOW'
  /** (Coordinators) someone asks to join the site: personName. */
  | 'JOIN_REQUESTED'
  /** A need the reader claimed was cancelled: needTitle, reason, at. */
  | 'NEED_CANCELLED'
  /** A need the reader claimed was changed: needTitle, at. */
  | 'NEED_CHANGED'
  /** A need was posted in a category the reader offers: needTitle, at. */
  | 'NEED_MATCHES_OFFER'
  /** An objection to the reader's service, or raised by the reader, reversed the service: needTitle, minutes, points taken back, reason (the coordinator's note). */
  | 'OBJECTION_REVERSED'
  /** An objection to the reader's service, or raised by the reader, was upheld (the service stands): needTitle, points, reason (the coordinator's note). */
  | 'OBJECTION_UPHELD'
  /** A need is to be paid from the reader's minutes and waits for their consent: needTitle, personName (the beneficiary), minutes (estimated), at. */
  | 'PAYMENT_CONSENT_ASKED'
  /** The reader's points of a site expired at its season end: points. */
  | 'POINTS_EXPIRED'
  /** The reader's points of a site expire at its season end: points (available now), at (the season end). */
  | 'POINTS_EXPIRING'
  /** (Coordinators) a referral to the township moved on: personName (the elder), referralStatus, reason (a decline's). */
  | 'REFERRAL_UPDATED'
  /** (Coordinators) a volunteer reported service that waits for confirmation: needTitle, personName, minutes. */
  | 'SERVICE_REPORTED'
  /** A visit the reader is on duty for is due: personName, at. */
  | 'VISIT_DUE'
  /** A visit is overdue: personName, at. */
  | 'VISIT_OVERDUE'
  /** A visit the reader is on duty for is coming up: personName, at. */
  | 'VISIT_REMINDER';

/** What marking read did. */
export type InboxReadResult = {
  __typename?: 'InboxReadResult';
  /** The messages this marked read (ones already read, or not the reader's, are left out). */
  items: Array<InboxItem>;
  /** How many of the reader's messages are still unread. */
  unreadCount: Scalars['Int']['output'];
};

/** A villager's request to join a site. Seen by the site's coordinators and platform staff only. */
export type JoinRequest = {
  __typename?: 'JoinRequest';
  /** Whether the phone belongs to a member already (of this or another site): approval then adds the role. */
  alreadyMember: Scalars['Boolean']['output'];
  /** What they said they can help with. */
  categories: Array<ServiceCategory>;
  /** When they asked. */
  createdAt: Scalars['DateTime']['output'];
  /** When a coordinator decided; null while pending. */
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why it was declined. */
  declineReason?: Maybe<Scalars['String']['output']>;
  /** Opaque id (jreq_...). */
  id: Scalars['ID']['output'];
  /** The member approval made (or gave the role to). */
  member?: Maybe<Member>;
  /** The name they gave. */
  name: Scalars['String']['output'];
  /** The mobile number they gave, in full (the coordinator calls them). */
  phone: Scalars['String']['output'];
  /** Where it stands. */
  status: JoinRequestStatus;
};

/** Where a join request stands. */
export type JoinRequestStatus =
  /** Approved: the person is a volunteer of the site. */
  | 'APPROVED'
  /** Declined, with a reason. */
  | 'DECLINED'
  /** Waiting for a coordinator. */
  | 'PENDING';

/** What a deactivated member's minutes and points become, as the site chooses. */
export type LeaverBalanceRule =
  /** Donated to the site's pools as DONATION transfers (the default). */
  | 'DONATE_TO_POOL'
  /** Kept on the member's accounts, there again if they come back. */
  | 'KEEP';

/** One ledger invariant as checked now. */
export type LedgerCheck = {
  __typename?: 'LedgerCheck';
  /** What the invariant says, in English. */
  description: Scalars['String']['output'];
  /** Whether it holds on every row. */
  holds: Scalars['Boolean']['output'];
  /** Short name: double-entry, no-negative-balance, append-only and the like. */
  name: Scalars['String']['output'];
  /** Up to five rows that break it, each as JSON. */
  violations: Array<Scalars['String']['output']>;
};

/** Who an elder lives with: one of the facts the visit tiers read. */
export type LivingSituation =
  /** 独居 */
  | 'ALONE'
  /** 住在养老机构 */
  | 'IN_CARE_HOME'
  /** 与子女同住 */
  | 'WITH_CHILDREN'
  /** 与其他人同住 */
  | 'WITH_OTHERS'
  /** 与配偶同住 */
  | 'WITH_SPOUSE';

/** A major event reported for an elder: tier A for the 24 hours after the report. */
export type MajorEvent = {
  __typename?: 'MajorEvent';
  /** The day it happened, YYYY-MM-DD. */
  happenedOn: Scalars['String']['output'];
  /** What happened. */
  kind: MajorEventKind;
  /** The reporter's note. */
  note?: Maybe<Scalars['String']['output']>;
  /** When the 24 hours end. */
  raisedUntil: Scalars['DateTime']['output'];
  /** When it was reported: the 24 hours run from here. */
  reportedAt: Scalars['DateTime']['output'];
};

/** A major event in an elder's life that calls for a visit within 24 hours. */
export type MajorEventKind =
  /** A bereavement (丧亲). */
  | 'BEREAVEMENT'
  /** A fall (跌倒). */
  | 'FALL'
  /** Discharged from hospital (出院). */
  | 'HOSPITAL_DISCHARGE';

/** A reported event and the visit task it made. */
export type MajorEventReport = {
  __typename?: 'MajorEventReport';
  /** The event. */
  event: MajorEvent;
  /** The visit task due within the 24 hours. */
  task: VisitTask;
};

/** A person: volunteer, elder, coordinator, clerk or admin, often several of these. */
export type Member = {
  __typename?: 'Member';
  /** False once the member left or died (deactivated): out of lists and boards, unable to log in, their history kept. */
  active: Scalars['Boolean']['output'];
  /** Home address; shown to the site's staff, and to a volunteer only while holding a claim for this elder. */
  address?: Maybe<Scalars['String']['output']>;
  /** Minutes banked and points held. Visible to the member and the site's staff. */
  balance: Balance;
  /** Year of birth, when known. */
  birthYear?: Maybe<Scalars['Int']['output']>;
  /** Whether the member can log in (elders with no phone cannot: a coordinator acts for them). */
  canLogIn: Scalars['Boolean']['output'];
  /** Care categories; any one makes the member due a monthly visit. Shown to the member, the site's staff and platform staff, and to a volunteer only while holding a claim for this elder; empty to anyone else. */
  careCategories: Array<CareCategory>;
  /** The member's claims, newest first. */
  claims: ClaimConnection;
  /** When the member was deactivated; null while active. Shown to the member and the site's staff. */
  deactivatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The coordinator's note on the deactivation; null while active or without one. Shown to the site's staff. */
  deactivationNote?: Maybe<Scalars['String']['output']>;
  /** Why the member was deactivated; null while active. Shown to the member and the site's staff. */
  deactivationReason?: Maybe<DeactivationReason>;
  /** Dementia is recorded (tier B); private like the care categories. */
  dementia: Scalars['Boolean']['output'];
  /** Disability grade 1 (most severe) to 4, when recorded; private like the care categories. */
  disabilityGrade?: Maybe<Scalars['Int']['output']>;
  /** The member's family links, open first (the member themselves, and staff of their site). */
  familyLinks: Array<FamilyLink>;
  /** Opaque id (mem_...). */
  id: Scalars['ID']['output'];
  /** The ID number masked (1101**********1234) for the member and the site's staff; never in full to anyone. */
  idNumberMasked?: Maybe<Scalars['String']['output']>;
  /** The ID document's type; the member and the site's staff. Null when none or not theirs to see. */
  idType?: Maybe<IdType>;
  /** A life-threatening illness is recorded (tier A); private like the care categories. */
  lifeThreateningIllness: Scalars['Boolean']['output'];
  /** Who the member lives with, when recorded; private like the care categories. */
  livingSituation?: Maybe<LivingSituation>;
  /** Receives 低保 (the minimum living allowance); private like the care categories. */
  minimumLivingAllowance: Scalars['Boolean']['output'];
  /** Full name. */
  name: Scalars['String']['output'];
  /** Mobile number; masked (138****1234) unless the viewer may see it in full. */
  phone?: Maybe<Scalars['String']['output']>;
  /** The member's points per site that credited them, with what is available and what is pending there. Visible to the member and the site's staff. */
  pointsBySite: Array<SitePoints>;
  /** The regions the member is staff of. Shown to the member, platform staff, and the staff of a region above; empty to anyone else. */
  regionRoles: Array<RegionRole>;
  /** Roles held at the member's site (ADMIN for platform staff). */
  roles: Array<Role>;
  /** Service record (志愿服务记录): confirmed service and settled totals. */
  serviceRecord: ServiceRecord;
  /** The member's site. Platform staff belong to no village: theirs is the first site they manage. */
  site: Site;
  /** The member's roles per site, their own site first. The member and platform staff see every site; a site's staff see their own site's entry only; anyone else none. */
  siteRoles: Array<SiteRoles>;
  /** Ledger history, newest first. */
  transfers: TransferConnection;
  /** The visit tier that holds now (kept, refreshed nightly); null when not on the site's visit list. Private like the care categories. */
  visitTier?: Maybe<VisitTier>;
};


/** A person: volunteer, elder, coordinator, clerk or admin, often several of these. */
export type MemberClaimsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ClaimStatus>;
};


/** A person: volunteer, elder, coordinator, clerk or admin, often several of these. */
export type MemberTransfersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A member's card: the QR code carries an opaque code the counter scans to find the member. */
export type MemberCard = {
  __typename?: 'MemberCard';
  /** The code the QR carries; null until a card is issued. */
  code?: Maybe<Scalars['String']['output']>;
  /** The member. */
  member: Member;
  /** The member number printed on the card. */
  memberNumber: Scalars['String']['output'];
};

/** A page of members. */
export type MemberConnection = {
  __typename?: 'MemberConnection';
  /** The members on this page. */
  edges: Array<MemberEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many members match in all. */
  totalCount: Scalars['Int']['output'];
};

/** One member in a page. */
export type MemberEdge = {
  __typename?: 'MemberEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The member. */
  node: Member;
};

/** A member moving village (搬迁): their account and history stay theirs, their site and roles change. */
export type MemberMove = {
  __typename?: 'MemberMove';
  /** When it was accepted. */
  acceptedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who accepted it, if anyone has. */
  acceptedBy?: Maybe<Member>;
  /** When it was cancelled. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who cancelled it, if anyone has. */
  cancelledBy?: Maybe<Member>;
  /** The site they leave. */
  fromSite: Site;
  /** Opaque id (move_...). */
  id: Scalars['ID']['output'];
  /** Who moves. */
  member: Member;
  /** The roles granted at the new site on acceptance; empty before. */
  roles: Array<Role>;
  /** When it was started. */
  startedAt: Scalars['DateTime']['output'];
  /** Who started it. */
  startedBy?: Maybe<Member>;
  /** Where it stands. */
  status: MemberMoveStatus;
  /** The site they join. */
  toSite: Site;
};

/** Where a member's move between sites stands. */
export type MemberMoveStatus =
  /** Accepted: the member now belongs to the new site. */
  | 'ACCEPTED'
  /** Cancelled by either site before acceptance. */
  | 'CANCELLED'
  /** Started by the site they leave; the site they join has not accepted yet. */
  | 'STARTED';

/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** The other county's office accepts a proposed alliance; accepting an accepted one returns it. */
  acceptAlliance: CountyAlliance;
  /** The coordinator of the site the member joins accepts: the member belongs to it with the chosen roles, and loses their roles at the old site. */
  acceptMemberMove: MemberMove;
  /** Register a person at a site (COORDINATOR of the site, or ADMIN). */
  addMember: Member;
  /** Add goods (COORDINATOR or CLERK of the site). */
  addProduct: Product;
  /** Raise visits in a region and under it for a period (platform staff). */
  addVisitFrequencyRaise: VisitFrequencyRaise;
  /** Make the member with this whole mobile number an officer of the region, ADMIN of every site under it (platform staff for any region; a region's staff for the regions under theirs). It counts at once. Answers the member. */
  appointRegionOfficer: Member;
  /** Approve a pending request (COORDINATOR of the site, or ADMIN): a new volunteer of the site, or VOLUNTEER added to the member with that phone. CONFLICT when already decided. */
  approveJoinRequest: JoinRequest;
  /** Either site's coordinator cancels a move before it is accepted; cancelling a cancelled one returns it. */
  cancelMemberMove: MemberMove;
  /** Call a need off (COORDINATOR). Open claims are withdrawn, rejected ones closed; confirmed service stays credited. */
  cancelNeed: Need;
  /** Undo a redemption: refunds the points and restores the stock, once (CLERK or COORDINATOR). The same person sending the same reason again gets that undo back (a retry); anyone else, or another reason, gets CONFLICT. */
  cancelRedemption: Redemption;
  /**
   * Cancel an occurrence of a series (COORDINATOR of its site). THIS_ONE is cancelNeed. THIS_AND_FOLLOWING
   * ends the series the day before this occurrence's day and cancels it and every later occurrence
   * (claims withdrawn as cancelNeed does; one whose service is already reported is kept).
   */
  cancelSeriesNeed: Need;
  /**
   * Change the logged-in member's own password. Every token issued before the change stops working
   * (on every server); the answer carries a new one. A wrong oldPassword is BAD_USER_INPUT and counts
   * as a wrong password towards the log-in lock-out.
   */
  changePassword: AuthPayload;
  /** Say you have arrived (the claim's volunteer): from 2 hours before the need's start; earlier is CONFLICT naming the start. */
  checkIn: Claim;
  /** Take a slot (VOLUNTEER of the need's site). CONFLICT when full, cancelled or already claimed by you. */
  claimNeed: Claim;
  /** Drop a region's own hours policy: it follows the regions above again (platform staff, or staff of the region or one above it). */
  clearHoursPolicy: RegionHoursPolicy;
  /** Drop a region's own tier rules: it takes those above it again (platform staff). */
  clearVisitTierRules: RegionVisitRules;
  /** Record what was done about a visit's follow-up (COORDINATOR of the site). Once: the same words again return the visit; other words on a closed one are CONFLICT. */
  closeFollowUp: Visit;
  /**
   * Give consent to a link still waiting for it: the member themselves (SELF), or a coordinator of
   * the waiting member's site (SELF as told in person, or PROXY for a member without a log-in).
   */
  confirmFamilyLink: FamilyLink;
  /**
   * Confirm reported service (COORDINATOR of the site, not for one's own claim): credits the
   * minutes (from the site pool, or from the beneficiary when payer is BENEFICIARY) and points at
   * the site's rate, rounded down. `minutes` overrides the reported minutes. Idempotent by key.
   */
  confirmService: Claim;
  /** Consent to pay for a need from your minutes (you are its paying relative). Consenting again changes nothing. */
  consentToPay: Need;
  /** Create a site (ADMIN). */
  createSite: Site;
  /** Deactivates a member who left or died (COORDINATOR of the member's site, or ADMIN): their claims not yet done are given back, needs for them are cancelled, their balance is settled by the site's rule, their tokens end and they cannot log in. Their history stays. Refused (CONFLICT) while service they reported, or reported for them, waits for confirmation. Deactivating an inactive member changes nothing. */
  deactivateMember: Member;
  /** Decline a pending request with a reason (COORDINATOR of the site, or ADMIN). CONFLICT when already decided. */
  declineJoinRequest: JoinRequest;
  /** Give banked minutes to another member, e.g. a parent (转赠). INSUFFICIENT_BALANCE if you have too few. */
  donateMinutes: Transfer;
  /** Donate banked minutes to your site's care pool (爱心池) for its special-difficulty elders. */
  donateToCarePool: Transfer;
  /**
   * Change a need (COORDINATOR of the site). Unclaimed: any field; claimed: only the start and the
   * description, anything else is CONFLICT. The volunteers holding active claims each get one
   * NEED_CHANGED inbox message per edit, with the old and new values. Setting the values it already
   * has changes nothing and tells no one. A cancelled or completed need is CONFLICT.
   */
  editNeed: Need;
  /**
   * Change an occurrence of a series (COORDINATOR of its site). THIS_ONE changes that need only
   * (once claimed, only the time and the description; others are CONFLICT). THIS_AND_FOLLOWING ends
   * the series the day before and goes on with the change from that day: occurrences already written
   * take it (claimed ones only the time and the description, and their volunteers are told). Answers
   * the occurrence as it now is.
   */
  editSeriesNeed: Need;
  /** Either county's office ends an alliance (or withdraws a proposal); ending an ended one returns it. */
  endAlliance: CountyAlliance;
  /** End a link (either member, or a coordinator of either member's site); it is kept, ended. */
  endFamilyLink: FamilyLink;
  /**
   * Give banked minutes to a linked relative (link in force), at any site of your alliance, as a
   * GIFT. INSUFFICIENT_BALANCE if you have too few; NOT_FOUND for a member who is not your linked relative.
   */
  giftMinutes: Transfer;
  /** Let your minutes pay for every need of a linked relative (a standing permission, until revoked). */
  grantPaymentPermission: FamilyLink;
  /** Give a member of another site, found by their whole mobile number, a role at this site: VOLUNTEER, CLERK or COORDINATOR (COORDINATOR of the site, or ADMIN). ADMIN and ELDER cannot be granted this way. */
  grantSiteRole: Member;
  /** Issues a member card with a new code (an earlier card stops working): the coordinator or clerk of the member's site. */
  issueMemberCard: MemberCard;
  /** Makes a one-time code (8 digits, valid 24 hours, one use) for a member with a phone who forgot their password (COORDINATOR of the member's site, or ADMIN). Their password and every token they hold end now; they log in with redeemResetCode. */
  issueResetCode: ResetCode;
  /** Issues a numbered service record certificate for a period: the coordinator of the member's site. */
  issueServiceCertificate: ServiceCertificate;
  /** Log in with phone and password; returns a token for the Authorization header. */
  login: AuthPayload;
  /** Mark every one of one's own messages read. */
  markAllInboxRead: InboxReadResult;
  /** Mark some of one's own messages read (up to 100 ids). Ids that are not one's own are ignored. */
  markInboxRead: InboxReadResult;
  /** Mark that the volunteer did not come (COORDINATOR of the site): a claim not yet settled, reported or not. */
  markNoShow: Claim;
  /** Post a need (COORDINATOR of the site). Idempotent by key when input.idempotencyKey is given. */
  postNeed: Need;
  /** Post a recurring need (COORDINATOR of the site): the series and its occurrences of the next two weeks. */
  postSeries: PostSeriesPayload;
  /** A county's office proposes an alliance with another county; a live alliance of the pair is returned as it is. */
  proposeAlliance: CountyAlliance;
  /** Object to a service under public notice (any member of its site but its volunteer, during the period); its points stay pending until resolved. CONFLICT when the period is over, the site has no notice, or an objection is already open. */
  raiseObjection: Objection;
  /** Reactivates a deactivated member (COORDINATOR of the member's site, or ADMIN): back in lists, and able to log in again with their password. Reactivating an active member changes nothing. */
  reactivateMember: Member;
  /** Give an open visit task to another visitor of the site, or to no one (COORDINATOR of the site). */
  reassignVisitTask: VisitTask;
  /**
   * Record a family link (COORDINATOR of either member's site; the two sites in one alliance).
   * Consent given in person is recorded with it for members of the coordinator's site (PROXY only
   * for a member without a log-in); the other side confirms with confirmFamilyLink. Recording the
   * same link again returns it; another relation for the pair is CONFLICT.
   */
  recordFamilyLink: FamilyLink;
  /** Records that a passbook was printed up to a line, so the next printing continues after it: the member, the site's coordinator or clerk. */
  recordPassbookPrint: PassbookPrint;
  /** Record a visit (COORDINATOR or VOLUNTEER of the elder's site). Idempotent by key when input.idempotencyKey is given. When the site banks visits, a volunteer visitor who found the elder is credited the minutes (and points) in the same transaction; a coordinator visiting is not. */
  recordVisit: Visit;
  /** Trade points for goods: points and stock move together or not at all. OUT_OF_STOCK, INSUFFICIENT_BALANCE. */
  redeem: Redemption;
  /** Logs in with a one-time reset code and sets a new password at once. Limited like login; a wrong, used or expired code is UNAUTHENTICATED. */
  redeemResetCode: AuthPayload;
  /**
   * Refer a visit's open follow-up to the township (COORDINATOR of the site): writes the referral
   * and closes the follow-up as REFERRED, together. Idempotent by key; a follow-up already closed is CONFLICT.
   */
  referFollowUp: Referral;
  /** Reject reported service with a reason (COORDINATOR of the site). */
  rejectService: Claim;
  /** End a member's office in the region; it ends at once (the same people as appointing). NOT_FOUND when they hold none there. */
  removeRegionOfficer: Member;
  /** Take a role at this site from a member of another site (COORDINATOR of the site, or ADMIN); it ends at once. */
  removeSiteRole: Member;
  /** Remove a raise (platform staff); tasks it made stay. */
  removeVisitFrequencyRaise: Scalars['Boolean']['output'];
  /**
   * Reopen a need so it can be claimed again (COORDINATOR of the site): its rejected claims close
   * (they keep their reasons but hold no slot and cannot be reported again) and the need is OPEN when
   * a slot is free. A need with no rejected claim to close is answered unchanged (a retry is safe);
   * a cancelled or completed need is CONFLICT.
   */
  reopenNeed: Need;
  /** Report a fall, hospital discharge or bereavement for an elder (COORDINATOR of the elder's site, or the elder's visitor): tier A for 24 hours and a visit task due within them, at once. */
  reportMajorEvent: MajorEventReport;
  /**
   * Report the minutes served, 1-1440 (the claim's volunteer), after checking in and once the need
   * has started (earlier is CONFLICT naming the start); or again after a rejection, until the claim is
   * closed. More than twice the estimate is allowed and flagged (Claim.overEstimate).
   */
  reportService: Claim;
  /** Ask to join a site (anyone, not logged in). Answers true whether or not the phone is registered or has asked before, so it tells nobody who lives where; limited per phone (3 a day) and per address (50 an hour): TOO_MANY_REQUESTS beyond. */
  requestToJoin: Scalars['Boolean']['output'];
  /** Resolve an objection (COORDINATOR of its site, or ADMIN), audited, once: a second resolve is CONFLICT. REVERSE moves the ledger. */
  resolveObjection: Objection;
  /** Add stock, 1-100000, up to 1000000 in all (COORDINATOR or CLERK of the site). */
  restockProduct: Product;
  /** Sell a retired product again (COORDINATOR or CLERK of the site). */
  restoreProduct: Product;
  /** Stop selling a product: it leaves the shop and the counter, its history keeps its name (COORDINATOR or CLERK of the site). Retiring a retired one changes nothing. */
  retireProduct: Product;
  /** Undo a transfer by the opposite one, once (COORDINATOR of its site, or ADMIN). */
  reverseTransfer: Transfer;
  /** Withdraw your standing permission to pay for a relative's needs; needs you consented to one by one are unaffected. */
  revokePaymentPermission: FamilyLink;
  /** Set a region's own hours policy, the whole set (platform staff, or staff of the region or one above it). */
  setHoursPolicy: RegionHoursPolicy;
  /** Sets what a deactivated member's balance becomes at the site (COORDINATOR of the site, or ADMIN). */
  setLeaverBalanceRule: Site;
  /** Records or clears the member's ID document (kept private, shown masked): the coordinator of the member's site. */
  setMemberIdDocument: Member;
  /** Set the viewer's offer at the site, replacing the one before (a VOLUNTEER there). */
  setOffer: VolunteerOffer;
  /** Set a product's photo, or remove it with null (COORDINATOR or CLERK of the site). The photo is base64 of a JPEG or WebP of at most 48 KB and 640 pixels a side (the client shrinks it first); anything else is BAD_USER_INPUT. */
  setProductPhoto: Product;
  /** Override an elder's computed tier until a day (COORDINATOR of the elder's site). */
  setTierOverride: TierOverride;
  /** Pair an elder with a visitor and backup (COORDINATOR of the elder's site); the elder's open tasks move to the visitor, and a first pairing gets this period's task at once. */
  setVisitPair: VisitPair;
  /** Set a region's own tier rules, the whole set (platform staff); the kept tiers of its sites' elders follow at once. */
  setVisitTierRules: RegionVisitRules;
  /** The coordinator of the member's site starts their move to another site; the member's open move to that site is returned as it is. */
  startMemberMove: MemberMove;
  /** Changes a member's facts (COORDINATOR of the member's site, or ADMIN). The audit trail keeps each changed field's value before and after. */
  updateMember: Member;
  /** Change a product's name, price or unit (COORDINATOR or CLERK of the site). CONFLICT if the name is taken. */
  updateProduct: Product;
  /**
   * Move a referral on (ADMIN at the referral's site: the township's staff): REFERRED -> ACCEPTED
   * -> RESOLVED, or DECLINED with a reason. A step backwards or from a closed one is
   * ILLEGAL_TRANSITION (CONFLICT with detail). The same step again returns the referral unchanged.
   * The site's coordinators are told in their inbox.
   */
  updateReferral: Referral;
  /** Change a site's settings (COORDINATOR of the site, or ADMIN), audited. Rates apply to service confirmed afterwards. */
  updateSiteSettings: SiteSettings;
  /** Give the slot back before checking in (the claim's volunteer). */
  withdrawClaim: Claim;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationAcceptAllianceArgs = {
  allianceId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationAcceptMemberMoveArgs = {
  moveId: Scalars['ID']['input'];
  roles: Array<Role>;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationAddMemberArgs = {
  input: AddMemberInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationAddProductArgs = {
  input: AddProductInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationAddVisitFrequencyRaiseArgs = {
  input: AddVisitFrequencyRaiseInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationAppointRegionOfficerArgs = {
  phone: Scalars['String']['input'];
  regionId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationApproveJoinRequestArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationCancelMemberMoveArgs = {
  moveId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationCancelNeedArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationCancelRedemptionArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationCancelSeriesNeedArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  scope: SeriesScope;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationChangePasswordArgs = {
  newPassword: Scalars['String']['input'];
  oldPassword: Scalars['String']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationCheckInArgs = {
  claimId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationClaimNeedArgs = {
  needId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationClearHoursPolicyArgs = {
  regionId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationClearVisitTierRulesArgs = {
  regionId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationCloseFollowUpArgs = {
  outcome: Scalars['String']['input'];
  visitId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationConfirmFamilyLinkArgs = {
  consent?: InputMaybe<FamilyConsent>;
  linkId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationConfirmServiceArgs = {
  claimId: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
  minutes?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationConsentToPayArgs = {
  needId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationCreateSiteArgs = {
  input: CreateSiteInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationDeactivateMemberArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  reason: DeactivationReason;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationDeclineJoinRequestArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationDonateMinutesArgs = {
  idempotencyKey: Scalars['String']['input'];
  minutes: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  toMemberId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationDonateToCarePoolArgs = {
  idempotencyKey: Scalars['String']['input'];
  minutes: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationEditNeedArgs = {
  id: Scalars['ID']['input'];
  input: EditNeedInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationEditSeriesNeedArgs = {
  id: Scalars['ID']['input'];
  input: EditSeriesInput;
  scope: SeriesScope;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationEndAllianceArgs = {
  allianceId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationEndFamilyLinkArgs = {
  linkId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationGiftMinutesArgs = {
  idempotencyKey: Scalars['String']['input'];
  minutes: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  toMemberId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationGrantPaymentPermissionArgs = {
  beneficiaryId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationGrantSiteRoleArgs = {
  phone: Scalars['String']['input'];
  role: Role;
  siteId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationIssueMemberCardArgs = {
  memberId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationIssueResetCodeArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationIssueServiceCertificateArgs = {
  from: Scalars['String']['input'];
  memberId: Scalars['ID']['input'];
  to: Scalars['String']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationLoginArgs = {
  password: Scalars['String']['input'];
  phone: Scalars['String']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationMarkInboxReadArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationMarkNoShowArgs = {
  claimId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationPostNeedArgs = {
  input: PostNeedInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationPostSeriesArgs = {
  input: PostSeriesInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationProposeAllianceArgs = {
  countyId: Scalars['ID']['input'];
  otherCountyId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationRaiseObjectionArgs = {
  input: RaiseObjectionInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationReactivateMemberArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationReassignVisitTaskArgs = {
  taskId: Scalars['ID']['input'];
  visitorId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationRecordFamilyLinkArgs = {
  input: RecordFamilyLinkInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationRecordPassbookPrintArgs = {
  lastTransferId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
  rowsPerPage?: InputMaybe<Scalars['Int']['input']>;
  unit: Unit;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationRecordVisitArgs = {
  input: RecordVisitInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationRedeemArgs = {
  input: RedeemInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationRedeemResetCodeArgs = {
  code: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
  phone: Scalars['String']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationReferFollowUpArgs = {
  input: ReferFollowUpInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationRejectServiceArgs = {
  claimId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationRemoveRegionOfficerArgs = {
  memberId: Scalars['ID']['input'];
  regionId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationRemoveSiteRoleArgs = {
  memberId: Scalars['ID']['input'];
  role: Role;
  siteId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationRemoveVisitFrequencyRaiseArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationReopenNeedArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationReportMajorEventArgs = {
  input: ReportMajorEventInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationReportServiceArgs = {
  claimId: Scalars['ID']['input'];
  minutes: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationRequestToJoinArgs = {
  input: RequestToJoinInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationResolveObjectionArgs = {
  input: ResolveObjectionInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationRestockProductArgs = {
  productId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationRestoreProductArgs = {
  productId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationRetireProductArgs = {
  productId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationReverseTransferArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationRevokePaymentPermissionArgs = {
  beneficiaryId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationSetHoursPolicyArgs = {
  policy: HoursPolicyInput;
  regionId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationSetLeaverBalanceRuleArgs = {
  rule: LeaverBalanceRule;
  siteId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationSetMemberIdDocumentArgs = {
  idNumber?: InputMaybe<Scalars['String']['input']>;
  idType?: InputMaybe<IdType>;
  memberId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationSetOfferArgs = {
  input: OfferInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationSetProductPhotoArgs = {
  photo?: InputMaybe<Scalars['String']['input']>;
  productId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationSetTierOverrideArgs = {
  input: SetTierOverrideInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationSetVisitPairArgs = {
  input: SetVisitPairInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationSetVisitTierRulesArgs = {
  regionId: Scalars['ID']['input'];
  rules: VisitTierRulesInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationStartMemberMoveArgs = {
  memberId: Scalars['ID']['input'];
  toSiteId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationUpdateMemberArgs = {
  id: Scalars['ID']['input'];
  input: UpdateMemberInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationUpdateProductArgs = {
  input: UpdateProductInput;
  productId: Scalars['ID']['input'];
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationUpdateReferralArgs = {
  input: UpdateReferralInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationUpdateSiteSettingsArgs = {
  input: UpdateSiteSettingsInput;
};


/**
 * Writes. Each mutation is one transaction: it happens whole or not at all. Money-like mutations
 * take an idempotencyKey: the same key again returns the first answer and changes nothing.
 */
export type MutationWithdrawClaimArgs = {
  claimId: Scalars['ID']['input'];
};

/** Something an elder needs done, posted by the site. */
export type Need = {
  __typename?: 'Need';
  /** The elder served. */
  beneficiary: Member;
  /** Why it was cancelled. */
  cancelReason?: Maybe<Scalars['String']['output']>;
  /** Kind of service. */
  category: ServiceCategory;
  /** The claims on it, slot holders first (a need has at most 50 slots), then no-shows, each oldest first; withdrawn ones left out: staff find them with `claims(siteId, status: WITHDRAWN)`, the volunteer with `viewer.claims(status: WITHDRAWN)`. */
  claims: Array<Claim>;
  /** When it was posted. */
  createdAt: Scalars['DateTime']['output'];
  /** Details for the volunteer. */
  description?: Maybe<Scalars['String']['output']>;
  /** Minutes the service is expected to take. */
  estimatedMinutes: Scalars['Int']['output'];
  /** Opaque id (need_...). */
  id: Scalars['ID']['output'];
  /** Slots not yet claimed. */
  openSlots: Scalars['Int']['output'];
  /** Who pays the minutes. */
  payer: Payer;
  /** Whether the paying relative has consented (for this need or by a standing permission); null unless payer is RELATIVE. */
  payerConsented?: Maybe<Scalars['Boolean']['output']>;
  /** The relative who pays when payer is RELATIVE; null otherwise. */
  payerMember?: Maybe<Member>;
  /** The series this need is an occurrence of; null for a need posted on its own. */
  series?: Maybe<NeedSeries>;
  /** The site that posted it. */
  site: Site;
  /** How many volunteers it needs. */
  slots: Scalars['Int']['output'];
  /** When the service starts. */
  startsAt: Scalars['DateTime']['output'];
  /** Where the need is in its life. */
  status: NeedStatus;
  /** Short title, e.g. 给赵奶奶送午饭. */
  title: Scalars['String']['output'];
};


/** Something an elder needs done, posted by the site. */
export type NeedClaimsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of needs. */
export type NeedConnection = {
  __typename?: 'NeedConnection';
  /** The needs on this page. */
  edges: Array<NeedEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many needs match in all. */
  totalCount: Scalars['Int']['output'];
};

/** One need in a page. */
export type NeedEdge = {
  __typename?: 'NeedEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The need. */
  node: Need;
};

/**
 * A recurring need (a meal round every weekday at 11:00, a bath every Saturday at 15:00): what each
 * occurrence needs and when it repeats. Each occurrence is a Need of its own (its own slots and
 * claims), written two weeks ahead.
 */
export type NeedSeries = {
  __typename?: 'NeedSeries';
  /** The elder served. */
  beneficiary: Member;
  /** Kind of service. */
  category: ServiceCategory;
  /** Details each occurrence gets. */
  description?: Maybe<Scalars['String']['output']>;
  /** The last day, if it has one. */
  endsOn?: Maybe<Scalars['String']['output']>;
  /** Minutes each occurrence is expected to take. */
  estimatedMinutes: Scalars['Int']['output'];
  /** Opaque id (series_...). */
  id: Scalars['ID']['output'];
  /** Days of the month it repeats on, 1-31 (a month without the day is skipped). */
  monthDays: Array<Scalars['Int']['output']>;
  /** How many occurrences in all, counted from startsOn, if it has a count. */
  occurrenceCount?: Maybe<Scalars['Int']['output']>;
  /** Volunteers each occurrence needs. */
  slots: Scalars['Int']['output'];
  /** The first day (YYYY-MM-DD, the site's calendar). */
  startsOn: Scalars['String']['output'];
  /** The time each occurrence starts, HH:MM on the site's clock. */
  timeOfDay: Scalars['String']['output'];
  /** Short title each occurrence gets. */
  title: Scalars['String']['output'];
  /** Weekdays it repeats on: 1 Monday ... 7 Sunday. */
  weekdays: Array<Scalars['Int']['output']>;
};

/** Where a need is in its life. */
export type NeedStatus =
  /** Called off by the site. */
  | 'CANCELLED'
  /** Every claim is settled and some service on it was confirmed. */
  | 'COMPLETED'
  /** Every slot is claimed (or held by a rejected claim that may be reported again). */
  | 'FILLED'
  /** Posted; slots are free. */
  | 'OPEN';

/** The notice board (公示栏) of the period ending now: the service credited in the last noticeDays days, and objections. */
export type NoticeBoard = {
  __typename?: 'NoticeBoard';
  /** The period's confirmed service, by volunteer name then date. */
  entries: Array<NoticeEntry>;
  /** The period's first instant. */
  from: Scalars['DateTime']['output'];
  /** The period in days. */
  noticeDays: Scalars['Int']['output'];
  /** Objections raised in the period or still open, newest first. */
  objections: Array<Objection>;
  /** Whether the site's public notice is on (points pending while under notice). */
  publicNotice: Scalars['Boolean']['output'];
  /** The site. */
  site: Site;
  /** The period's end (now). */
  to: Scalars['DateTime']['output'];
};

/** One confirmed service on the notice board. */
export type NoticeEntry = {
  __typename?: 'NoticeEntry';
  /** When the service was credited. */
  creditedAt: Scalars['DateTime']['output'];
  /** Minutes credited. */
  minutes: Scalars['Int']['output'];
  /** The latest objection to the service, if any. */
  objection?: Maybe<Objection>;
  /** When its points stop being pending (unless an objection is open). */
  pendingUntil: Scalars['DateTime']['output'];
  /** Points credited. */
  points: Scalars['Int']['output'];
  /** Whether the service's credits were reversed. */
  reversed: Scalars['Boolean']['output'];
  /** The need's title, or the visited elder's name for a banked visit. */
  title: Scalars['String']['output'];
  /** The service's first credit transfer (tr_...): what an objection names. */
  transferId: Scalars['ID']['output'];
  /** The volunteer credited, by name. */
  volunteerName: Scalars['String']['output'];
};

/** A member's objection to a credited service during its notice period. */
export type Objection = {
  __typename?: 'Objection';
  /** Opaque id (obj_...). */
  id: Scalars['ID']['output'];
  /** When it was raised. */
  raisedAt: Scalars['DateTime']['output'];
  /** Who raised it, by name. */
  raisedByName: Scalars['String']['output'];
  /** Why the member objects. */
  reason: Scalars['String']['output'];
  /** The coordinator's word on the decision. */
  resolutionNote?: Maybe<Scalars['String']['output']>;
  /** When it was resolved; null while open. */
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who resolved it, by name; null while open. */
  resolvedByName?: Maybe<Scalars['String']['output']>;
  /** The service: the need's title, or the visited elder's name. */
  serviceTitle: Scalars['String']['output'];
  /** Where it is. */
  status: ObjectionStatus;
  /** The volunteer credited for the service, by name. */
  volunteerName: Scalars['String']['output'];
};

/** The coordinator's decision on an objection. */
export type ObjectionDecision =
  /** The service is undone: reversal transfers of its minutes and points (and of a withdrawal that paid for it), once. */
  | 'REVERSE'
  /** The service stands: its points stay (and become available when the notice period ends). */
  | 'UPHOLD';

/** Where an objection (异议) to a service under public notice is. */
export type ObjectionStatus =
  /** Waiting for the coordinator; the service's points stay pending. */
  | 'OPEN'
  /** The coordinator reversed the service: its minutes and points were taken back. */
  | 'REVERSED'
  /** The coordinator upheld the service: the points stay. */
  | 'UPHELD';

/** A volunteer's offer, as they set it. */
export type OfferInput = {
  /** Categories of service they can do (none: they offer nothing for now). */
  categories: Array<ServiceCategory>;
  /** The site (site_...) where they volunteer. */
  siteId: Scalars['ID']['input'];
  /** Times of day; empty or omitted: any time. */
  times?: InputMaybe<Array<TimeOfDay>>;
  /** ISO weekdays 1-7; empty or omitted: any day. */
  weekdays?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** An elder's visit not made: a task missed, or open past its due day. */
export type OverdueVisit = {
  __typename?: 'OverdueVisit';
  /** The backup visitor's name; null: none. */
  backupName?: Maybe<Scalars['String']['output']>;
  /** The period's last day, by which the visit was due. */
  dueBy: Scalars['String']['output'];
  /** The elder (mem_...). */
  elderId: Scalars['ID']['output'];
  /** The elder's name. */
  elderName: Scalars['String']['output'];
  /** The visit task (vtask_...). */
  id: Scalars['ID']['output'];
  /** The latest visit that found the elder at home; null: never visited. */
  lastVisitAt?: Maybe<Scalars['DateTime']['output']>;
  /** The period's first day, YYYY-MM-DD on the site's calendar. */
  periodStart: Scalars['String']['output'];
  /** The elder's site (site_...). */
  siteId: Scalars['ID']['output'];
  /** The site's name. */
  siteName: Scalars['String']['output'];
  /** MISSED (its period ended) or OPEN (past its due day, not yet marked). */
  status: VisitTaskStatus;
  /** The elder's tier when the task was made. */
  tier: VisitTier;
  /** The division the site sits in (its village), by name; null when it has none. */
  village?: Maybe<Scalars['String']['output']>;
  /** The divisions the site sits in, by name, top down (its village last); empty when it has none. */
  villagePath: Array<Scalars['String']['output']>;
  /** The paired visitor's name; null: not paired. */
  visitorName?: Maybe<Scalars['String']['output']>;
};

/** A page of a region's overdue visits, by village then the elder's name. */
export type OverdueVisitConnection = {
  __typename?: 'OverdueVisitConnection';
  /** The overdue visits on this page. */
  edges: Array<OverdueVisitEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many there are in all. */
  totalCount: Scalars['Int']['output'];
};

/** An overdue visit in a page. */
export type OverdueVisitEdge = {
  __typename?: 'OverdueVisitEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The overdue visit. */
  node: OverdueVisit;
};

/** A region's own hours policy: a null field (or a category left out) follows the regions above. */
export type OwnHoursPolicy = {
  __typename?: 'OwnHoursPolicy';
  /** Most minutes a member may hold; null: as above. */
  capMinutes?: Maybe<Scalars['Int']['output']>;
  /** Months after which unspent credited minutes expire; 0: never (whatever the regions above say); null: as above. */
  expiryMonths?: Maybe<Scalars['Int']['output']>;
  /** Youngest age at which a member's own hours pay for their own care; null: as above. */
  minWithdrawAge?: Maybe<Scalars['Int']['output']>;
  /** The categories this region weighs itself. */
  weights: Array<CategoryWeight>;
};

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last edge, to pass as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A member's passbook (存折) for one unit, as the next printing shows it. */
export type Passbook = {
  __typename?: 'Passbook';
  /** The account's balance now (minutes or points). */
  balance: Scalars['Int']['output'];
  /** When the passbook was last printed; null: never. */
  lastPrintedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The line the last printing ended on (0: never printed). */
  lastPrintedLine: Scalars['Int']['output'];
  /** The lines to print: after the last printed line, or every line for a reprint; oldest first. */
  lines: Array<PassbookLine>;
  /** The member whose passbook it is. */
  member: Member;
  /** Lines per printed page. */
  rowsPerPage: Scalars['Int']['output'];
  /** Which account: minutes and points are separate books. */
  unit: Unit;
};

/** One line of a passbook: one transfer of the member's account. */
export type PassbookLine = {
  __typename?: 'PassbookLine';
  /** What came in (0 when it went out). */
  amountIn: Scalars['Int']['output'];
  /** What went out (0 when it came in). */
  amountOut: Scalars['Int']['output'];
  /** When it was written. */
  at: Scalars['DateTime']['output'];
  /** The balance after this line. */
  balance: Scalars['Int']['output'];
  /** Who wrote it (confirmed the service, served at the counter); null for the system. */
  confirmedBy?: Maybe<Scalars['String']['output']>;
  /** The transfer's kind (SERVICE_CREDIT, REDEMPTION...). */
  kind: Scalars['String']['output'];
  /** The line's number in the whole book (1-based). */
  line: Scalars['Int']['output'];
  /** Its line on that page (1-based). */
  lineOnPage: Scalars['Int']['output'];
  /** The transfer's memo; null when none. */
  memo?: Maybe<Scalars['String']['output']>;
  /** The need served, for a service credit; null otherwise. */
  needTitle?: Maybe<Scalars['String']['output']>;
  /** The page it falls on (1-based). */
  page: Scalars['Int']['output'];
  /** The transfer (tr_...). */
  transferId: Scalars['ID']['output'];
};

/** A printing of a passbook, recorded so the next one continues after it. */
export type PassbookPrint = {
  __typename?: 'PassbookPrint';
  /** The last line printed (1-based, in the whole book). */
  lastLine: Scalars['Int']['output'];
  /** The page it was on. */
  lastPage: Scalars['Int']['output'];
  /** When. */
  printedAt: Scalars['DateTime']['output'];
  /** The book's unit. */
  unit: Unit;
};

/** Who pays the minutes of a need's service. */
export type Payer =
  /** The beneficiary withdraws minutes they banked earlier. */
  | 'BENEFICIARY'
  /** The site's care pool (爱心池), for a special-difficulty elder: the coordinator's choice. */
  | 'CARE_POOL'
  /** A linked relative pays from their own minutes (payerMember), with their consent for the need or a standing permission. */
  | 'RELATIVE'
  /** The site's time pool mints them (the usual 时间储蓄 model). */
  | 'SITE';

/** The platform's health as platform staff see it. */
export type PlatformHealth = {
  __typename?: 'PlatformHealth';
  /** Jobs that failed their last try, newest first (at most 100). */
  failedJobs: Array<FailedJob>;
  /** Every ledger invariant, checked now on the whole database (a second or so on a county). */
  ledger: Array<LedgerCheck>;
};


/** The platform's health as platform staff see it. */
export type PlatformHealthFailedJobsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A new need. */
export type PostNeedInput = {
  /** The elder served (mem_...), a member of the site. */
  beneficiaryId: Scalars['ID']['input'];
  /** Kind of service. */
  category: ServiceCategory;
  /** Details, up to 1000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Expected minutes, 1-1440. */
  estimatedMinutes: Scalars['Int']['input'];
  /**
   * The visit whose follow-up this need answers (visit_...): the follow-up is closed as "need
   * posted" with this need, in the same step. It must be an open follow-up of an elder of the site.
   */
  followUpVisitId?: InputMaybe<Scalars['ID']['input']>;
  /**
   * Unique per need you post, 8-128 characters (a UUID); a retry, such as a phone sending again what it posted
   * offline, sends the same and gets the same need back, posted once. The same key with another
   * need is CONFLICT. Without a key every request posts a need.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Who pays the minutes; SITE when omitted. */
  payer?: InputMaybe<Payer>;
  /** The paying relative (mem_...) when payer is RELATIVE, a linked relative of the beneficiary. */
  payerMemberId?: InputMaybe<Scalars['ID']['input']>;
  /** The site (site_...). */
  siteId: Scalars['ID']['input'];
  /** Volunteers needed, 1-50; 1 when omitted. */
  slots?: InputMaybe<Scalars['Int']['input']>;
  /** When it starts. */
  startsAt: Scalars['DateTime']['input'];
  /** Title, 1-60 characters. */
  title: Scalars['String']['input'];
};

/** When and how a series repeats, with what each occurrence needs. */
export type PostSeriesInput = {
  /** The elder served (member_...), a member of the site. */
  beneficiaryId: Scalars['ID']['input'];
  /** Kind of service. */
  category: ServiceCategory;
  /** Details, at most 1000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The last day, YYYY-MM-DD; give this or occurrenceCount or neither (then it runs until ended). */
  endsOn?: InputMaybe<Scalars['String']['input']>;
  /** Expected minutes of each occurrence, 1-1440. */
  estimatedMinutes: Scalars['Int']['input'];
  /** Days of the month to repeat on, 1-31. */
  monthDays?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** How many times in all, 1-1000. */
  occurrenceCount?: InputMaybe<Scalars['Int']['input']>;
  /** Who pays (default SITE). */
  payer?: InputMaybe<Payer>;
  /** The site (site_...); you must be its COORDINATOR. */
  siteId: Scalars['ID']['input'];
  /** Volunteers each occurrence needs, 1-50 (default 1). */
  slots?: InputMaybe<Scalars['Int']['input']>;
  /** The first day, YYYY-MM-DD. */
  startsOn: Scalars['String']['input'];
  /** The time each occurrence starts, HH:MM on the site's clock. */
  timeOfDay: Scalars['String']['input'];
  /** Short title, 1-60 characters. */
  title: Scalars['String']['input'];
  /** Weekdays to repeat on, 1 Monday ... 7 Sunday; this or monthDays must have a day. */
  weekdays?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** A series just posted, with the occurrences written for the next two weeks. */
export type PostSeriesPayload = {
  __typename?: 'PostSeriesPayload';
  /** Its occurrences of the next two weeks, soonest first. */
  occurrences: Array<Need>;
  /** The series. */
  series: NeedSeries;
};

/** Goods at a site's points supermarket. */
export type Product = {
  __typename?: 'Product';
  /** Opaque id (prod_...). */
  id: Scalars['ID']['output'];
  /** Name, e.g. 大米（5公斤）. */
  name: Scalars['String']['output'];
  /** Where its photo is (an HTTP GET with the member's Bearer token; the URL changes when the photo does, so it may be cached for good); null: no photo. */
  photoUrl?: Maybe<Scalars['String']['output']>;
  /** Price in points. */
  pointsPrice: Scalars['Int']['output'];
  /** Retired: no longer sold (not in the shop nor at the counter); past redemptions still name it. */
  retired: Scalars['Boolean']['output'];
  /** Items in stock. */
  stock: Scalars['Int']['output'];
  /** The unit it is counted in (袋, 瓶, 斤), as the site writes it; null: plain items. */
  unit?: Maybe<Scalars['String']['output']>;
};

/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type Query = {
  __typename?: 'Query';
  /** Alliances between counties, newest first: of one county (its officers, platform staff), or all the viewer's counties' when countyId is omitted. */
  alliances: Array<CountyAlliance>;
  /** The site's claims, e.g. status REPORTED: the queue to confirm (staff only). */
  claims: ClaimConnection;
  /** A region's hours policy, its own and the one in force (platform staff, the region's staff). */
  hoursPolicy: RegionHoursPolicy;
  /** The logged-in member's own inbox, newest first (any member; nobody reads another's). */
  inbox: InboxConnection;
  /** How many of the logged-in member's messages are unread. */
  inboxUnreadCount: Scalars['Int']['output'];
  /** A site's join requests in one status (PENDING when omitted: the queue, oldest first; decided ones newest first). COORDINATOR of the site, or ADMIN. */
  joinRequests: Array<JoinRequest>;
  /** Follow-ups closed in the last 60 days by posting a need or by a referral, newest first, to see how each goes (site staff). */
  linkedFollowUps: Array<Visit>;
  /** A member by id: oneself, the site's staff (coordinator, clerk), platform staff, and a volunteer holding a claim (not withdrawn) for this elder. Null to anyone else, as for an id that does not exist. */
  member?: Maybe<Member>;
  /** The member whose card carries this code, at the site's counter: its clerk or coordinator. Another site's card, an old card, an unknown code: NOT_FOUND. */
  memberByCard: Member;
  /** A member's card: the member themself, the coordinator or clerk of the member's site. */
  memberCard: MemberCard;
  /** Moves into and out of the site, open ones first: for its coordinators, admins and region officers. */
  memberMoves: Array<MemberMove>;
  /** The site's members, in the order they were registered; staff only. `search` matches name or phone. Deactivated members only with `deactivated: true`. */
  members: MemberConnection;
  /** The logged-in member's family links, open first. */
  myFamilyLinks: Array<FamilyLink>;
  /** The viewer's own offer at the site (a VOLUNTEER there); null before they make one. */
  myOffer?: Maybe<VolunteerOffer>;
  /** Needs you are asked to pay for as a relative (open or filled), soonest first; payerConsented says which wait for you. */
  myPaymentRequests: Array<Need>;
  /** The viewer's own open visit tasks, the soonest due first. */
  myVisitTasks: Array<VisitTask>;
  /** A need by id (members of its site, and admins); null for another site's need, as for one that does not exist. */
  need?: Maybe<Need>;
  /** The site's needs, soonest first. */
  needs: NeedConnection;
  /** The site's notice board (any member of the site, or ADMIN). */
  noticeBoard: NoticeBoard;
  /**
   * The day's open needs as plain text to paste into the village's chat group (接龙), in the
   * reader's language: a line each with the time (site clock), the elder's given name only (never a
   * phone or an address), the kind and title, the slots left and a link that opens the need in the
   * client. Site staff and volunteers of the site.
   */
  openNeedsText: Scalars['String']['output'];
  /** A member's passbook lines to print: the member themself, the coordinator or clerk of the member's site; anyone else: NOT_FOUND. */
  passbook: Passbook;
  /** Platform staff only: the ledger's invariants and the failed background jobs. */
  platformHealth: PlatformHealth;
  /** The site's goods on sale, by name (any member of the site). */
  products: Array<Product>;
  /** People of the viewer's own site to give minutes to (转赠), found by part of a name or by a full mobile number; at most 10, the viewer left out, exact names first. Any member of a site may ask. Each comes as Member does to this viewer: to a volunteer, a masked phone and no address. Part of a phone number finds nobody (BAD_USER_INPUT), and another site's people are never found. */
  recipients: Array<Member>;
  /** The site's redemptions, newest first. Staff of the site see everyone's; anyone else only their own. */
  redemptions: RedemptionConnection;
  /** The officers of a region (of the region itself, not of those under it), by name: platform staff, or the staff of the region or one above it. */
  regionOfficers: Array<Member>;
  /** A region's visits not made in a month, with the elder, village and who is paired (civil-affairs staff). Without regionId: every region. */
  regionOverdueVisits: OverdueVisitConnection;
  /** The referrals of the sites in a region (at it or below), newest first (civil-affairs staff of the region). */
  regionReferrals: ReferralConnection;
  /** A region's month rolled up from its sites, with its divisions below (platform staff; a region's staff for their region and those under it). Without regionId: every region's top for platform staff, their own region for a region's staff. */
  regionReport: RegionReport;
  /** A region's visit rules and raises (platform staff). */
  regionVisitRules: RegionVisitRules;
  /** A certificate issued before: the member themself and the site's coordinator. */
  serviceCertificate: ServiceCertificate;
  /** A site by id (public). */
  site?: Maybe<Site>;
  /** People of other sites holding roles at this site, by name (the site's staff, or ADMIN). */
  siteGuests: Array<SiteGuest>;
  /** The hours policy a site follows (its members, its region's staff, platform staff). */
  siteHoursPolicy: HoursPolicy;
  /** The site's referrals, newest first (the site's staff, and admins). */
  siteReferrals: ReferralConnection;
  /** A site's monthly report (staff of the site, and admins). */
  siteReport: SiteReport;
  /** Every site's report for a month, lowest visit rate first, sites without a rate last (platform staff; a region's staff get the sites under their region). */
  siteReports: Array<SiteReport>;
  /** A site's settings (COORDINATOR of the site, or ADMIN). */
  siteSettings: SiteSettings;
  /** The site's hours traded with every other site (通存通兑往来): for its coordinators, admins and region officers. */
  siteTradeBalances: Array<SiteTradeBalance>;
  /** Every site, in the order they were created (public). */
  sites: SiteConnection;
  /** The member who is logged in, or null without a log-in. */
  viewer?: Maybe<Member>;
  /** The site's visit coverage for a month (staff of the site, and admins). */
  visitCoverage: VisitCoverage;
  /** A site's visit duty for a month (site staff, and admins). */
  visitDuty: VisitDutyBoard;
  /** Visits marked for follow-up that nobody has seen to yet, oldest first, from any month (site staff). */
  visitFollowUps: Array<Visit>;
  /** The site's pairings (site staff, and admins). */
  visitPairs: Array<VisitPair>;
  /** Volunteers of the site whose offer fits a need of this category at this time (COORDINATOR of the site, or ADMIN), by name. */
  volunteersFitting: Array<Member>;
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryAlliancesArgs = {
  countyId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryClaimsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  siteId: Scalars['ID']['input'];
  started?: InputMaybe<Scalars['Boolean']['input']>;
  status?: InputMaybe<ClaimStatus>;
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryHoursPolicyArgs = {
  regionId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryInboxArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryJoinRequestsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  siteId: Scalars['ID']['input'];
  status?: InputMaybe<JoinRequestStatus>;
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryLinkedFollowUpsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryMemberArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryMemberByCardArgs = {
  code: Scalars['String']['input'];
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryMemberCardArgs = {
  memberId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryMemberMovesArgs = {
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  deactivated?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<Role>;
  search?: InputMaybe<Scalars['String']['input']>;
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryMyOfferArgs = {
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryNeedArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryNeedsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  category?: InputMaybe<ServiceCategory>;
  day?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  siteId: Scalars['ID']['input'];
  status?: InputMaybe<NeedStatus>;
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryNoticeBoardArgs = {
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryOpenNeedsTextArgs = {
  day?: InputMaybe<Scalars['String']['input']>;
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryPassbookArgs = {
  memberId: Scalars['ID']['input'];
  reprintAll?: InputMaybe<Scalars['Boolean']['input']>;
  rowsPerPage?: InputMaybe<Scalars['Int']['input']>;
  unit: Unit;
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryProductsArgs = {
  includeRetired?: InputMaybe<Scalars['Boolean']['input']>;
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryRecipientsArgs = {
  search: Scalars['String']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryRedemptionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  day?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryRegionOfficersArgs = {
  regionId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryRegionOverdueVisitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  month: Scalars['String']['input'];
  regionId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryRegionReferralsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  regionId?: InputMaybe<Scalars['ID']['input']>;
  statuses?: InputMaybe<Array<ReferralStatus>>;
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryRegionReportArgs = {
  month: Scalars['String']['input'];
  regionId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryRegionVisitRulesArgs = {
  regionId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryServiceCertificateArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QuerySiteArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QuerySiteGuestsArgs = {
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QuerySiteHoursPolicyArgs = {
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QuerySiteReferralsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  siteId: Scalars['ID']['input'];
  statuses?: InputMaybe<Array<ReferralStatus>>;
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QuerySiteReportArgs = {
  month: Scalars['String']['input'];
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QuerySiteReportsArgs = {
  month: Scalars['String']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QuerySiteSettingsArgs = {
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QuerySiteTradeBalancesArgs = {
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QuerySitesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryVisitCoverageArgs = {
  month: Scalars['String']['input'];
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryVisitDutyArgs = {
  month: Scalars['String']['input'];
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryVisitFollowUpsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryVisitPairsArgs = {
  siteId: Scalars['ID']['input'];
};


/**
 * Reads. Every field needs a log-in (Authorization: Bearer <token>) except `sites` and `site`,
 * the public site listing. Errors carry extensions.code: UNAUTHENTICATED FORBIDDEN BAD_USER_INPUT
 * NOT_FOUND CONFLICT INSUFFICIENT_BALANCE OUT_OF_STOCK ILLEGAL_TRANSITION.
 */
export type QueryVolunteersFittingArgs = {
  category: ServiceCategory;
  siteId: Scalars['ID']['input'];
  startsAt: Scalars['DateTime']['input'];
};

/** An objection to raise. */
export type RaiseObjectionInput = {
  /** Why, 1-500 characters. */
  reason: Scalars['String']['input'];
  /** The service's credit transfer (tr_...), as the notice board lists it. */
  transferId: Scalars['ID']['input'];
};

/** A new family link, recorded by a coordinator of either member's site. */
export type RecordFamilyLinkInput = {
  /** The member's consent as given to the coordinator, when the member belongs to the coordinator's site; null leaves it to be confirmed. */
  memberConsent?: InputMaybe<FamilyConsent>;
  /** The member (mem_...), of the coordinator's site or of another site of the alliance. */
  memberId: Scalars['ID']['input'];
  /** What the relative is to the member. */
  relation: FamilyRelation;
  /** The relative's consent, likewise. */
  relativeConsent?: InputMaybe<FamilyConsent>;
  /** The relative (mem_...); or give relativePhone to find a member of another site. */
  relativeId?: InputMaybe<Scalars['ID']['input']>;
  /** The relative's mobile number, to find them at another site of the alliance. */
  relativePhone?: InputMaybe<Scalars['String']['input']>;
};

/** A visit to record. */
export type RecordVisitInput = {
  /** What was checked; leave out what was not (nothing when the elder was not found). */
  checks?: InputMaybe<VisitChecksInput>;
  /** false when the elder was not at home: recorded, but not counted as visited. true when omitted. */
  elderFound?: InputMaybe<Scalars['Boolean']['input']>;
  /** The elder (mem_...). */
  elderId: Scalars['ID']['input'];
  /** Whether someone must follow up; false when omitted. */
  followUpNeeded?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * Unique per visit you record, 8-128 characters (a UUID); a retry, such as a phone sending again what it recorded
   * offline, sends the same and gets the same visit back, recorded once. The same key with another
   * visit is CONFLICT. Without a key every request records a visit.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** How long it took, 1-480 minutes. Required (with idempotencyKey) when the site banks visits and the elder was found: a volunteer visitor is then credited these minutes and points at the VISIT rate, once. */
  minutes?: InputMaybe<Scalars['Int']['input']>;
  /** How it was made; HOME when omitted. */
  mode?: InputMaybe<VisitMode>;
  /** What was found, up to 1000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** When; not in the future. */
  visitedAt: Scalars['DateTime']['input'];
  /** Who went (mem_...): a volunteer, coordinator or clerk of the elder's site. The recorder when omitted; only a coordinator names someone else. */
  visitorId?: InputMaybe<Scalars['ID']['input']>;
};

/** Goods to hand out. */
export type RedeemInput = {
  /** Unique per redemption, 8-128 characters; a retry sends the same and gets the first redemption back, charged once. The same key with other goods is CONFLICT. */
  idempotencyKey: Scalars['String']['input'];
  /** The goods, 1-20 lines, one line per product (BAD_USER_INPUT if one is listed twice). */
  items: Array<RedeemItemInput>;
  /** Whose points pay (mem_...): oneself, or a member of the site for a CLERK or COORDINATOR. */
  memberId: Scalars['ID']['input'];
  /** The site whose supermarket hands the goods out and whose points pay (site_...): the member's home site when left out. Points stay local: at another site the member must belong there too (NOT_FOUND otherwise), and only that site's points count. */
  siteId?: InputMaybe<Scalars['ID']['input']>;
};

/** One line of a redemption. */
export type RedeemItemInput = {
  /** The goods (prod_...). */
  productId: Scalars['ID']['input'];
  /** How many, 1-99. */
  quantity: Scalars['Int']['input'];
};

/** Goods handed out against points. */
export type Redemption = {
  __typename?: 'Redemption';
  /** The member's points right after this redemption, as the receipt prints them (a later cancellation does not change it). */
  balanceAfter: Scalars['Int']['output'];
  /** Whether the viewer may cancel it now (cancelRedemption would accept): a CLERK or COORDINATOR of its site, still COMPLETED, its points not already returned by a ledger reversal. */
  canCancel: Scalars['Boolean']['output'];
  /** Why it was cancelled. */
  cancelReason?: Maybe<Scalars['String']['output']>;
  /** When the goods were handed out. */
  createdAt: Scalars['DateTime']['output'];
  /** Who handed them out (经办人): the clerk or coordinator at the counter, or the member themself; null when unknown. */
  handledBy?: Maybe<Member>;
  /** Opaque id (red_...). */
  id: Scalars['ID']['output'];
  /** The goods. */
  items: Array<RedemptionItem>;
  /** Whose points paid. */
  member: Member;
  /** The receipt's number as people read it: the site's day (in its time zone) and that day's sequence at the site, e.g. 20261125-007. Unique at the site. */
  receiptNumber: Scalars['String']['output'];
  /** COMPLETED, or CANCELLED (refunded and restocked). */
  status: Scalars['String']['output'];
  /** Points paid. */
  totalPoints: Scalars['Int']['output'];
};

/** A page of redemptions. */
export type RedemptionConnection = {
  __typename?: 'RedemptionConnection';
  /** How many of them (every page) were cancelled. */
  cancelledCount: Scalars['Int']['output'];
  /** The redemptions on this page. */
  edges: Array<RedemptionEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** Points taken by all of them (every page) that stand: a cancelled one gave its points back and counts 0. */
  pointsTaken: Scalars['Int']['output'];
  /** How many in all, cancelled ones included. */
  totalCount: Scalars['Int']['output'];
};

/** One redemption in a page. */
export type RedemptionEdge = {
  __typename?: 'RedemptionEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The redemption. */
  node: Redemption;
};

/** One line of a redemption. */
export type RedemptionItem = {
  __typename?: 'RedemptionItem';
  /** Points for this line. */
  points: Scalars['Int']['output'];
  /** The goods. */
  product: Product;
  /** How many. */
  quantity: Scalars['Int']['output'];
};

/** A follow-up to refer to the township. */
export type ReferFollowUpInput = {
  /** What is asked of the township, 1-500 characters. */
  ask: Scalars['String']['input'];
  /** Unique per referral, 8-128 characters (a UUID): a retry with it returns the same referral. The same key with another request is CONFLICT. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** What it is about. */
  kind: ReferralKind;
  /** The visit with the open follow-up (visit_...). */
  visitId: Scalars['ID']['input'];
};

/** A visit's follow-up handed to the township (转介). */
export type Referral = {
  __typename?: 'Referral';
  /** What is asked of the township. */
  ask: Scalars['String']['output'];
  /** Why the township declined; null unless DECLINED. */
  declineReason?: Maybe<Scalars['String']['output']>;
  /** The elder it is for. */
  elder: Member;
  /** Each status it took, oldest first (REFERRED first). */
  history: Array<ReferralStep>;
  /** Opaque id (ref_...). */
  id: Scalars['ID']['output'];
  /** What it is about. */
  kind: ReferralKind;
  /** When it was referred. */
  referredAt: Scalars['DateTime']['output'];
  /** Who referred it. */
  referredBy?: Maybe<Member>;
  /** The township it went to; null when the site sits in no township. */
  region?: Maybe<Region>;
  /** The site that referred it. */
  site: Site;
  /** Where it is. */
  status: ReferralStatus;
  /** The visit whose follow-up it closed. */
  visit: Visit;
};

/** A page of referrals, newest first. */
export type ReferralConnection = {
  __typename?: 'ReferralConnection';
  /** The referrals on this page. */
  edges: Array<ReferralEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many match in all. */
  totalCount: Scalars['Int']['output'];
};

/** One referral in a page. */
export type ReferralEdge = {
  __typename?: 'ReferralEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The referral. */
  node: Referral;
};

/** What a referral to the township is about. */
export type ReferralKind =
  /** Benefits and allowances (低保, subsidies). */
  | 'BENEFITS'
  /** Family: neglect, conflict, no one to care. */
  | 'FAMILY'
  /** Housing: repairs, a dangerous house. */
  | 'HOUSING'
  /** Health and medical care. */
  | 'MEDICAL'
  /** Anything else. */
  | 'OTHER'
  /** Safety: risk of harm, a fall, fire. */
  | 'SAFETY';

/** Where a referral is. Only forward: REFERRED -> ACCEPTED -> RESOLVED, or DECLINED (with a reason) before RESOLVED. */
export type ReferralStatus =
  /** The township took it on. */
  | 'ACCEPTED'
  /** The township declined it, with a reason. */
  | 'DECLINED'
  /** Sent to the township, waiting for it. */
  | 'REFERRED'
  /** The township saw to it. */
  | 'RESOLVED';

/** One step of a referral. */
export type ReferralStep = {
  __typename?: 'ReferralStep';
  /** When. */
  at: Scalars['DateTime']['output'];
  /** Who took it; null for the system. */
  by?: Maybe<Member>;
  /** A word on the step: the decline's reason, or what was done. */
  note?: Maybe<Scalars['String']['output']>;
  /** The status it took. */
  status: ReferralStatus;
};

/** An administrative division a site sits in; sites of one township share its row. */
export type Region = {
  __typename?: 'Region';
  /** The statistical division code (12 digits); null when not given. */
  code?: Maybe<Scalars['String']['output']>;
  /** Opaque id (region_...). */
  id: Scalars['ID']['output'];
  /** Its level. */
  level: RegionLevel;
  /** Its name. */
  name: Scalars['String']['output'];
};

/** A region's hours policy: its own, and the one its sites follow unless a region below sets a field. */
export type RegionHoursPolicy = {
  __typename?: 'RegionHoursPolicy';
  /** The policy in force at the region. */
  effective: HoursPolicy;
  /** The region's own set; null: it has none. */
  own?: Maybe<OwnHoursPolicy>;
  /** The region. */
  region: Region;
};

/** A level of the administrative divisions. */
export type RegionLevel =
  /** 市 */
  | 'CITY'
  /** 县 */
  | 'COUNTY'
  /** 省 */
  | 'PROVINCE'
  /** 乡镇 */
  | 'TOWNSHIP'
  /** 村 */
  | 'VILLAGE';

/** One month of a region's figures, summed over its sites (a point of the chart). */
export type RegionMonth = {
  __typename?: 'RegionMonth';
  /** Elders due a visit at the region's sites (read now, as each month's report reads it). */
  dueCount: Scalars['Int']['output'];
  /** YYYY-MM. */
  month: Scalars['String']['output'];
  /** Points issued. */
  pointsIssued: Scalars['Int']['output'];
  /** Points redeemed. */
  pointsRedeemed: Scalars['Int']['output'];
  /** Minutes of confirmed service as served: the claims' own minutes (and banked visits'), before any category weight of the hours policy; the minutes credited on the ledger are in the transfers. */
  serviceMinutes: Scalars['Int']['output'];
  /** visitedCount / dueCount, 0-1; null when no one is due. */
  visitRate?: Maybe<Scalars['Float']['output']>;
  /** Of them, visited in the month. */
  visitedCount: Scalars['Int']['output'];
};

/** A region's month with one level of drill-down: its divisions below, and the sites at it. */
export type RegionReport = {
  __typename?: 'RegionReport';
  /** The divisions one level down that hold sites, by name; ask again with one's id to go down. */
  children: Array<RegionTotals>;
  /** Elders due a visit at those sites. */
  dueCount: Scalars['Int']['output'];
  /** YYYY-MM. */
  month: Scalars['String']['output'];
  /** Points issued. */
  pointsIssued: Scalars['Int']['output'];
  /** Points redeemed. */
  pointsRedeemed: Scalars['Int']['output'];
  /** The region; null for all regions together (the top). */
  region?: Maybe<Region>;
  /** The region and those above it, top down (empty at the top). */
  regionPath: Array<Region>;
  /** Minutes of confirmed service as served: the claims' own minutes (and banked visits'), before any category weight of the hours policy; the minutes credited on the ledger are in the transfers. */
  serviceMinutes: Scalars['Int']['output'];
  /** Sites at or under it. */
  siteCount: Scalars['Int']['output'];
  /** The sites at the region itself, each with its report (and through the site, its unvisited elders). */
  sites: Array<SiteReport>;
  /** The region's months through this report's month, oldest first, for the chart; months with nothing kept are zeros. */
  trend: Array<RegionMonth>;
  /** visitedCount / dueCount, 0-1; null when no one is due; the same as from the sum of its sites. */
  visitRate?: Maybe<Scalars['Float']['output']>;
  /** Of them, visited in the month. */
  visitedCount: Scalars['Int']['output'];
};


/** A region's month with one level of drill-down: its divisions below, and the sites at it. */
export type RegionReportTrendArgs = {
  months?: InputMaybe<Scalars['Int']['input']>;
};

/** A member's office in a region: ADMIN of every site under it. */
export type RegionRole = {
  __typename?: 'RegionRole';
  /** The region (its name and level). */
  region: Region;
  /** The role held there (ADMIN). */
  role: Role;
};

/** One region's month: the sums of its sites' figures. */
export type RegionTotals = {
  __typename?: 'RegionTotals';
  /** Elders due a visit at those sites. */
  dueCount: Scalars['Int']['output'];
  /** YYYY-MM. */
  month: Scalars['String']['output'];
  /** Points issued. */
  pointsIssued: Scalars['Int']['output'];
  /** Points redeemed. */
  pointsRedeemed: Scalars['Int']['output'];
  /** The region. */
  region: Region;
  /** Minutes of confirmed service as served: the claims' own minutes (and banked visits'), before any category weight of the hours policy; the minutes credited on the ledger are in the transfers. */
  serviceMinutes: Scalars['Int']['output'];
  /** Sites at or under it. */
  siteCount: Scalars['Int']['output'];
  /** visitedCount / dueCount, 0-1; null when no one is due. */
  visitRate?: Maybe<Scalars['Float']['output']>;
  /** Of them, visited in the month. */
  visitedCount: Scalars['Int']['output'];
};

/** A region's visit rules: its own, and those its sites follow. */
export type RegionVisitRules = {
  __typename?: 'RegionVisitRules';
  /** The rules its sites follow. */
  effective: VisitTierRules;
  /** The region whose rules those are; null: the defaults. */
  heldBy?: Maybe<Region>;
  /** The region's own rules; null: it takes those of the nearest region above with some, or the defaults. */
  own?: Maybe<VisitTierRules>;
  /** The region's own raises not yet over, by their first day. */
  raises: Array<VisitFrequencyRaise>;
  /** The region. */
  region: Region;
};

/** Report a major event for an elder. */
export type ReportMajorEventInput = {
  /** The elder (mem_...). */
  elderId: Scalars['ID']['input'];
  /** The day it happened, YYYY-MM-DD: today or within the last 7 days. */
  happenedOn: Scalars['String']['input'];
  /** What happened. */
  kind: MajorEventKind;
  /** A note, up to 200 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** A request to join a site, as written on the log-in page. */
export type RequestToJoinInput = {
  /** What they can help with; becomes their offer at the site. */
  categories?: InputMaybe<Array<ServiceCategory>>;
  /** Full name, 1-40 characters. */
  name: Scalars['String']['input'];
  /** Password, 8-72 characters; optional. It works only after approval, and only for a new member. */
  password?: InputMaybe<Scalars['String']['input']>;
  /** Mainland mobile number; what they log in with once approved. */
  phone: Scalars['String']['input'];
  /** The site (site_...), chosen from the public list of sites. */
  siteId: Scalars['ID']['input'];
};

/** A one-time code for a member who forgot their password: show it once, it is never shown again. */
export type ResetCode = {
  __typename?: 'ResetCode';
  /** The digits the member types on the log-in page with their phone number. */
  code: Scalars['String']['output'];
  /** When the code stops working (24 hours after it was made). */
  expiresAt: Scalars['DateTime']['output'];
  /** The member, who now has no password until they use the code. */
  member: Member;
};

/** A coordinator's decision on an objection. */
export type ResolveObjectionInput = {
  /** Uphold the service or reverse it. */
  decision: ObjectionDecision;
  /** Unique per decision; a retry sends the same. */
  idempotencyKey: Scalars['String']['input'];
  /** A word on the decision, up to 500 characters; sent to the volunteer and the objector. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The objection (obj_...). */
  objectionId: Scalars['ID']['input'];
};

/** What a person may do at a site. One person may hold several roles. */
export type Role =
  /** Platform staff (民政局): create sites, see every site's reports, audit. */
  | 'ADMIN'
  /** Hands out goods against points at the site's points supermarket (积分超市店员). */
  | 'CLERK'
  /** Runs one site (村老年协会): registers people, posts needs, confirms service, records visits. */
  | 'COORDINATOR'
  /** Receives service (服务对象); may have no phone, with a coordinator acting for them. */
  | 'ELDER'
  /** Claims needs and serves (志愿者); banks minutes and earns points. */
  | 'VOLUNTEER';

/** Which occurrences a change or a cancellation applies to. */
export type SeriesScope =
  /** This occurrence and every later one: the series is split (or ended) from this occurrence's day. */
  | 'THIS_AND_FOLLOWING'
  /** Only this occurrence; the rest of the series stays. */
  | 'THIS_ONE';

/** The kinds of service a need asks for. */
export type ServiceCategory =
  /** 助浴 */
  | 'BATHING'
  /** 助洁 */
  | 'CLEANING'
  /** 精神慰藉 */
  | 'COMPANIONSHIP'
  /** 助急 */
  | 'EMERGENCY'
  /** 代办 */
  | 'ERRAND'
  /** 农活 */
  | 'FARM_WORK'
  /** 助餐 */
  | 'MEALS'
  /** 助医 */
  | 'MEDICAL_ESCORT'
  /** 助行 */
  | 'MOBILITY'
  /** 其他 */
  | 'OTHER'
  /** 维修 */
  | 'REPAIR'
  /** 探访 */
  | 'VISIT';

/** A service record certificate (志愿服务记录证明), with the fields of the 2015 national guideline. */
export type ServiceCertificate = {
  __typename?: 'ServiceCertificate';
  /** The handler: the coordinator who issued it. */
  handlerName?: Maybe<Scalars['String']['output']>;
  /** Opaque id (cert_...). */
  id: Scalars['ID']['output'];
  /** The ID number, masked (1101**********1234); never in full. Null when none recorded. */
  idNumberMasked?: Maybe<Scalars['String']['output']>;
  /** The ID document's type; null when none recorded. */
  idType?: Maybe<IdType>;
  /** When it was issued. */
  issuedAt: Scalars['DateTime']['output'];
  /** The issuing organisation: the site. */
  issuer: Site;
  /** The volunteer. */
  member: Member;
  /** Minutes of service in the period. */
  minutes: Scalars['Int']['output'];
  /** The certificate number: unique, sequential per site and year. */
  number: Scalars['String']['output'];
  /** First day of the period (YYYY-MM-DD, on the site's clock). */
  periodFrom: Scalars['String']['output'];
  /** Last day of the period (YYYY-MM-DD). */
  periodTo: Scalars['String']['output'];
  /** The services of the period, oldest first. */
  services: Array<CertifiedService>;
  /** The volunteer's name. */
  volunteerName: Scalars['String']['output'];
  /** The volunteer number. */
  volunteerNumber: Scalars['String']['output'];
};

/** A volunteer's service record: the basis of the printable certificate. */
export type ServiceRecord = {
  __typename?: 'ServiceRecord';
  /** Where to get the printable certificate (HTML). */
  certificateUrl: Scalars['String']['output'];
  /** Number of confirmed services. */
  confirmedCount: Scalars['Int']['output'];
  /** Claims marked as no-show. */
  noShowCount: Scalars['Int']['output'];
  /** Points earned by service in all. */
  pointsEarned: Scalars['Int']['output'];
  /** Claims rejected by the site. */
  rejectedCount: Scalars['Int']['output'];
  /** Confirmed minutes in all, as served: the claims' own minutes, before any category weight of the hours policy. */
  totalMinutes: Scalars['Int']['output'];
};

/** Override an elder's tier for a time. */
export type SetTierOverrideInput = {
  /** The elder (mem_...). */
  elderId: Scalars['ID']['input'];
  /** Why, 1-200 characters (a fall, a discharge from hospital, a bereavement...). */
  reason: Scalars['String']['input'];
  /** The tier to hold. */
  tier: VisitTier;
  /** The last day it holds, YYYY-MM-DD, today or later. */
  until: Scalars['String']['input'];
};

/** Pair an elder with a visitor. */
export type SetVisitPairInput = {
  /** Someone else of the site who goes when the visitor cannot. */
  backupId?: InputMaybe<Scalars['ID']['input']>;
  /** The elder (mem_...). */
  elderId: Scalars['ID']['input'];
  /** A volunteer, coordinator or clerk of the elder's site (mem_...). */
  visitorId: Scalars['ID']['input'];
};

/** A mutual-aid site (互助站点), usually one village. */
export type Site = {
  __typename?: 'Site';
  /** County (县). */
  county: Scalars['String']['output'];
  /** Opaque id (site_...). */
  id: Scalars['ID']['output'];
  /** What a deactivated member's balance becomes at this site. */
  leaverBalanceRule: LeaverBalanceRule;
  /** The site's name. */
  name: Scalars['String']['output'];
  /** The public notice's period in days: while publicNotice is on, points for confirmed service stay pending this long. */
  noticeDays: Scalars['Int']['output'];
  /** Points earned per hour of confirmed service (unless a category has its own rate). */
  pointsPerHour: Scalars['Int']['output'];
  /** The day each year (MM-DD, on the site's clock) the site's points expire, with a warning a month before; null when they never do. */
  pointsSeasonEnd?: Maybe<Scalars['String']['output']>;
  /** Whether the site shows a public notice to people not logged in. Only the setting so far: the notice itself is not built yet. */
  publicNotice: Scalars['Boolean']['output'];
  /** Region path, county/township/village. */
  region: Scalars['String']['output'];
  /** The divisions the site sits in, top down (province or county first, its own last). */
  regionPath: Array<Region>;
  /** IANA time zone the site's months and days are counted in. */
  timeZone: Scalars['String']['output'];
  /** Township (乡镇). */
  township: Scalars['String']['output'];
  /** Village (村). */
  village: Scalars['String']['output'];
  /** Whether a volunteer's visit that found the elder banks its minutes, and points at the VISIT category's rate (else pointsPerHour), like confirmed service. Off unless the site turns it on; a visit recorded while it is off is never credited. */
  visitsBankTime: Scalars['Boolean']['output'];
};

/** A page of sites. */
export type SiteConnection = {
  __typename?: 'SiteConnection';
  /** The sites on this page. */
  edges: Array<SiteEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many sites in all. */
  totalCount: Scalars['Int']['output'];
};

/** One site in a page. */
export type SiteEdge = {
  __typename?: 'SiteEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The site. */
  node: Site;
};

/** A person of another site holding roles at this one. */
export type SiteGuest = {
  __typename?: 'SiteGuest';
  /** The person. */
  member: Member;
  /** Their roles at this site. */
  roles: Array<Role>;
};

/** A member's points on one site's books: points are spent only at the site whose supermarket funds them. */
export type SitePoints = {
  __typename?: 'SitePoints';
  /** Points that may be spent at the site's supermarket now. */
  available: Scalars['Int']['output'];
  /** Points credited for service still under public notice (公示) or under an open objection: not spendable yet. */
  pending: Scalars['Int']['output'];
  /** The site whose books credited the points. */
  site: Site;
};

/** A site's figures for one month. */
export type SiteReport = {
  __typename?: 'SiteReport';
  /** Volunteers with confirmed service. */
  activeVolunteers: Scalars['Int']['output'];
  /** Minutes donated to the site's care pool in the month, net of reversals. */
  carePoolDonations: Scalars['Int']['output'];
  /** Minutes members of the site received as gifts from relatives in the month, net of reversals. */
  giftMinutesIn: Scalars['Int']['output'];
  /** Minutes members of the site gave their relatives as gifts in the month, net of reversals. */
  giftMinutesOut: Scalars['Int']['output'];
  /** CSV of the month's ledger. */
  ledgerCsvUrl: Scalars['String']['output'];
  /** YYYY-MM, in the site's time zone. */
  month: Scalars['String']['output'];
  /** Needs completed. */
  needsCompleted: Scalars['Int']['output'];
  /** Needs posted. */
  needsPosted: Scalars['Int']['output'];
  /** Points credited for service. */
  pointsIssued: Scalars['Int']['output'];
  /** Points spent at the supermarket, net of cancellations. */
  pointsRedeemed: Scalars['Int']['output'];
  /** CSV of the month's confirmed service. */
  serviceCsvUrl: Scalars['String']['output'];
  /** Minutes of confirmed service as served: the claims' own minutes (and banked visits'), before any category weight of the hours policy; the minutes credited on the ledger are in the transfers. */
  serviceMinutes: Scalars['Int']['output'];
  /** The site. */
  site: Site;
  /** Visit coverage rate, 0-1; null when no elder of the site is due a visit (no rate, never 100%). */
  visitRate?: Maybe<Scalars['Float']['output']>;
  /** Minutes of members of other sites spent on care here in the month (withdrawals in, owed to this site). */
  withdrawalMinutesIn: Scalars['Int']['output'];
  /** Minutes of this site's members spent on care at other sites in the month (this site owes them). */
  withdrawalMinutesOwed: Scalars['Int']['output'];
};

/** A member's roles at one site. */
export type SiteRoles = {
  __typename?: 'SiteRoles';
  /** The roles held there. */
  roles: Array<Role>;
  /** The site. */
  site: Site;
};

/** A site's settings, as its coordinator keeps them. */
export type SiteSettings = {
  __typename?: 'SiteSettings';
  /** Categories paid at a rate of their own; any other category earns the site's pointsPerHour. */
  categoryRates: Array<CategoryRate>;
  /** The site (its pointsPerHour, timeZone, publicNotice and visitsBankTime are the settings). */
  site: Site;
  /** Who holds COORDINATOR, CLERK or VOLUNTEER at the site, by name (read only here: roles are granted on the members page). */
  staff: Array<StaffMember>;
};

/** A site's hours traded with one other site, summed from the withdrawals (reversals subtracted). */
export type SiteTradeBalance = {
  __typename?: 'SiteTradeBalance';
  /** Minutes of care this site delivered for hours earned at the other site. */
  deliveredMinutes: Scalars['Int']['output'];
  /** deliveredMinutes - receivedMinutes: what the other site owes this one (negative: what this one owes). */
  netMinutes: Scalars['Int']['output'];
  /** The other site. */
  otherSite: Site;
  /** Minutes of care the other site delivered for hours earned at this one. */
  receivedMinutes: Scalars['Int']['output'];
};

/** Someone who works for the site. */
export type StaffMember = {
  __typename?: 'StaffMember';
  /** The member. */
  member: Member;
  /** Their roles at the site among COORDINATOR, CLERK and VOLUNTEER. */
  roles: Array<Role>;
};

/** Live updates over graphql-ws on the same path as queries. */
export type Subscription = {
  __typename?: 'Subscription';
  /** A claim at the site changed status. */
  claimUpdated: Claim;
  /** A message was delivered to the logged-in member's inbox (sent once its change is committed). */
  inboxDelivered: InboxItem;
  /** A need was posted at the site. */
  needPosted: Need;
};


/** Live updates over graphql-ws on the same path as queries. */
export type SubscriptionClaimUpdatedArgs = {
  siteId: Scalars['ID']['input'];
};


/** Live updates over graphql-ws on the same path as queries. */
export type SubscriptionNeedPostedArgs = {
  siteId: Scalars['ID']['input'];
};

/** What makes tier A (weekly). */
export type TierARules = {
  __typename?: 'TierARules';
  /** Care categories that make A from the age above. */
  categories: Array<CareCategory>;
  /** Whether a recorded life-threatening illness makes A at any age. */
  lifeThreateningIllness: Scalars['Boolean']['output'];
  /** Living situations that make A from the age above. */
  livingSituations: Array<LivingSituation>;
  /** From this age, an elder with one of the categories or living situations below is A. */
  minAge: Scalars['Int']['output'];
};

/** What makes tier A (weekly). */
export type TierARulesInput = {
  /** Care categories that make A from that age. */
  categories: Array<CareCategory>;
  /** Whether a recorded life-threatening illness makes A at any age. */
  lifeThreateningIllness: Scalars['Boolean']['input'];
  /** Living situations that make A from that age. */
  livingSituations: Array<LivingSituation>;
  /** From this age, 50-100. */
  minAge: Scalars['Int']['input'];
};

/** What makes tier B (monthly). */
export type TierBRules = {
  __typename?: 'TierBRules';
  /** Care categories that make B. */
  categories: Array<CareCategory>;
  /** Whether recorded dementia makes B. */
  dementia: Scalars['Boolean']['output'];
  /** A disability of this grade or more severe (1 is the most severe) makes B; null: none does. */
  maxDisabilityGrade?: Maybe<Scalars['Int']['output']>;
  /** From this age (or with the age unknown), one of the facts below makes B. */
  minAge: Scalars['Int']['output'];
  /** Whether 低保 with living alone makes B. */
  minimumLivingAllowanceAlone: Scalars['Boolean']['output'];
};

/** What makes tier B (monthly). */
export type TierBRulesInput = {
  /** Care categories that make B. */
  categories: Array<CareCategory>;
  /** Whether recorded dementia makes B. */
  dementia: Scalars['Boolean']['input'];
  /** A disability of this grade or more severe makes B, 1-4; null: none does. */
  maxDisabilityGrade?: InputMaybe<Scalars['Int']['input']>;
  /** From this age, 50-100. */
  minAge: Scalars['Int']['input'];
  /** Whether 低保 with living alone makes B. */
  minimumLivingAllowanceAlone: Scalars['Boolean']['input'];
};

/** A coordinator's override of an elder's tier. */
export type TierOverride = {
  __typename?: 'TierOverride';
  /** Why. */
  reason: Scalars['String']['output'];
  /** The tier that holds until `until`. */
  tier: VisitTier;
  /** The last day it holds, YYYY-MM-DD. */
  until: Scalars['String']['output'];
};

/** A part of the day, on the site's clock. */
export type TimeOfDay =
  /** 12:00 to 18:00. */
  | 'AFTERNOON'
  /** From 18:00. */
  | 'EVENING'
  /** Before 12:00. */
  | 'MORNING';

/** One movement on the ledger: an amount from one account to another. Never edited; reversed instead. */
export type Transfer = {
  __typename?: 'Transfer';
  /** The amount moved, always positive. */
  amount: Scalars['Int']['output'];
  /** When it was written. */
  createdAt: Scalars['DateTime']['output'];
  /** The member debited, when a member was. */
  fromMember?: Maybe<Member>;
  /** Who paid: the kind of account debited. */
  fromOwner: AccountOwner;
  /** Opaque id (tr_...). */
  id: Scalars['ID']['output'];
  /** Why: SERVICE_CREDIT, VISIT_CREDIT (a banked visit), ISSUANCE, DONATION, GIFT (to a relative), WITHDRAWAL (hours kept at another site paying for care here), OVERFLOW (over the balance cap, to the care pool), REDEMPTION, REFUND, EXPIRY or REVERSAL. */
  kind: Scalars['String']['output'];
  /** A note: the donation's message, the reversal's reason, the need's title for service, the elder's name for a visit. */
  memo?: Maybe<Scalars['String']['output']>;
  /** The transfer this one reverses. */
  reverses?: Maybe<Transfer>;
  /** The member credited, when a member was. */
  toMember?: Maybe<Member>;
  /** Who received: the kind of account credited. */
  toOwner: AccountOwner;
  /** Minutes or points. */
  unit: Unit;
};

/** A page of transfers. */
export type TransferConnection = {
  __typename?: 'TransferConnection';
  /** The transfers on this page. */
  edges: Array<TransferEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many transfers in all. */
  totalCount: Scalars['Int']['output'];
};

/** One transfer in a page. */
export type TransferEdge = {
  __typename?: 'TransferEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The transfer. */
  node: Transfer;
};

/** The two ledgers' units. */
export type Unit =
  /** Banked service time (时间储蓄). */
  | 'MINUTES'
  /** Points (积分), spent at the points supermarket. */
  | 'POINTS';

/** Changes to a member's facts; a field left out stays as it is, an explicit null clears it (name excepted). */
export type UpdateMemberInput = {
  /** Home address, up to 200 characters. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** Year of birth. */
  birthYear?: InputMaybe<Scalars['Int']['input']>;
  /** Care categories (for elders); the whole new list. */
  careCategories?: InputMaybe<Array<CareCategory>>;
  /** Dementia (tier B); null clears it. */
  dementia?: InputMaybe<Scalars['Boolean']['input']>;
  /** Disability grade 1 (most severe) to 4. */
  disabilityGrade?: InputMaybe<Scalars['Int']['input']>;
  /** A life-threatening illness (tier A); null clears it. */
  lifeThreateningIllness?: InputMaybe<Scalars['Boolean']['input']>;
  /** Who the member lives with. */
  livingSituation?: InputMaybe<LivingSituation>;
  /** Receives 低保 (with living alone, tier B); null clears it. */
  minimumLivingAllowance?: InputMaybe<Scalars['Boolean']['input']>;
  /** Full name, 1-40 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Mainland mobile number; null removes it (and with it the log-in). */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** True: a proxy account, the coordinator acts for them: their password and tokens end. To give a proxy a log-in, issue a reset code. */
  proxy?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A product's changes; a field left out stays as it is. */
export type UpdateProductInput = {
  /** Name, 1-60 characters, unique at the site. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Price in points, 1-100000. Only later redemptions pay it: past ones keep what they paid. */
  pointsPrice?: InputMaybe<Scalars['Int']['input']>;
  /** Unit, 1-8 characters (袋, 瓶, 斤); an empty string goes back to plain items. */
  unit?: InputMaybe<Scalars['String']['input']>;
};

/** A township's step on a referral. */
export type UpdateReferralInput = {
  /** Why, 1-500 characters: required to decline; a word on what was done otherwise. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The referral (ref_...). */
  referralId: Scalars['ID']['input'];
  /** The status it moves to: ACCEPTED, RESOLVED or DECLINED (forward only). */
  status: ReferralStatus;
};

/** A change of a site's settings; a field left out stays as it is. */
export type UpdateSiteSettingsInput = {
  /** Categories to set or clear, each at most once. */
  categoryRates?: InputMaybe<Array<CategoryRateInput>>;
  /** The public notice's period, 1-60 days. */
  noticeDays?: InputMaybe<Scalars['Int']['input']>;
  /** Points per hour of confirmed service, 1-1000. Only service confirmed afterwards earns the new rate. */
  pointsPerHour?: InputMaybe<Scalars['Int']['input']>;
  /** The day each year points of the site expire, MM-DD (not 02-29); an empty string turns expiry off. */
  pointsSeasonEnd?: InputMaybe<Scalars['String']['input']>;
  /** Show a public notice or not. */
  publicNotice?: InputMaybe<Scalars['Boolean']['input']>;
  /** The site (site_...). */
  siteId: Scalars['ID']['input'];
  /** IANA time zone, e.g. Asia/Shanghai (BAD_USER_INPUT if unknown). */
  timeZone?: InputMaybe<Scalars['String']['input']>;
  /** Bank visits as time-bank service or not. Only visits recorded afterwards are credited. */
  visitsBankTime?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A visit to an elder (巡访). */
export type Visit = {
  __typename?: 'Visit';
  /** Whether recording it credited the visitor's time account (the site banked visits, the elder was found, the visitor a volunteer): its minutes and pointsAwarded, as VISIT_CREDIT transfers. */
  banked: Scalars['Boolean']['output'];
  /** What the visitor checked; null when nothing was recorded. */
  checks?: Maybe<VisitChecks>;
  /** The elder visited. */
  elder: Member;
  /** false: the visitor went and the elder was not there; such a visit does not count as visited. */
  elderFound: Scalars['Boolean']['output'];
  /** How the follow-up was closed; null while it is open (or none was needed). */
  followUpAction?: Maybe<FollowUpAction>;
  /** When the follow-up was seen to; null while it is open (or none was needed). */
  followUpClosedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who saw to it. */
  followUpClosedBy?: Maybe<Member>;
  /** The need posted for the elder that closed the follow-up (followUpAction NEED_POSTED). */
  followUpNeed?: Maybe<Need>;
  /** Whether someone must follow up. */
  followUpNeeded: Scalars['Boolean']['output'];
  /** What was done about it. */
  followUpOutcome?: Maybe<Scalars['String']['output']>;
  /** The referral to the township that closed the follow-up (followUpAction REFERRED). */
  followUpReferral?: Maybe<Referral>;
  /** Opaque id (visit_...). */
  id: Scalars['ID']['output'];
  /** How long it took, in minutes; null when not given. */
  minutes?: Maybe<Scalars['Int']['output']>;
  /** How it was made. */
  mode: VisitMode;
  /** What was found. */
  note?: Maybe<Scalars['String']['output']>;
  /** Points credited with the minutes; 0 when not banked. */
  pointsAwarded: Scalars['Int']['output'];
  /** When. */
  visitedAt: Scalars['DateTime']['output'];
  /** Who went. */
  visitor?: Maybe<Member>;
};

/** What a visitor checked (null: not checked). */
export type VisitChecks = {
  __typename?: 'VisitChecks';
  /** Money, and benefits received. */
  benefits?: Maybe<CheckResult>;
  /** Family support: do the carers visit or call. */
  family?: Maybe<CheckResult>;
  /** Health, and whether the elder can speak, move and respond. */
  health?: Maybe<CheckResult>;
  /** Hygiene and living conditions. */
  hygiene?: Maybe<CheckResult>;
  /** Mood. */
  mood?: Maybe<CheckResult>;
  /** Safety of the house, water, power, gas and heating. */
  safety?: Maybe<CheckResult>;
};

/** What a visitor checked; leave out what was not checked. */
export type VisitChecksInput = {
  /** Money, and benefits received. */
  benefits?: InputMaybe<CheckResult>;
  /** Family support: do the carers visit or call. */
  family?: InputMaybe<CheckResult>;
  /** Health, and whether the elder can speak, move and respond. */
  health?: InputMaybe<CheckResult>;
  /** Hygiene and living conditions. */
  hygiene?: InputMaybe<CheckResult>;
  /** Mood. */
  mood?: InputMaybe<CheckResult>;
  /** Safety of the house, water, power, gas and heating. */
  safety?: InputMaybe<CheckResult>;
};

/** A site's visits in one month, against the elders due one. */
export type VisitCoverage = {
  __typename?: 'VisitCoverage';
  /** The month's visits as CSV (UTF-8 with BOM), in the reader's language; GET with the Bearer token (coordinators and admins). */
  csvUrl: Scalars['String']['output'];
  /** Elders due a visit: those with any care category. */
  dueCount: Scalars['Int']['output'];
  /** Every elder due visits, by name, with their last visit and when the next is due. */
  elders: Array<ElderVisitStatus>;
  /** The month, YYYY-MM, in the site's time zone. */
  month: Scalars['String']['output'];
  /** visitedCount / dueCount, 0-1; null when no one is due (a site with no elders due has no rate). */
  rate?: Maybe<Scalars['Float']['output']>;
  /** Due elders not yet visited, by name. */
  unvisited: Array<Member>;
  /** Of those, visited at least once in the month. */
  visitedCount: Scalars['Int']['output'];
  /** The month's visits, newest first. */
  visits: Array<Visit>;
};

/** A site's visit duty for a month: every task whose period touches it, and counts per tier. */
export type VisitDutyBoard = {
  __typename?: 'VisitDutyBoard';
  /** Per tier, A to C. */
  counts: Array<VisitTierCount>;
  /** YYYY-MM. */
  month: Scalars['String']['output'];
  /** The tasks, soonest due first. */
  tasks: Array<VisitTask>;
};

/** How often visits fall: the period of one visit task. */
export type VisitFrequency =
  /** Once a calendar month. */
  | 'MONTHLY'
  /** Once a calendar quarter. */
  | 'QUARTERLY'
  /** Once a week, Monday to Sunday. */
  | 'WEEKLY';

/** Visits raised for a period in a region and under it (extreme weather, festivals). */
export type VisitFrequencyRaise = {
  __typename?: 'VisitFrequencyRaise';
  /** The first day, YYYY-MM-DD (each site's calendar). */
  from: Scalars['String']['output'];
  /** Opaque id (vraise_...). */
  id: Scalars['ID']['output'];
  /** Why. */
  reason: Scalars['String']['output'];
  /** The region. */
  region: Region;
  /** How often tier B is visited during it. */
  tierB: VisitFrequency;
  /** How often tier C is visited during it. */
  tierC: VisitFrequency;
  /** The last day, YYYY-MM-DD. */
  until: Scalars['String']['output'];
};

/** How a visit was made, the policy's forms: at home (上门), by phone (电话), by video (视频), other. */
export type VisitMode =
  /** At the elder's home (上门). */
  | 'HOME'
  /** Another of the policy's forms (pressing the family, emergency help...). */
  | 'OTHER'
  /** By phone (电话). */
  | 'PHONE'
  /** By video call (视频). */
  | 'VIDEO';

/** An elder's paired visitor (结对) and backup. */
export type VisitPair = {
  __typename?: 'VisitPair';
  /** Who goes when the visitor cannot. */
  backup?: Maybe<Member>;
  /** The elder. */
  elder: Member;
  /** Who visits. */
  visitor: Member;
};

/** One elder's visit due in one period (a week, month or quarter of the site's calendar). */
export type VisitTask = {
  __typename?: 'VisitTask';
  /** The period's last day, YYYY-MM-DD: the visit is due by its end. */
  dueBy: Scalars['String']['output'];
  /** The elder to visit. */
  elder: Member;
  /** The elder's address: to the task's visitor while it is open, and to the site's staff. */
  elderAddress?: Maybe<Scalars['String']['output']>;
  /** The elder's phone, unmasked: to the task's visitor while it is open, and to the site's staff. */
  elderPhone?: Maybe<Scalars['String']['output']>;
  /** The major event that raised the elder to A for this task; null for a regular period's task. */
  event?: Maybe<MajorEvent>;
  /** Opaque id (vtask_...). */
  id: Scalars['ID']['output'];
  /** On a duty board: the last visit in the task's period that did not find the elder at home, while the task is not done; null otherwise, and outside a board. */
  notFoundAt?: Maybe<Scalars['DateTime']['output']>;
  /** The period's first day, YYYY-MM-DD. */
  periodStart: Scalars['String']['output'];
  /** Where it stands. */
  status: VisitTaskStatus;
  /** The elder's tier when the task was made. */
  tier: VisitTier;
  /** The visit that closed it. */
  visit?: Maybe<Visit>;
  /** Who is to go; null until someone is paired or assigned. */
  visitor?: Maybe<Member>;
};

/** Where a visit task stands. */
export type VisitTaskStatus =
  /** Closed by a visit that found the elder. */
  | 'DONE'
  /** Its period ended unvisited. */
  | 'MISSED'
  /** Due, not yet visited. */
  | 'OPEN';

/** How often an elder is visited: A weekly, B monthly, C quarterly. */
export type VisitTier =
  /** Weekly, by the county's rules (default: 80 or older and living alone, empty-nest or left behind, or a life-threatening illness; and for 24 hours after a major event). */
  | 'A'
  /** Monthly, by the county's rules (default: 60 or older and 失能, 重残 grade 1-2 or dementia, 特困, 计生特殊家庭, or 低保 living alone). */
  | 'B'
  /** Quarterly: every other elder on the site's list. */
  | 'C';

/** How one tier's tasks stand on a duty board. */
export type VisitTierCount = {
  __typename?: 'VisitTierCount';
  /** Closed by a visit. */
  done: Scalars['Int']['output'];
  /** Tasks whose period touches the month. */
  due: Scalars['Int']['output'];
  /** Ended unvisited. */
  missed: Scalars['Int']['output'];
  /** Not done, with a visit in its period that did not find the elder at home. */
  notFound: Scalars['Int']['output'];
  /** Open, and not yet past due. */
  open: Scalars['Int']['output'];
  /** Open and past its due day: the period ends unvisited unless someone goes. */
  overdue: Scalars['Int']['output'];
  /** The tier. */
  tier: VisitTier;
};

/** A set of tier rules; every other elder on a site's list is C (quarterly). */
export type VisitTierRules = {
  __typename?: 'VisitTierRules';
  /** Tier A. */
  a: TierARules;
  /** Tier B. */
  b: TierBRules;
};

/** A region's whole set of tier rules. */
export type VisitTierRulesInput = {
  /** Tier A. */
  a: TierARulesInput;
  /** Tier B. */
  b: TierBRulesInput;
};

/** What a volunteer offers at a site. */
export type VolunteerOffer = {
  __typename?: 'VolunteerOffer';
  /** The categories of service they can do. */
  categories: Array<ServiceCategory>;
  /** Times of day; empty: any time. */
  times: Array<TimeOfDay>;
  /** When it was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** ISO weekdays, 1 = Monday .. 7 = Sunday; empty: any day. */
  weekdays: Array<Scalars['Int']['output']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccountOwner: AccountOwner;
  AddMemberInput: AddMemberInput;
  AddProductInput: AddProductInput;
  AddVisitFrequencyRaiseInput: AddVisitFrequencyRaiseInput;
  AllianceStatus: AllianceStatus;
  AuthPayload: ResolverTypeWrapper<Omit<AuthPayload, 'member'> & { member: ResolversTypes['Member'] }>;
  Balance: ResolverTypeWrapper<Balance>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CareCategory: CareCategory;
  CategoryRate: ResolverTypeWrapper<CategoryRate>;
  CategoryRateInput: CategoryRateInput;
  CategoryWeight: ResolverTypeWrapper<CategoryWeight>;
  CategoryWeightInput: CategoryWeightInput;
  CertifiedService: ResolverTypeWrapper<ServiceEntry>;
  CheckResult: CheckResult;
  Claim: ResolverTypeWrapper<ClaimRow>;
  ClaimConnection: ResolverTypeWrapper<Omit<ClaimConnection, 'edges'> & { edges: Array<ResolversTypes['ClaimEdge']> }>;
  ClaimEdge: ResolverTypeWrapper<Omit<ClaimEdge, 'node'> & { node: ResolversTypes['Claim'] }>;
  ClaimStatus: ClaimStatus;
  CountyAlliance: ResolverTypeWrapper<CountyAllianceRow>;
  CreateSiteInput: CreateSiteInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeactivationReason: DeactivationReason;
  EditNeedInput: EditNeedInput;
  EditSeriesInput: EditSeriesInput;
  ElderVisitStatus: ResolverTypeWrapper<ElderVisitData>;
  FailedJob: ResolverTypeWrapper<jobQueries.JobFailure>;
  FamilyConsent: FamilyConsent;
  FamilyLink: ResolverTypeWrapper<FamilyLinkView>;
  FamilyRelation: FamilyRelation;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  FollowUpAction: FollowUpAction;
  HoursPolicy: ResolverTypeWrapper<HoursPolicy>;
  HoursPolicyInput: HoursPolicyInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IdType: IdType;
  InboxConnection: ResolverTypeWrapper<Omit<InboxConnection, 'edges'> & { edges: Array<ResolversTypes['InboxEdge']> }>;
  InboxEdge: ResolverTypeWrapper<Omit<InboxEdge, 'node'> & { node: ResolversTypes['InboxItem'] }>;
  InboxItem: ResolverTypeWrapper<InboxItemRow>;
  InboxKind: InboxKind;
  InboxReadResult: ResolverTypeWrapper<InboxReadData>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JoinRequest: ResolverTypeWrapper<JoinRequestRow>;
  JoinRequestStatus: JoinRequestStatus;
  LeaverBalanceRule: LeaverBalanceRule;
  LedgerCheck: ResolverTypeWrapper<InvariantResult>;
  LivingSituation: LivingSituation;
  MajorEvent: ResolverTypeWrapper<VisitMajorEventRow>;
  MajorEventKind: MajorEventKind;
  MajorEventReport: ResolverTypeWrapper<MajorEventReportData>;
  Member: ResolverTypeWrapper<MemberRow>;
  MemberCard: ResolverTypeWrapper<MemberCardData>;
  MemberConnection: ResolverTypeWrapper<Omit<MemberConnection, 'edges'> & { edges: Array<ResolversTypes['MemberEdge']> }>;
  MemberEdge: ResolverTypeWrapper<Omit<MemberEdge, 'node'> & { node: ResolversTypes['Member'] }>;
  MemberMove: ResolverTypeWrapper<MemberMoveRow>;
  MemberMoveStatus: MemberMoveStatus;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Need: ResolverTypeWrapper<NeedRow>;
  NeedConnection: ResolverTypeWrapper<Omit<NeedConnection, 'edges'> & { edges: Array<ResolversTypes['NeedEdge']> }>;
  NeedEdge: ResolverTypeWrapper<Omit<NeedEdge, 'node'> & { node: ResolversTypes['Need'] }>;
  NeedSeries: ResolverTypeWrapper<NeedSeriesRow>;
  NeedStatus: NeedStatus;
  NoticeBoard: ResolverTypeWrapper<NoticeBoardData>;
  NoticeEntry: ResolverTypeWrapper<NoticeEntryData>;
  Objection: ResolverTypeWrapper<pointsQueries.ObjectionView>;
  ObjectionDecision: ObjectionDecision;
  ObjectionStatus: ObjectionStatus;
  OfferInput: OfferInput;
  OverdueVisit: ResolverTypeWrapper<OverdueVisitData>;
  OverdueVisitConnection: ResolverTypeWrapper<Omit<OverdueVisitConnection, 'edges'> & { edges: Array<ResolversTypes['OverdueVisitEdge']> }>;
  OverdueVisitEdge: ResolverTypeWrapper<Omit<OverdueVisitEdge, 'node'> & { node: ResolversTypes['OverdueVisit'] }>;
  OwnHoursPolicy: ResolverTypeWrapper<OwnHoursPolicy>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Passbook: ResolverTypeWrapper<PassbookData>;
  PassbookLine: ResolverTypeWrapper<PassbookLineRow>;
  PassbookPrint: ResolverTypeWrapper<PassbookPrintRow>;
  Payer: Payer;
  PlatformHealth: ResolverTypeWrapper<PlatformHealthData>;
  PostNeedInput: PostNeedInput;
  PostSeriesInput: PostSeriesInput;
  PostSeriesPayload: ResolverTypeWrapper<Omit<PostSeriesPayload, 'occurrences' | 'series'> & { occurrences: Array<ResolversTypes['Need']>, series: ResolversTypes['NeedSeries'] }>;
  Product: ResolverTypeWrapper<ProductRow>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RaiseObjectionInput: RaiseObjectionInput;
  RecordFamilyLinkInput: RecordFamilyLinkInput;
  RecordVisitInput: RecordVisitInput;
  RedeemInput: RedeemInput;
  RedeemItemInput: RedeemItemInput;
  Redemption: ResolverTypeWrapper<RedemptionRow>;
  RedemptionConnection: ResolverTypeWrapper<Omit<RedemptionConnection, 'edges'> & { edges: Array<ResolversTypes['RedemptionEdge']> }>;
  RedemptionEdge: ResolverTypeWrapper<Omit<RedemptionEdge, 'node'> & { node: ResolversTypes['Redemption'] }>;
  RedemptionItem: ResolverTypeWrapper<RedemptionItemRow>;
  ReferFollowUpInput: ReferFollowUpInput;
  Referral: ResolverTypeWrapper<ReferralRow>;
  ReferralConnection: ResolverTypeWrapper<Omit<ReferralConnection, 'edges'> & { edges: Array<ResolversTypes['ReferralEdge']> }>;
  ReferralEdge: ResolverTypeWrapper<Omit<ReferralEdge, 'node'> & { node: ResolversTypes['Referral'] }>;
  ReferralKind: ReferralKind;
  ReferralStatus: ReferralStatus;
  ReferralStep: ResolverTypeWrapper<ReferralEventRow>;
  Region: ResolverTypeWrapper<RegionRow>;
  RegionHoursPolicy: ResolverTypeWrapper<Omit<RegionHoursPolicy, 'region'> & { region: ResolversTypes['Region'] }>;
  RegionLevel: RegionLevel;
  RegionMonth: ResolverTypeWrapper<RegionMonthData>;
  RegionReport: ResolverTypeWrapper<RegionReportData>;
  RegionRole: ResolverTypeWrapper<RegionRoleData>;
  RegionTotals: ResolverTypeWrapper<RegionTotalsData>;
  RegionVisitRules: ResolverTypeWrapper<RegionVisitRulesData>;
  ReportMajorEventInput: ReportMajorEventInput;
  RequestToJoinInput: RequestToJoinInput;
  ResetCode: ResolverTypeWrapper<Omit<ResetCode, 'member'> & { member: ResolversTypes['Member'] }>;
  ResolveObjectionInput: ResolveObjectionInput;
  Role: Role;
  SeriesScope: SeriesScope;
  ServiceCategory: ServiceCategory;
  ServiceCertificate: ResolverTypeWrapper<CertificateView>;
  ServiceRecord: ResolverTypeWrapper<ServiceRecordData>;
  SetTierOverrideInput: SetTierOverrideInput;
  SetVisitPairInput: SetVisitPairInput;
  Site: ResolverTypeWrapper<SiteRow>;
  SiteConnection: ResolverTypeWrapper<Omit<SiteConnection, 'edges'> & { edges: Array<ResolversTypes['SiteEdge']> }>;
  SiteEdge: ResolverTypeWrapper<Omit<SiteEdge, 'node'> & { node: ResolversTypes['Site'] }>;
  SiteGuest: ResolverTypeWrapper<SiteGuestData>;
  SitePoints: ResolverTypeWrapper<SitePointsData>;
  SiteReport: ResolverTypeWrapper<SiteReportData>;
  SiteRoles: ResolverTypeWrapper<SiteRolesData>;
  SiteSettings: ResolverTypeWrapper<SiteSettingsData>;
  SiteTradeBalance: ResolverTypeWrapper<TradeBalance>;
  StaffMember: ResolverTypeWrapper<StaffEntry>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TierARules: ResolverTypeWrapper<TierARules>;
  TierARulesInput: TierARulesInput;
  TierBRules: ResolverTypeWrapper<TierBRules>;
  TierBRulesInput: TierBRulesInput;
  TierOverride: ResolverTypeWrapper<VisitTierOverrideRow>;
  TimeOfDay: TimeOfDay;
  Transfer: ResolverTypeWrapper<TransferRow>;
  TransferConnection: ResolverTypeWrapper<Omit<TransferConnection, 'edges'> & { edges: Array<ResolversTypes['TransferEdge']> }>;
  TransferEdge: ResolverTypeWrapper<Omit<TransferEdge, 'node'> & { node: ResolversTypes['Transfer'] }>;
  Unit: Unit;
  UpdateMemberInput: UpdateMemberInput;
  UpdateProductInput: UpdateProductInput;
  UpdateReferralInput: UpdateReferralInput;
  UpdateSiteSettingsInput: UpdateSiteSettingsInput;
  Visit: ResolverTypeWrapper<VisitRow>;
  VisitChecks: ResolverTypeWrapper<VisitChecks>;
  VisitChecksInput: VisitChecksInput;
  VisitCoverage: ResolverTypeWrapper<CoverageData>;
  VisitDutyBoard: ResolverTypeWrapper<DutyBoard>;
  VisitFrequency: VisitFrequency;
  VisitFrequencyRaise: ResolverTypeWrapper<VisitFrequencyRaiseRow>;
  VisitMode: VisitMode;
  VisitPair: ResolverTypeWrapper<VisitPairRow>;
  VisitTask: ResolverTypeWrapper<TaskData>;
  VisitTaskStatus: VisitTaskStatus;
  VisitTier: VisitTier;
  VisitTierCount: ResolverTypeWrapper<VisitTierCount>;
  VisitTierRules: ResolverTypeWrapper<TierRules>;
  VisitTierRulesInput: VisitTierRulesInput;
  VolunteerOffer: ResolverTypeWrapper<VolunteerOfferRow>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AddMemberInput: AddMemberInput;
  AddProductInput: AddProductInput;
  AddVisitFrequencyRaiseInput: AddVisitFrequencyRaiseInput;
  AuthPayload: Omit<AuthPayload, 'member'> & { member: ResolversParentTypes['Member'] };
  Balance: Balance;
  Boolean: Scalars['Boolean']['output'];
  CategoryRate: CategoryRate;
  CategoryRateInput: CategoryRateInput;
  CategoryWeight: CategoryWeight;
  CategoryWeightInput: CategoryWeightInput;
  CertifiedService: ServiceEntry;
  Claim: ClaimRow;
  ClaimConnection: Omit<ClaimConnection, 'edges'> & { edges: Array<ResolversParentTypes['ClaimEdge']> };
  ClaimEdge: Omit<ClaimEdge, 'node'> & { node: ResolversParentTypes['Claim'] };
  CountyAlliance: CountyAllianceRow;
  CreateSiteInput: CreateSiteInput;
  DateTime: Scalars['DateTime']['output'];
  EditNeedInput: EditNeedInput;
  EditSeriesInput: EditSeriesInput;
  ElderVisitStatus: ElderVisitData;
  FailedJob: jobQueries.JobFailure;
  FamilyLink: FamilyLinkView;
  Float: Scalars['Float']['output'];
  HoursPolicy: HoursPolicy;
  HoursPolicyInput: HoursPolicyInput;
  ID: Scalars['ID']['output'];
  InboxConnection: Omit<InboxConnection, 'edges'> & { edges: Array<ResolversParentTypes['InboxEdge']> };
  InboxEdge: Omit<InboxEdge, 'node'> & { node: ResolversParentTypes['InboxItem'] };
  InboxItem: InboxItemRow;
  InboxReadResult: InboxReadData;
  Int: Scalars['Int']['output'];
  JoinRequest: JoinRequestRow;
  LedgerCheck: InvariantResult;
  MajorEvent: VisitMajorEventRow;
  MajorEventReport: MajorEventReportData;
  Member: MemberRow;
  MemberCard: MemberCardData;
  MemberConnection: Omit<MemberConnection, 'edges'> & { edges: Array<ResolversParentTypes['MemberEdge']> };
  MemberEdge: Omit<MemberEdge, 'node'> & { node: ResolversParentTypes['Member'] };
  MemberMove: MemberMoveRow;
  Mutation: Record<PropertyKey, never>;
  Need: NeedRow;
  NeedConnection: Omit<NeedConnection, 'edges'> & { edges: Array<ResolversParentTypes['NeedEdge']> };
  NeedEdge: Omit<NeedEdge, 'node'> & { node: ResolversParentTypes['Need'] };
  NeedSeries: NeedSeriesRow;
  NoticeBoard: NoticeBoardData;
  NoticeEntry: NoticeEntryData;
  Objection: pointsQueries.ObjectionView;
  OfferInput: OfferInput;
  OverdueVisit: OverdueVisitData;
  OverdueVisitConnection: Omit<OverdueVisitConnection, 'edges'> & { edges: Array<ResolversParentTypes['OverdueVisitEdge']> };
  OverdueVisitEdge: Omit<OverdueVisitEdge, 'node'> & { node: ResolversParentTypes['OverdueVisit'] };
  OwnHoursPolicy: OwnHoursPolicy;
  PageInfo: PageInfo;
  Passbook: PassbookData;
  PassbookLine: PassbookLineRow;
  PassbookPrint: PassbookPrintRow;
  PlatformHealth: PlatformHealthData;
  PostNeedInput: PostNeedInput;
  PostSeriesInput: PostSeriesInput;
  PostSeriesPayload: Omit<PostSeriesPayload, 'occurrences' | 'series'> & { occurrences: Array<ResolversParentTypes['Need']>, series: ResolversParentTypes['NeedSeries'] };
  Product: ProductRow;
  Query: Record<PropertyKey, never>;
  RaiseObjectionInput: RaiseObjectionInput;
  RecordFamilyLinkInput: RecordFamilyLinkInput;
  RecordVisitInput: RecordVisitInput;
  RedeemInput: RedeemInput;
  RedeemItemInput: RedeemItemInput;
  Redemption: RedemptionRow;
  RedemptionConnection: Omit<RedemptionConnection, 'edges'> & { edges: Array<ResolversParentTypes['RedemptionEdge']> };
  RedemptionEdge: Omit<RedemptionEdge, 'node'> & { node: ResolversParentTypes['Redemption'] };
  RedemptionItem: RedemptionItemRow;
  ReferFollowUpInput: ReferFollowUpInput;
  Referral: ReferralRow;
  ReferralConnection: Omit<ReferralConnection, 'edges'> & { edges: Array<ResolversParentTypes['ReferralEdge']> };
  ReferralEdge: Omit<ReferralEdge, 'node'> & { node: ResolversParentTypes['Referral'] };
  ReferralStep: ReferralEventRow;
  Region: RegionRow;
  RegionHoursPolicy: Omit<RegionHoursPolicy, 'region'> & { region: ResolversParentTypes['Region'] };
  RegionMonth: RegionMonthData;
  RegionReport: RegionReportData;
  RegionRole: RegionRoleData;
  RegionTotals: RegionTotalsData;
  RegionVisitRules: RegionVisitRulesData;
  ReportMajorEventInput: ReportMajorEventInput;
  RequestToJoinInput: RequestToJoinInput;
  ResetCode: Omit<ResetCode, 'member'> & { member: ResolversParentTypes['Member'] };
  ResolveObjectionInput: ResolveObjectionInput;
  ServiceCertificate: CertificateView;
  ServiceRecord: ServiceRecordData;
  SetTierOverrideInput: SetTierOverrideInput;
  SetVisitPairInput: SetVisitPairInput;
  Site: SiteRow;
  SiteConnection: Omit<SiteConnection, 'edges'> & { edges: Array<ResolversParentTypes['SiteEdge']> };
  SiteEdge: Omit<SiteEdge, 'node'> & { node: ResolversParentTypes['Site'] };
  SiteGuest: SiteGuestData;
  SitePoints: SitePointsData;
  SiteReport: SiteReportData;
  SiteRoles: SiteRolesData;
  SiteSettings: SiteSettingsData;
  SiteTradeBalance: TradeBalance;
  StaffMember: StaffEntry;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  TierARules: TierARules;
  TierARulesInput: TierARulesInput;
  TierBRules: TierBRules;
  TierBRulesInput: TierBRulesInput;
  TierOverride: VisitTierOverrideRow;
  Transfer: TransferRow;
  TransferConnection: Omit<TransferConnection, 'edges'> & { edges: Array<ResolversParentTypes['TransferEdge']> };
  TransferEdge: Omit<TransferEdge, 'node'> & { node: ResolversParentTypes['Transfer'] };
  UpdateMemberInput: UpdateMemberInput;
  UpdateProductInput: UpdateProductInput;
  UpdateReferralInput: UpdateReferralInput;
  UpdateSiteSettingsInput: UpdateSiteSettingsInput;
  Visit: VisitRow;
  VisitChecks: VisitChecks;
  VisitChecksInput: VisitChecksInput;
  VisitCoverage: CoverageData;
  VisitDutyBoard: DutyBoard;
  VisitFrequencyRaise: VisitFrequencyRaiseRow;
  VisitPair: VisitPairRow;
  VisitTask: TaskData;
  VisitTierCount: VisitTierCount;
  VisitTierRules: TierRules;
  VisitTierRulesInput: VisitTierRulesInput;
  VolunteerOffer: VolunteerOfferRow;
};

export type AuthPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = {
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BalanceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Balance'] = ResolversParentTypes['Balance']> = {
  minutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CategoryRateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CategoryRate'] = ResolversParentTypes['CategoryRate']> = {
  category?: Resolver<ResolversTypes['ServiceCategory'], ParentType, ContextType>;
  pointsPerHour?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CategoryWeightResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CategoryWeight'] = ResolversParentTypes['CategoryWeight']> = {
  category?: Resolver<ResolversTypes['ServiceCategory'], ParentType, ContextType>;
  perMille?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CertifiedServiceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CertifiedService'] = ResolversParentTypes['CertifiedService']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['ServiceCategory'], ParentType, ContextType>;
  minutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  visit?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ClaimResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Claim'] = ResolversParentTypes['Claim']> = {
  checkedInAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  claimedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  confirmedMinutes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  need?: Resolver<ResolversTypes['Need'], ParentType, ContextType>;
  overEstimate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  pointsAwarded?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  rejectReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reportNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reportedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reportedMinutes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  settledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ClaimStatus'], ParentType, ContextType>;
  volunteer?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
};

export type ClaimConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ClaimConnection'] = ResolversParentTypes['ClaimConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ClaimEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClaimEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ClaimEdge'] = ResolversParentTypes['ClaimEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Claim'], ParentType, ContextType>;
};

export type CountyAllianceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CountyAlliance'] = ResolversParentTypes['CountyAlliance']> = {
  acceptedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  acceptedBy?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  countyA?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  countyB?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  endedBy?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  proposedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  proposedBy?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  proposerCounty?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AllianceStatus'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type ElderVisitStatusResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ElderVisitStatus'] = ResolversParentTypes['ElderVisitStatus']> = {
  dueBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  elder?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  lastVisit?: Resolver<Maybe<ResolversTypes['Visit']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  visitedThisMonth?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type FailedJobResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FailedJob'] = ResolversParentTypes['FailedJob']> = {
  error?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  failedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  queue?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FamilyLinkResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FamilyLink'] = ResolversParentTypes['FamilyLink']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inForce?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  memberConsent?: Resolver<Maybe<ResolversTypes['FamilyConsent']>, ParentType, ContextType>;
  paysForRelative?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['FamilyRelation'], ParentType, ContextType>;
  relative?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  relativeConsent?: Resolver<Maybe<ResolversTypes['FamilyConsent']>, ParentType, ContextType>;
  relativeSite?: Resolver<Maybe<ResolversTypes['Site']>, ParentType, ContextType>;
};

export type HoursPolicyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['HoursPolicy'] = ResolversParentTypes['HoursPolicy']> = {
  capMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  expiryMonths?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  minWithdrawAge?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  weights?: Resolver<Array<ResolversTypes['CategoryWeight']>, ParentType, ContextType>;
};

export type InboxConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InboxConnection'] = ResolversParentTypes['InboxConnection']> = {
  edges?: Resolver<Array<ResolversTypes['InboxEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InboxEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InboxEdge'] = ResolversParentTypes['InboxEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['InboxItem'], ParentType, ContextType>;
};

export type InboxItemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InboxItem'] = ResolversParentTypes['InboxItem']> = {
  at?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['InboxKind'], ParentType, ContextType>;
  minutes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  needId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  needTitle?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  personName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  points?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  readAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  referralStatus?: Resolver<Maybe<ResolversTypes['ReferralStatus']>, ParentType, ContextType>;
  subjectId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type InboxReadResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InboxReadResult'] = ResolversParentTypes['InboxReadResult']> = {
  items?: Resolver<Array<ResolversTypes['InboxItem']>, ParentType, ContextType>;
  unreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type JoinRequestResolvers<ContextType = Context, ParentType extends ResolversParentTypes['JoinRequest'] = ResolversParentTypes['JoinRequest']> = {
  alreadyMember?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  categories?: Resolver<Array<ResolversTypes['ServiceCategory']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  declineReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['JoinRequestStatus'], ParentType, ContextType>;
};

export type LedgerCheckResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LedgerCheck'] = ResolversParentTypes['LedgerCheck']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  holds?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  violations?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MajorEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MajorEvent'] = ResolversParentTypes['MajorEvent']> = {
  happenedOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MajorEventKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  raisedUntil?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reportedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type MajorEventReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MajorEventReport'] = ResolversParentTypes['MajorEventReport']> = {
  event?: Resolver<ResolversTypes['MajorEvent'], ParentType, ContextType>;
  task?: Resolver<ResolversTypes['VisitTask'], ParentType, ContextType>;
};

export type MemberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Member'] = ResolversParentTypes['Member']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  balance?: Resolver<ResolversTypes['Balance'], ParentType, ContextType>;
  birthYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  canLogIn?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  careCategories?: Resolver<Array<ResolversTypes['CareCategory']>, ParentType, ContextType>;
  claims?: Resolver<ResolversTypes['ClaimConnection'], ParentType, ContextType, Partial<MemberClaimsArgs>>;
  deactivatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deactivationNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  deactivationReason?: Resolver<Maybe<ResolversTypes['DeactivationReason']>, ParentType, ContextType>;
  dementia?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  disabilityGrade?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  familyLinks?: Resolver<Array<ResolversTypes['FamilyLink']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  idNumberMasked?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  idType?: Resolver<Maybe<ResolversTypes['IdType']>, ParentType, ContextType>;
  lifeThreateningIllness?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  livingSituation?: Resolver<Maybe<ResolversTypes['LivingSituation']>, ParentType, ContextType>;
  minimumLivingAllowance?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pointsBySite?: Resolver<Array<ResolversTypes['SitePoints']>, ParentType, ContextType>;
  regionRoles?: Resolver<Array<ResolversTypes['RegionRole']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  serviceRecord?: Resolver<ResolversTypes['ServiceRecord'], ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
  siteRoles?: Resolver<Array<ResolversTypes['SiteRoles']>, ParentType, ContextType>;
  transfers?: Resolver<ResolversTypes['TransferConnection'], ParentType, ContextType, Partial<MemberTransfersArgs>>;
  visitTier?: Resolver<Maybe<ResolversTypes['VisitTier']>, ParentType, ContextType>;
};

export type MemberCardResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MemberCard'] = ResolversParentTypes['MemberCard']> = {
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  memberNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MemberConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MemberConnection'] = ResolversParentTypes['MemberConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MemberEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MemberEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MemberEdge'] = ResolversParentTypes['MemberEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
};

export type MemberMoveResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MemberMove'] = ResolversParentTypes['MemberMove']> = {
  acceptedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  acceptedBy?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  cancelledBy?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  fromSite?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  startedBy?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MemberMoveStatus'], ParentType, ContextType>;
  toSite?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acceptAlliance?: Resolver<ResolversTypes['CountyAlliance'], ParentType, ContextType, RequireFields<MutationAcceptAllianceArgs, 'allianceId'>>;
  acceptMemberMove?: Resolver<ResolversTypes['MemberMove'], ParentType, ContextType, RequireFields<MutationAcceptMemberMoveArgs, 'moveId' | 'roles'>>;
  addMember?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationAddMemberArgs, 'input'>>;
  addProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationAddProductArgs, 'input'>>;
  addVisitFrequencyRaise?: Resolver<ResolversTypes['VisitFrequencyRaise'], ParentType, ContextType, RequireFields<MutationAddVisitFrequencyRaiseArgs, 'input'>>;
  appointRegionOfficer?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationAppointRegionOfficerArgs, 'phone' | 'regionId'>>;
  approveJoinRequest?: Resolver<ResolversTypes['JoinRequest'], ParentType, ContextType, RequireFields<MutationApproveJoinRequestArgs, 'id'>>;
  cancelMemberMove?: Resolver<ResolversTypes['MemberMove'], ParentType, ContextType, RequireFields<MutationCancelMemberMoveArgs, 'moveId'>>;
  cancelNeed?: Resolver<ResolversTypes['Need'], ParentType, ContextType, RequireFields<MutationCancelNeedArgs, 'id' | 'reason'>>;
  cancelRedemption?: Resolver<ResolversTypes['Redemption'], ParentType, ContextType, RequireFields<MutationCancelRedemptionArgs, 'id' | 'reason'>>;
  cancelSeriesNeed?: Resolver<ResolversTypes['Need'], ParentType, ContextType, RequireFields<MutationCancelSeriesNeedArgs, 'id' | 'reason' | 'scope'>>;
  changePassword?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'newPassword' | 'oldPassword'>>;
  checkIn?: Resolver<ResolversTypes['Claim'], ParentType, ContextType, RequireFields<MutationCheckInArgs, 'claimId'>>;
  claimNeed?: Resolver<ResolversTypes['Claim'], ParentType, ContextType, RequireFields<MutationClaimNeedArgs, 'needId'>>;
  clearHoursPolicy?: Resolver<ResolversTypes['RegionHoursPolicy'], ParentType, ContextType, RequireFields<MutationClearHoursPolicyArgs, 'regionId'>>;
  clearVisitTierRules?: Resolver<ResolversTypes['RegionVisitRules'], ParentType, ContextType, RequireFields<MutationClearVisitTierRulesArgs, 'regionId'>>;
  closeFollowUp?: Resolver<ResolversTypes['Visit'], ParentType, ContextType, RequireFields<MutationCloseFollowUpArgs, 'outcome' | 'visitId'>>;
  confirmFamilyLink?: Resolver<ResolversTypes['FamilyLink'], ParentType, ContextType, RequireFields<MutationConfirmFamilyLinkArgs, 'linkId'>>;
  confirmService?: Resolver<ResolversTypes['Claim'], ParentType, ContextType, RequireFields<MutationConfirmServiceArgs, 'claimId' | 'idempotencyKey'>>;
  consentToPay?: Resolver<ResolversTypes['Need'], ParentType, ContextType, RequireFields<MutationConsentToPayArgs, 'needId'>>;
  createSite?: Resolver<ResolversTypes['Site'], ParentType, ContextType, RequireFields<MutationCreateSiteArgs, 'input'>>;
  deactivateMember?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationDeactivateMemberArgs, 'id' | 'reason'>>;
  declineJoinRequest?: Resolver<ResolversTypes['JoinRequest'], ParentType, ContextType, RequireFields<MutationDeclineJoinRequestArgs, 'id' | 'reason'>>;
  donateMinutes?: Resolver<ResolversTypes['Transfer'], ParentType, ContextType, RequireFields<MutationDonateMinutesArgs, 'idempotencyKey' | 'minutes' | 'toMemberId'>>;
  donateToCarePool?: Resolver<ResolversTypes['Transfer'], ParentType, ContextType, RequireFields<MutationDonateToCarePoolArgs, 'idempotencyKey' | 'minutes'>>;
  editNeed?: Resolver<ResolversTypes['Need'], ParentType, ContextType, RequireFields<MutationEditNeedArgs, 'id' | 'input'>>;
  editSeriesNeed?: Resolver<ResolversTypes['Need'], ParentType, ContextType, RequireFields<MutationEditSeriesNeedArgs, 'id' | 'input' | 'scope'>>;
  endAlliance?: Resolver<ResolversTypes['CountyAlliance'], ParentType, ContextType, RequireFields<MutationEndAllianceArgs, 'allianceId'>>;
  endFamilyLink?: Resolver<ResolversTypes['FamilyLink'], ParentType, ContextType, RequireFields<MutationEndFamilyLinkArgs, 'linkId'>>;
  giftMinutes?: Resolver<ResolversTypes['Transfer'], ParentType, ContextType, RequireFields<MutationGiftMinutesArgs, 'idempotencyKey' | 'minutes' | 'toMemberId'>>;
  grantPaymentPermission?: Resolver<ResolversTypes['FamilyLink'], ParentType, ContextType, RequireFields<MutationGrantPaymentPermissionArgs, 'beneficiaryId'>>;
  grantSiteRole?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationGrantSiteRoleArgs, 'phone' | 'role' | 'siteId'>>;
  issueMemberCard?: Resolver<ResolversTypes['MemberCard'], ParentType, ContextType, RequireFields<MutationIssueMemberCardArgs, 'memberId'>>;
  issueResetCode?: Resolver<ResolversTypes['ResetCode'], ParentType, ContextType, RequireFields<MutationIssueResetCodeArgs, 'id'>>;
  issueServiceCertificate?: Resolver<ResolversTypes['ServiceCertificate'], ParentType, ContextType, RequireFields<MutationIssueServiceCertificateArgs, 'from' | 'memberId' | 'to'>>;
  login?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'password' | 'phone'>>;
  markAllInboxRead?: Resolver<ResolversTypes['InboxReadResult'], ParentType, ContextType>;
  markInboxRead?: Resolver<ResolversTypes['InboxReadResult'], ParentType, ContextType, RequireFields<MutationMarkInboxReadArgs, 'ids'>>;
  markNoShow?: Resolver<ResolversTypes['Claim'], ParentType, ContextType, RequireFields<MutationMarkNoShowArgs, 'claimId'>>;
  postNeed?: Resolver<ResolversTypes['Need'], ParentType, ContextType, RequireFields<MutationPostNeedArgs, 'input'>>;
  postSeries?: Resolver<ResolversTypes['PostSeriesPayload'], ParentType, ContextType, RequireFields<MutationPostSeriesArgs, 'input'>>;
  proposeAlliance?: Resolver<ResolversTypes['CountyAlliance'], ParentType, ContextType, RequireFields<MutationProposeAllianceArgs, 'countyId' | 'otherCountyId'>>;
  raiseObjection?: Resolver<ResolversTypes['Objection'], ParentType, ContextType, RequireFields<MutationRaiseObjectionArgs, 'input'>>;
  reactivateMember?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationReactivateMemberArgs, 'id'>>;
  reassignVisitTask?: Resolver<ResolversTypes['VisitTask'], ParentType, ContextType, RequireFields<MutationReassignVisitTaskArgs, 'taskId'>>;
  recordFamilyLink?: Resolver<ResolversTypes['FamilyLink'], ParentType, ContextType, RequireFields<MutationRecordFamilyLinkArgs, 'input'>>;
  recordPassbookPrint?: Resolver<ResolversTypes['PassbookPrint'], ParentType, ContextType, RequireFields<MutationRecordPassbookPrintArgs, 'lastTransferId' | 'memberId' | 'unit'>>;
  recordVisit?: Resolver<ResolversTypes['Visit'], ParentType, ContextType, RequireFields<MutationRecordVisitArgs, 'input'>>;
  redeem?: Resolver<ResolversTypes['Redemption'], ParentType, ContextType, RequireFields<MutationRedeemArgs, 'input'>>;
  redeemResetCode?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRedeemResetCodeArgs, 'code' | 'newPassword' | 'phone'>>;
  referFollowUp?: Resolver<ResolversTypes['Referral'], ParentType, ContextType, RequireFields<MutationReferFollowUpArgs, 'input'>>;
  rejectService?: Resolver<ResolversTypes['Claim'], ParentType, ContextType, RequireFields<MutationRejectServiceArgs, 'claimId' | 'reason'>>;
  removeRegionOfficer?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationRemoveRegionOfficerArgs, 'memberId' | 'regionId'>>;
  removeSiteRole?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationRemoveSiteRoleArgs, 'memberId' | 'role' | 'siteId'>>;
  removeVisitFrequencyRaise?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveVisitFrequencyRaiseArgs, 'id'>>;
  reopenNeed?: Resolver<ResolversTypes['Need'], ParentType, ContextType, RequireFields<MutationReopenNeedArgs, 'id'>>;
  reportMajorEvent?: Resolver<ResolversTypes['MajorEventReport'], ParentType, ContextType, RequireFields<MutationReportMajorEventArgs, 'input'>>;
  reportService?: Resolver<ResolversTypes['Claim'], ParentType, ContextType, RequireFields<MutationReportServiceArgs, 'claimId' | 'minutes'>>;
  requestToJoin?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRequestToJoinArgs, 'input'>>;
  resolveObjection?: Resolver<ResolversTypes['Objection'], ParentType, ContextType, RequireFields<MutationResolveObjectionArgs, 'input'>>;
  restockProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationRestockProductArgs, 'productId' | 'quantity'>>;
  restoreProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationRestoreProductArgs, 'productId'>>;
  retireProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationRetireProductArgs, 'productId'>>;
  reverseTransfer?: Resolver<ResolversTypes['Transfer'], ParentType, ContextType, RequireFields<MutationReverseTransferArgs, 'id' | 'idempotencyKey' | 'reason'>>;
  revokePaymentPermission?: Resolver<ResolversTypes['FamilyLink'], ParentType, ContextType, RequireFields<MutationRevokePaymentPermissionArgs, 'beneficiaryId'>>;
  setHoursPolicy?: Resolver<ResolversTypes['RegionHoursPolicy'], ParentType, ContextType, RequireFields<MutationSetHoursPolicyArgs, 'policy' | 'regionId'>>;
  setLeaverBalanceRule?: Resolver<ResolversTypes['Site'], ParentType, ContextType, RequireFields<MutationSetLeaverBalanceRuleArgs, 'rule' | 'siteId'>>;
  setMemberIdDocument?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationSetMemberIdDocumentArgs, 'memberId'>>;
  setOffer?: Resolver<ResolversTypes['VolunteerOffer'], ParentType, ContextType, RequireFields<MutationSetOfferArgs, 'input'>>;
  setProductPhoto?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationSetProductPhotoArgs, 'productId'>>;
  setTierOverride?: Resolver<ResolversTypes['TierOverride'], ParentType, ContextType, RequireFields<MutationSetTierOverrideArgs, 'input'>>;
  setVisitPair?: Resolver<ResolversTypes['VisitPair'], ParentType, ContextType, RequireFields<MutationSetVisitPairArgs, 'input'>>;
  setVisitTierRules?: Resolver<ResolversTypes['RegionVisitRules'], ParentType, ContextType, RequireFields<MutationSetVisitTierRulesArgs, 'regionId' | 'rules'>>;
  startMemberMove?: Resolver<ResolversTypes['MemberMove'], ParentType, ContextType, RequireFields<MutationStartMemberMoveArgs, 'memberId' | 'toSiteId'>>;
  updateMember?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationUpdateMemberArgs, 'id' | 'input'>>;
  updateProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationUpdateProductArgs, 'input' | 'productId'>>;
  updateReferral?: Resolver<ResolversTypes['Referral'], ParentType, ContextType, RequireFields<MutationUpdateReferralArgs, 'input'>>;
  updateSiteSettings?: Resolver<ResolversTypes['SiteSettings'], ParentType, ContextType, RequireFields<MutationUpdateSiteSettingsArgs, 'input'>>;
  withdrawClaim?: Resolver<ResolversTypes['Claim'], ParentType, ContextType, RequireFields<MutationWithdrawClaimArgs, 'claimId'>>;
};

export type NeedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Need'] = ResolversParentTypes['Need']> = {
  beneficiary?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  cancelReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  category?: Resolver<ResolversTypes['ServiceCategory'], ParentType, ContextType>;
  claims?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType, RequireFields<NeedClaimsArgs, 'first'>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  estimatedMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openSlots?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  payer?: Resolver<ResolversTypes['Payer'], ParentType, ContextType>;
  payerConsented?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  payerMember?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  series?: Resolver<Maybe<ResolversTypes['NeedSeries']>, ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
  slots?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['NeedStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type NeedConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NeedConnection'] = ResolversParentTypes['NeedConnection']> = {
  edges?: Resolver<Array<ResolversTypes['NeedEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NeedEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NeedEdge'] = ResolversParentTypes['NeedEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Need'], ParentType, ContextType>;
};

export type NeedSeriesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NeedSeries'] = ResolversParentTypes['NeedSeries']> = {
  beneficiary?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['ServiceCategory'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endsOn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  estimatedMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  monthDays?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  occurrenceCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  slots?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startsOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeOfDay?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weekdays?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type NoticeBoardResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NoticeBoard'] = ResolversParentTypes['NoticeBoard']> = {
  entries?: Resolver<Array<ResolversTypes['NoticeEntry']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  noticeDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  objections?: Resolver<Array<ResolversTypes['Objection']>, ParentType, ContextType>;
  publicNotice?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type NoticeEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NoticeEntry'] = ResolversParentTypes['NoticeEntry']> = {
  creditedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  minutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  objection?: Resolver<Maybe<ResolversTypes['Objection']>, ParentType, ContextType>;
  pendingUntil?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reversed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  transferId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  volunteerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ObjectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Objection'] = ResolversParentTypes['Objection']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  raisedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  raisedByName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resolutionNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  resolvedByName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  serviceTitle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ObjectionStatus'], ParentType, ContextType>;
  volunteerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OverdueVisitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OverdueVisit'] = ResolversParentTypes['OverdueVisit']> = {
  backupName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dueBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  elderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  elderName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastVisitAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  siteId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  siteName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['VisitTaskStatus'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['VisitTier'], ParentType, ContextType>;
  village?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  villagePath?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  visitorName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type OverdueVisitConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OverdueVisitConnection'] = ResolversParentTypes['OverdueVisitConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OverdueVisitEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OverdueVisitEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OverdueVisitEdge'] = ResolversParentTypes['OverdueVisitEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['OverdueVisit'], ParentType, ContextType>;
};

export type OwnHoursPolicyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OwnHoursPolicy'] = ResolversParentTypes['OwnHoursPolicy']> = {
  capMinutes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  expiryMonths?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  minWithdrawAge?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  weights?: Resolver<Array<ResolversTypes['CategoryWeight']>, ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PassbookResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Passbook'] = ResolversParentTypes['Passbook']> = {
  balance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastPrintedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastPrintedLine?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['PassbookLine']>, ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  rowsPerPage?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['Unit'], ParentType, ContextType>;
};

export type PassbookLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PassbookLine'] = ResolversParentTypes['PassbookLine']> = {
  amountIn?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  amountOut?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  balance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  confirmedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lineOnPage?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  memo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  needTitle?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  page?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  transferId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PassbookPrintResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PassbookPrint'] = ResolversParentTypes['PassbookPrint']> = {
  lastLine?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastPage?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  printedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['Unit'], ParentType, ContextType>;
};

export type PlatformHealthResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlatformHealth'] = ResolversParentTypes['PlatformHealth']> = {
  failedJobs?: Resolver<Array<ResolversTypes['FailedJob']>, ParentType, ContextType, RequireFields<PlatformHealthFailedJobsArgs, 'first'>>;
  ledger?: Resolver<Array<ResolversTypes['LedgerCheck']>, ParentType, ContextType>;
};

export type PostSeriesPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PostSeriesPayload'] = ResolversParentTypes['PostSeriesPayload']> = {
  occurrences?: Resolver<Array<ResolversTypes['Need']>, ParentType, ContextType>;
  series?: Resolver<ResolversTypes['NeedSeries'], ParentType, ContextType>;
};

export type ProductResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  photoUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pointsPrice?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  stock?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  alliances?: Resolver<Array<ResolversTypes['CountyAlliance']>, ParentType, ContextType, Partial<QueryAlliancesArgs>>;
  claims?: Resolver<ResolversTypes['ClaimConnection'], ParentType, ContextType, RequireFields<QueryClaimsArgs, 'siteId'>>;
  hoursPolicy?: Resolver<ResolversTypes['RegionHoursPolicy'], ParentType, ContextType, RequireFields<QueryHoursPolicyArgs, 'regionId'>>;
  inbox?: Resolver<ResolversTypes['InboxConnection'], ParentType, ContextType, Partial<QueryInboxArgs>>;
  inboxUnreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  joinRequests?: Resolver<Array<ResolversTypes['JoinRequest']>, ParentType, ContextType, RequireFields<QueryJoinRequestsArgs, 'siteId'>>;
  linkedFollowUps?: Resolver<Array<ResolversTypes['Visit']>, ParentType, ContextType, RequireFields<QueryLinkedFollowUpsArgs, 'first' | 'siteId'>>;
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType, RequireFields<QueryMemberArgs, 'id'>>;
  memberByCard?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<QueryMemberByCardArgs, 'code' | 'siteId'>>;
  memberCard?: Resolver<ResolversTypes['MemberCard'], ParentType, ContextType, RequireFields<QueryMemberCardArgs, 'memberId'>>;
  memberMoves?: Resolver<Array<ResolversTypes['MemberMove']>, ParentType, ContextType, RequireFields<QueryMemberMovesArgs, 'siteId'>>;
  members?: Resolver<ResolversTypes['MemberConnection'], ParentType, ContextType, RequireFields<QueryMembersArgs, 'siteId'>>;
  myFamilyLinks?: Resolver<Array<ResolversTypes['FamilyLink']>, ParentType, ContextType>;
  myOffer?: Resolver<Maybe<ResolversTypes['VolunteerOffer']>, ParentType, ContextType, RequireFields<QueryMyOfferArgs, 'siteId'>>;
  myPaymentRequests?: Resolver<Array<ResolversTypes['Need']>, ParentType, ContextType>;
  myVisitTasks?: Resolver<Array<ResolversTypes['VisitTask']>, ParentType, ContextType>;
  need?: Resolver<Maybe<ResolversTypes['Need']>, ParentType, ContextType, RequireFields<QueryNeedArgs, 'id'>>;
  needs?: Resolver<ResolversTypes['NeedConnection'], ParentType, ContextType, RequireFields<QueryNeedsArgs, 'siteId'>>;
  noticeBoard?: Resolver<ResolversTypes['NoticeBoard'], ParentType, ContextType, RequireFields<QueryNoticeBoardArgs, 'siteId'>>;
  openNeedsText?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<QueryOpenNeedsTextArgs, 'siteId'>>;
  passbook?: Resolver<ResolversTypes['Passbook'], ParentType, ContextType, RequireFields<QueryPassbookArgs, 'memberId' | 'unit'>>;
  platformHealth?: Resolver<ResolversTypes['PlatformHealth'], ParentType, ContextType>;
  products?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryProductsArgs, 'includeRetired' | 'siteId'>>;
  recipients?: Resolver<Array<ResolversTypes['Member']>, ParentType, ContextType, RequireFields<QueryRecipientsArgs, 'search'>>;
  redemptions?: Resolver<ResolversTypes['RedemptionConnection'], ParentType, ContextType, RequireFields<QueryRedemptionsArgs, 'siteId'>>;
  regionOfficers?: Resolver<Array<ResolversTypes['Member']>, ParentType, ContextType, RequireFields<QueryRegionOfficersArgs, 'regionId'>>;
  regionOverdueVisits?: Resolver<ResolversTypes['OverdueVisitConnection'], ParentType, ContextType, RequireFields<QueryRegionOverdueVisitsArgs, 'month'>>;
  regionReferrals?: Resolver<ResolversTypes['ReferralConnection'], ParentType, ContextType, RequireFields<QueryRegionReferralsArgs, 'first'>>;
  regionReport?: Resolver<ResolversTypes['RegionReport'], ParentType, ContextType, RequireFields<QueryRegionReportArgs, 'month'>>;
  regionVisitRules?: Resolver<ResolversTypes['RegionVisitRules'], ParentType, ContextType, RequireFields<QueryRegionVisitRulesArgs, 'regionId'>>;
  serviceCertificate?: Resolver<ResolversTypes['ServiceCertificate'], ParentType, ContextType, RequireFields<QueryServiceCertificateArgs, 'id'>>;
  site?: Resolver<Maybe<ResolversTypes['Site']>, ParentType, ContextType, RequireFields<QuerySiteArgs, 'id'>>;
  siteGuests?: Resolver<Array<ResolversTypes['SiteGuest']>, ParentType, ContextType, RequireFields<QuerySiteGuestsArgs, 'siteId'>>;
  siteHoursPolicy?: Resolver<ResolversTypes['HoursPolicy'], ParentType, ContextType, RequireFields<QuerySiteHoursPolicyArgs, 'siteId'>>;
  siteReferrals?: Resolver<ResolversTypes['ReferralConnection'], ParentType, ContextType, RequireFields<QuerySiteReferralsArgs, 'first' | 'siteId'>>;
  siteReport?: Resolver<ResolversTypes['SiteReport'], ParentType, ContextType, RequireFields<QuerySiteReportArgs, 'month' | 'siteId'>>;
  siteReports?: Resolver<Array<ResolversTypes['SiteReport']>, ParentType, ContextType, RequireFields<QuerySiteReportsArgs, 'month'>>;
  siteSettings?: Resolver<ResolversTypes['SiteSettings'], ParentType, ContextType, RequireFields<QuerySiteSettingsArgs, 'siteId'>>;
  siteTradeBalances?: Resolver<Array<ResolversTypes['SiteTradeBalance']>, ParentType, ContextType, RequireFields<QuerySiteTradeBalancesArgs, 'siteId'>>;
  sites?: Resolver<ResolversTypes['SiteConnection'], ParentType, ContextType, Partial<QuerySitesArgs>>;
  viewer?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  visitCoverage?: Resolver<ResolversTypes['VisitCoverage'], ParentType, ContextType, RequireFields<QueryVisitCoverageArgs, 'month' | 'siteId'>>;
  visitDuty?: Resolver<ResolversTypes['VisitDutyBoard'], ParentType, ContextType, RequireFields<QueryVisitDutyArgs, 'month' | 'siteId'>>;
  visitFollowUps?: Resolver<Array<ResolversTypes['Visit']>, ParentType, ContextType, RequireFields<QueryVisitFollowUpsArgs, 'first' | 'siteId'>>;
  visitPairs?: Resolver<Array<ResolversTypes['VisitPair']>, ParentType, ContextType, RequireFields<QueryVisitPairsArgs, 'siteId'>>;
  volunteersFitting?: Resolver<Array<ResolversTypes['Member']>, ParentType, ContextType, RequireFields<QueryVolunteersFittingArgs, 'category' | 'siteId' | 'startsAt'>>;
};

export type RedemptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Redemption'] = ResolversParentTypes['Redemption']> = {
  balanceAfter?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  canCancel?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  cancelReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  handledBy?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['RedemptionItem']>, ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  receiptNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  totalPoints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RedemptionConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RedemptionConnection'] = ResolversParentTypes['RedemptionConnection']> = {
  cancelledCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  edges?: Resolver<Array<ResolversTypes['RedemptionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  pointsTaken?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RedemptionEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RedemptionEdge'] = ResolversParentTypes['RedemptionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Redemption'], ParentType, ContextType>;
};

export type RedemptionItemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RedemptionItem'] = ResolversParentTypes['RedemptionItem']> = {
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReferralResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Referral'] = ResolversParentTypes['Referral']> = {
  ask?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  declineReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  elder?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['ReferralStep']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ReferralKind'], ParentType, ContextType>;
  referredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  referredBy?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReferralStatus'], ParentType, ContextType>;
  visit?: Resolver<ResolversTypes['Visit'], ParentType, ContextType>;
};

export type ReferralConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReferralConnection'] = ResolversParentTypes['ReferralConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ReferralEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReferralEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReferralEdge'] = ResolversParentTypes['ReferralEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Referral'], ParentType, ContextType>;
};

export type ReferralStepResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReferralStep'] = ResolversParentTypes['ReferralStep']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  by?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReferralStatus'], ParentType, ContextType>;
};

export type RegionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Region'] = ResolversParentTypes['Region']> = {
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['RegionLevel'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RegionHoursPolicyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RegionHoursPolicy'] = ResolversParentTypes['RegionHoursPolicy']> = {
  effective?: Resolver<ResolversTypes['HoursPolicy'], ParentType, ContextType>;
  own?: Resolver<Maybe<ResolversTypes['OwnHoursPolicy']>, ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
};

export type RegionMonthResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RegionMonth'] = ResolversParentTypes['RegionMonth']> = {
  dueCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pointsIssued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pointsRedeemed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  serviceMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  visitRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  visitedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RegionReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RegionReport'] = ResolversParentTypes['RegionReport']> = {
  children?: Resolver<Array<ResolversTypes['RegionTotals']>, ParentType, ContextType>;
  dueCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pointsIssued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pointsRedeemed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  regionPath?: Resolver<Array<ResolversTypes['Region']>, ParentType, ContextType>;
  serviceMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  siteCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sites?: Resolver<Array<ResolversTypes['SiteReport']>, ParentType, ContextType>;
  trend?: Resolver<Array<ResolversTypes['RegionMonth']>, ParentType, ContextType, RequireFields<RegionReportTrendArgs, 'months'>>;
  visitRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  visitedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RegionRoleResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RegionRole'] = ResolversParentTypes['RegionRole']> = {
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type RegionTotalsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RegionTotals'] = ResolversParentTypes['RegionTotals']> = {
  dueCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pointsIssued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pointsRedeemed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  serviceMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  siteCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  visitRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  visitedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RegionVisitRulesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RegionVisitRules'] = ResolversParentTypes['RegionVisitRules']> = {
  effective?: Resolver<ResolversTypes['VisitTierRules'], ParentType, ContextType>;
  heldBy?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  own?: Resolver<Maybe<ResolversTypes['VisitTierRules']>, ParentType, ContextType>;
  raises?: Resolver<Array<ResolversTypes['VisitFrequencyRaise']>, ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
};

export type ResetCodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ResetCode'] = ResolversParentTypes['ResetCode']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
};

export type ServiceCertificateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ServiceCertificate'] = ResolversParentTypes['ServiceCertificate']> = {
  handlerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  idNumberMasked?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  idType?: Resolver<Maybe<ResolversTypes['IdType']>, ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  issuer?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  minutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodFrom?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodTo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  services?: Resolver<Array<ResolversTypes['CertifiedService']>, ParentType, ContextType>;
  volunteerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  volunteerNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ServiceRecordResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ServiceRecord'] = ResolversParentTypes['ServiceRecord']> = {
  certificateUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  confirmedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  noShowCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pointsEarned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejectedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SiteResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Site'] = ResolversParentTypes['Site']> = {
  county?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  leaverBalanceRule?: Resolver<ResolversTypes['LeaverBalanceRule'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  noticeDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pointsPerHour?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pointsSeasonEnd?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  publicNotice?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  regionPath?: Resolver<Array<ResolversTypes['Region']>, ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  township?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  village?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  visitsBankTime?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type SiteConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SiteConnection'] = ResolversParentTypes['SiteConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SiteEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SiteEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SiteEdge'] = ResolversParentTypes['SiteEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
};

export type SiteGuestResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SiteGuest'] = ResolversParentTypes['SiteGuest']> = {
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
};

export type SitePointsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SitePoints'] = ResolversParentTypes['SitePoints']> = {
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
};

export type SiteReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SiteReport'] = ResolversParentTypes['SiteReport']> = {
  activeVolunteers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  carePoolDonations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  giftMinutesIn?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  giftMinutesOut?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ledgerCsvUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  needsCompleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  needsPosted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pointsIssued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pointsRedeemed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  serviceCsvUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  serviceMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
  visitRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  withdrawalMinutesIn?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  withdrawalMinutesOwed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SiteRolesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SiteRoles'] = ResolversParentTypes['SiteRoles']> = {
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
};

export type SiteSettingsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SiteSettings'] = ResolversParentTypes['SiteSettings']> = {
  categoryRates?: Resolver<Array<ResolversTypes['CategoryRate']>, ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
  staff?: Resolver<Array<ResolversTypes['StaffMember']>, ParentType, ContextType>;
};

export type SiteTradeBalanceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SiteTradeBalance'] = ResolversParentTypes['SiteTradeBalance']> = {
  deliveredMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  netMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  otherSite?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
  receivedMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type StaffMemberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StaffMember'] = ResolversParentTypes['StaffMember']> = {
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  claimUpdated?: SubscriptionResolver<ResolversTypes['Claim'], "claimUpdated", ParentType, ContextType, RequireFields<SubscriptionClaimUpdatedArgs, 'siteId'>>;
  inboxDelivered?: SubscriptionResolver<ResolversTypes['InboxItem'], "inboxDelivered", ParentType, ContextType>;
  needPosted?: SubscriptionResolver<ResolversTypes['Need'], "needPosted", ParentType, ContextType, RequireFields<SubscriptionNeedPostedArgs, 'siteId'>>;
};

export type TierARulesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TierARules'] = ResolversParentTypes['TierARules']> = {
  categories?: Resolver<Array<ResolversTypes['CareCategory']>, ParentType, ContextType>;
  lifeThreateningIllness?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  livingSituations?: Resolver<Array<ResolversTypes['LivingSituation']>, ParentType, ContextType>;
  minAge?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TierBRulesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TierBRules'] = ResolversParentTypes['TierBRules']> = {
  categories?: Resolver<Array<ResolversTypes['CareCategory']>, ParentType, ContextType>;
  dementia?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  maxDisabilityGrade?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  minAge?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  minimumLivingAllowanceAlone?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type TierOverrideResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TierOverride'] = ResolversParentTypes['TierOverride']> = {
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['VisitTier'], ParentType, ContextType>;
  until?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TransferResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Transfer'] = ResolversParentTypes['Transfer']> = {
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fromMember?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  fromOwner?: Resolver<ResolversTypes['AccountOwner'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  memo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reverses?: Resolver<Maybe<ResolversTypes['Transfer']>, ParentType, ContextType>;
  toMember?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  toOwner?: Resolver<ResolversTypes['AccountOwner'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['Unit'], ParentType, ContextType>;
};

export type TransferConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TransferConnection'] = ResolversParentTypes['TransferConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TransferEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TransferEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TransferEdge'] = ResolversParentTypes['TransferEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Transfer'], ParentType, ContextType>;
};

export type VisitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Visit'] = ResolversParentTypes['Visit']> = {
  banked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  checks?: Resolver<Maybe<ResolversTypes['VisitChecks']>, ParentType, ContextType>;
  elder?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  elderFound?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  followUpAction?: Resolver<Maybe<ResolversTypes['FollowUpAction']>, ParentType, ContextType>;
  followUpClosedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  followUpClosedBy?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  followUpNeed?: Resolver<Maybe<ResolversTypes['Need']>, ParentType, ContextType>;
  followUpNeeded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  followUpOutcome?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  followUpReferral?: Resolver<Maybe<ResolversTypes['Referral']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  minutes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['VisitMode'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pointsAwarded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  visitedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  visitor?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
};

export type VisitChecksResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VisitChecks'] = ResolversParentTypes['VisitChecks']> = {
  benefits?: Resolver<Maybe<ResolversTypes['CheckResult']>, ParentType, ContextType>;
  family?: Resolver<Maybe<ResolversTypes['CheckResult']>, ParentType, ContextType>;
  health?: Resolver<Maybe<ResolversTypes['CheckResult']>, ParentType, ContextType>;
  hygiene?: Resolver<Maybe<ResolversTypes['CheckResult']>, ParentType, ContextType>;
  mood?: Resolver<Maybe<ResolversTypes['CheckResult']>, ParentType, ContextType>;
  safety?: Resolver<Maybe<ResolversTypes['CheckResult']>, ParentType, ContextType>;
};

export type VisitCoverageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VisitCoverage'] = ResolversParentTypes['VisitCoverage']> = {
  csvUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dueCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  elders?: Resolver<Array<ResolversTypes['ElderVisitStatus']>, ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  unvisited?: Resolver<Array<ResolversTypes['Member']>, ParentType, ContextType>;
  visitedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  visits?: Resolver<Array<ResolversTypes['Visit']>, ParentType, ContextType>;
};

export type VisitDutyBoardResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VisitDutyBoard'] = ResolversParentTypes['VisitDutyBoard']> = {
  counts?: Resolver<Array<ResolversTypes['VisitTierCount']>, ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tasks?: Resolver<Array<ResolversTypes['VisitTask']>, ParentType, ContextType>;
};

export type VisitFrequencyRaiseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VisitFrequencyRaise'] = ResolversParentTypes['VisitFrequencyRaise']> = {
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  tierB?: Resolver<ResolversTypes['VisitFrequency'], ParentType, ContextType>;
  tierC?: Resolver<ResolversTypes['VisitFrequency'], ParentType, ContextType>;
  until?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type VisitPairResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VisitPair'] = ResolversParentTypes['VisitPair']> = {
  backup?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  elder?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  visitor?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
};

export type VisitTaskResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VisitTask'] = ResolversParentTypes['VisitTask']> = {
  dueBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  elder?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  elderAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  elderPhone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  event?: Resolver<Maybe<ResolversTypes['MajorEvent']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  notFoundAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['VisitTaskStatus'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['VisitTier'], ParentType, ContextType>;
  visit?: Resolver<Maybe<ResolversTypes['Visit']>, ParentType, ContextType>;
  visitor?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
};

export type VisitTierCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VisitTierCount'] = ResolversParentTypes['VisitTierCount']> = {
  done?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  due?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  missed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  notFound?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['VisitTier'], ParentType, ContextType>;
};

export type VisitTierRulesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VisitTierRules'] = ResolversParentTypes['VisitTierRules']> = {
  a?: Resolver<ResolversTypes['TierARules'], ParentType, ContextType>;
  b?: Resolver<ResolversTypes['TierBRules'], ParentType, ContextType>;
};

export type VolunteerOfferResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VolunteerOffer'] = ResolversParentTypes['VolunteerOffer']> = {
  categories?: Resolver<Array<ResolversTypes['ServiceCategory']>, ParentType, ContextType>;
  times?: Resolver<Array<ResolversTypes['TimeOfDay']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  weekdays?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  Balance?: BalanceResolvers<ContextType>;
  CategoryRate?: CategoryRateResolvers<ContextType>;
  CategoryWeight?: CategoryWeightResolvers<ContextType>;
  CertifiedService?: CertifiedServiceResolvers<ContextType>;
  Claim?: ClaimResolvers<ContextType>;
  ClaimConnection?: ClaimConnectionResolvers<ContextType>;
  ClaimEdge?: ClaimEdgeResolvers<ContextType>;
  CountyAlliance?: CountyAllianceResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  ElderVisitStatus?: ElderVisitStatusResolvers<ContextType>;
  FailedJob?: FailedJobResolvers<ContextType>;
  FamilyLink?: FamilyLinkResolvers<ContextType>;
  HoursPolicy?: HoursPolicyResolvers<ContextType>;
  InboxConnection?: InboxConnectionResolvers<ContextType>;
  InboxEdge?: InboxEdgeResolvers<ContextType>;
  InboxItem?: InboxItemResolvers<ContextType>;
  InboxReadResult?: InboxReadResultResolvers<ContextType>;
  JoinRequest?: JoinRequestResolvers<ContextType>;
  LedgerCheck?: LedgerCheckResolvers<ContextType>;
  MajorEvent?: MajorEventResolvers<ContextType>;
  MajorEventReport?: MajorEventReportResolvers<ContextType>;
  Member?: MemberResolvers<ContextType>;
  MemberCard?: MemberCardResolvers<ContextType>;
  MemberConnection?: MemberConnectionResolvers<ContextType>;
  MemberEdge?: MemberEdgeResolvers<ContextType>;
  MemberMove?: MemberMoveResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Need?: NeedResolvers<ContextType>;
  NeedConnection?: NeedConnectionResolvers<ContextType>;
  NeedEdge?: NeedEdgeResolvers<ContextType>;
  NeedSeries?: NeedSeriesResolvers<ContextType>;
  NoticeBoard?: NoticeBoardResolvers<ContextType>;
  NoticeEntry?: NoticeEntryResolvers<ContextType>;
  Objection?: ObjectionResolvers<ContextType>;
  OverdueVisit?: OverdueVisitResolvers<ContextType>;
  OverdueVisitConnection?: OverdueVisitConnectionResolvers<ContextType>;
  OverdueVisitEdge?: OverdueVisitEdgeResolvers<ContextType>;
  OwnHoursPolicy?: OwnHoursPolicyResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Passbook?: PassbookResolvers<ContextType>;
  PassbookLine?: PassbookLineResolvers<ContextType>;
  PassbookPrint?: PassbookPrintResolvers<ContextType>;
  PlatformHealth?: PlatformHealthResolvers<ContextType>;
  PostSeriesPayload?: PostSeriesPayloadResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Redemption?: RedemptionResolvers<ContextType>;
  RedemptionConnection?: RedemptionConnectionResolvers<ContextType>;
  RedemptionEdge?: RedemptionEdgeResolvers<ContextType>;
  RedemptionItem?: RedemptionItemResolvers<ContextType>;
  Referral?: ReferralResolvers<ContextType>;
  ReferralConnection?: ReferralConnectionResolvers<ContextType>;
  ReferralEdge?: ReferralEdgeResolvers<ContextType>;
  ReferralStep?: ReferralStepResolvers<ContextType>;
  Region?: RegionResolvers<ContextType>;
  RegionHoursPolicy?: RegionHoursPolicyResolvers<ContextType>;
  RegionMonth?: RegionMonthResolvers<ContextType>;
  RegionReport?: RegionReportResolvers<ContextType>;
  RegionRole?: RegionRoleResolvers<ContextType>;
  RegionTotals?: RegionTotalsResolvers<ContextType>;
  RegionVisitRules?: RegionVisitRulesResolvers<ContextType>;
  ResetCode?: ResetCodeResolvers<ContextType>;
  ServiceCertificate?: ServiceCertificateResolvers<ContextType>;
  ServiceRecord?: ServiceRecordResolvers<ContextType>;
  Site?: SiteResolvers<ContextType>;
  SiteConnection?: SiteConnectionResolvers<ContextType>;
  SiteEdge?: SiteEdgeResolvers<ContextType>;
  SiteGuest?: SiteGuestResolvers<ContextType>;
  SitePoints?: SitePointsResolvers<ContextType>;
  SiteReport?: SiteReportResolvers<ContextType>;
  SiteRoles?: SiteRolesResolvers<ContextType>;
  SiteSettings?: SiteSettingsResolvers<ContextType>;
  SiteTradeBalance?: SiteTradeBalanceResolvers<ContextType>;
  StaffMember?: StaffMemberResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TierARules?: TierARulesResolvers<ContextType>;
  TierBRules?: TierBRulesResolvers<ContextType>;
  TierOverride?: TierOverrideResolvers<ContextType>;
  Transfer?: TransferResolvers<ContextType>;
  TransferConnection?: TransferConnectionResolvers<ContextType>;
  TransferEdge?: TransferEdgeResolvers<ContextType>;
  Visit?: VisitResolvers<ContextType>;
  VisitChecks?: VisitChecksResolvers<ContextType>;
  VisitCoverage?: VisitCoverageResolvers<ContextType>;
  VisitDutyBoard?: VisitDutyBoardResolvers<ContextType>;
  VisitFrequencyRaise?: VisitFrequencyRaiseResolvers<ContextType>;
  VisitPair?: VisitPairResolvers<ContextType>;
  VisitTask?: VisitTaskResolvers<ContextType>;
  VisitTierCount?: VisitTierCountResolvers<ContextType>;
  VisitTierRules?: VisitTierRulesResolvers<ContextType>;
  VolunteerOffer?: VolunteerOfferResolvers<ContextType>;
};

