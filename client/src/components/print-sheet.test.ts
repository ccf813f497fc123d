// The shared print sheet: what the print styles key on (its class and paper), what a page passes
// through to it, and the paper pages' bar (Back first, screen-only) only where a page gives one.
import { describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { mount } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import zh from '../i18n/zh-CN';
import PrintSheet from './print-sheet.vue';

const back = vi.fn();
vi.mock('vue-router', () => ({ useRouter: () => ({ back }) }));

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zh } });
const global = { plugins: [i18n] };

describe('print-sheet', () => {
  it('is the element the page asks for, with its paper and the attributes passed to it', () => {
    const w = mount(PrintSheet, {
      props: { tag: 'article', paper: 'A4' },
      attrs: { class: 'hz-notice', 'data-testid': 'notice-sheet', tabindex: '0' },
      slots: { default: () => h('p', 'text') },
      global,
    });
    const el = w.element as HTMLElement;
    expect(el.tagName).toBe('ARTICLE');
    expect(el.classList.contains('hz-print-sheet')).toBe(true);
    expect(el.classList.contains('hz-notice')).toBe(true);
    expect(el.dataset['paper']).toBe('A4');
    expect(el.getAttribute('data-testid')).toBe('notice-sheet');
    expect(el.getAttribute('tabindex')).toBe('0');
    expect(w.find('.hz-print-sheet__bar').exists()).toBe(false);
    expect(w.text()).toBe('text');
  });

  it('without a paper names none (the printer chooses), and is a div', () => {
    const w = mount(PrintSheet, { global });
    expect(w.element.tagName).toBe('DIV');
    expect(w.element.hasAttribute('data-paper')).toBe(false);
  });

  it("gives the paper pages a screen-only bar: Back, then the page's buttons", async () => {
    const w = mount(PrintSheet, {
      props: { paper: 'A5' },
      slots: { bar: () => h('button', { class: 'mine' }, 'print'), default: () => h('section', 'sheet') },
      global,
    });
    const bar = w.find('.hz-print-sheet__bar');
    expect(bar.classes()).toContain('hz-screen-only');
    const buttons = bar.findAll('button');
    expect(buttons).toHaveLength(2);
    expect(buttons[0]?.text()).toBe(zh.paper.back);
    expect(buttons[1]?.classes()).toContain('mine');
    await buttons[0]?.trigger('click');
    expect(back).toHaveBeenCalledOnce();
  });
});
