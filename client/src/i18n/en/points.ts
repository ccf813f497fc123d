// English for hours traded between sites, local points, the public notice, objections, points seasons.
// Typed against zh-CN/points.ts, so a missing or extra key fails the typecheck.
import type zh from '../zh-CN/points';

const points: typeof zh = {
  // Hours that travel (通存通兑, issue 18): a site's balances with other sites.
  trade: {
    title: 'Hours traded with other sites',
    explain:
      'Care this site gave for hours earned at another site, and care another site gave for hours earned here, per site of the alliance.',
    none: 'No hours traded with other sites yet',
    site: 'Site',
    delivered: 'Given here',
    received: 'Given there',
    net: 'Balance',
    owedToUs: 'They owe us {m}',
    weOwe: 'We owe them {m}',
    even: 'Even',
    pointsLocal: 'Points are redeemed at this site’s supermarket and stay local: they do not travel.',
  },
  // Points stay local, the public notice (公示), objections (异议), points seasons (issue 18).
  points: {
    localNote: 'Points can be spent only at the site that gave them.',
    bySite: 'Points by site',
    available: '{n} available',
    pending: '{n} pending (public notice)',
    noticeTitle: 'Notice board',
    noticeHint: 'Service confirmed in the last {days} days; anyone may object during the notice period',
    noticeOff: 'This site has no public notice: points can be spent once confirmed.',
    period: 'Notice period: {from} to {to}',
    print: 'Print',
    printTitle: '{site}: volunteer service notice',
    volunteer: 'Volunteer',
    service: 'Service',
    minutes: 'Time',
    pointsCol: 'Points',
    date: 'Date',
    state: 'State',
    noEntries: 'No confirmed service in this period',
    pendingUntil: 'on notice until {when}',
    reversed: 'Reversed',
    object: 'Object',
    objectTitle: 'Object to this service',
    objectReason: 'Why',
    objectPlaceholder: 'e.g. nobody came that day',
    objectSend: 'Send objection',
    objectSent: 'Objection sent; the coordinator will decide',
    objections: 'Objections',
    objectionOpen: 'Objection open',
    noObjections: 'No objections',
    objectionLine: '{by} on {volunteer}, “{title}”: {reason}',
    status: { OPEN: 'Open', UPHELD: 'Upheld', REVERSED: 'Reversed' },
    uphold: 'Uphold',
    reverse: 'Reverse',
    resolveNote: 'A note (sent to the volunteer and the objector)',
    resolved: 'Objection resolved',
    reverseConfirm: 'Reversing takes back the service’s time and points. Reverse it?',
    footer: 'Objections: please tell the site coordinator within the notice period.',
    inboxReversed: '{d} and {p} points taken back',
    inboxExpiring: '{p} points expire on {when}: redeem them before',
    inboxExpired: '{p} points expired',
    noticeDays: 'Notice days',
    noticeDaysHint: 'With the notice on, points for service can be spent once the period is over (1 to 60 days)',
    seasonEnd: 'Points expire on',
    seasonEndHint:
      'Each year on this day (MM-DD, e.g. 12-31) the points this site gave expire, with a warning a month before; empty: never',
    seasonEndInvalid: 'Write it as MM-DD, e.g. 12-31',
    noticeLink: 'Notice board',
    noticeLinkHint: 'Recent service on notice, objections, print for the board',
  },
};

export default points;
