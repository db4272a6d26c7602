/**
 * Database trouble that is not the request's fault: a file locked by another process, a
 * read-only file or disk, a server that cannot be reached. The client gets 503 with
 * Retry-After and a message saying which, instead of a bare 500.
 */
export interface DatabaseUnavailable {
  message: string;
  /** Seconds, for the Retry-After header. */
  retryAfter: number;
}

const LOCKED: DatabaseUnavailable = {
  message: 'The database is locked by another process (a backup, an import or a maintenance job); try again shortly',
  retryAfter: 5,
};
const READ_ONLY: DatabaseUnavailable = {
  message: 'The database is read-only (check the permissions of the database file and that its disk is writable); nothing was saved',
  retryAfter: 60,
};
const CANNOT_OPEN: DatabaseUnavailable = {
  message: 'The database file cannot be opened or written (check that it exists, its permissions and its disk); nothing was saved',
  retryAfter: 60,
};
const DISK_FULL: DatabaseUnavailable = { message: "The database's disk is full; nothing was saved", retryAfter: 60 };
const UNREACHABLE: DatabaseUnavailable = {
  message: 'The database server cannot be reached or is shutting down; try again shortly',
  retryAfter: 10,
};
const BUSY_SERVER: DatabaseUnavailable = {
  message: 'The database server is out of connections or resources; try again shortly',
  retryAfter: 10,
};

/** Network failures of the PostgreSQL client (Node's own error codes). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EPIPE']);

/** node-postgres reports some connection failures by message only. */
const PG_CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
];

function classify(code: string): DatabaseUnavailable | undefined {
  // SQLite (better-sqlite3 gives extended codes such as SQLITE_BUSY_SNAPSHOT).
  if (/^SQLITE_(BUSY|LOCKED)(_|$)/.test(code)) return LOCKED;
  if (/^SQLITE_READONLY(_|$)/.test(code)) return READ_ONLY;
  if (/^SQLITE_(CANTOPEN|IOERR|NOTADB)(_|$)/.test(code)) return CANNOT_OPEN;
  if (code === 'SQLITE_FULL') return DISK_FULL;
  // PostgreSQL SQLSTATEs: class 08 connection exception, 57P01-03 shutting down / starting up,
  // 53xxx insufficient resources, 25006 read-only transaction (a standby).
  if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code)) return UNREACHABLE;
  if (code === '53100') return DISK_FULL;
  if (/^53[0-9A-Z]{3}$/.test(code)) return BUSY_SERVER;
  if (code === '25006') return READ_ONLY;
  if (NETWORK_CODES.has(code)) return UNREACHABLE;
  return undefined;
}

/** The database trouble behind `error` (TypeORM's QueryFailedError, a driver error, or its cause), if any. */
export function databaseUnavailable(error: unknown): DatabaseUnavailable | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { code, message, driverError, cause, errors } = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    const found = typeof code === 'string' ? classify(code) : undefined;
    if (found) return found;
    if (typeof message === 'string' && PG_CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return UNREACHABLE;
    queue.push(driverError, cause, ...(Array.isArray(errors) ? errors : []));
  }
  return undefined;
}
