// Two villages for the authorization tests: the demo village ("own": the site every acting role
// belongs to) and a second site created over the API by the platform admin ("other"), with a
// coordinator, a clerk, a volunteer and an elder added by addMember.
import { PASSWORD, PHONES, login, type Client, type TestServer } from './harness';
import { confirmedService, type Demo } from './ops';

/** What a matrix row needs to stage a case at one site, acting as that site's own people. */
export interface SiteCtx {
  siteId: string;
  coordinator: Client;
  clerk: Client;
  /** The site's volunteer: at the demo site, 张建国, who is also the acting VOLUNTEER. */
  volunteer: Client;
  volunteerId: string;
  /** An elder of the site with no log-in: the beneficiary of staged needs and the one visited. */
  elderId: string;
  /** Goods at 1 point, plenty in stock. */
  productId: string;
}

export const OTHER_PHONES = {
  coordinator: '13800000011',
  clerk: '13800000012',
  volunteer: '13800000013',
  elder: '13800000014',
} as const;

const ADD_MEMBER = `mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }`;
const ADD_PRODUCT = `mutation ($input: AddProductInput!) { addProduct(input: $input) { id } }`;

async function cheapGoods(coordinator: Client, siteId: string): Promise<string> {
  const data = await coordinator.ok<{ addProduct: { id: string } }>(ADD_PRODUCT, {
    input: { siteId, name: '针线包', pointsPrice: 1, stock: 10_000 },
  });
  return data.addProduct.id;
}

export async function ownSite(s: TestServer, dd: Demo): Promise<SiteCtx> {
  const coordinator = await s.as(PHONES.coordinator);
  return {
    siteId: dd.siteId,
    coordinator,
    clerk: await s.as(PHONES.clerk),
    volunteer: await s.as(PHONES.volunteer),
    volunteerId: dd.ids.volunteer,
    elderId: dd.ids.sun,
    productId: await cheapGoods(coordinator, dd.siteId),
  };
}

/** Creates the other site as the platform admin and staffs it; its volunteer earns 60 minutes and 60 points. */
export async function otherSite(s: TestServer): Promise<SiteCtx & { ids: Record<keyof typeof OTHER_PHONES, string> }> {
  const admin = await s.as(PHONES.admin);
  const site = await admin.ok<{ createSite: { id: string } }>(
    'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
    { input: { name: '石桥村互助站', region: '平江县/三市镇/石桥村', pointsPerHour: 60 } },
  );
  const siteId = site.createSite.id;
  const people = [
    { key: 'coordinator', name: '石协调', roles: ['COORDINATOR'] },
    { key: 'clerk', name: '石店员', roles: ['CLERK'] },
    { key: 'volunteer', name: '石志愿', roles: ['VOLUNTEER'] },
    { key: 'elder', name: '石奶奶', roles: ['ELDER'], careCategories: ['LIVING_ALONE'], address: '石桥村1组' },
  ] as const;
  const ids = {} as Record<keyof typeof OTHER_PHONES, string>;
  for (const p of people) {
    const { key, ...person } = p;
    const input = { siteId, password: PASSWORD, phone: OTHER_PHONES[key], ...person };
    const data = await admin.ok<{ addMember: { id: string } }>(ADD_MEMBER, { input });
    ids[key] = data.addMember.id;
  }
  const as = async (phone: string) => s.client.as(await login(s.url, phone));
  const coordinator = await as(OTHER_PHONES.coordinator);
  const volunteer = await as(OTHER_PHONES.volunteer);
  await confirmedService(coordinator, volunteer, { siteId, beneficiaryId: ids.elder }, 60);
  return {
    siteId,
    coordinator,
    clerk: await as(OTHER_PHONES.clerk),
    volunteer,
    volunteerId: ids.volunteer,
    elderId: ids.elder,
    productId: await cheapGoods(coordinator, siteId),
    ids,
  };
}
