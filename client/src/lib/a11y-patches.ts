// Vant renders a popup's close icon and its overlay as role="button" with no accessible name, which
// screen readers announce as just "button" (axe: aria-command-name), and its toast as an unnamed
// dialog; its confirm dialogs (showConfirmDialog) point aria-labelledby at their title's text, not
// at an element, so they go unnamed too. Name the buttons "close" in the current language, make
// toasts polite status messages and name each dialog by its title, as they appear, in one place
// instead of in every popup.
import { i18n } from '../i18n';

const SELECTOR = '.van-popup__close-icon[role="button"], .van-overlay[role="button"]';

function label(root: ParentNode): void {
  const text = i18n.global.t('common.close');
  root.querySelectorAll<HTMLElement>(SELECTOR).forEach((el) => {
    if (el.getAttribute('aria-label') !== text) el.setAttribute('aria-label', text);
  });
  root.querySelectorAll<HTMLElement>('.van-toast[role="dialog"]').forEach((el) => {
    el.setAttribute('role', 'status');
    el.setAttribute('aria-live', 'polite');
  });
  root.querySelectorAll<HTMLElement>('.van-dialog[role="dialog"][aria-labelledby]').forEach((el) => {
    const by = el.getAttribute('aria-labelledby') ?? '';
    if (by && document.getElementById(by)) return;
    const name = el.querySelector('.van-dialog__header')?.textContent?.trim() || by;
    el.removeAttribute('aria-labelledby');
    if (name) el.setAttribute('aria-label', name);
  });
}

export function installA11yPatches(): void {
  label(document);
  new MutationObserver(() => label(document)).observe(document.body, { childList: true, subtree: true });
}
