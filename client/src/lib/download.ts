// Files the server makes (CSV exports, the printable certificate) need the Authorization header,
// which a plain link cannot send: fetch them with the token, then save or show the blob. Each is
// asked for in the reader's language.
import { session } from '../auth/session';
import { currentLocale } from '../i18n';

export class DownloadError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** The file in the reader's language: the server reads `lang` (and Accept-Language, sent too). */
export function withLang(url: string): string {
  const u = new URL(url, window.location.href);
  u.searchParams.set('lang', currentLocale());
  return u.href;
}

export async function fetchWithAuth(url: string): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': currentLocale() };
  if (session.token) headers['Authorization'] = `Bearer ${session.token}`;
  const res = await fetch(withLang(url), { headers });
  if (!res.ok) throw new DownloadError(res.status);
  return res;
}

/** The file name from Content-Disposition, else the fallback. */
function fileName(res: Response, fallback: string): string {
  const cd = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
}

export async function downloadWithAuth(url: string, fallbackName: string): Promise<void> {
  const res = await fetchWithAuth(url);
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
