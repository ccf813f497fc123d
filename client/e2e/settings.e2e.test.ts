// Goods and site settings on a phone (390x844), as a coordinator keeps them:
// - from the "more" page to the goods: eggs get a new price and a photo (a big picture, shrunk on
//   the phone before it is sent), the towel is retired, and a volunteer's shop then shows the eggs
//   at the new price with their photo and no towel;
// - from the "more" page to the settings: bathing gets its own rate, which is kept.
// Screenshots and axe at each step; no screen shows an id or an API field name.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PASSWORD,
  PHONE,
  axeCheck,
  browserSuite,
  graphqlAt,
  logIn,
  newPhone,
  repoRoot,
  settle,
  shoot,
  zh,
} from './harness';

const shots = join(repoRoot, 'screenshots', 'settings');
const MACHINE = /prod_|site_|mem_|pointsPerHour|BATHING/;
const suite = browserSuite();

async function look(page: Page, name: string) {
  await settle(page);
  await shoot(page, shots, name);
  const problems = await axeCheck(page, name);
  expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  expect(await page.locator('body').innerText(), name).not.toMatch(MACHINE);
}

/** A 1200x900 PNG drawn in the page: a phone photo's size, far over what the server keeps. */
async function bigPicture(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 1200;
    c.height = 900;
    const g = c.getContext('2d')!;
    for (let i = 0; i < 60; i++) {
      g.fillStyle = `hsl(${i * 6}, 70%, ${40 + (i % 5) * 8}%)`;
      g.fillRect((i % 10) * 120, Math.floor(i / 10) * 150, 120, 150);
    }
    return c.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

describe('goods and site settings', () => {
  it('a coordinator reprices and photographs eggs, retires the towel, and sets a bathing rate', async () => {
    const ctx = await newPhone(suite.browser, suite.server.url);
    const page = await ctx.newPage();
    await logIn(page, PHONE.coordinator);
    await page.goto('/coordinator/more');
    await settle(page);
    await page.getByText(zh.nav.goods, { exact: true }).click();
    await page.waitForURL('**/coordinator/goods');
    const eggs = page.locator('[data-product="鸡蛋（一盒10个）"]');
    await eggs.waitFor();
    await look(page, '10-goods');

    // Eggs: 40 -> 45 points a box, and a photo.
    await eggs.getByRole('button', { name: zh.goodsEdit.edit }).click();
    const sheet = page.locator('.van-popup form');
    await sheet.getByLabel(zh.fields.price).fill('45');
    await sheet.getByLabel(zh.goodsEdit.unit).fill('盒');
    await look(page, '11-goods-edit');
    await page.getByTestId('photo-input').setInputFiles({
      name: 'eggs.png',
      mimeType: 'image/png',
      buffer: await bigPicture(page),
    });
    await page.getByText(zh.goodsEdit.photoSaved).waitFor();
    await sheet.locator('.photo img').waitFor();
    await sheet.getByRole('button', { name: zh.goodsEdit.save }).click();
    await page.getByText(zh.goodsEdit.saved.replace('{name}', '鸡蛋（一盒10个）')).waitFor();
    await expect.poll(() => eggs.innerText()).toContain('45 积分/盒');

    // The towel: retired after a confirmation that says what happens.
    const towel = page.locator('[data-product="毛巾"]');
    await towel.getByRole('button', { name: zh.goodsEdit.edit }).click();
    await page.locator('.van-popup form').getByRole('button', { name: zh.goodsEdit.retire }).click();
    const dialog = page.locator('.van-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(zh.goodsEdit.retireMessage);
    await look(page, '12-goods-retire-confirm');
    await dialog.getByRole('button', { name: zh.goodsEdit.retire }).click();
    await towel.getByText(zh.goodsEdit.retiredTag).waitFor();
    await towel.getByRole('button', { name: zh.goodsEdit.restore }).waitFor();
    await look(page, '13-goods-retired');

    // The stored photo is small: at most 320 px a side, under 40 KB.
    const token = (
      await graphqlAt<{ login: { token: string } }>(
        suite.server.url,
        'mutation ($p: String!, $w: String!) { login(phone: $p, password: $w) { token } }',
        { p: PHONE.volunteer, w: PASSWORD },
      )
    ).login.token;
    const site = await graphqlAt<{ viewer: { site: { id: string } } }>(
      suite.server.url,
      '{ viewer { site { id } } }',
      {},
      token,
    );
    const shop = await graphqlAt<{ products: { name: string; photoUrl: string | null }[] }>(
      suite.server.url,
      'query ($s: ID!) { products(siteId: $s) { name photoUrl } }',
      { s: site.viewer.site.id },
      token,
    );
    const photoUrl = shop.products.find((p) => p.name === '鸡蛋（一盒10个）')!.photoUrl!;
    const photo = await fetch(photoUrl, { headers: { authorization: `Bearer ${token}` } });
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await photo.arrayBuffer());
    expect(bytes.length).toBeLessThan(40 * 1024);
    const size = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const img = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
      return [img.width, img.height];
    }, bytes.toString('base64'));
    expect(size).toEqual([320, 240]);

    // A volunteer's shop: eggs at the new price with their photo, no towel.
    const volCtx = await newPhone(suite.browser, suite.server.url);
    const vol = await volCtx.newPage();
    await logIn(vol, PHONE.volunteer);
    await vol.goto('/volunteer/shop');
    const shopEggs = vol.locator('[data-product="鸡蛋（一盒10个）"]');
    await shopEggs.waitFor();
    await shopEggs.locator('.photo img').waitFor();
    expect(await shopEggs.innerText()).toContain('45 积分/盒');
    expect(await vol.locator('[data-product="毛巾"]').count()).toBe(0);
    await look(vol, '20-shop');
    await volCtx.close();

    // Settings: bathing earns 20 points an hour from now on.
    await page.goto('/coordinator/more');
    await settle(page);
    await page.getByText(zh.siteSettings.title, { exact: true }).click();
    await page.waitForURL('**/coordinator/settings');
    await page.getByTestId('site-rate').locator('input').waitFor();
    expect(await page.getByTestId('site-rate').locator('input').inputValue()).toBe('10');
    await look(page, '30-settings');
    const bathing = page.locator('[data-category="BATHING"] input');
    await bathing.fill('20');
    await page.getByRole('button', { name: zh.siteSettings.save }).click();
    await page.getByText(zh.siteSettings.saved).waitFor();
    await page.reload();
    await settle(page);
    expect(await page.locator('[data-category="BATHING"] input').inputValue()).toBe('20');
    expect(await page.locator('[data-category="MEALS"] input').inputValue()).toBe('');
    // The staff, by name, with the way to the people page.
    await page.getByText('王小芳').waitFor();
    await page.getByText(zh.siteSettings.staffLink).scrollIntoViewIfNeeded();
    await look(page, '31-settings-saved');
    await ctx.close();
  });
});
