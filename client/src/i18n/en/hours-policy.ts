// English for the hours policy per region.
// Typed against zh-CN/hours-policy.ts, so a missing or extra key fails the typecheck.
import type zh from '../zh-CN/hours-policy';

const hoursPolicy: typeof zh = {
  // Hours policy per region (issue 18): the regions page's section and its inbox messages.
  hoursPolicy: {
    title: 'Hours policy',
    own: "This region's own policy (blank items follow the region above)",
    inherited: 'Follows the regions above (the defaults where none sets an item)',
    capLine: 'A member holds at most {h} hours; more goes to the site’s care pool',
    ageLine: 'Members spend their own hours on their own care from age {age}',
    neverExpires: 'Banked hours never expire',
    expiryLine: 'Hours unspent {n} months after they were banked expire back to the site',
    allEven: 'Every kind of service is banked 1:1',
    weightsLine: 'Banked at: {list} (the rest 1:1)',
    note: 'Service records and reports show the time served; accounts hold the time banked at these rates.',
    edit: 'Change the policy',
    editOwn: 'Set a policy for this region',
    blankInherits: 'Blank items follow the region above',
    asAbove: 'As above',
    capHours: 'Balance cap (hours)',
    capInvalid: 'Enter 1 to 100000 hours',
    age: 'Minimum age to spend own hours',
    ageInvalid: 'Enter an age from 0 to 120',
    expiry: 'Hours expire after (months)',
    expiryInvalid: 'Enter 0 to 240 months',
    expiryHint: '0 months: hours never expire',
    weights: 'Rate per kind of service (100% is 1:1)',
    weightInvalid: 'Enter 10 to 500 percent',
    save: 'Save the policy',
    saved: 'Hours policy saved',
    clear: 'Drop this policy and follow the region above',
    cleared: 'Now following the region above',
    inbox: {
      HOURS_OVERFLOW: 'Over your balance cap: {d} went to the care pool',
      HOURS_OVERFLOW_LINE: 'They help the site’s elders in difficulty; your account history shows them',
      HOURS_EXPIRING: '{d} of your hours will expire soon',
      HOURS_EXPIRING_LINE: 'Spend them before {when}, or they go back to the site',
      HOURS_EXPIRED: '{d} of your hours expired',
      HOURS_EXPIRED_LINE: '{d} banked too long ago went back to the site; your account history shows it',
    },
  },
};

export default hoursPolicy;
