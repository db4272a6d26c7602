import type { Request, RequestHandler, Response } from 'express';

/**
 * A header-setting middleware whose headers never depend on the request (helmet without a nonce),
 * run once and then replayed: helmet's dozen small middlewares, called one after another on every
 * JSON request, were about 1% of the target list's CPU (bench/targets-list.ts). Should `headers`
 * ever not finish at once (a nonce, a lookup), it is used as it is.
 */
export function replayHeaders(headers: RequestHandler): RequestHandler {
  const set: [string, string | number | readonly string[]][] = [];
  const removed: string[] = [];
  let finished = false;
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => set.push([name, value]),
    removeHeader: (name: string) => removed.push(name),
  };
  headers({ headers: {}, method: 'GET', url: '/' } as Request, recorder as unknown as Response, (error?: unknown) => {
    finished = error === undefined;
  });
  if (!finished) return headers;
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}
