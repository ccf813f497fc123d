// English, the second language. Typed against zh-CN so a missing or extra key fails the typecheck.
// The messages live in en/, one module per feature, each typed against its zh-CN/ twin.
import type zhCN from './zh-CN';
import basics from './en/basics';
import shell from './en/shell';
import volunteer from './en/volunteer';
import coordinator from './en/coordinator';
import visits from './en/visits';
import regions from './en/regions';
import site from './en/site';
import counter from './en/counter';
import admin from './en/admin';
import offline from './en/offline';
import lifecycle from './en/lifecycle';
import inbox from './en/inbox';
import series from './en/series';
import siteSettings from './en/site-settings';
import joining from './en/joining';
import visitTiers from './en/visit-tiers';
import hoursPolicy from './en/hours-policy';
import paper from './en/paper';
import families from './en/families';
import points from './en/points';

const en: typeof zhCN = {
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

export default en;
