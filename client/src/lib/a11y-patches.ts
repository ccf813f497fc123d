// Vant renders a popup's close icon and its overlay as role="button" with no accessible name, which
// screen readers announce as just "button" (axe: aria-command-name), and its toast as an unnamed
// dialog, and names its dialogs by an id that does not exist. Name the buttons "close" in the
// current language, the dialogs by their title, and make toasts polite status messages, as they
// appear, in one place instead of in every popup.
import { i18n } from '../i18n';

const SELECTOR = '.van-popup__close-icon[role="button"], .van-overlay[role="button"]';

function label(root: ParentNode): void {
  const text = i18n.global.t('common.close');
  root.querySelectorAll<HTMLElement>(SELECTOR).forEach((el) => {
    if (el.getAttribute('aria-label') !== text) el.setAttribute('aria-label', text);
  });
  // Vant's dialog puts its title's text, not an element's id, in aria-labelledby: no name at all.
  root.querySelectorAll<HTMLElement>('.van-dialog[role="dialog"]').forEach((el) => {
    const by = el.getAttribute('aria-labelledby');
    if (by && !document.getElementById(by)) {
      el.removeAttribute('aria-labelledby');
      el.setAttribute('aria-label', by);
    }
  });
  root.querySelectorAll<HTMLElement>('.van-toast[role="dialog"]').forEach((el) => {
    el.setAttribute('role', 'status');
    el.setAttribute('aria-live', 'polite');
  });
}

export function installA11yPatches(): void {
  label(document);
  new MutationObserver(() => label(document)).observe(document.body, { childList: true, subtree: true });
}
