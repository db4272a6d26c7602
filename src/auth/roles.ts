export const ROLES = ['admin', 'coordinator', 'partnership-officer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is making a request: the authenticated user, as the services see them. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The partnerships a partnership officer belongs to (empty for other roles). */
  partnershipIds: string[];
}

/** Everyone who can sign in reads the strategy; only the roles below may write. */
export const READERS: Role[] = ['viewer', 'partnership-officer', 'coordinator'];
export const MANAGERS: Role[] = ['coordinator'];
