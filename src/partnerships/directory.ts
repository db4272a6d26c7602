import { SECTORS, type Sector } from './member.entity';

// For the pages' radios: other modules may not import this module's entities as values.
export { SECTORS } from './member.entity';
export { PARTNERSHIP_KINDS } from './partnership.entity';

/**
 * The sectors a partnership's members leave unrepresented, in the usual order (public, private,
 * voluntary, community). An LSP is meant to bring all four to the table, so any gap is worth a
 * coordinator's attention: the seeds ask "Representation: are there any gaps?".
 */
export function unrepresentedSectors(members: readonly { sector: Sector }[]): Sector[] {
  const present = new Set(members.map((m) => m.sector));
  return SECTORS.filter((sector) => !present.has(sector));
}

/** The members grouped by sector, every sector present (empty where nobody sits), in the usual order. */
export function membersBySector<M extends { sector: Sector; organisation: string }>(members: readonly M[]): { sector: Sector; members: M[] }[] {
  return SECTORS.map((sector) => ({
    sector,
    members: members.filter((m) => m.sector === sector).sort((a, b) => a.organisation.localeCompare(b.organisation, 'en')),
  }));
}

export interface DirectoryNode<P> {
  partnership: P;
  /** 0 for a partnership at the top (a county or unitary LSP), 1 for what reports to it, and so on. */
  depth: number;
}

/**
 * The partnerships in directory order: each one followed by those that report to it (LSP →
 * district LSPs → thematic partnerships), siblings by name. A partnership whose parent is not in
 * the list starts a tree of its own; a loop in the data (which the service refuses to create)
 * cannot make a partnership appear twice or vanish.
 */
export function directoryOrder<P extends { id: string; parentId: string | null; name: string }>(partnerships: readonly P[]): DirectoryNode<P>[] {
  const byName = (a: P, b: P) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id);
  const ids = new Set(partnerships.map((p) => p.id));
  const children = new Map<string, P[]>();
  for (const p of partnerships) {
    if (p.parentId && ids.has(p.parentId) && p.parentId !== p.id) children.set(p.parentId, [...(children.get(p.parentId) ?? []), p]);
  }
  const out: DirectoryNode<P>[] = [];
  const placed = new Set<string>();
  const visit = (p: P, depth: number) => {
    if (placed.has(p.id)) return;
    placed.add(p.id);
    out.push({ partnership: p, depth });
    for (const child of [...(children.get(p.id) ?? [])].sort(byName)) visit(child, depth + 1);
  };
  const roots = partnerships.filter((p) => !p.parentId || !ids.has(p.parentId) || p.parentId === p.id);
  for (const root of [...roots].sort(byName)) visit(root, 0);
  // Whatever is left sits on a loop: shown at the top level rather than lost.
  for (const p of [...partnerships].sort(byName)) visit(p, 0);
  return out;
}
