// Vant renders a popup's close icon and its overlay as role="button" with no accessible name, which
// screen readers announce as just "button" (axe: aria-command-name), and its toast as an unnamed
// dialog (its notify banner too), and names its dialogs by an id that does not exist. Name the
// buttons "close" in the current language, the dialogs by their title, and make toasts and notify
// banners polite status messages, as they appear, in one place instead of in every popup.
// A Vant field is a whole row (label, padding, icons) around a one-line input: a tap anywhere in
// that row focuses the input, as a finger that misses the text line by a few pixels expects.
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
  // A toast, and the banner a volunteer's list shows when a new need arrives (showNotify).
  root.querySelectorAll<HTMLElement>('.van-toast[role="dialog"], .van-notify[role="dialog"]').forEach((el) => {
    el.setAttribute('role', 'status');
    el.setAttribute('aria-live', 'polite');
  });
}

const FIELD_BOX = '.van-field, .van-search__content';
const CONTROL = 'input:not([readonly]):not([disabled]), textarea:not([readonly]):not([disabled])';

/** The input of the field row a tap landed in, unless it landed on a control of its own. */
function fieldControl(event: MouseEvent): HTMLElement | null {
  const target = event.target;
  if (!(target instanceof Element)) return null;
  // Controls inside the row (the input itself, a clear or show-password icon) act as they do.
  if (target.closest('input, textarea, select, button, a, label, [role="button"], .van-field__clear')) return null;
  return target.closest(FIELD_BOX)?.querySelector<HTMLElement>(CONTROL) ?? null;
}

export function installA11yPatches(): void {
  // Focus on click (a tap), which phones accept as the person's own act and so open the keyboard.
  document.addEventListener('click', (event) => {
    const control = fieldControl(event);
    if (control && document.activeElement !== control) control.focus();
  });
  // A tap in the row of the field being typed in keeps it focused (and the keyboard open).
  document.addEventListener('mousedown', (event) => {
    if (fieldControl(event) === document.activeElement && document.activeElement) event.preventDefault();
  });
  label(document);
  new MutationObserver(() => label(document)).observe(document.body, { childList: true, subtree: true });
}
