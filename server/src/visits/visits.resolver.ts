// GraphQL for visits (being written).
import type { Resolvers } from '../graphql/generated/resolvers-types';

export const visitsResolvers: Resolvers = {};
