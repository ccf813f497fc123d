// English for editing goods and a site's settings.
// Typed against zh-CN/site-settings.ts, so a missing or extra key fails the typecheck.
import type zh from '../zh-CN/site-settings';

const siteSettings: typeof zh = {
  goodsEdit: {
    edit: 'Edit',
    title: 'Edit "{name}"',
    unit: 'Unit',
    unitPlaceholder: 'e.g. bag, bottle, jin (optional)',
    pricePer: '{n} points/{unit}',
    priceHint: 'A new price applies only to later redemptions; past ones stay as they were.',
    save: 'Save changes',
    saved: 'Saved "{name}"',
    retire: 'Stop selling',
    retireTitle: 'Stop selling "{name}"?',
    retireMessage:
      'It will no longer show in the shop or at the counter; past redemptions still show its name. You can sell it again later.',
    retired: '"{name}" is no longer sold',
    retiredTag: 'Not sold',
    restore: 'Sell again',
    restored: '"{name}" is on sale again',
    photoAdd: 'Add photo',
    photoChange: 'Change photo',
    photoRemove: 'Remove photo',
    photoSaved: 'Photo saved',
    photoRemoved: 'Photo removed',
    photoUnreadable: 'This photo could not be read; please try another.',
  },
  siteSettings: {
    title: 'Site settings',
    moreHint: 'Points per hour, time zone, notice switch, staff',
    ratesTitle: 'Points for service',
    rate: 'Points per hour',
    rateHint: 'A new rate counts only for service confirmed from now on; points already given stay.',
    categoryTitle: 'Own rate for a kind of service (empty: points per hour)',
    sameAsSite: 'Same: {n}',
    otherTitle: 'Other',
    timeZone: 'Time zone',
    publicNotice: 'Public notice',
    publicNoticeHint:
      'When on, points for service are on notice for some days, when anyone may object; they can be spent after.',
    visitsBankTime: 'Visits count for the time bank',
    visitsBankTimeHint:
      'When on, a volunteer who visits and finds the elder banks the visit’s minutes and earns points at the rate for visits (a coordinator’s own visits do not count). Only visits recorded after it is on count.',
    save: 'Save settings',
    saved: 'Settings saved',
    staffTitle: 'Staff of this site',
    staffLink: 'Manage on the people page',
  },
};

export default siteSettings;
