/**
 * Whether making `newParentId` the parent of `id` would close a loop in the partnership tree.
 * `parentOf` answers the current parent of any partnership (null at a root).
 */
export async function wouldCreateCycle(
  id: string,
  newParentId: string | null,
  parentOf: (partnershipId: string) => Promise<string | null>,
): Promise<boolean> {
  const seen = new Set<string>();
  let current = newParentId;
  while (current !== null) {
    if (current === id) return true;
    if (seen.has(current)) return true; // an existing loop: never extend it
    seen.add(current);
    current = await parentOf(current);
  }
  return false;
}
