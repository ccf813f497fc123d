// English for the frame around every page: navigation, the top bar, logging in, actions waiting to be sent.
// Typed against zh-CN/shell.ts, so a missing or extra key fails the typecheck.
import type zh from '../zh-CN/shell';

const shell: typeof zh = {
  nav: {
    needs: 'Help needed',
    claims: 'My tasks',
    shop: 'Points shop',
    account: 'Me',
    donate: 'Give time',
    certificate: 'Service record',
    redemptions: 'My shopping',
    queue: 'To confirm',
    post: 'New need',
    visits: 'Visits',
    duty: 'Visit tasks',
    members: 'People',
    more: 'More',
    needsOverview: 'All needs',
    goods: 'Goods and stock',
    report: 'Monthly report',
    counter: 'Hand out',
    counterLog: 'Handed out',
    sites: 'All sites',
  },
  shell: {
    me: 'Me',
    menu: 'Account and settings',
    tabs: 'Main pages',
    switchRole: 'Switch role',
    language: 'Language',
    logout: 'Log out',
  },
  login: {
    title: 'Log in',
    phonePlaceholder: '11-digit phone number',
    passwordPlaceholder: 'Your password',
    phoneRequired: 'Please enter your phone number',
    passwordRequired: 'Please enter your password',
    submit: 'Log in',
    busy: 'Logging in…',
    wrong: 'Phone or password is wrong. Please try again.',
    expired: 'Your log-in has expired. Please log in again.',
    help: 'Forgot your password or have no account? Ask your village site coordinator.',
  },
  pending: {
    title: 'Actions being sent',
    kind: {
      confirm: 'Confirm {name}: {amount}',
      redeem: 'Goods for {name}: {total} points',
      donate: 'Give {amount} to {name}',
      cancelRedemption: 'Undo the goods of {name}: {total} points back',
      postNeed: 'Post a need: {title} ({name})',
      recordVisit: 'Record a visit: {name}',
    },
    waiting: 'No connection: kept on this phone, sent once the connection is back (never twice)',
    sending: 'Sending…',
    retrying: 'Weak connection, trying again (never charged twice)…',
    done: 'Done',
    failed: 'Not done:',
    close: 'Close this message',
  },
};

export default shell;
