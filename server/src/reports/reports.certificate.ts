// The printable volunteer service record (志愿服务记录) as one self-contained HTML page in the
// reader's language (Chinese or English, never both mixed): large type for older eyes, one column
// on a phone (no figure squeezed to a character a line), A4 print styles, and every piece of
// member text escaped (names are user input).
import type { Lang } from '../core/lang';
import { DEFAULT_SITE_ZONE } from '../core/time';
import { localDate } from './reports.csv';
import type { CertificateData } from './reports.exports';
import { CATEGORY, duration } from './reports.words';

export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const WORDS = {
  zh: {
    htmlLang: 'zh-CN',
    title: '志愿服务记录',
    name: '姓名',
    site: '服务站点',
    region: '地区',
    totalTime: '累计服务时长',
    services: '服务次数',
    times: (n: number) => `${n} 次`,
    points: '获得积分',
    record: (rejected: number, noShow: number) => `诚信记录：被驳回 ${rejected} 次，未到场 ${noShow} 次`,
    details: '服务明细',
    date: '日期',
    service: '服务内容',
    category: '类别',
    time: '时长',
    earned: '积分',
    none: '暂无已确认的服务',
    issued: (date: string) => `开具日期：${date}`,
    seal: '站点盖章',
    print: '打印',
  },
  en: {
    htmlLang: 'en',
    title: 'Volunteer service record',
    name: 'Name',
    site: 'Site',
    region: 'Region',
    totalTime: 'Total time',
    services: 'Services',
    times: (n: number) => String(n),
    points: 'Points earned',
    record: (rejected: number, noShow: number) => `Record: ${rejected} rejected, ${noShow} no-show`,
    details: 'Services',
    date: 'Date',
    service: 'Service',
    category: 'Category',
    time: 'Time',
    earned: 'Points',
    none: 'No confirmed service yet',
    issued: (date: string) => `Issued: ${date}`,
    seal: 'Site seal',
    print: 'Print',
  },
} as const;

const STYLE = `
  :root { color-scheme: light; }
  [hidden] { display: none !important; }
  html { font-size: 20px; }
  body { margin: 0; background: #f3f1ec; color: #1d1d1d;
    font: 20px/1.6 "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
  main { max-width: 52rem; margin: 1.5rem auto; padding: 2.5rem 3rem; background: #fff;
    border: 6px double #a3201c; box-sizing: border-box; }
  header { text-align: center; margin-bottom: 1.5rem; }
  h1 { font-size: 2.4rem; letter-spacing: 0.3em; margin: 0; color: #a3201c; line-height: 1.3; }
  h1:lang(en) { letter-spacing: 0.02em; }
  dl.who { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.5rem 2rem; margin: 0 0 1.5rem; }
  dl.who div { border-bottom: 1px solid #ccc; }
  dt { font-size: 0.9rem; color: #555; }
  dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
  .totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 1rem; margin: 1.5rem 0; }
  .totals div { text-align: center; border: 2px solid #e2d6c4; border-radius: 0.5rem; padding: 0.75rem; }
  .figure { display: block; font-size: 1.6rem; font-weight: 700; white-space: nowrap; }
  .label { display: block; font-size: 0.9rem; color: #555; }
  table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
  caption { text-align: left; font-weight: 700; font-size: 1.2rem; margin-bottom: 0.5rem; }
  th, td { border: 1px solid #999; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
  th { background: #f6efe4; font-size: 0.9rem; }
  td.num, th.num { text-align: right; white-space: nowrap; }
  td.date { white-space: nowrap; }
  footer { display: flex; justify-content: space-between; align-items: flex-end; gap: 1rem; margin-top: 2rem; }
  .seal { flex: none; width: 9rem; height: 9rem; border: 2px dashed #a3201c; border-radius: 50%; display: flex;
    align-items: center; justify-content: center; color: #a3201c; text-align: center; font-size: 0.9rem; }
  button { font: inherit; font-size: 1.4rem; min-height: 3rem; padding: 0.6rem 2.5rem; margin: 1rem auto 0; display: block;
    background: #a3201c; color: #fff; border: 0; border-radius: 0.5rem; cursor: pointer; }
  /* A phone: one column, each service a small card of labelled lines. */
  @media screen and (max-width: 600px) {
    html, body { font-size: 18px; }
    main { margin: 0; padding: 1.25rem 1rem; border-width: 4px; }
    h1 { font-size: 1.9rem; letter-spacing: 0.15em; }
    dl.who { grid-template-columns: 1fr; }
    .totals { grid-template-columns: 1fr; gap: 0.5rem; }
    .totals div { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; text-align: left; }
    .totals .label { order: -1; font-size: 1rem; }
    table, tbody, tr, td, caption { display: block; }
    thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    tr { border: 1px solid #999; border-radius: 0.5rem; padding: 0.5rem 0.75rem; margin-bottom: 0.75rem; }
    td, td.num { border: 0; padding: 0.15rem 0; display: flex; justify-content: space-between; gap: 1rem;
      text-align: right; white-space: normal; }
    td::before { content: attr(data-label); flex: none; color: #555; text-align: left; }
    td[colspan] { display: block; text-align: left; }
    td[colspan]::before { content: none; }
    footer { flex-direction: column; align-items: flex-start; }
  }
  @media print {
    @page { size: A4; margin: 15mm; }
    body { background: #fff; font-size: 14pt; }
    main { margin: 0; max-width: none; padding: 1.5rem; }
    .no-print { display: none; }
    tr { break-inside: avoid; }
  }
`;

/**
 * The page; `nonce` lets the print button's script past the page's Content-Security-Policy. The
 * button stays hidden until that script runs, so where no script may run (the client shows the page
 * in a sandboxed frame, with its own print button) there is no button that does nothing.
 */
export function certificateHtml(d: CertificateData, nonce: string, lang: Lang = 'zh'): string {
  const w = WORDS[lang];
  const zone = d.site?.timeZone ?? DEFAULT_SITE_ZONE;
  const region = d.site ? [d.site.county, d.site.township, d.site.village].filter(Boolean).join(' ') : '';
  const cell = (label: string, value: string, cls = '') =>
    `<td${cls ? ` class="${cls}"` : ''} data-label="${escapeHtml(label)}">${escapeHtml(value)}</td>`;
  const rows = d.services
    .map(
      (s) => `
        <tr>
          ${cell(w.date, localDate(s.startsAt, zone), 'date')}
          ${cell(w.service, s.title)}
          ${cell(w.category, CATEGORY[lang][s.category])}
          ${cell(w.time, duration(s.minutes ?? 0, lang), 'num')}
          ${cell(w.earned, String(s.points ?? 0), 'num')}
        </tr>`,
    )
    .join('');
  const body = d.services.length > 0 ? rows : `<tr><td colspan="5">${escapeHtml(w.none)}</td></tr>`;
  return `<!doctype html>
<html lang="${w.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(w.title)} - ${escapeHtml(d.member.name)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main>
  <header>
    <h1>${escapeHtml(w.title)}</h1>
  </header>
  <dl class="who">
    <div><dt>${escapeHtml(w.name)}</dt><dd>${escapeHtml(d.member.name)}</dd></div>
    <div><dt>${escapeHtml(w.site)}</dt><dd>${escapeHtml(d.site?.name ?? '—')}</dd></div>
    <div><dt>${escapeHtml(w.region)}</dt><dd>${escapeHtml(region || '—')}</dd></div>
  </dl>
  <section class="totals">
    <div><span class="figure">${escapeHtml(duration(d.totals.totalMinutes, lang))}</span><span class="label">${escapeHtml(w.totalTime)}</span></div>
    <div><span class="figure">${escapeHtml(w.times(d.totals.confirmedCount))}</span><span class="label">${escapeHtml(w.services)}</span></div>
    <div><span class="figure">${escapeHtml(d.totals.pointsEarned)}</span><span class="label">${escapeHtml(w.points)}</span></div>
  </section>
  <p>${escapeHtml(w.record(d.totals.rejectedCount, d.totals.noShowCount))}</p>
  <table>
    <caption>${escapeHtml(w.details)}</caption>
    <thead>
      <tr><th>${escapeHtml(w.date)}</th><th>${escapeHtml(w.service)}</th><th>${escapeHtml(w.category)}</th><th class="num">${escapeHtml(w.time)}</th><th class="num">${escapeHtml(w.earned)}</th></tr>
    </thead>
    <tbody>${body}
    </tbody>
  </table>
  <footer>
    <p>${escapeHtml(w.issued(localDate(d.issuedAt, zone)))}</p>
    <div class="seal">${escapeHtml(w.seal)}</div>
  </footer>
  <button id="print" class="no-print" type="button" hidden>${escapeHtml(w.print)}</button>
</main>
<script nonce="${nonce}">var p = document.getElementById('print'); p.hidden = false; p.addEventListener('click', function () { window.print(); });</script>
</body>
</html>
`;
}
