// English for the coordinator's confirmation queue and the form that posts a need.
// Typed against zh-CN/coordinator.ts, so a missing or extra key fails the typecheck.
import type zh from '../zh-CN/coordinator';

const coordinator: typeof zh = {
  queue: {
    intro: '{n} services waiting for you',
    none: 'Nothing to confirm',
    volunteer: 'Volunteer: {name}',
    reported: '{name} reported {d}',
    confirm: 'Confirm',
    confirmTitle: 'Confirm the service',
    creditMinutes: 'Time to credit (you may change it)',
    confirmAmount: 'Confirm {d}',
    confirmed: '{name} credited',
    reject: 'Not accepted',
    rejectTitle: 'Not accepted: say why',
    reasonPlaceholder: 'e.g. the elder says nobody came',
    rejected: 'Marked as not accepted',
  },
  post: {
    step1: 'For whom',
    step2: 'What',
    step3: 'Check',
    whoTitle: 'Which elder is it for?',
    searchElder: 'Find the elder',
    noElders: 'No elder found. Register them under “People” first.',
    whatTitle: 'What does {name} need, and when?',
    suggestedTitle: '{kind}: {name}',
    howLong: 'About how long will it take?',
    howMany: 'How many people',
    people: '{n}',
    descriptionPlaceholder: 'Anything to watch out for (optional)',
    payFromElder: 'Pay from the elder’s own banked time (rarely)',
    checkTitle: 'Check, then post',
    payer: 'Who pays the time',
    payerSite: 'The site’s time pool',
    payerElder: 'The elder’s own time',
    submit: 'Post',
    posted: 'Posted. Volunteers can see it now.',
  },
};

export default coordinator;
