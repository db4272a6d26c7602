import type { Role } from '../auth/roles';
import { WEB_PATHS } from './web-routes';

/** Where each role lands after signing in: officers on their returns, everyone else on the strategy at a glance. */
export function startPageFor(role: Role): string {
  return role === 'partnership-officer' ? WEB_PATHS.returns : WEB_PATHS.dashboard;
}
