// Who is logged in: token, viewer and the role being worked in, kept in localStorage so a reload,
// or opening the installed app offline, keeps the user logged in.
import { computed, reactive } from 'vue';
import type { Role } from '../graphql/generated/graphql';

export interface ViewerSite {
  id: string;
  name: string;
  village: string;
  township: string;
  county: string;
  timeZone: string;
  pointsPerHour: number;
}

export interface Viewer {
  id: string;
  name: string;
  phone?: string | null;
  roles: Role[];
  site: ViewerSite;
}

const TOKEN_KEY = 'huzhu.token';
const VIEWER_KEY = 'huzhu.viewer';
const ROLE_KEY = 'huzhu.role';

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
});

export const isLoggedIn = computed(() => !!session.token && !!session.viewer);

/** The viewer's roles that have a part of the app, best first. */
export const appRoles = computed<Role[]>(() => APP_ROLES.filter((r) => session.viewer?.roles.includes(r)));

/** The role in use: the chosen one if still held, else the first the viewer holds. */
export const currentRole = computed<Role | null>(() => {
  const roles = appRoles.value;
  if (session.activeRole && roles.includes(session.activeRole)) return session.activeRole;
  return roles[0] ?? null;
});

export function setSession(token: string, viewer: Viewer): void {
  session.token = token;
  session.viewer = viewer;
  write(TOKEN_KEY, token);
  write(VIEWER_KEY, JSON.stringify(viewer));
}

export function updateViewer(viewer: Viewer): void {
  session.viewer = viewer;
  write(VIEWER_KEY, JSON.stringify(viewer));
}

export function setActiveRole(role: Role): void {
  session.activeRole = role;
  write(ROLE_KEY, role);
}

export function clearSession(): void {
  session.token = null;
  session.viewer = null;
  session.activeRole = null;
  write(TOKEN_KEY, null);
  write(VIEWER_KEY, null);
  write(ROLE_KEY, null);
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
      return '/admin/sites';
    case 'ELDER':
      return '/elder/account';
    default:
      return '/login';
  }
}
