// Chinese (the default): plain words for older users. Every key here must exist in en.ts too
// (checked by i18n.test.ts). Avoid "|" and "@" in messages: vue-i18n reads them as syntax.
// The messages live in zh-CN/, one module per feature, joined here in a fixed order.
import basics from './zh-CN/basics';
import shell from './zh-CN/shell';
import volunteer from './zh-CN/volunteer';
import coordinator from './zh-CN/coordinator';
import visits from './zh-CN/visits';
import regions from './zh-CN/regions';
import site from './zh-CN/site';
import counter from './zh-CN/counter';
import admin from './zh-CN/admin';
import offline from './zh-CN/offline';
import lifecycle from './zh-CN/lifecycle';
import inbox from './zh-CN/inbox';
import series from './zh-CN/series';
import siteSettings from './zh-CN/site-settings';
import joining from './zh-CN/joining';
import visitTiers from './zh-CN/visit-tiers';
import hoursPolicy from './zh-CN/hours-policy';
import paper from './zh-CN/paper';
import families from './zh-CN/families';
import points from './zh-CN/points';

export default {
  ...basics,
  ...shell,
  ...volunteer,
  ...coordinator,
  ...visits,
  ...regions,
  ...site,
  ...counter,
  ...admin,
  ...offline,
  ...lifecycle,
  ...inbox,
  ...series,
  ...siteSettings,
  ...joining,
  ...visitTiers,
  ...hoursPolicy,
  ...paper,
  ...families,
  ...points,
};
