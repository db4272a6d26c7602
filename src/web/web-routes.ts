/**
 * The paths of the web pages. They live at the root, outside the API's `/api/v1` prefix
 * (app.setup.ts excludes them from it), so none may start like an API controller's path.
 */
export const WEB_PATHS = {
  home: '/',
  signIn: '/sign-in',
  signOut: '/sign-out',
  changePassword: '/change-password',
  dashboard: '/dashboard',
  returns: '/your-returns',
  upload: '/your-returns/upload',
  template: '/your-returns/template',
  target: '/target',
  theme: '/theme',
  boardPacks: '/board-packs',
  approvals: '/approvals',
  chasing: '/chasing',
  accountability: '/accountability',
  targetImport: '/import-targets',
  // Not /partnerships, /strategies or /users: excluding those from the prefix would move the API's own routes.
  partnerships: '/partnership-directory',
  setUp: '/set-up',
  users: '/admin/users',
  resetPassword: '/reset-password',
  emailSettings: '/email-settings',
  outbox: '/outbox',
} as const;

/** Patterns for the global prefix's `exclude` (path-to-regexp syntax). */
export const WEB_ROUTE_PATTERNS = [
  '/',
  'sign-in',
  'sign-out',
  'change-password',
  'dashboard',
  'your-returns',
  'your-returns/{*rest}',
  'target/{*rest}',
  'theme/{*rest}',
  'board-packs',
  'board-packs/{*rest}',
  'approvals',
  'approvals/{*rest}',
  'chasing',
  'accountability',
  'accountability/{*rest}',
  'import-targets',
  'import-targets/{*rest}',
  'partnership-directory',
  'partnership-directory/{*rest}',
  'set-up',
  'set-up/{*rest}',
  'admin/users',
  'admin/users/{*rest}',
  'reset-password/{*rest}',
  'email-settings',
  'outbox',
];

/** Requests the web layer answers (pages and their assets); everything under /api is the API's. */
export function isWebPath(path: string): boolean {
  return !(path === '/api' || path.startsWith('/api/'));
}
