/**
 * Who may call which route. Every operation in the OpenAPI document must have an entry here
 * (access-control.e2e-spec.ts fails otherwise), so a new route is born with a decision about
 * who may call it.
 *
 * `ok` means the request got past authentication and authorisation (any status but 401/403,
 * and never a 500); a number is the exact status expected.
 */
import { ADMIN } from '../helpers/app';

export type Persona = 'anonymous' | 'viewer' | 'officer' | 'otherOfficer' | 'coordinator' | 'admin';
export type Outcome = 'ok' | 401 | 403;

export interface Fixtures {
  partnershipId: string;
  otherPartnershipId: string;
  memberId: string;
  strategyId: string;
  themeId: string;
  priorityId: string;
  userId: string;
  /** Any well-formed id that matches nothing. */
  missingId: string;
}

export interface RouteRule {
  /** Concrete path; defaults to the OpenAPI path with `{param}`s filled from the fixtures. */
  path?: (f: Fixtures) => string;
  body?: (f: Fixtures) => object;
  expect: Record<Persona, Outcome>;
}

const everyone = (o: Partial<Record<Persona, Outcome>> = {}): Record<Persona, Outcome> => ({
  anonymous: 'ok',
  viewer: 'ok',
  officer: 'ok',
  otherOfficer: 'ok',
  coordinator: 'ok',
  admin: 'ok',
  ...o,
});
/** Signed-in users read; anonymous gets 401. */
const readers = () => everyone({ anonymous: 401 });
/** Coordinators and admins write structure; viewers and officers get 403. */
const managers = () => everyone({ anonymous: 401, viewer: 403, officer: 403, otherOfficer: 403 });
/** Admins only. */
const admins = () => everyone({ anonymous: 401, viewer: 403, officer: 403, otherOfficer: 403, coordinator: 403 });

export const ROUTES: Record<string, RouteRule> = {
  'GET /api/health': { expect: everyone() },
  'POST /api/v1/auth/login': { body: () => ADMIN, expect: everyone() },
  'GET /api/v1/auth/me': { expect: readers() },

  'GET /api/v1/users': { expect: admins() },
  'POST /api/v1/users': { expect: admins() },
  'GET /api/v1/users/{id}': { path: (f) => `/api/v1/users/${f.userId}`, expect: admins() },
  'PATCH /api/v1/users/{id}': { path: (f) => `/api/v1/users/${f.userId}`, expect: admins() },

  'GET /api/v1/partnerships': { expect: readers() },
  'POST /api/v1/partnerships': { expect: managers() },
  'GET /api/v1/partnerships/{id}': { expect: readers() },
  'PATCH /api/v1/partnerships/{id}': { expect: managers() },
  'DELETE /api/v1/partnerships/{id}': { path: (f) => `/api/v1/partnerships/${f.missingId}`, expect: managers() },
  'GET /api/v1/partnerships/{id}/members': { expect: readers() },
  'POST /api/v1/partnerships/{id}/members': { expect: managers() },
  'GET /api/v1/partnerships/{id}/members/{memberId}': { expect: readers() },
  'PATCH /api/v1/partnerships/{id}/members/{memberId}': { expect: managers() },
  'DELETE /api/v1/partnerships/{id}/members/{memberId}': {
    path: (f) => `/api/v1/partnerships/${f.partnershipId}/members/${f.missingId}`,
    expect: managers(),
  },

  'GET /api/v1/strategies': { expect: readers() },
  'POST /api/v1/strategies': { expect: managers() },
  'GET /api/v1/strategies/{id}': { path: (f) => `/api/v1/strategies/${f.strategyId}`, expect: readers() },
  'PATCH /api/v1/strategies/{id}': { path: (f) => `/api/v1/strategies/${f.strategyId}`, expect: managers() },
  'DELETE /api/v1/strategies/{id}': { path: (f) => `/api/v1/strategies/${f.missingId}`, expect: managers() },
  'GET /api/v1/strategies/{id}/themes': { path: (f) => `/api/v1/strategies/${f.strategyId}/themes`, expect: readers() },
  'POST /api/v1/strategies/{id}/themes': { path: (f) => `/api/v1/strategies/${f.strategyId}/themes`, expect: managers() },
  'GET /api/v1/themes/{id}': { path: (f) => `/api/v1/themes/${f.themeId}`, expect: readers() },
  'PATCH /api/v1/themes/{id}': { path: (f) => `/api/v1/themes/${f.themeId}`, expect: managers() },
  'DELETE /api/v1/themes/{id}': { path: (f) => `/api/v1/themes/${f.missingId}`, expect: managers() },
  'GET /api/v1/strategies/{id}/priorities': { path: (f) => `/api/v1/strategies/${f.strategyId}/priorities`, expect: readers() },
  'POST /api/v1/strategies/{id}/priorities': { path: (f) => `/api/v1/strategies/${f.strategyId}/priorities`, expect: managers() },
  'GET /api/v1/priorities/{id}': { path: (f) => `/api/v1/priorities/${f.priorityId}`, expect: readers() },
  'PATCH /api/v1/priorities/{id}': { path: (f) => `/api/v1/priorities/${f.priorityId}`, expect: managers() },
  'DELETE /api/v1/priorities/{id}': { path: (f) => `/api/v1/priorities/${f.missingId}`, expect: managers() },
};
