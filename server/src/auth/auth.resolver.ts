// GraphQL for logging in and changing one's password. The rest of the answer (member { balance ... }) is read as the member
// who just logged in.
import type { Resolvers } from '../graphql/generated/resolvers-types';
import { changePassword, login, viewerFor } from './auth.service';

export const authResolvers: Resolvers = {
  Mutation: {
    login: async (_p, args, ctx) => {
      const result = await login(ctx.db, ctx.jwtSecret, ctx.loginLimiter, {
        phone: args.phone,
        password: args.password,
        ip: ctx.ip,
      });
      // Acting from the request's address from now on, as a viewer from a token does (buildContext).
      const viewer = await viewerFor(ctx.db, result.member);
      ctx.viewer = ctx.ip === undefined ? viewer : { ...viewer, ip: ctx.ip };
      return result;
    },
    changePassword: (_p, args, ctx) =>
      changePassword({ db: ctx.deps.db, jwtSecret: ctx.jwtSecret, loginLimiter: ctx.loginLimiter }, ctx.viewer, {
        oldPassword: args.oldPassword,
        newPassword: args.newPassword,
      }),
  },
};
