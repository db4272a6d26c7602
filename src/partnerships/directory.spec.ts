import { directoryOrder, membersBySector, unrepresentedSectors } from './directory';

describe('unrepresentedSectors', () => {
  it('names every sector when nobody sits on the partnership', () => {
    expect(unrepresentedSectors([])).toEqual(['public', 'private', 'voluntary', 'community']);
  });

  it('names only the sectors missing, in the usual order, however many members a sector has', () => {
    expect(unrepresentedSectors([{ sector: 'community' }, { sector: 'public' }, { sector: 'public' }])).toEqual(['private', 'voluntary']);
    expect(unrepresentedSectors([{ sector: 'voluntary' }])).toEqual(['public', 'private', 'community']);
  });

  it('flags nothing once all four sectors are at the table', () => {
    expect(unrepresentedSectors([{ sector: 'private' }, { sector: 'community' }, { sector: 'voluntary' }, { sector: 'public' }])).toEqual([]);
  });
});

describe('membersBySector', () => {
  it('lists the four sectors in order, each with its members by name, empty ones included', () => {
    const grouped = membersBySector([
      { organisation: 'Wealden DC', sector: 'public' as const },
      { organisation: 'Age UK', sector: 'voluntary' as const },
      { organisation: 'East Sussex CC', sector: 'public' as const },
    ]);
    expect(grouped.map((g) => [g.sector, g.members.map((m) => m.organisation)])).toEqual([
      ['public', ['East Sussex CC', 'Wealden DC']],
      ['private', []],
      ['voluntary', ['Age UK']],
      ['community', []],
    ]);
  });
});

describe('directoryOrder', () => {
  const p = (id: string, name: string, parentId: string | null = null) => ({ id, name, parentId });
  const order = (list: ReturnType<typeof p>[]) => directoryOrder(list).map((n) => `${'-'.repeat(n.depth)}${n.partnership.name}`);

  it('puts each partnership under the one it reports to, siblings by name: LSP → district → thematic', () => {
    expect(
      order([
        p('t2', 'Safer Wealden', 'd1'),
        p('d2', 'Rother LSP', 'c'),
        p('c', 'East Sussex LSP'),
        p('t1', 'Healthy Wealden', 'd1'),
        p('d1', 'Wealden LSP', 'c'),
        p('g', 'Gwynedd LSP'),
      ]),
    ).toEqual(['East Sussex LSP', '-Rother LSP', '-Wealden LSP', '--Healthy Wealden', '--Safer Wealden', 'Gwynedd LSP']);
  });

  it('starts a tree of its own for a partnership whose parent is not listed', () => {
    expect(order([p('a', 'Orphan', 'missing'), p('b', 'Another')])).toEqual(['Another', 'Orphan']);
  });

  it('shows every partnership once even when the data holds a loop', () => {
    const looped = order([p('a', 'A', 'b'), p('b', 'B', 'a'), p('c', 'C', 'c')]);
    expect(looped).toHaveLength(3);
    expect(looped.map((name) => name.replace(/^-+/, '')).sort()).toEqual(['A', 'B', 'C']);
  });
});
