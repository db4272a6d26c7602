import { wouldCreateCycle } from './hierarchy';

function tree(parents: Record<string, string | null>) {
  return async (id: string) => parents[id] ?? null;
}

describe('wouldCreateCycle', () => {
  // county ← district ← thematic ← area
  const parents = tree({ county: null, district: 'county', thematic: 'district', area: 'thematic' });

  it.each([
    ['a root becoming its own parent', 'county', 'county', true],
    ['an ancestor moved under its descendant', 'county', 'area', true],
    ['a parent moved under its direct child', 'district', 'thematic', true],
    ['a leaf moved to the root', 'area', 'county', false],
    ['a node moved to a sibling branch', 'thematic', 'county', false],
    ['a node detached (no parent)', 'district', null, false],
    ['a new partnership placed under a leaf', 'new', 'area', false],
  ])('%s', async (_label, id, newParent, expected) => {
    await expect(wouldCreateCycle(id, newParent, parents)).resolves.toBe(expected);
  });

  it('stops on a loop already in the data instead of spinning', async () => {
    const broken = tree({ a: 'b', b: 'a' });
    await expect(wouldCreateCycle('x', 'a', broken)).resolves.toBe(true);
  });
});
