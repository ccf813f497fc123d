// The day's open needs as plain text for the village's chat group (接龙), where villagers read:
// one line a need with its time, the elder's given name only, what, the slots left and a link.
// Never a phone, an address or a full name: the text leaves the app.
import { needQueries as q } from '@huzhu/db';
import { requireRoleAt, type Actor } from '../auth/authorize';
import type { ServiceDeps } from '../core/deps';
import type { Lang } from '../core/lang';
import { dayRange, localMinute } from '../core/time';
import * as v from '../core/validate';
import { CATEGORY } from '../reports/reports.words';
import { siteOf } from './needs.service';

/** Compound surnames (复姓) a Chinese name may start with; any other starts with one character. */
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '司徒',
  '长孙',
  '宇文',
  '夏侯',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '呼延',
];

/**
 * The given name of a name as the site stores it (one field, surname first for a Chinese name):
 * 李秀英 -> 秀英, 欧阳明华 -> 明华, a two-character name keeps its last (王芳 -> 芳); a name in
 * Latin letters keeps its first word (Mary Smith -> Mary). Members carry no sex, so no 奶奶/爷爷.
 */
export function givenName(name: string): string {
  const n = name.trim();
  if (/^[A-Za-z]/.test(n)) return n.split(/\s+/)[0]!;
  const chars = [...n.replace(/\s+/g, '')];
  if (chars.length <= 1) return n;
  const surname = COMPOUND_SURNAMES.some((s) => n.startsWith(s)) && chars.length > 2 ? 2 : 1;
  return chars.slice(surname).join('');
}

export interface ChatTextRequest {
  siteId: number;
  /** YYYY-MM-DD in the site's time zone; today there when omitted. */
  day?: string | null;
  lang: Lang;
  /** The link a reader follows to the need in the client (the resolver knows the address). */
  linkOf: (needId: number) => string;
}

/** Site staff and volunteers (not elders, who are served rather than asked). */
export async function openNeedsText(deps: ServiceDeps, actor: Actor | null, r: ChatTextRequest): Promise<string> {
  requireRoleAt(actor, r.siteId, ['ADMIN', 'COORDINATOR', 'CLERK', 'VOLUNTEER']);
  const site = await siteOf(deps, r.siteId);
  const dayText = r.day ?? localMinute(new Date(), site.timeZone).slice(0, 10);
  const d = v.day('day', dayText);
  const { from, to } = dayRange(d.year, d.month, d.day, site.timeZone);
  const page = await q.firstNeedsPage(deps.db, { siteId: r.siteId, status: 'OPEN', from, to }, 100);
  const claims = await q.claimsByNeedIds(
    deps.db,
    page.rows.map((n) => n.id),
  );
  const zh = r.lang === 'zh';
  const where = site.village || site.name;
  const lines = page.rows.map((need, i) => {
    const held = claims.filter((c) => c.needId === need.id && q.holdsSlot(c)).length;
    const left = Math.max(0, need.slots - held);
    const time = localMinute(need.startsAt, site.timeZone).slice(11);
    const who = givenName(page.beneficiaries[i]!.name);
    const what = `${CATEGORY[r.lang][need.category]}·${need.title}`;
    const link = r.linkOf(need.id);
    return zh
      ? `${i + 1}. ${time} ${who} ${what}，还差${left}人 ${link}`
      : `${i + 1}. ${time} ${who}: ${what}, ${left} ${left === 1 ? 'helper' : 'helpers'} wanted ${link}`;
  });
  const date = `${d.month}月${d.day}日`;
  if (lines.length === 0)
    return zh ? `${where} ${date}：暂时没有要帮忙的事。` : `${where}, ${dayText}: nothing needs a helper.`;
  const head = zh
    ? `【${where}】${date}还需要帮手（${lines.length}件）：`
    : `${where}, ${dayText}: ${lines.length} ${lines.length === 1 ? 'need wants' : 'needs want'} helpers:`;
  const foot = zh ? '点链接登录后认领，谢谢大家！' : 'Open a link and log in to claim it. Thank you!';
  return [head, ...lines, foot].join('\n');
}
