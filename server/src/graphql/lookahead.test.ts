// selects(): whether a document reads a path below a field, through fragments and inline fragments.
import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selects } from './lookahead';

/** The info of the document's first root field, as an executor hands it to the resolver. */
function infoOf(document: string) {
  const doc = parse(document);
  const operation = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selects', () => {
  it('finds a path written out, and not one that is absent or stops short', () => {
    const info = infoOf('{ needs(siteId: "site_1") { totalCount edges { node { id claims { id } } } } }');
    expect(selects(info, 'edges.node.claims')).toBe(true);
    expect(selects(info, 'edges.node')).toBe(true);
    expect(selects(info, 'edges.node.beneficiary')).toBe(false);
    expect(selects(info, 'edges.node.claims.volunteer')).toBe(false);
    expect(selects(infoOf('{ needs(siteId: "site_1") { totalCount } }'), 'edges.node.claims')).toBe(false);
  });

  it('looks through named fragments, nested ones and inline fragments', () => {
    const named = infoOf(`
      query { needs(siteId: "site_1") { ...Page } }
      fragment Page on NeedConnection { edges { node { ...Row } } }
      fragment Row on Need { id claims { status } }`);
    expect(selects(named, 'edges.node.claims')).toBe(true);
    const inline = infoOf(
      '{ needs(siteId: "site_1") { edges { ... on NeedEdge { node { ... { claims { id } } } } } } }',
    );
    expect(selects(inline, 'edges.node.claims')).toBe(true);
    const aliased = infoOf('{ needs(siteId: "site_1") { edges { node { who: claims { id } } } } }');
    expect(selects(aliased, 'edges.node.claims')).toBe(true);
  });
});
