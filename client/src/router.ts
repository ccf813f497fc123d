// Routes, one lazy chunk per page so a volunteer's phone downloads only the volunteer's pages.
// Each route names the roles that may open it; the guard sends others to their own home page.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { Role } from './graphql/generated/graphql';
import { appRoles, currentRole, homeFor, isLoggedIn, isRegionOfficer, setActiveRole } from './auth/session';

declare module 'vue-router' {
  interface RouteMeta {
    roles?: Role[];
    /** i18n key of the page title. */
    title?: string;
    /** A page without the header and tabs (log-in). */
    bare?: boolean;
    /** Open to anyone, logged in or not (asking to join). */
    public?: boolean;
    /** Laptop-width content (tables, charts). */
    wide?: boolean;
    /** Platform staff's only: a region's officer (also in the admin part) is sent to their region. */
    platformOnly?: boolean;
  }
}

const V: Role[] = ['VOLUNTEER'];
const C: Role[] = ['COORDINATOR'];

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: () => homeFor(currentRole.value) },
  { path: '/login', component: () => import('./pages/login-page.vue'), meta: { bare: true, title: 'login.title' } },
  // Every member's own messages, whatever their role.
  { path: '/inbox', component: () => import('./pages/inbox-page.vue'), meta: { title: 'inbox.title' } },
  // The public notice (公示): every member of the site reads it and may object; the coordinator prints it.
  {
    path: '/notice-board',
    component: () => import('./pages/notice-board-page.vue'),
    meta: { roles: ['COORDINATOR', 'VOLUNTEER', 'ELDER', 'CLERK'], title: 'points.noticeTitle', wide: true },
  },
  {
    path: '/join',
    component: () => import('./pages/join-page.vue'),
    meta: { bare: true, public: true, title: 'joining.askTitle' },
  },
  {
    path: '/volunteer/offer',
    component: () => import('./pages/volunteer/offer-page.vue'),
    meta: { roles: V, title: 'joining.offerTitle' },
  },
  {
    path: '/coordinator/joining',
    component: () => import('./pages/coordinator/joining-page.vue'),
    meta: { roles: C, title: 'joining.queueTitle' },
  },

  {
    path: '/volunteer/needs',
    component: () => import('./pages/volunteer/needs-page.vue'),
    meta: { roles: V, title: 'nav.needs' },
  },
  {
    path: '/volunteer/claims',
    component: () => import('./pages/volunteer/claims-page.vue'),
    meta: { roles: V, title: 'nav.claims' },
  },
  {
    path: '/volunteer/shop',
    component: () => import('./pages/volunteer/shop-page.vue'),
    meta: { roles: V, title: 'nav.shop' },
  },
  {
    path: '/volunteer/redemptions',
    component: () => import('./pages/volunteer/redemptions-page.vue'),
    meta: { roles: V, title: 'nav.redemptions' },
  },
  {
    path: '/volunteer/account',
    component: () => import('./pages/volunteer/account-page.vue'),
    meta: { roles: V, title: 'nav.account' },
  },
  {
    path: '/volunteer/donate',
    component: () => import('./pages/volunteer/donate-page.vue'),
    meta: { roles: ['VOLUNTEER', 'ELDER'], title: 'nav.donate' },
  },
  {
    path: '/volunteer/certificate',
    component: () => import('./pages/volunteer/certificate-page.vue'),
    meta: { roles: V, title: 'nav.certificate' },
  },

  {
    path: '/elder/account',
    component: () => import('./pages/volunteer/account-page.vue'),
    meta: { roles: ['ELDER'], title: 'nav.account' },
  },

  {
    path: '/coordinator/queue',
    component: () => import('./pages/coordinator/queue-page.vue'),
    meta: { roles: C, title: 'nav.queue' },
  },
  {
    path: '/coordinator/post',
    component: () => import('./pages/coordinator/post-need-page.vue'),
    meta: { roles: C, title: 'nav.post' },
  },
  {
    path: '/coordinator/visits',
    component: () => import('./pages/coordinator/visits-page.vue'),
    meta: { roles: C, title: 'nav.visits' },
  },
  {
    path: '/coordinator/duty',
    component: () => import('./pages/coordinator/duty-page.vue'),
    meta: { roles: C, title: 'nav.duty' },
  },
  {
    path: '/coordinator/members',
    component: () => import('./pages/coordinator/members-page.vue'),
    meta: { roles: C, title: 'nav.members' },
  },
  {
    path: '/coordinator/more',
    component: () => import('./pages/coordinator/more-page.vue'),
    meta: { roles: C, title: 'nav.more' },
  },
  {
    path: '/coordinator/needs',
    component: () => import('./pages/coordinator/needs-overview-page.vue'),
    meta: { roles: C, title: 'nav.needsOverview' },
  },
  {
    path: '/coordinator/goods',
    component: () => import('./pages/coordinator/goods-page.vue'),
    meta: { roles: ['COORDINATOR', 'CLERK'], title: 'nav.goods' },
  },
  {
    path: '/coordinator/settings',
    component: () => import('./pages/coordinator/settings-page.vue'),
    meta: { roles: C, title: 'siteSettings.title' },
  },
  {
    path: '/coordinator/report',
    component: () => import('./pages/coordinator/report-page.vue'),
    meta: { roles: C, title: 'nav.report', wide: true },
  },

  {
    path: '/coordinator/members/:id',
    component: () => import('./pages/coordinator/member-ledger-page.vue'),
    meta: { roles: C, title: 'corrections.ledger' },
  },
  // Paper for members without phones: printed pages without the shell (A5 passbook, card, A4 certificate).
  {
    path: '/paper/members/:id/passbook',
    component: () => import('./pages/paper/passbook-page.vue'),
    meta: { roles: ['COORDINATOR', 'CLERK', 'VOLUNTEER', 'ELDER'], title: 'paper.passbookButton', bare: true },
  },
  {
    path: '/paper/members/:id/card',
    component: () => import('./pages/paper/member-card-page.vue'),
    meta: { roles: ['COORDINATOR', 'CLERK'], title: 'paper.cardButton', bare: true },
  },
  {
    path: '/paper/members/:id/certificate/:certId',
    component: () => import('./pages/paper/certificate-print-page.vue'),
    meta: { roles: C, title: 'paper.certTitle', bare: true },
  },
  // One need by id, for anyone of its site: the link in the chat group's text lands here after log-in.
  {
    path: '/needs/:id',
    component: () => import('./pages/need-page.vue'),
    meta: { title: 'needEdit.open' },
  },

  {
    path: '/clerk/counter',
    component: () => import('./pages/clerk/counter-page.vue'),
    meta: { roles: ['CLERK'], title: 'nav.counter' },
  },
  {
    path: '/clerk/goods',
    component: () => import('./pages/coordinator/goods-page.vue'),
    meta: { roles: ['CLERK'], title: 'nav.goods' },
  },
  {
    path: '/clerk/redemptions',
    component: () => import('./pages/clerk/counter-log-page.vue'),
    meta: { roles: ['CLERK'], title: 'nav.counterLog' },
  },

  {
    path: '/admin/sites',
    component: () => import('./pages/admin/sites-page.vue'),
    meta: { roles: ['ADMIN'], title: 'nav.sites', wide: true, platformOnly: true },
  },
  {
    path: '/admin/regions/:regionId?',
    component: () => import('./pages/admin/regions-page.vue'),
    meta: { roles: ['ADMIN'], title: 'regions.title' },
  },
  {
    path: '/admin/referrals',
    component: () => import('./pages/admin/referrals-page.vue'),
    meta: { roles: ['ADMIN'], title: 'referrals.pageTitle' },
  },
  {
    path: '/admin/sites/:siteId',
    component: () => import('./pages/admin/site-page.vue'),
    meta: { roles: ['ADMIN'], title: 'adminSite.title', wide: true },
  },

  { path: '/:rest(.*)*', redirect: '/' },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

router.beforeEach((to) => {
  if (to.meta.public) return true;
  if (to.path === '/login') return isLoggedIn.value ? homeFor(currentRole.value) : true;
  if (!isLoggedIn.value) return { path: '/login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} };
  if (to.meta.platformOnly && isRegionOfficer.value) return '/admin/regions';
  const allowed = to.meta.roles;
  if (!allowed) return true;
  if (currentRole.value && allowed.includes(currentRole.value)) return true;
  // A member with several roles following a link into another role's page: switch to that role.
  const held = appRoles.value.find((r) => allowed.includes(r));
  if (held) {
    setActiveRole(held);
    return true;
  }
  return homeFor(currentRole.value);
});
