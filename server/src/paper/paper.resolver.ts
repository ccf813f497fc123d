// GraphQL for paper (passbook, member card, service certificate): parse, call the service, and
// the one mapping of each to its GraphQL object.
import { canSeePrivate } from '../members/members.service';
import { fromId, toId } from '../core/ids';
import type { Resolvers } from '../graphql/generated/resolvers-types';
import { issueMemberCard, memberByCard, memberCard, memberNumber } from './cards.service';
import { idFieldsOf, issueServiceCertificate, serviceCertificate, setMemberIdDocument } from './certificates.service';
import { passbook, recordPassbookPrint } from './passbook.service';

export const paperResolvers: Resolvers = {
  Query: {
    passbook: (_p, a, ctx) =>
      passbook(ctx.deps, ctx.viewer, fromId('Member', a.memberId, 'memberId'), a.unit, {
        reprintAll: a.reprintAll,
        rowsPerPage: a.rowsPerPage,
      }),
    memberCard: (_p, a, ctx) => memberCard(ctx.deps, ctx.viewer, fromId('Member', a.memberId, 'memberId')),
    memberByCard: (_p, a, ctx) => memberByCard(ctx.deps, ctx.viewer, fromId('Site', a.siteId, 'siteId'), a.code),
    serviceCertificate: (_p, a, ctx) =>
      serviceCertificate(ctx.deps, ctx.viewer, fromId('ServiceCertificate', a.id, 'id')),
  },
  Mutation: {
    recordPassbookPrint: (_p, a, ctx) =>
      recordPassbookPrint(ctx.deps, ctx.viewer, {
        memberId: fromId('Member', a.memberId, 'memberId'),
        unit: a.unit,
        lastTransferId: fromId('Transfer', a.lastTransferId, 'lastTransferId'),
        rowsPerPage: a.rowsPerPage,
      }),
    issueMemberCard: (_p, a, ctx) => issueMemberCard(ctx.deps, ctx.viewer, fromId('Member', a.memberId, 'memberId')),
    setMemberIdDocument: (_p, a, ctx) =>
      setMemberIdDocument(ctx.deps, ctx.viewer, {
        memberId: fromId('Member', a.memberId, 'memberId'),
        idType: a.idType ?? null,
        idNumber: a.idNumber ?? null,
      }),
    issueServiceCertificate: (_p, a, ctx) =>
      issueServiceCertificate(ctx.deps, ctx.viewer, {
        memberId: fromId('Member', a.memberId, 'memberId'),
        from: a.from,
        to: a.to,
      }),
  },
  Passbook: {
    lastPrintedLine: (p) => p.lastPrint?.lastLine ?? 0,
    lastPrintedAt: (p) => p.lastPrint?.printedAt ?? null,
  },
  PassbookLine: {
    transferId: (l) => toId('Transfer', l.transferId),
    at: (l) => l.createdAt,
  },
  MemberCard: {
    memberNumber: (c) => memberNumber(c.member.id),
  },
  CertifiedService: {
    category: (s) => s.category as never,
    visit: (s) => s.source === 'VISIT',
  },
  ServiceCertificate: {
    id: (c) => toId('ServiceCertificate', c.certificate.id),
    number: (c) => c.certificate.number,
    volunteerName: (c) => c.member.name,
    idType: (c) => idFieldsOf(c.member).idType,
    idNumberMasked: (c) => idFieldsOf(c.member).idNumberMasked,
    volunteerNumber: (c) => memberNumber(c.member.id),
    periodFrom: (c) => c.certificate.periodFrom,
    periodTo: (c) => c.certificate.periodTo,
    minutes: (c) => c.certificate.minutes,
    services: (c) => c.entries,
    issuer: (c) => c.site,
    issuedAt: (c) => c.certificate.issuedAt,
  },
  Member: {
    idType: (m, _a, ctx) => (ctx.viewer && canSeePrivate(ctx.viewer, m) ? idFieldsOf(m).idType : null),
    idNumberMasked: (m, _a, ctx) => (ctx.viewer && canSeePrivate(ctx.viewer, m) ? idFieldsOf(m).idNumberMasked : null),
  },
};
