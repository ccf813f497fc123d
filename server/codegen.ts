// GraphQL Code Generator: typed resolvers from the SDL in schema/. `pnpm codegen` writes them;
// `pnpm codegen:check` (part of `pnpm check`) fails when they drift from the SDL.
import type { CodegenConfig } from '@graphql-codegen/cli';

const row = (name: string) => `@huzhu/db#${name}`;

const config: CodegenConfig = {
  schema: '../schema/*.graphql',
  generates: {
    'src/graphql/generated/resolvers-types.ts': {
      plugins: [
        {
          add: {
            content: '/* DO NOT EDIT: generated from schema/*.graphql by GraphQL Code Generator (pnpm codegen). */',
          },
        },
        'typescript',
        'typescript-resolvers',
      ],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context#Context',
        scalars: { DateTime: { input: 'Date', output: 'Date | string' } },
        mappers: {
          Member: row('MemberRow'),
          Passbook: '../../paper/passbook.service#PassbookData',
          PassbookLine: row('PassbookLineRow'),
          PassbookPrint: row('PassbookPrintRow'),
          MemberCard: '../../paper/cards.service#MemberCardData',
          ServiceCertificate: '../../paper/certificates.service#CertificateView',
          CertifiedService: row('ServiceEntry'),
          Site: row('SiteRow'),
          Need: row('NeedRow'),
          NeedSeries: row('NeedSeriesRow'),
          Claim: row('ClaimRow'),
          Transfer: row('TransferRow'),
          Product: row('ProductRow'),
          Redemption: row('RedemptionRow'),
          RedemptionItem: row('RedemptionItemRow'),
          Visit: row('VisitRow'),
          Referral: row('ReferralRow'),
          FamilyLink: '../../families/families.service#FamilyLinkView',
          CountyAlliance: row('CountyAllianceRow'),
          MemberMove: row('MemberMoveRow'),
          SiteTradeBalance: row('TradeBalance'),
          ReferralStep: row('ReferralEventRow'),
          InboxItem: row('InboxItemRow'),
          InboxReadResult: '../../inbox/inbox.service#InboxReadData',
          SiteSettings: '../../sites/site-settings.service#SiteSettingsData',
          StaffMember: '../../sites/site-settings.service#StaffEntry',
          JoinRequest: row('JoinRequestRow'),
          VolunteerOffer: row('VolunteerOfferRow'),
          SiteRoles: '../../members/roles.service#SiteRolesData',
          SiteGuest: '../../members/roles.service#SiteGuestData',
          VisitCoverage: '../../visits/visits.service#CoverageData',
          VisitTask: '../../visits/visit-duty.service#TaskData',
          VisitPair: row('VisitPairRow'),
          TierOverride: row('VisitTierOverrideRow'),
          VisitDutyBoard: '../../visits/visit-duty.service#DutyBoard',
          VisitTierRules: '../../visits/tier-rules#TierRules',
          RegionVisitRules: '../../visits/visit-rules.service#RegionVisitRulesData',
          VisitFrequencyRaise: row('VisitFrequencyRaiseRow'),
          MajorEvent: row('VisitMajorEventRow'),
          MajorEventReport: '../../visits/major-events.service#MajorEventReportData',
          Region: row('RegionRow'),
          RegionRole: '../../members/region-staff.service#RegionRoleData',
          RegionTotals: '../../reports/regions.service#RegionTotalsData',
          RegionReport: '../../reports/regions.service#RegionReportData',
          RegionMonth: '../../reports/region-trend.service#RegionMonthData',
          OverdueVisit: '../../reports/region-overdue.service#OverdueVisitData',
          ElderVisitStatus: '../../visits/visits.service#ElderVisitData',
          SiteReport: '../../reports/reports.service#SiteReportData',
          ServiceRecord: '../../members/members.service#ServiceRecordData',
          LedgerCheck: row('InvariantResult'),
          FailedJob: row('jobQueries.JobFailure'),
          SitePoints: '../../points/points.service#SitePointsData',
          Objection: row('pointsQueries.ObjectionView'),
          NoticeEntry: '../../points/objections.service#NoticeEntryData',
          NoticeBoard: '../../points/objections.service#NoticeBoardData',
          PlatformHealth: '../../platform/platform.resolver#PlatformHealthData',
        },
      },
    },
  },
};

export default config;
