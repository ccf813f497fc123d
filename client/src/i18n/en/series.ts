// English for needs that repeat on set weekdays.
// Typed against zh-CN/series.ts, so a missing or extra key fails the typecheck.
import type zh from '../zh-CN/series';

const series: typeof zh = {
  series: {
    repeat: 'Repeat (on set weekdays)',
    repeatsLabel: 'Repeats',
    repeats: 'Repeats: {rule}',
    pickDays: 'On which weekdays',
    end: 'Until when',
    endUntil: 'Until a day',
    endCount: 'A number of times',
    endNever: 'Keep going',
    until: 'Last day',
    count: 'How many times',
    posted: 'Posted: {n} times in the next two weeks',
    everyDay: 'Every day',
    workdays: 'Every weekday',
    weekly: 'Every {days}',
    monthly: 'On day {days} of each month',
    at: '{rule} at {time}',
    sep: ', ',
    wd1: 'Mon',
    wd2: 'Tue',
    wd3: 'Wed',
    wd4: 'Thu',
    wd5: 'Fri',
    wd6: 'Sat',
    wd7: 'Sun',
    thisOne: 'Only this time',
    thisAndFollowing: 'This and later ones',
    scope: 'Which times',
    edit: 'Change the time',
    editTitle: 'Change the time of “{title}”',
    save: 'Save',
    saved: 'Changed',
  },
};

export default series;
