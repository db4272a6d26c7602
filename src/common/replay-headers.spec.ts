import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { replayHeaders } from './replay-headers';

/** A response that records what was done to its headers, in order. */
function response() {
  const headers = new Map<string, unknown>([['x-powered-by', 'Express']]);
  const res = {
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), value),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
  };
  return { res: res as unknown as Response, headers };
}

function run(middleware: RequestHandler): { headers: Map<string, unknown>; nexts: unknown[] } {
  const { res, headers } = response();
  const nexts: unknown[] = [];
  middleware({ headers: {}, method: 'GET', url: '/api/v1/x' } as Request, res, ((error?: unknown) => nexts.push(error)) as NextFunction);
  return { headers, nexts };
}

describe('replayHeaders', () => {
  it("sets exactly the headers helmet sets, and removes what it removes", () => {
    const make = () => helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"] } } });
    const direct = run(make());
    const replayed = run(replayHeaders(make()));
    expect([...replayed.headers]).toEqual([...direct.headers]);
    expect(replayed.headers.get('x-powered-by')).toBeUndefined();
    expect(replayed.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(replayed.nexts).toEqual([undefined]);
  });

  it('runs the middleware only once, however many responses it serves', () => {
    let calls = 0;
    const counted: RequestHandler = (_req, res, next) => {
      calls++;
      res.setHeader('X-Test', 'yes');
      next();
    };
    const replayed = replayHeaders(counted);
    for (let i = 0; i < 3; i++) expect(run(replayed).headers.get('x-test')).toBe('yes');
    expect(calls).toBe(1);
  });

  it('uses a middleware that does not finish at once (or fails) as it is', () => {
    const later: RequestHandler = (_req, res, next) => void setImmediate(() => next());
    expect(replayHeaders(later)).toBe(later);
    const failing: RequestHandler = (_req, _res, next) => next(new Error('no'));
    expect(replayHeaders(failing)).toBe(failing);
  });
});
