// The SDL is the contract outside clients read: every type, field, argument and enum value
// carries a description, and the contract's fixed names are all there.
import {
  isEnumType,
  isInputObjectType,
  isIntrospectionType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from './schema';

const schema = buildSchema();

describe('the GraphQL contract', () => {
  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
      if (!type.description && !['Query', 'Mutation', 'Subscription'].includes(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has the fixed operations of the public API', () => {
    const names = (t: ReturnType<typeof schema.getQueryType>) => Object.keys(t?.getFields() ?? {});
    expect(names(schema.getQueryType())).toEqual(
      expect.arrayContaining([
        'viewer',
        'site',
        'sites',
        'member',
        'members',
        'need',
        'needs',
        'products',
        'visitCoverage',
        'siteReport',
      ]),
    );
    expect(names(schema.getMutationType())).toEqual(
      expect.arrayContaining([
        'login',
        'createSite',
        'addMember',
        'postNeed',
        'cancelNeed',
        'claimNeed',
        'withdrawClaim',
        'checkIn',
        'reportService',
        'confirmService',
        'rejectService',
        'markNoShow',
        'reopenNeed',
        'donateMinutes',
        'addProduct',
        'restockProduct',
        'redeem',
        'cancelRedemption',
        'recordVisit',
        'reverseTransfer',
      ]),
    );
    expect(names(schema.getSubscriptionType())).toEqual(expect.arrayContaining(['needPosted', 'claimUpdated']));
  });
});
