// A query-cost validation rule where list sizes multiply: `needs(first: 100) { claims { volunteer
// { transfers(first: 100) ... } } }` costs what it would fetch, not what it looks like. Runs
// before execution, so an expensive document is refused without touching the database.
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface CostOptions {
  maxCost: number;
  /** Size assumed for a connection without `first`, and for plain lists. */
  defaultListSize: number;
}

const CONNECTION = /Connection$/;

export function queryCostRule(options: CostOptions) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }

    function listSize(def: GraphQLField<unknown, unknown>, field: FieldNode): number {
      const first = field.arguments?.find((a) => a.name.value === 'first')?.value;
      if (first?.kind === Kind.INT) return Math.max(1, Number(first.value));
      // A variable's value is unknown at validation time: assume the largest page.
      if (first?.kind === Kind.VARIABLE) return 100;
      // Without `first`, a list whose SDL gives `first` a default (Need.claims) holds that many.
      const declared = def.args.find((a) => a.name === 'first')?.defaultValue;
      if (typeof declared === 'number') return declared;
      return options.defaultListSize;
    }

    function cost(selectionSet: SelectionSetNode, type: GraphQLObjectType, seen: Set<string>): number {
      let total = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          const def: GraphQLField<unknown, unknown> | undefined = type.getFields()[selection.name.value];
          if (!def) continue;
          const nullable = getNullableType(def.type);
          const named = getNamedType(def.type);
          // A connection multiplies by its page size once; its edges list is that same page.
          const pageOfConnection = CONNECTION.test(type.name) && selection.name.value === 'edges';
          const multiplier =
            !pageOfConnection && (isListType(nullable) || CONNECTION.test(named.name)) ? listSize(def, selection) : 1;
          const inner = selection.selectionSet && isObjectType(named) ? cost(selection.selectionSet, named, seen) : 0;
          total += 1 + multiplier * inner;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          total += cost(selection.selectionSet, type, seen);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || seen.has(name)) continue; // cycles are another rule's error
          total += cost(fragment.selectionSet, type, new Set([...seen, name]));
        }
      }
      return total;
    }

    return {
      OperationDefinition(node) {
        const root =
          node.operation === 'query'
            ? context.getSchema().getQueryType()
            : node.operation === 'mutation'
              ? context.getSchema().getMutationType()
              : context.getSchema().getSubscriptionType();
        if (!root) return;
        const total = cost(node.selectionSet, root, new Set());
        if (total > options.maxCost) {
          context.reportError(
            new GraphQLError(`Query cost ${total} exceeds the limit of ${options.maxCost}; ask for smaller pages`, {
              nodes: [node],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost: total, maxCost: options.maxCost },
            }),
          );
        }
      },
    };
  };
}
