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
  /** A target led by `partnershipId` (the officer's), with a draft update. */
  targetId: string;
  assignmentId: string;
  progressId: string;
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
/** Officers of the lead partnership and coordinators; officers of other partnerships get 403. */
const reporters = () => everyone({ anonymous: 401, viewer: 403, otherOfficer: 403 });
/** Admins only. */
const admins = () => everyone({ anonymous: 401, viewer: 403, officer: 403, otherOfficer: 403, coordinator: 403 });

export const ROUTES: Record<string, RouteRule> = {
  'GET /api/health': { expect: everyone() },
  'GET /api/health/live': { expect: everyone() },
  'GET /api/health/ready': { expect: everyone() },
  'POST /api/v1/auth/login': { body: () => ADMIN, expect: everyone() },
  'GET /api/v1/auth/me': { expect: readers() },
  // The default empty body is refused (400) before any password is touched.
  'POST /api/v1/auth/password': { expect: readers() },
  'PUT /api/v1/auth/me/email-settings': { body: () => ({ emailReminders: true }), expect: readers() },
  'GET /api/v1/notifications': { expect: managers() },

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

  'GET /api/v1/strategies/{id}/targets': { path: (f) => `/api/v1/strategies/${f.strategyId}/targets`, expect: readers() },
  'POST /api/v1/strategies/{id}/targets': { path: (f) => `/api/v1/strategies/${f.strategyId}/targets`, expect: managers() },
  'GET /api/v1/targets/{id}': { path: (f) => `/api/v1/targets/${f.targetId}`, expect: readers() },
  'PATCH /api/v1/targets/{id}': { path: (f) => `/api/v1/targets/${f.targetId}`, expect: managers() },
  'DELETE /api/v1/targets/{id}': { path: (f) => `/api/v1/targets/${f.missingId}`, expect: managers() },
  'GET /api/v1/targets/{id}/history': { path: (f) => `/api/v1/targets/${f.targetId}/history`, expect: readers() },
  'GET /api/v1/targets/{id}/assignments': { path: (f) => `/api/v1/targets/${f.targetId}/assignments`, expect: readers() },
  'POST /api/v1/targets/{id}/assignments': { path: (f) => `/api/v1/targets/${f.targetId}/assignments`, expect: managers() },
  'GET /api/v1/assignments/{id}': { path: (f) => `/api/v1/assignments/${f.assignmentId}`, expect: readers() },
  'PATCH /api/v1/assignments/{id}': { path: (f) => `/api/v1/assignments/${f.assignmentId}`, expect: managers() },
  'GET /api/v1/partnerships/{id}/assignments': { expect: readers() },
  'GET /api/v1/strategies/{id}/accountability': { path: (f) => `/api/v1/strategies/${f.strategyId}/accountability`, expect: readers() },
  'GET /api/v1/strategies/{id}/summary': { path: (f) => `/api/v1/strategies/${f.strategyId}/summary`, expect: readers() },
  'GET /api/v1/strategies/{id}/return-deadlines': { path: (f) => `/api/v1/strategies/${f.strategyId}/return-deadlines`, expect: readers() },
  'GET /api/v1/strategies/{id}/return-deadlines/{period}': { path: (f) => `/api/v1/strategies/${f.strategyId}/return-deadlines/2025-26-Q4`, expect: readers() },
  'PUT /api/v1/strategies/{id}/return-deadlines/{period}': {
    path: (f) => `/api/v1/strategies/${f.strategyId}/return-deadlines/2025-26-Q4`,
    body: () => ({ deadline: '2026-05-12' }),
    expect: managers(),
  },
  'DELETE /api/v1/strategies/{id}/return-deadlines/{period}': { path: (f) => `/api/v1/strategies/${f.missingId}/return-deadlines/2025-26-Q4`, expect: managers() },

  'GET /api/v1/targets/{id}/progress': { path: (f) => `/api/v1/targets/${f.targetId}/progress`, expect: readers() },
  'POST /api/v1/targets/{id}/progress': {
    path: (f) => `/api/v1/targets/${f.targetId}/progress`,
    body: () => ({ period: '2025-26-Q2', value: 10 }),
    expect: reporters(),
  },
  'GET /api/v1/strategies/{id}/progress': { path: (f) => `/api/v1/strategies/${f.strategyId}/progress?period=2025-26-Q1&status=submitted`, expect: readers() },
  'GET /api/v1/progress/{id}': { path: (f) => `/api/v1/progress/${f.progressId}`, expect: readers() },
  'PATCH /api/v1/progress/{id}': { path: (f) => `/api/v1/progress/${f.progressId}`, body: () => ({ version: 1, value: 11 }), expect: reporters() },
  'DELETE /api/v1/progress/{id}': { path: (f) => `/api/v1/progress/${f.missingId}`, expect: everyone({ anonymous: 401, viewer: 403 }) },
  'POST /api/v1/progress/{id}/submit': { path: (f) => `/api/v1/progress/${f.progressId}/submit`, expect: reporters() },
  'POST /api/v1/progress/{id}/approve': { path: (f) => `/api/v1/progress/${f.progressId}/approve`, expect: managers() },
  'POST /api/v1/strategies/{id}/progress/approve': { body: (f) => ({ updates: [{ id: f.missingId }] }), expect: managers() },
  'GET /api/v1/partnerships/{id}/returns/template.csv': {
    path: (f) => `/api/v1/partnerships/${f.partnershipId}/returns/template.csv?period=2025-26-Q1`,
    // The template holds the partnership's own figures and commentary: not for other partnerships' officers.
    expect: everyone({ anonymous: 401, otherOfficer: 403 }),
  },
  'GET /api/v1/partnerships/{id}/returns/template.xlsx': {
    path: (f) => `/api/v1/partnerships/${f.partnershipId}/returns/template.xlsx?period=2025-26-Q1`,
    expect: everyone({ anonymous: 401, otherOfficer: 403 }),
  },
  // Who may write which row is checked row by row (422), so any reporter gets past the gate.
  'POST /api/v1/strategies/{id}/progress/import': { path: (f) => `/api/v1/strategies/${f.strategyId}/progress/import`, expect: everyone({ anonymous: 401, viewer: 403 }) },
  'POST /api/v1/strategies/{id}/targets/import': { path: (f) => `/api/v1/strategies/${f.strategyId}/targets/import?dryRun=true`, expect: managers() },
  'GET /api/v1/strategies/{id}/targets.csv': { path: (f) => `/api/v1/strategies/${f.strategyId}/targets.csv`, expect: readers() },
  'GET /api/v1/strategies/{id}/progress.csv': { path: (f) => `/api/v1/strategies/${f.strategyId}/progress.csv?period=2025-26-Q1`, expect: readers() },
  'GET /api/v1/strategies/{id}/reports/quarterly': { path: (f) => `/api/v1/strategies/${f.strategyId}/reports/quarterly?period=2025-26-Q1`, expect: readers() },
  'POST /api/v1/strategies/{id}/reports': { path: (f) => `/api/v1/strategies/${f.strategyId}/reports`, body: () => ({ period: '2025-26-Q1' }), expect: managers() },
  'GET /api/v1/strategies/{id}/reports': { path: (f) => `/api/v1/strategies/${f.strategyId}/reports?period=2025-26-Q1`, expect: readers() },
  'GET /api/v1/reports/templates': { expect: readers() },
  'GET /api/v1/reports': { expect: readers() },
  'GET /api/v1/reports/{id}': { path: (f) => `/api/v1/reports/${f.missingId}`, expect: readers() },
  'POST /api/v1/progress/{id}/return': { path: (f) => `/api/v1/progress/${f.progressId}/return`, body: () => ({ reason: 'Check it' }), expect: managers() },
};
