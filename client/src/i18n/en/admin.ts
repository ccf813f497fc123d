// English for the civil-affairs admin's pages, rejection and no-show, ledger words, the county export.
// Typed against zh-CN/admin.ts, so a missing or extra key fails the typecheck.
import type zh from '../zh-CN/admin';

const admin: typeof zh = {
  admin: {
    site: 'Site',
    table: 'Every site this month',
    below: '{n} of {total} sites are below a 100% visit rate; they are listed first',
    allGood: 'All {total} sites have a 100% visit rate',
    chart: 'Visit rate by site',
    create: 'New site',
    created: 'Site created',
    regionPlaceholder: '[province/][city/]county/township/village',
  },
  // Rejection and no-show, and the times service may be checked in and reported (issue 15: no dead ends).
  rejection: {
    reportAgain: 'Report the time again',
    reportAgainTitle: 'Report the time again',
    whyRejected: 'The site did not accept it: {r}',
    closed: 'This one is closed and cannot be reported again',
    previousReason: 'Not accepted last time: {r}',
    overEstimate: 'More than twice the estimate: please check',
    estimate: 'Estimate {d}',
    actionsFor: '{name}: “{title}”',
    noShow: 'Did not come',
    noShowTitle: 'Did {name} not come?',
    noShowConfirm: '“{title}” will be marked as {name} not coming: no time banked, and the slot is free again.',
    noShowDone: '{name} marked as not coming',
    waiting: 'Started, not reported yet ({n})',
    notCheckedIn: 'Not checked in',
    checkedIn: 'Checked in, time not reported yet',
    reopen: 'Reopen',
    reopenTitle: 'Reopen “{title}”?',
    reopenConfirm: 'Claims that were not accepted close, and the slots are open to volunteers again.',
    reopened: 'Reopened: volunteers can claim it',
    ended: 'Closed',
    tooEarly: 'Not yet',
  },
  adminSite: {
    title: 'Site',
    back: 'Back to all sites',
    rowHint: "Tap a site's name to see its report and the elders not yet visited, or to appoint its coordinator.",
    notFound: 'This site was not found.',
    coordinators: 'Coordinators',
    noCoordinator: 'This site has no coordinator yet. Appoint one so the site can start its work.',
    appoint: 'Appoint a coordinator',
    appointAnother: 'Appoint another coordinator',
    appointFor: 'Appoint the coordinator of {site}',
    appointHint: 'Enter their name and phone number. A first password is made for them and shown only once.',
    appointSubmit: 'Appoint',
    appointed: '{name} is now the coordinator of {site}',
    loginPhone: 'Log-in phone',
    initialPassword: 'First password',
    passwordOnce: 'This password is shown only this once. Copy it down now and hand it over with the phone number.',
    noted: 'I have copied it',
    unvisited: 'Elders not yet visited in {month}',
    unvisitedCount: '{due} due a visit, {n} not yet visited',
    noneDue: 'This site has no elders due a monthly visit yet.',
    allVisited: 'Every elder due a visit has been visited.',
  },
  /** Words about time and points that must not be mixed up. */
  ledgerWords: {
    /** Minutes issued by the site: an opening balance carried over from a paper passbook. */
    timeIssued: 'Time credited',
    visitOf: 'Visit to {name}',
  },
  countyExport: {
    download: 'Download all sites (CSV)',
  },
};

export default admin;
