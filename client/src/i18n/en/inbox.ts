// English for the inbox: messages and the bell.
// Typed against zh-CN/inbox.ts, so a missing or extra key fails the typecheck.
import type zh from '../zh-CN/inbox';

const inbox: typeof zh = {
  inbox: {
    title: 'Messages',
    bell: 'Messages',
    bellUnread: 'Messages, {n} unread',
    unreadCount: '{n} unread',
    allReadNow: 'All messages read',
    markAll: 'Mark all as read',
    allRead: 'All marked as read',
    none: 'No messages yet',
    new: 'New',
    aNeed: 'a need',
    someone: 'Someone',
    reason: 'Reason: {r}',
    credited: '{d} banked, {p} points earned',
    reportedMinutes: '{d} reported, waiting for you to confirm',
    reportAgain: 'You can correct the time and report it again',
    startsAt: 'Service time: {when}',
    dueBy: 'Please go before {when}',
    kinds: {
      CLAIM_CONFIRMED: 'Service confirmed: {title}',
      CLAIM_REJECTED: 'Service not accepted: {title}',
      SERVICE_REPORTED: '{name} reported service: {title}',
      NEED_CHANGED: 'A need you claimed has changed: {title}',
      NEED_CANCELLED: 'A need you claimed was cancelled: {title}',
      NEED_MATCHES_OFFER: 'A new need that suits you: {title}',
      JOIN_REQUESTED: '{name} asks to join the site',
      VISIT_REMINDER: 'Visit reminder: see {name}',
      VISIT_DUE: 'Time to visit {name} today',
      VISIT_OVERDUE: 'Visit overdue: {name}',
      REFERRAL_UPDATED: 'Referral for {name}: {status}',
      PAYMENT_CONSENT_ASKED: 'Agree to pay for {name}: {title}',
      OBJECTION_UPHELD: 'Objection resolved: the service “{title}” stands',
      OBJECTION_REVERSED: 'Objection resolved: the service “{title}” was reversed',
      POINTS_EXPIRING: 'Your points will soon expire',
      POINTS_EXPIRED: 'Your points expired at the season end',
    },
  },
};

export default inbox;
