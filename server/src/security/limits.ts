// The limits every GraphQL document meets before execution, over HTTP and WebSocket alike.
// GraphQL Armor (depth, aliases, tokens, directives, no field suggestions) because it is the
// maintained, audited set of these rules for Apollo; our own cost rule because Armor's does
// not multiply by list sizes.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';
import { queryCostRule } from './query-cost';

export const LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 10,
  maxCost: 20_000,
  defaultListSize: 20,
  maxPage: 100,
  bodyBytes: 100 * 1024,
} as const;

export interface Protection {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  /** graphql-js's own token limit, applied while parsing: an over-long document is a 400 syntax error. */
  parseOptions: ParseOptions;
  /** Strip "Did you mean ...?" from request errors (production): see hideSuggestions in http/apollo.ts. */
  hideSuggestions: boolean;
}

export function protection(options: { production: boolean }): Protection {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true, exposeLimits: true },
    maxAliases: { n: LIMITS.maxAliases, exposeLimits: true },
    // Armor's token limit throws from a parsing hook, which Apollo answers with a 500: graphql-js's
    // parse option (parseOptions below) does the same count as an ordinary 400 syntax error.
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits: true },
    // Our own cost rule below replaces Armor's.
    costLimit: { enabled: false },
    // Suggestions ("did you mean needs?") leak the schema when introspection is off, but Armor's
    // plugin rewrites every error's message in place (a read-only property on some) and misses
    // variable-coercion suggestions ("Did you mean the enum value ..."): the error formatting
    // hides them instead (hideSuggestions in http/apollo.ts).
    blockFieldSuggestion: { enabled: false },
  });
  const armored = armor.protect();
  return {
    plugins: armored.plugins,
    validationRules: [
      ...armored.validationRules,
      queryCostRule({ maxCost: LIMITS.maxCost, defaultListSize: LIMITS.defaultListSize }),
    ],
    parseOptions: { maxTokens: LIMITS.maxTokens },
    hideSuggestions: options.production,
  };
}
