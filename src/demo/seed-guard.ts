/** What a database already holds, as far as loading the demo into it is concerned. */
export interface DatabaseContents {
  users: number;
  strategies: number;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Why the demo data must not be loaded here, or null when it may. The demo's logins (an admin
 * among them) share a password printed in the README, so they must never land in a live
 * database by accident: not in one that already holds data, and not in any database when
 * NODE_ENV=production, unless the operator says --force.
 */
export function demoSeedRefusal(contents: DatabaseContents, nodeEnv: string, force: boolean): string | null {
  if (force) return null;
  const reasons: string[] = [];
  if (nodeEnv === 'production') reasons.push('NODE_ENV is production');
  if (contents.users > 0 || contents.strategies > 0) {
    reasons.push(`this database already holds data (${count(contents.users, 'user', 'users')}, ${count(contents.strategies, 'strategy', 'strategies')})`);
  }
  if (reasons.length === 0) return null;
  return (
    `Not loading the demo data: ${reasons.join(' and ')}. Its logins, an administrator among them, share a published password. ` +
    '`npm run demo` uses a database of its own (data/demo.sqlite); to load the demo here all the same, add --force.'
  );
}
