// English for a site's people, the coordinator's more page, needs overview, goods and report.
// Typed against zh-CN/site.ts, so a missing or extra key fails the typecheck.
import type zh from '../zh-CN/site';

const site: typeof zh = {
  members: {
    add: 'Register a person',
    search: 'Find a person',
    searchPlaceholder: 'Name or phone number',
    everyone: 'Everyone',
    count: '{n} people',
    none: 'Nobody found',
    pick: 'Choose',
    picked: 'Chosen',
    born: 'born {y}',
    dueVisit: 'Monthly visit',
    proxy: 'Site acts for them',
    careHint: 'Any of these means the elder is visited every month.',
    phoneOptional: 'Leave empty if none',
    passwordOptional: '8 or more characters; may be empty',
    phoneInvalid: 'A phone number has 11 digits',
    passwordShort: 'At least 8 characters',
    canLogIn: 'With a phone and password this person can log in.',
    noLogIn: 'Without a phone or password this person cannot log in; the site acts for them.',
    register: 'Register',
    registered: '{name} registered',
  },
  more: {
    needsHint: 'Who took each need; cancel a need',
    goodsHint: 'Add, reprice and retire goods, add stock',
    reportHint: 'This month’s figures, charts and downloads',
  },
  overview: {
    filter: 'Filter by status',
    slots: '{taken} of {slots} taken',
    cancel: 'Cancel this need',
    cancelTitle: 'Cancel “{title}”',
    cancelled: 'Cancelled',
  },
  goods: {
    add: 'Add goods',
    restock: 'Add stock',
    restockTitle: 'Add stock of “{name}”',
    restocked: 'Stock added: {n} of {name} now',
    namePlaceholder: 'e.g. Rice (5 kg)',
    save: 'Add',
    added: 'Goods added',
  },
  report: {
    serviceTime: 'Service time',
    serviceHours: 'Service hours',
    activeVolunteers: 'Active volunteers',
    needsPosted: 'Needs posted',
    needsCompleted: 'Needs completed',
    pointsIssued: 'Points issued',
    pointsRedeemed: 'Points spent',
    visitRate: 'Visit rate',
    serviceCsv: 'Download service list',
    ledgerCsv: 'Download ledger',
    trend: 'Last six months',
    serviceChart: 'Service hours and volunteers',
    pointsChart: 'Points issued and spent',
    visitChart: 'Visit rate (target 100%)',
  },
};

export default site;
