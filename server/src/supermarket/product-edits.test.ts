// Editing, retiring and photographing goods, rule by rule, on PGlite and on PostgreSQL: who may,
// what each accepts, and that the history (redemptions, what they paid) stays as it was.
import { supermarketQueries, tables, type ProductRow } from '@huzhu/db';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toId } from '../core/ids';
import type { Context } from '../graphql/context';
import { buildSchema } from '../graphql/schema';
import { codeOf } from '../testing';
import { MAX_PHOTO_BYTES } from './photo-check';
import { JPEG_32X24, JPEG_700X20, PNG_16X16, WEBP_16X16 } from './photo-fixtures.testing';
import * as photos from './product-photos.service';
import * as products from './products.service';
import * as shop from './supermarket.service';
import { errorOf, harness, key } from './supermarket.testing';

describe.each(testEngines())('editing goods on %s', (engine) => {
  let handle: TestDb;
  const db = () => handle.db;
  const { as, deps, contextAs, village } = harness(db);
  const line = (p: ProductRow, quantity: number) => ({ productId: p.id, quantity });

  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(() => handle.close());

  it('renames, reprices and sets a unit; past redemptions keep what they paid', async () => {
    const v = await village('edit', [500]);
    const bought = await shop.redeem(deps(), await as(v.clerk), {
      memberId: v.buyers[0]!.id,
      items: [line(v.rice, 1)],
      idempotencyKey: key(),
    });
    const edited = await products.updateProduct(deps(), await as(v.coordinator), v.rice.id, {
      name: '大米（10斤）',
      pointsPrice: 120,
      unit: '袋',
    });
    expect(edited).toMatchObject({ name: '大米（10斤）', pointsPrice: 120, unit: '袋', stock: v.rice.stock - 1 });
    const [item] = await supermarketQueries.itemsByRedemptionIds(db(), [bought.id]);
    expect(item).toMatchObject({ productId: v.rice.id, points: 100 });
    expect((await supermarketQueries.redemptionById(db(), bought.id))!.totalPoints).toBe(100);
    // The next one pays the new price.
    const next = await shop.redeem(deps(), await as(v.clerk), {
      memberId: v.buyers[0]!.id,
      items: [line(v.rice, 1)],
      idempotencyKey: key(),
    });
    expect(next.totalPoints).toBe(120);
    // An empty unit goes back to plain items; a field left out stays.
    const plain = await products.updateProduct(deps(), await as(v.clerk), v.rice.id, { unit: '' });
    expect(plain).toMatchObject({ unit: null, name: '大米（10斤）', pointsPrice: 120 });
    const audits = (await db().select().from(tables.auditLog)).filter(
      (a) => a.action === 'updateProduct' && a.entityId === String(v.rice.id),
    );
    expect(audits.map((a) => a.detail)).toEqual([
      {
        before: { name: '大米（5公斤）', pointsPrice: 100, unit: null },
        after: { name: '大米（10斤）', pointsPrice: 120, unit: '袋' },
      },
      { before: { unit: '袋' }, after: { unit: null } },
    ]);
  });

  it('refuses a taken name, a bad price or unit, and anyone but the shopkeepers', async () => {
    const v = await village('edit-refuse', [1]);
    const coord = await as(v.coordinator);
    expect(await errorOf(products.updateProduct(deps(), coord, v.rice.id, { name: '毛巾' }))).toMatchObject({
      code: 'CONFLICT',
      field: 'input.name',
    });
    expect(await codeOf(products.updateProduct(deps(), coord, v.rice.id, { pointsPrice: 0 }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(products.updateProduct(deps(), coord, v.rice.id, { unit: '一个很长很长的单位名字' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf(products.updateProduct(deps(), await as(v.buyers[0]!), v.rice.id, { pointsPrice: 1 }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(products.setProductRetired(deps(), await as(v.buyers[0]!), v.rice.id, true))).toBe('FORBIDDEN');
    // Another site's coordinator does not learn the goods exist.
    const other = await village('edit-other', [1]);
    expect(
      await codeOf(products.updateProduct(deps(), await as(other.coordinator), v.rice.id, { pointsPrice: 1 })),
    ).toBe('NOT_FOUND');
    expect((await supermarketQueries.productById(db(), v.rice.id))!).toMatchObject({
      name: '大米（5公斤）',
      pointsPrice: 100,
    });
  });

  it('retires goods off the shop and the counter, keeps their history, and puts them back', async () => {
    const v = await village('retire', [500]);
    const buyer = v.buyers[0]!;
    const bought = await shop.redeem(deps(), await as(v.clerk), {
      memberId: buyer.id,
      items: [line(v.towel, 2)],
      idempotencyKey: key(),
    });
    const retired = await products.setProductRetired(deps(), await as(v.clerk), v.towel.id, true);
    expect(retired.active).toBe(false);
    // Off the shop for everyone; on the goods page, after the goods on sale.
    const shopNames = (await products.listProducts(deps(), await as(buyer), v.f.siteId)).map((p) => p.name);
    expect(shopNames).not.toContain('毛巾');
    const page = await products.listProducts(deps(), await as(v.clerk), v.f.siteId, true);
    expect(page.map((p) => [p.name, p.active]).at(-1)).toEqual(['毛巾', false]);
    expect(await codeOf(products.listProducts(deps(), await as(buyer), v.f.siteId, true))).toBe('FORBIDDEN');
    // Nobody can buy it, not even at the counter.
    expect(
      await errorOf(
        shop.redeem(deps(), await as(v.clerk), {
          memberId: buyer.id,
          items: [line(v.towel, 1)],
          idempotencyKey: key(),
        }),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items[0].productId' });
    // Its past redemption still names it, through GraphQL as a receipt shows it.
    const apollo = new ApolloServer<Context>({ schema: buildSchema() });
    const res = await apollo.executeOperation(
      {
        query: `query ($s: ID!) { redemptions(siteId: $s) { edges { node { id items { points product { name retired } } } } } }`,
        variables: { s: toId('Site', v.f.siteId) },
      },
      { contextValue: await contextAs(v.clerk) },
    );
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    expect(res.body.singleResult.errors).toBeUndefined();
    expect(res.body.singleResult.data).toEqual({
      redemptions: {
        edges: [
          {
            node: {
              id: toId('Redemption', bought.id),
              items: [{ points: 30, product: { name: '毛巾', retired: true } }],
            },
          },
        ],
      },
    });
    // Retiring twice changes nothing and writes one audit row; restoring sells it again.
    await products.setProductRetired(deps(), await as(v.coordinator), v.towel.id, true);
    const back = await products.setProductRetired(deps(), await as(v.coordinator), v.towel.id, false);
    expect(back.active).toBe(true);
    const again = await shop.redeem(deps(), await as(v.clerk), {
      memberId: buyer.id,
      items: [line(v.towel, 1)],
      idempotencyKey: key(),
    });
    expect(again.totalPoints).toBe(15);
    const actions = (await db().select().from(tables.auditLog))
      .filter((a) => a.entityId === String(v.towel.id) && a.entity === 'product')
      .map((a) => a.action);
    expect(actions).toEqual(['addProduct', 'retireProduct', 'restoreProduct']);
  });

  it('keeps a small JPEG or WebP photo, replaces and removes it', async () => {
    const v = await village('photo', [1]);
    const clerk = await as(v.clerk);
    const withPhoto = await photos.setProductPhoto(deps(), clerk, v.eggs.id, JPEG_32X24);
    expect(withPhoto.photoAt).toBeInstanceOf(Date);
    const kept = await photos.readProductPhoto(deps(), await as(v.buyers[0]!), v.eggs.id);
    expect(kept).toMatchObject({ mimeType: 'image/jpeg', width: 32, height: 24 });
    expect(Buffer.from(kept.bytes).equals(Buffer.from(JPEG_32X24, 'base64'))).toBe(true);
    await photos.setProductPhoto(deps(), await as(v.coordinator), v.eggs.id, WEBP_16X16);
    expect(await photos.readProductPhoto(deps(), clerk, v.eggs.id)).toMatchObject({
      mimeType: 'image/webp',
      width: 16,
      height: 16,
    });
    const removed = await photos.setProductPhoto(deps(), clerk, v.eggs.id, null);
    expect(removed.photoAt).toBeNull();
    expect(await codeOf(photos.readProductPhoto(deps(), clerk, v.eggs.id))).toBe('NOT_FOUND');
    const actions = (await db().select().from(tables.auditLog))
      .filter((a) => a.entityId === String(v.eggs.id) && a.action.includes('Photo'))
      .map((a) => a.action);
    expect(actions).toEqual(['setProductPhoto', 'setProductPhoto', 'removeProductPhoto']);
  });

  it('refuses a photo that is not a small JPEG or WebP, with BAD_USER_INPUT on photo', async () => {
    const v = await village('photo-refuse', [1]);
    const clerk = await as(v.clerk);
    const jpeg = Buffer.from(JPEG_32X24, 'base64');
    const refusals = {
      png: PNG_16X16,
      text: Buffer.from('GIF89a, or anything at all').toString('base64'),
      tooWide: JPEG_700X20,
      tooManyBytes: Buffer.concat([jpeg, Buffer.alloc(MAX_PHOTO_BYTES)]).toString('base64'),
      notBase64: '这不是图片',
      truncated: jpeg.subarray(0, 40).toString('base64'),
    };
    for (const [what, photo] of Object.entries(refusals)) {
      const error = await errorOf(photos.setProductPhoto(deps(), clerk, v.rice.id, photo));
      expect({ what, ...error }).toMatchObject({ what, code: 'BAD_USER_INPUT', field: 'photo' });
    }
    expect((await supermarketQueries.productById(db(), v.rice.id))!.photoAt).toBeNull();
    // A buyer cannot set one, and another site's people cannot see one.
    await photos.setProductPhoto(deps(), clerk, v.rice.id, JPEG_32X24);
    expect(await codeOf(photos.setProductPhoto(deps(), await as(v.buyers[0]!), v.rice.id, JPEG_32X24))).toBe(
      'FORBIDDEN',
    );
    const other = await village('photo-other', [1]);
    expect(await codeOf(photos.readProductPhoto(deps(), await as(other.buyers[0]!), v.rice.id))).toBe('NOT_FOUND');
    expect(await codeOf(photos.readProductPhoto(deps(), null, v.rice.id))).toBe('UNAUTHENTICATED');
  });
});
