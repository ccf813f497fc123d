// GraphQL for the points supermarket (being written).
import type { Resolvers } from '../graphql/generated/resolvers-types';

export const supermarketResolvers: Resolvers = {};
