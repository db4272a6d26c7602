import './helpers/without-admin-env';
import { createTestApp, describeE2E } from './helpers/app';

type LogLine = { level: number; msg?: string; context?: string };
const WARN = 40;
const warnings = (logs: string[]) =>
  logs
    .map((line) => JSON.parse(line) as LogLine)
    .filter((l) => l.level === WARN && l.context === 'FirstAdminCheck')
    .map((l) => l.msg ?? '');

/** Starts the app on this file's database (kept between starts until the last). */
async function start() {
  const logs: string[] = [];
  return { t: await createTestApp({ logs }), logs };
}

// (With ADMIN_EMAIL and ADMIN_PASSWORD set, the first start creates the admin: auth.e2e-spec.ts.)
describeE2E('start-up without ADMIN_EMAIL and no administrator', () => {
  it('says on an empty database how to create the first administrator, and stops saying it once one exists', async () => {
    const first = await start();
    expect(warnings(first.logs)).toEqual([expect.stringContaining('The database has no users, so nobody can sign in.')]);
    expect(warnings(first.logs)[0]).toContain('npm run user:create -- --email you@example.gov.uk --name "Your Name" --role admin');
    expect(warnings(first.logs)[0]).toContain('ADMIN_EMAIL and ADMIN_PASSWORD');
    // createTestApp signs in a coordinator after start-up, so from now on the database has users.
    await first.t.close({ keepData: true });

    const second = await start();
    expect(warnings(second.logs)).toEqual([expect.stringContaining('The database has no active administrator, so nobody can manage user accounts.')]);
    expect(warnings(second.logs)[0]).toContain('--role admin');
    await second.t.as('admin');
    await second.t.close({ keepData: true });

    const third = await start();
    expect(warnings(third.logs)).toEqual([]);
    await third.t.close();
  });
});
