import { connect, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ADMIN, createTestApp, describeE2E, TestApp } from './helpers/app';

const BODY_TIMEOUT_MS = 3_000;

describeE2E('HTTP limits: nesting depth, slow bodies, Retry-After', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    process.env.HTTP_BODY_TIMEOUT_MS = String(BODY_TIMEOUT_MS);
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    delete process.env.HTTP_BODY_TIMEOUT_MS;
    await t.close();
  });

  it('refuses JSON nested 2,000 deep with a 400 naming the problem, on a write route', async () => {
    const deep = '['.repeat(2_000) + ']'.repeat(2_000);
    const res = await t.api().post('/api/v1/partnerships').set('Content-Type', 'application/json').send(`{"name":${deep}}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, message: 'JSON body is nested more than 32 levels deep' });
  });

  it('refuses a 5 MB body of brackets quickly, without parsing it', async () => {
    const half = 2_500_000;
    const started = Date.now();
    const res = await t.api().post('/api/v1/partnerships').set('Content-Type', 'application/json').send('['.repeat(half) + ']'.repeat(half - 10));
    expect([400, 413]).toContain(res.status);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('still accepts ordinary nested bodies', async () => {
    const res = await t.api().post('/api/v1/partnerships').send({ name: 'Nested but fine', kind: 'thematic' });
    expect(res.status).toBe(201);
  });

  it('cuts 20 connections that send a body one byte every 2 s within the body timeout, while /api/health stays fast', async () => {
    const sockets = Array.from({ length: 20 }, () => slowBody(port));
    const started = Date.now();
    const healthTimes: number[] = [];
    while (Date.now() - started < BODY_TIMEOUT_MS + 1_500) {
      const t0 = Date.now();
      await t.http().get('/api/health').expect(200);
      healthTimes.push(Date.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const outcomes = await Promise.all(sockets.map((s) => s.closed));
    for (const outcome of outcomes) {
      // Cut by the server (not by this test) no later than the body timeout plus scheduling slack.
      expect(outcome.cutAfterMs).toBeLessThan(BODY_TIMEOUT_MS + 1_500);
      expect(outcome.cutAfterMs).toBeGreaterThanOrEqual(BODY_TIMEOUT_MS - 100);
      expect(outcome.response).toMatch(/^HTTP\/1\.1 408 /);
      expect(outcome.response).toContain('"message":"The request body did not arrive within 3 s"');
    }
    expect(Math.max(...healthTimes)).toBeLessThan(500);
  });

  it('sends Retry-After (seconds) with the 429 of the login throttle', async () => {
    let res;
    for (let attempt = 1; attempt <= 11; attempt++) {
      res = await t.http().post('/api/v1/auth/login').send({ email: ADMIN.email, password: `wrong-${attempt}` });
    }
    expect(res!.status).toBe(429);
    expect(res!.body).toMatchObject({ statusCode: 429, message: expect.any(String) });
    const retryAfter = Number(res!.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The throttler's own seconds-until-unblocked, under the header name clients read.
    expect(res!.headers['retry-after']).toBe(res!.headers['retry-after-login']);
  });
});

/** A client that announces a 100-byte JSON body and sends one byte of it every 2 s, until the server hangs up. */
function slowBody(port: number): { closed: Promise<{ cutAfterMs: number; response: string }> } {
  const socket: Socket = connect(port, '127.0.0.1');
  const opened = Date.now();
  let response = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => (response += chunk));
  socket.on('error', () => undefined);
  socket.write('POST /api/v1/partnerships HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
  const drip = setInterval(() => socket.writable && socket.write(' '), 2_000);
  const closed = new Promise<{ cutAfterMs: number; response: string }>((resolve) => {
    socket.on('close', () => {
      clearInterval(drip);
      resolve({ cutAfterMs: Date.now() - opened, response });
    });
  });
  return { closed };
}
