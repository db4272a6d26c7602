// In a file of its own: nestjs-pino keeps its root logger per process (per test file under
// Jest), so the first app a file boots decides where the log goes.
import { createTestApp, describeE2E, TestApp } from './helpers/app';

interface LogLine {
  level: number;
  time: string;
  req?: { id: string; method: string; url: string };
  res?: { statusCode: number };
}

describeE2E('request logs', () => {
  let t: TestApp;
  const logs: string[] = [];
  beforeAll(async () => {
    t = await createTestApp({ logs });
  });
  afterAll(() => t.close());

  const parsed = (id: string) =>
    logs.map((line) => JSON.parse(line) as LogLine).filter((entry) => entry.req?.id === id && entry.res);
  /** The request's log lines: pino-http writes when the response has finished, which may be just after the client has it. */
  const linesFor = async (id: string) => {
    for (let i = 0; i < 50 && parsed(id).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 20));
    return parsed(id);
  };

  it('writes one JSON line per request, with its request id, at a level set by the status', async () => {
    await t.http().get('/api/health').set('X-Request-Id', 'log-ok-1').expect(200);
    await t.http().get('/api/v1/strategies').set('X-Request-Id', 'log-401-1').expect(401);
    const ok = await linesFor('log-ok-1');
    expect(ok).toHaveLength(1);
    expect(ok[0]).toMatchObject({ level: 30, service: 'scs-tracker', req: { method: 'GET', url: '/api/health' }, res: { statusCode: 200 } });
    expect(ok[0].time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const refused = await linesFor('log-401-1');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ level: 40, req: { url: '/api/v1/strategies' }, res: { statusCode: 401 } });
    // Only the id, method and URL of a request: no headers, so no tokens or cookies.
    expect(Object.keys(refused[0].req!).sort()).toEqual(['id', 'method', 'url']);
  });

  it('logs every API and health request once, an unknown API path included', async () => {
    const paths: Array<[string, number]> = [
      ['/api/health', 200],
      ['/api/health/ready', 200],
      ['/api/v1/auth/me', 401],
      ['/api/health/live', 200],
      ['/api/v1/no-such-thing', 404],
    ];
    for (const [path, status] of paths) {
      const id = `once-${path.replace(/\W+/g, '-')}`;
      await t.http().get(path).set('X-Request-Id', id).expect(status);
      expect({ path, lines: (await linesFor(id)).length }).toEqual({ path, lines: 1 });
    }
  });

  it('makes up a request id when the client sends none or a malformed one, and logs that id', async () => {
    const res = await t.http().get('/api/health').set('X-Request-Id', 'not ok; <script>').expect(200);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await linesFor(id)).toHaveLength(1);
  });
});
