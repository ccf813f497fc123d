// Opaque, typed ids: site_1, mem_3, need_5... A need's id passed where a member's is expected is
// BAD_USER_INPUT naming the field, not a lookup of the wrong table.
import { badInput } from './errors';

export const ID_PREFIX = {
  Site: 'site',
  Member: 'mem',
  Need: 'need',
  Claim: 'claim',
  Transfer: 'tr',
  Product: 'prod',
  Redemption: 'red',
  Visit: 'visit',
  VisitTask: 'vtask',
  Referral: 'ref',
  Objection: 'obj',
  Region: 'region',
  Inbox: 'inbox',
  NeedSeries: 'series',
  JoinRequest: 'jreq',
  VisitFrequencyRaise: 'vraise',
  ServiceCertificate: 'cert',
  FamilyLink: 'fam',
  CountyAlliance: 'alliance',
  MemberMove: 'move',
} as const;
export type IdKind = keyof typeof ID_PREFIX;

export function toId(kind: IdKind, id: number): string {
  return `${ID_PREFIX[kind]}_${id}`;
}

export function fromId(kind: IdKind, value: unknown, field: string): number {
  const prefix = ID_PREFIX[kind];
  const match = typeof value === 'string' ? /^([a-z]+)_([1-9][0-9]{0,14})$/.exec(value) : null;
  if (!match || match[1] !== prefix) {
    badInput(field, {
      en: `${field} must be a ${kind.toLowerCase()} id like ${prefix}_1`,
      zh: `${field} 应是形如 ${prefix}_1 的编号`,
    });
  }
  return Number(match[2]);
}
