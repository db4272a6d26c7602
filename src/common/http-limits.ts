import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Server } from 'node:http';

export interface HttpTimeouts {
  /** Time allowed for the request line and headers (Node's `server.headersTimeout`). */
  headersMs: number;
  /** Time allowed for the whole request to arrive, headers and body (Node's `server.requestTimeout`). */
  requestMs: number;
  /** Time allowed for the body to arrive once the headers are in; enforced to the second by `bodyTimeout`. */
  bodyMs: number;
}

/**
 * Slow clients cannot hold the server's connections open: Node enforces the header and request
 * timeouts itself (it checks every 30 s, so they are coarse backstops), and `bodyTimeout` cuts a
 * body that trickles in (one byte every few seconds keeps an idle timer from ever firing).
 */
export function applyServerTimeouts(server: Server, timeouts: HttpTimeouts): void {
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
}

/**
 * Answers 408 and closes the connection when a request's body has not fully arrived `ms` after
 * its headers. Registered before the body parsers, so it covers JSON and CSV uploads alike.
 */
export function bodyTimeout(ms: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.complete || !announcesBody(req)) return next();
    const timer = setTimeout(() => {
      if (req.complete) return;
      res.once('finish', () => req.socket.destroy());
      if (res.headersSent) {
        req.socket.destroy();
        return;
      }
      res
        .status(408)
        .set('Connection', 'close')
        .json({ statusCode: 408, error: 'Request Timeout', message: `The request body did not arrive within ${ms / 1000} s` });
    }, ms);
    const stop = () => clearTimeout(timer);
    req.once('end', stop);
    req.once('close', stop);
    res.once('close', stop);
    next();
  };
}

function announcesBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Refuses a URL carrying a NUL character (`%00`) with a 400 before any route sees it: no id,
 * period or filter contains one, and PostgreSQL cannot compare text with it (it would be a 500).
 */
export function refuseNulInUrl(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.originalUrl.includes('%00')) return next();
    res.status(400).json({ statusCode: 400, error: 'Bad Request', message: 'The URL contains a NUL character (%00)' });
  };
}
