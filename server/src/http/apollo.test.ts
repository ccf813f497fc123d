// The suggestion hiding of production's error formatting, on graphql-js's own wordings.
import { describe, expect, it } from 'vitest';
import { errorFormatter, hideSuggestions } from './apollo';

describe('hideSuggestions', () => {
  it.each([
    [
      'Cannot query field "totalCont" on type "SiteConnection". Did you mean "totalCount"?',
      'Cannot query field "totalCont" on type "SiteConnection".',
    ],
    [
      'Unknown argument "firts" on field "Query.sites". Did you mean "first" or "after"?',
      'Unknown argument "firts" on field "Query.sites".',
    ],
    [
      'Variable "$s" got invalid value "OPN"; Value "OPN" does not exist in "NeedStatus" enum. Did you mean the enum value "OPEN"?',
      'Variable "$s" got invalid value "OPN"; Value "OPN" does not exist in "NeedStatus" enum.',
    ],
    [
      'Variable "$i" got invalid value { timeZon: "UTC" }; Field "timeZon" is not defined by type "CreateSiteInput". Did you mean "timeZone"?',
      'Variable "$i" got invalid value { timeZon: "UTC" }; Field "timeZon" is not defined by type "CreateSiteInput".',
    ],
    ['Syntax Error: Expected Name, found <EOF>.', 'Syntax Error: Expected Name, found <EOF>.'],
  ])('%s', (message, hidden) => {
    expect(hideSuggestions(message)).toBe(hidden);
  });

  it('applies in production only, to request errors and variable coercion alike', () => {
    const typo = {
      message: 'Unknown type "NeedStatu". Did you mean "NeedStatus"?',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    const coercion = {
      message: 'Value "OPN" does not exist in "NeedStatus" enum. Did you mean the enum value "OPEN"?',
      extensions: { code: 'BAD_USER_INPUT' },
    };
    const production = errorFormatter({ hideSuggestions: true });
    const development = errorFormatter({ hideSuggestions: false });
    for (const e of [typo, coercion]) {
      expect(production(e, new Error(e.message)).message).not.toMatch(/Did you mean/);
      expect(development(e, new Error(e.message)).message).toMatch(/Did you mean/);
    }
  });
});
