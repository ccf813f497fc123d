// GraphQL for reports (being written).
import type { Resolvers } from '../graphql/generated/resolvers-types';

export const reportsResolvers: Resolvers = {};
