// The catalogue's errors as GraphQL errors, for the places that answer before or outside
// execution (building the context, a WebSocket subscribe); inside execution graphql-js wraps a
// thrown AppError itself, keeping its extensions.
import { GraphQLError } from 'graphql';
import type { AppError } from '../core/errors';

export function toGraphQLError(error: AppError, lang?: 'zh' | 'en'): GraphQLError {
  return new GraphQLError(lang === 'zh' ? error.zh : error.message, {
    originalError: error,
    extensions: lang ? { code: error.code, ...httpStatusOf(error) } : error.extensions,
  });
}

/** A context that cannot be built answers 401 for a bad token, 400 otherwise, not Apollo's 500. */
function httpStatusOf(error: AppError) {
  return { http: { status: error.code === 'UNAUTHENTICATED' ? 401 : 400 } };
}
