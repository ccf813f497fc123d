// Paper for members without phones, in the browser. A coordinator makes 刘桂兰's member card (name,
// site, member number, QR); the clerk's phone, its camera showing that card (Chromium's fake camera
// reading a Y4M drawn from the card's code), scans it at the counter, finds her as if her name had
// been typed, and redeems. Then the coordinator prints her passbook: A5 pages whose last balance is
// her balance in the ledger, checked on screen, by a screenshot and in a PDF; once the printing is
// recorded, the next printing has nothing new, and the points book shows the redemption.
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PHONE,
  PASSWORD,
  browserSuite,
  graphqlAt,
  launchChromium,
  logIn,
  newLaptop,
  newPhone,
  repoRoot,
  settle,
  shoot,
  UI_WAIT_MS,
  zh,
} from './harness';
import { writeQrY4m } from './y4m';

const shots = join(repoRoot, 'screenshots', 'member-card');
const suite = browserSuite();
const say = (message: string, vars: Record<string, string | number>) =>
  message.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

async function tokenOf(phone: string): Promise<string> {
  const data = await graphqlAt<{ login: { token: string } }>(
    suite.server.url,
    'mutation ($p: String!, $w: String!) { login(phone: $p, password: $w) { token } }',
    { p: phone, w: PASSWORD },
  );
  return data.login.token;
}

describe('member card and passbook', () => {
  it('a clerk scans a member card and redeems; a coordinator prints the passbook that matches the ledger', async () => {
    const url = suite.server.url;
    const coordToken = await tokenOf(PHONE.coordinator);
    const { members } = await graphqlAt<{ members: { edges: { node: { id: string; name: string } }[] } }>(
      url,
      'query ($s: ID!) { members(siteId: $s, first: 100) { edges { node { id name } } } }',
      {
        s: (await graphqlAt<{ viewer: { site: { id: string } } }>(url, '{ viewer { site { id } } }', {}, coordToken))
          .viewer.site.id,
      },
      coordToken,
    );
    const liu = members.edges.find((e) => e.node.name === '刘桂兰')!.node.id;

    // The coordinator makes the card from the member's page.
    const laptop = await newLaptop(suite.browser, url);
    const coord = await laptop.newPage();
    await logIn(coord, PHONE.coordinator);
    await coord.goto(`/coordinator/members/${liu}`);
    await settle(coord);
    await coord.getByTestId('open-card').click();
    await coord.waitForURL(`**/paper/members/${liu}/card`);
    await settle(coord);
    expect(await coord.locator('body').innerText()).toContain(zh.paper.noCard);
    await coord.getByTestId('issue-card').click();
    await coord.getByTestId('card-qr').waitFor();
    expect(await coord.getByTestId('card-name').innerText()).toBe('刘桂兰');
    const cardText = await coord.getByTestId('member-card').innerText();
    expect(cardText).toContain('三和村');
    expect(cardText).not.toContain('13900000004');
    await shoot(coord, shots, '01-member-card');
    const { memberCard } = await graphqlAt<{ memberCard: { code: string } }>(
      url,
      'query ($m: ID!) { memberCard(memberId: $m) { code } }',
      { m: liu },
      coordToken,
    );
    expect(memberCard.code).toMatch(/^HZC1-/);

    // The clerk's phone camera sees the card.
    mkdirSync(shots, { recursive: true });
    const video = join(shots, 'card.y4m');
    writeQrY4m(video, memberCard.code);
    const camera = await launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    try {
      const phone = await newPhone(camera, url);
      await phone.grantPermissions(['camera'], { origin: url });
      const clerk = await phone.newPage();
      await logIn(clerk, PHONE.clerk);
      await clerk.goto('/clerk/counter');
      await settle(clerk);
      await clerk.getByTestId('scan-card').click();
      await clerk.getByTestId('qr-scanner').waitFor();
      // Found by the card, as if typed: her name and her points.
      await clerk.locator('.who__name', { hasText: '刘桂兰' }).waitFor({ timeout: UI_WAIT_MS });
      const points = clerk.getByTestId('member-points');
      await expect.poll(async () => (await points.innerText()).trim(), { timeout: UI_WAIT_MS }).toBe('40');
      await shoot(clerk, shots, '02-counter-found-by-card');
      await clerk.getByRole('button', { name: say(zh.shop.add, { name: '毛巾' }) }).click();
      await clerk.locator('.cartbar').getByRole('button', { name: zh.counter.handOut }).click();
      const dialog = clerk.locator('.van-dialog');
      await dialog.waitFor();
      await clerk.waitForTimeout(400);
      await dialog.getByRole('button', { name: say(zh.clerkCounter.confirmOk, { total: 15 }) }).click();
      await clerk.locator('[data-testid="handover"][data-state="done"]').waitFor();
      await shoot(clerk, shots, '03-counter-redeemed');
    } finally {
      await camera.close();
    }

    // The coordinator prints her passbook (minutes): every line from the first, on A5.
    const { member } = await graphqlAt<{ member: { balance: { minutes: number; points: number } } }>(
      url,
      'query ($m: ID!) { member(id: $m) { balance { minutes points } } }',
      { m: liu },
      coordToken,
    );
    expect(member.balance.points).toBe(25);
    await coord.goto(`/coordinator/members/${liu}`);
    await settle(coord);
    await coord.getByTestId('open-passbook').click();
    await coord.waitForURL(`**/paper/members/${liu}/passbook`);
    await settle(coord);
    expect(await coord.getByTestId('passbook-where').innerText()).toBe(zh.paper.fromStart);
    const balances = coord.getByTestId('line-balance');
    expect(Number(await balances.last().innerText())).toBe(member.balance.minutes);
    expect(await coord.getByTestId('passbook-balance').innerText()).toBe(
      say(zh.paper.balanceNow, { n: member.balance.minutes }),
    );
    await shoot(coord, shots, '04-passbook-screen');
    await coord.emulateMedia({ media: 'print' });
    await shoot(coord, shots, '05-passbook-print');
    expect(await coord.getByTestId('passbook-print').isVisible()).toBe(false);
    const pdf = await coord.pdf({ format: 'A5', preferCSSPageSize: true, printBackground: true });
    await coord.emulateMedia({ media: 'screen' });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF')).toBe(true);
    // A5 is 419.53 x 595.28 points; every page of the PDF is that size.
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThan(0);
    for (const b of boxes) {
      expect(Math.abs(Number(b[1]) - 419.53)).toBeLessThan(2);
      expect(Math.abs(Number(b[2]) - 595.28)).toBeLessThan(2);
    }
    mkdirSync(shots, { recursive: true });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(shots, 'passbook-a5.pdf'), pdf);
    expect(readFileSync(join(shots, 'passbook-a5.pdf')).length).toBe(pdf.length);

    // She reads the same book from her own phone: "我的存折" on her page.
    const herCtx = await newPhone(suite.browser, url);
    const her = await herCtx.newPage();
    await logIn(her, '13900000004');
    await her.goto('/volunteer/account');
    await settle(her);
    await her.getByTestId('my-passbook').click();
    await her.waitForURL(`**/paper/members/${liu}/passbook`);
    await settle(her);
    expect(Number(await her.getByTestId('line-balance').last().innerText())).toBe(member.balance.minutes);
    // She may print it at home; where a printing ended is the counter's to record.
    expect(await her.getByTestId('passbook-print').isVisible()).toBe(true);
    expect(await her.getByTestId('passbook-mark').count()).toBe(0);
    await shoot(her, shots, '05b-passbook-her-phone');
    await herCtx.close();

    // Recorded: the next printing has nothing new until the next transfer.
    await coord.getByTestId('passbook-mark').click();
    await expect
      .poll(async () => coord.getByTestId('passbook-where').innerText(), { timeout: UI_WAIT_MS })
      .toBe(zh.paper.nothingNew);

    // The points book shows the redemption, and her points balance.
    await coord.getByTestId('book-points').click();
    await settle(coord);
    expect(Number(await coord.getByTestId('line-balance').last().innerText())).toBe(25);
    expect(await coord.locator('.sheet').last().innerText()).toContain(zh.transferKind.REDEMPTION);
    await shoot(coord, shots, '06-passbook-points');

    // Her service record certificate: the ID recorded on her page shows only masked, on screen and on A4.
    await coord.goto(`/coordinator/members/${liu}`);
    await settle(coord);
    await coord.locator('summary', { hasText: zh.paper.certificateButton }).click();
    await coord.getByPlaceholder(zh.paper.idPlaceholder).fill('11010119900307123X');
    await coord.getByRole('button', { name: zh.paper.idSave }).click();
    await expect
      .poll(async () => coord.getByTestId('id-masked').innerText(), { timeout: UI_WAIT_MS })
      .toContain('1101**********123X');
    await coord.getByTestId('issue-certificate').click();
    await coord.waitForURL(/\/paper\/members\/.+\/certificate\/cert_\d+$/);
    await coord.getByTestId('certificate').waitFor();
    expect(await coord.getByTestId('cert-number').innerText()).toMatch(/^\d{4}-\d{4}-000001$/);
    expect(await coord.getByTestId('cert-id').innerText()).toBe(`${zh.paper.idTypes.RESIDENT_ID} 1101**********123X`);
    expect(await coord.locator('body').innerText()).not.toContain('11010119900307123X');
    await shoot(coord, shots, '07-certificate');
    const a4 = await coord.pdf({ format: 'A4', preferCSSPageSize: true });
    const a4Box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(a4.toString('latin1'));
    expect(Math.abs(Number(a4Box?.[1]) - 595.28)).toBeLessThan(2);
    await laptop.close();
  });
});
