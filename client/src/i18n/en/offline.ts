// English for working without a connection: what is kept on the phone and sent later.
// Typed against zh-CN/offline.ts, so a missing or extra key fails the typecheck.
import type zh from '../zh-CN/offline';

const offline: typeof zh = {
  offline: {
    banner:
      'No connection. {kept}: kept on this phone and sent once the connection is back, never twice. {waits}: wait until you are connected.',
    bannerOnlyKept: 'No connection. {kept}: kept on this phone and sent once the connection is back, never twice.',
    bannerNoneKept: 'No connection. Everything waits until you are connected.',
    kept: {
      COORDINATOR: 'Confirming service, posting needs, recording visits',
      VOLUNTEER: 'Redeeming goods, giving time',
      CLERK: 'Redeeming goods, undoing a redemption',
      ELDER: 'Giving time',
    },
    waits: {
      COORDINATOR:
        'Rejecting, marking no-shows, changing and cancelling needs, undoing entries, registering people, goods and stock',
      VOLUNTEER: 'Claiming, checking in, reporting service, withdrawing',
      CLERK: 'Goods and stock',
    },
    missingTitle: 'Offline: shown once connected',
    missing:
      'This was not opened while connected, so the phone has no copy of it; it will show once the connection is back.',
    stale: 'This page shows what it showed when last connected, at {time}; it may not be the latest.',
    postKept: 'No connection, kept on this phone: “{title}” will be posted once the connection is back.',
    visitKept: 'No connection, kept on this phone: the visit to {name} will be recorded once the connection is back.',
    visitWaiting: 'Recorded, waiting for the connection',
    undoKept:
      'No connection, kept on this phone: the goods of {name} will be undone, {total} points back, once the connection is back.',
  },
};

export default offline;
