// Who is logged in: token, viewer, and the site and role being worked in, kept in localStorage so a
// reload, or opening the installed app offline, keeps the user logged in. A person with roles at
// several sites (a township's 助老员) works at one at a time: `viewer.site` and `viewer.roles` are
// the active site's, so every page reads the site it works at from the same place.
import { computed, reactive } from 'vue';
import type { RegionLevel, Role } from '../graphql/generated/graphql';

export interface ViewerSite {
  id: string;
  name: string;
  village: string;
  township: string;
  county: string;
  timeZone: string;
  pointsPerHour: number;
}

/** The viewer's roles at one site. */
export interface ViewerSiteRoles {
  site: ViewerSite;
  roles: Role[];
}

export interface Viewer {
  id: string;
  name: string;
  phone?: string | null;
  /** The roles at the active site. */
  roles: Role[];
  /** The active site (the member's own until they switch). */
  site: ViewerSite;
  /** Every site where the viewer holds roles, their own first. */
  siteRoles?: ViewerSiteRoles[];
  /** The regions the viewer is staff of (a township's or county's officer). */
  regionRoles?: { region: { id: string; name: string; level: RegionLevel } }[];
}

const TOKEN_KEY = 'huzhu.token';
const VIEWER_KEY = 'huzhu.viewer';
const ROLE_KEY = 'huzhu.role';
const SITE_KEY = 'huzhu.site';

/** Roles with their own part of the app, in the order a fresh log-in prefers them. */
export const APP_ROLES: readonly Role[] = ['COORDINATOR', 'CLERK', 'VOLUNTEER', 'ADMIN', 'ELDER'];

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode: the session lasts until the tab closes.
  }
}

function readViewer(): Viewer | null {
  try {
    const raw = read(VIEWER_KEY);
    return raw ? (JSON.parse(raw) as Viewer) : null;
  } catch {
    return null;
  }
}

export const session = reactive({
  token: read(TOKEN_KEY),
  viewer: readViewer(),
  activeRole: read(ROLE_KEY) as Role | null,
  activeSiteId: read(SITE_KEY),
});

/** The viewer as they work at the site: that site and their roles there (unchanged if not held). */
function atSite(viewer: Viewer, siteId: string | null): Viewer {
  const entry = siteId ? viewer.siteRoles?.find((r) => r.site.id === siteId) : undefined;
  return entry ? { ...viewer, site: entry.site, roles: entry.roles } : viewer;
}

/** The sites where the viewer holds a role with a part of the app; a switcher shows when several. */
export const viewerSites = computed<ViewerSiteRoles[]>(
  () => session.viewer?.siteRoles?.filter((r) => r.roles.some((role) => APP_ROLES.includes(role))) ?? [],
);

export const isLoggedIn = computed(() => !!session.token && !!session.viewer);

/**
 * A region's officer and not platform staff: they work in the admin part, on their region's
 * pages only (the platform's list of every site is not theirs).
 */
export const isRegionOfficer = computed(
  () => (session.viewer?.regionRoles?.length ?? 0) > 0 && !session.viewer?.roles.includes('ADMIN'),
);

/** The viewer's roles that have a part of the app, best first; a region's officer works as ADMIN. */
export const appRoles = computed<Role[]>(() =>
  APP_ROLES.filter((r) => session.viewer?.roles.includes(r) || (r === 'ADMIN' && isRegionOfficer.value)),
);

/** The role in use: the chosen one if still held, else the first the viewer holds. */
export const currentRole = computed<Role | null>(() => {
  const roles = appRoles.value;
  if (session.activeRole && roles.includes(session.activeRole)) return session.activeRole;
  return roles[0] ?? null;
});

export function setSession(token: string, viewer: Viewer): void {
  session.token = token;
  session.viewer = atSite(viewer, session.activeSiteId);
  write(TOKEN_KEY, token);
  write(VIEWER_KEY, JSON.stringify(session.viewer));
}

export function updateViewer(viewer: Viewer): void {
  session.viewer = atSite(viewer, session.activeSiteId);
  write(VIEWER_KEY, JSON.stringify(session.viewer));
}

/** Works at another of the viewer's sites from now on (kept across reloads). */
export function setActiveSite(siteId: string): void {
  session.activeSiteId = siteId;
  write(SITE_KEY, siteId);
  if (session.viewer) updateViewer(session.viewer);
}

export function setActiveRole(role: Role): void {
  session.activeRole = role;
  write(ROLE_KEY, role);
}

export function clearSession(): void {
  session.token = null;
  session.viewer = null;
  session.activeRole = null;
  session.activeSiteId = null;
  write(TOKEN_KEY, null);
  write(VIEWER_KEY, null);
  write(ROLE_KEY, null);
  write(SITE_KEY, null);
}

/** The first page of each role. */
export function homeFor(role: Role | null): string {
  switch (role) {
    case 'COORDINATOR':
      return '/coordinator/queue';
    case 'CLERK':
      return '/clerk/counter';
    case 'VOLUNTEER':
      return '/volunteer/needs';
    case 'ADMIN':
      return isRegionOfficer.value ? '/admin/regions' : '/admin/sites';
    case 'ELDER':
      return '/elder/account';
    default:
      return '/login';
  }
}
