import { conflict } from './api-errors';

/** 409 when the client's version is not the current one: someone changed it since they read it. */
export function assertVersion(what: string, current: number, given: number): void {
  if (current !== given) {
    throw conflict(`${what} has changed since you read it (version ${given}; it is now ${current}). Read it again and reapply your change.`, [
      { field: 'version', message: `stale: the current version is ${current}` },
    ]);
  }
}
