/**
 * The paths of the web pages. They live at the root, beside the API's `/api/v1` (which only the
 * API modules carry: app.module.ts).
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
  partnerships: '/partnership-directory',
  setUp: '/set-up',
  users: '/admin/users',
  resetPassword: '/reset-password',
  emailSettings: '/email-settings',
  outbox: '/outbox',
} as const;

/** Requests the web layer answers (pages and their assets); everything under /api is the API's. */
export function isWebPath(path: string): boolean {
  return !(path === '/api' || path.startsWith('/api/'));
}
