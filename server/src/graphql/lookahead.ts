// Whether a field's selection reaches a path ("edges.node.claims"), through fragments as well: a
// list's resolver asks it to fetch a relation with the list's own statement when, and only when,
// the document will read it. @skip and @include are not evaluated: a field they may drop counts
// as asked for, which costs at most a relation fetched for nothing.
import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

export function selects(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: string): boolean {
  const names = path.split('.');
  return info.fieldNodes.some((node) => reaches(node.selectionSet, names, info.fragments));
}

function reaches(
  set: SelectionSetNode | undefined,
  names: readonly string[],
  fragments: Record<string, FragmentDefinitionNode>,
): boolean {
  if (!set) return false;
  const [first, ...rest] = names;
  if (first === undefined) return true;
  return set.selections.some((s) => {
    switch (s.kind) {
      case Kind.FIELD:
        return s.name.value === first && (rest.length === 0 || reaches(s.selectionSet, rest, fragments));
      case Kind.INLINE_FRAGMENT:
        return reaches(s.selectionSet, names, fragments);
      case Kind.FRAGMENT_SPREAD:
        return reaches(fragments[s.name.value]?.selectionSet, names, fragments);
    }
  });
}
