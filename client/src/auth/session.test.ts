// A person serving several villages works at one at a time: switching site changes the site and
// the roles every page reads, survives a fresh viewer from the server, and ends at log-out.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearSession,
  currentRole,
  session,
  setActiveSite,
  setSession,
  updateViewer,
  viewerSites,
  type Viewer,
} from './session';

const site = (id: string, name: string) => ({
  id,
  name,
  village: name,
  township: '三市镇',
  county: '平江县',
  timeZone: 'Asia/Shanghai',
  pointsPerHour: 10,
});
const HOME = site('site_1', '三和村');
const OTHER = site('site_2', '石桥村');
const viewer: Viewer = {
  id: 'mem_3',
  name: '张建国',
  roles: ['VOLUNTEER', 'ELDER'],
  site: HOME,
  siteRoles: [
    { site: HOME, roles: ['VOLUNTEER', 'ELDER'] },
    { site: OTHER, roles: ['COORDINATOR'] },
  ],
};

describe('the active site', () => {
  beforeEach(() => clearSession());

  it('starts at the own site, switches to another with its roles, and keeps the choice', () => {
    setSession('token', viewer);
    expect(viewerSites.value.map((r) => r.site.name)).toEqual(['三和村', '石桥村']);
    expect([session.viewer?.site.name, currentRole.value]).toEqual(['三和村', 'VOLUNTEER']);
    setActiveSite('site_2');
    expect([session.viewer?.site.name, currentRole.value]).toEqual(['石桥村', 'COORDINATOR']);
    // The server's viewer (own site first) arrives again: the chosen site stays.
    updateViewer(viewer);
    expect(session.viewer?.site.name).toBe('石桥村');
    expect(JSON.parse(localStorage.getItem('huzhu.viewer')!).site.name).toBe('石桥村');
    setActiveSite('site_1');
    expect([session.viewer?.site.name, currentRole.value]).toEqual(['三和村', 'VOLUNTEER']);
  });

  it('falls back to the own site when the role there is gone, and forgets the site at log-out', () => {
    setSession('token', viewer);
    setActiveSite('site_2');
    updateViewer({ ...viewer, siteRoles: [{ site: HOME, roles: ['VOLUNTEER'] }] });
    expect(session.viewer?.site.name).toBe('三和村');
    expect(viewerSites.value).toHaveLength(1);
    clearSession();
    expect(session.activeSiteId).toBeNull();
    expect(localStorage.getItem('huzhu.site')).toBeNull();
  });
});
