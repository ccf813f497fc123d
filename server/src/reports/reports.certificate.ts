// The printable volunteer service record (志愿服务记录) as one self-contained HTML page: large type
// for older eyes, A4 print styles, and every piece of member text escaped (names are user input).
import { CATEGORY_ZH, localDate } from './reports.csv';
import type { CertificateData } from './reports.exports';

const DEFAULT_ZONE = 'Asia/Shanghai';

export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** "12 小时 30 分钟" and "12 h 30 min": hours are what a time bank counts in. */
function duration(minutes: number): { zh: string; en: string } {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return {
    zh: h > 0 ? `${h} 小时${m > 0 ? ` ${m} 分钟` : ''}` : `${m} 分钟`,
    en: h > 0 ? `${h} h${m > 0 ? ` ${m} min` : ''}` : `${m} min`,
  };
}

const STYLE = `
  :root { color-scheme: light; }
  body { margin: 0; background: #f3f1ec; color: #1d1d1d;
    font: 20px/1.6 "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
  main { max-width: 52rem; margin: 1.5rem auto; padding: 2.5rem 3rem; background: #fff;
    border: 6px double #a3201c; }
  header { text-align: center; margin-bottom: 1.5rem; }
  h1 { font-size: 2.4rem; letter-spacing: 0.5em; margin: 0; color: #a3201c; }
  .en { color: #555; font-size: 1rem; margin: 0; }
  dl.who { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.5rem 2rem; margin: 0 0 1.5rem; }
  dl.who div { border-bottom: 1px solid #ccc; }
  dt { font-size: 0.9rem; color: #555; }
  dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
  .totals { display: flex; gap: 1rem; margin: 1.5rem 0; }
  .totals div { flex: 1; text-align: center; border: 2px solid #e2d6c4; border-radius: 0.5rem; padding: 0.75rem; }
  .figure { display: block; font-size: 1.6rem; font-weight: 700; }
  .label { font-size: 0.9rem; color: #555; }
  table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
  caption { text-align: left; font-weight: 700; font-size: 1.2rem; margin-bottom: 0.5rem; }
  th, td { border: 1px solid #999; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
  th { background: #f6efe4; font-size: 0.9rem; }
  td.num, th.num { text-align: right; white-space: nowrap; }
  footer { display: flex; justify-content: space-between; align-items: flex-end; margin-top: 2rem; }
  .seal { width: 9rem; height: 9rem; border: 2px dashed #a3201c; border-radius: 50%; display: flex;
    align-items: center; justify-content: center; color: #a3201c; text-align: center; font-size: 0.9rem; }
  button { font: inherit; font-size: 1.4rem; padding: 0.6rem 2.5rem; margin: 1rem auto 0; display: block;
    background: #a3201c; color: #fff; border: 0; border-radius: 0.5rem; cursor: pointer; }
  @media print {
    @page { size: A4; margin: 15mm; }
    body { background: #fff; font-size: 14pt; }
    main { margin: 0; max-width: none; padding: 1.5rem; }
    .no-print { display: none; }
    tr { break-inside: avoid; }
  }
`;

/** The page; `nonce` lets the print button's script past the page's Content-Security-Policy. */
export function certificateHtml(d: CertificateData, nonce: string): string {
  const zone = d.site?.timeZone ?? DEFAULT_ZONE;
  const total = duration(d.totals.totalMinutes);
  const region = d.site ? [d.site.county, d.site.township, d.site.village].filter(Boolean).join(' ') : '';
  const rows = d.services
    .map(
      (s) => `
        <tr>
          <td>${escapeHtml(localDate(s.startsAt, zone))}</td>
          <td>${escapeHtml(s.title)}</td>
          <td>${escapeHtml(CATEGORY_ZH[s.category])}</td>
          <td class="num">${escapeHtml(s.minutes)}</td>
          <td class="num">${escapeHtml(s.points)}</td>
        </tr>`,
    )
    .join('');
  const body = d.services.length > 0 ? rows : `<tr><td colspan="5">暂无已确认的服务 No confirmed service yet</td></tr>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>志愿服务记录 - ${escapeHtml(d.member.name)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main>
  <header>
    <h1>志愿服务记录</h1>
    <p class="en">Volunteer service record</p>
  </header>
  <dl class="who">
    <div><dt>姓名 Name</dt><dd>${escapeHtml(d.member.name)}</dd></div>
    <div><dt>服务站点 Site</dt><dd>${escapeHtml(d.site?.name ?? '—')}</dd></div>
    <div><dt>地区 Region</dt><dd>${escapeHtml(region || '—')}</dd></div>
  </dl>
  <section class="totals">
    <div><span class="figure">${escapeHtml(total.zh)}</span><span class="label">累计服务时长 Total time (${escapeHtml(total.en)})</span></div>
    <div><span class="figure">${escapeHtml(d.totals.confirmedCount)} 次</span><span class="label">服务次数 Services</span></div>
    <div><span class="figure">${escapeHtml(d.totals.pointsEarned)}</span><span class="label">获得积分 Points earned</span></div>
  </section>
  <p>诚信记录 Record: 被驳回 rejected ${escapeHtml(d.totals.rejectedCount)} 次, 未到场 no-show ${escapeHtml(d.totals.noShowCount)} 次</p>
  <table>
    <caption>服务明细 Services</caption>
    <thead>
      <tr><th>日期 Date</th><th>服务内容 Service</th><th>类别 Category</th><th class="num">分钟 Minutes</th><th class="num">积分 Points</th></tr>
    </thead>
    <tbody>${body}
    </tbody>
  </table>
  <footer>
    <p>开具日期 Issued: ${escapeHtml(localDate(d.issuedAt, zone))}</p>
    <div class="seal">站点盖章<br>Site seal</div>
  </footer>
  <button id="print" class="no-print" type="button">打印 Print</button>
</main>
<script nonce="${nonce}">document.getElementById('print').addEventListener('click', function () { window.print(); });</script>
</body>
</html>
`;
}
