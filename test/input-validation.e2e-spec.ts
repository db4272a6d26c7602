import { createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

/**
 * Bad input found by fuzzing (issue 10) that used to answer 500: each must now be a 400 with
 * the documented error shape, naming the offending field.
 */
describeE2E('input validation at the DTO boundary', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let themeId: string;
  let targetId: string;
  let assignmentId: string;
  let partnershipId: string;

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    themeId = await b.theme('Community safety');
    targetId = (await b.target({ code: 'NI 16', themeId, baselineValue: 100, targetValue: 90, direction: 'decrease' })).id;
    partnershipId = await b.partnership({ name: 'Safer Wealden Partnership' });
    assignmentId = await b.assign(targetId, partnershipId);
  });
  afterAll(() => t.close());

  /** The documented 400: statusCode, message, and `errors` naming `field`. */
  function expectFieldError(res: { status: number; body: Record<string, unknown> }, field: string): void {
    expect({ status: res.status, statusCode: res.body.statusCode }).toEqual({ status: 400, statusCode: 400 });
    expect(typeof res.body.message).toBe('string');
    const errors = res.body.errors as { field: string; message: string }[];
    expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.stringContaining(field.split('.').filter((p) => !/^\d+$/.test(p)).pop()!) })]));
  }

  describe('page and pageSize are bounded whole numbers', () => {
    it.each([
      ['page', '99999999999999999999999'],
      ['page', '1e20'],
      ['page', '100001'],
      ['page', '0'],
      ['page', '1.5'],
      ['page', '0x10'],
      ['pageSize', '201'],
      ['pageSize', '1e2'],
      ['pageSize', ''],
    ])('%s=%s → 400 naming it', async (param, value) => {
      expectFieldError(await t.api().get(`/api/v1/partnerships?${param}=${encodeURIComponent(value)}`), param);
    });

    it('the largest allowed page is an empty page, not an error', async () => {
      const res = await t.api().get('/api/v1/partnerships?page=100000&pageSize=200').expect(200);
      expect(res.body).toMatchObject({ items: [], page: 100000, pageSize: 200 });
    });

    it('applies to every list, e.g. a strategy’s targets', async () => {
      expectFieldError(await t.api().get(`/api/v1/strategies/${b.strategyId}/targets?page=99999999999999999999999`), 'page');
    });
  });

  describe('null is refused where the column is not nullable', () => {
    it('PATCH /partnerships/:id {"statutory":null}', async () => {
      const res = await t.api().patch(`/api/v1/partnerships/${partnershipId}`).send({ statutory: null });
      expectFieldError(res, 'statutory');
      expect(res.body.errors).toEqual([{ field: 'statutory', message: 'statutory must be a boolean value' }]);
    });

    it('PATCH /strategies/:id {"status":null}', async () => {
      expectFieldError(await t.api().patch(`/api/v1/strategies/${b.strategyId}`).send({ status: null }), 'status');
    });

    it('PATCH /themes/:id {"kind":null}', async () => {
      expectFieldError(await t.api().patch(`/api/v1/themes/${themeId}`).send({ kind: null }), 'kind');
    });

    it('PATCH /users/:id {"active":null}', async () => {
      const admin = await t.as('admin');
      const user = await t.as('viewer');
      expectFieldError(await admin.patch(`/api/v1/users/${user.user.id}`).send({ active: null }), 'active');
    });

    it('PATCH /assignments/:id {"actions":null}', async () => {
      expectFieldError(await t.api().patch(`/api/v1/assignments/${assignmentId}`).send({ actions: null }), 'actions');
    });

    it('POST bodies refuse null for optional non-nullable fields too', async () => {
      expectFieldError(await t.api().post('/api/v1/partnerships').send({ name: 'Null Statutory', kind: 'other', statutory: null }), 'statutory');
    });

    it('nullable columns still take null to clear them', async () => {
      const res = await t.api().patch(`/api/v1/partnerships/${partnershipId}`).send({ chair: null, area: null, meetingsPerYear: null }).expect(200);
      expect(res.body).toMatchObject({ chair: null, area: null, meetingsPerYear: null, statutory: false });
    });
  });

  describe('nested objects are validated', () => {
    const path = () => `/api/v1/targets/${targetId}/assignments`;

    it('POST /targets/:id/assignments without an accountableOfficer → 400', async () => {
      expectFieldError(await t.api().post(path()).send({ partnershipId, status: 'withdrawn' }), 'accountableOfficer');
    });

    it('accountableOfficer: [] → 400', async () => {
      expectFieldError(await t.api().post(path()).send({ partnershipId, status: 'withdrawn', accountableOfficer: [] }), 'accountableOfficer');
    });

    it('accountableOfficer: null on PATCH → 400', async () => {
      expectFieldError(await t.api().patch(`/api/v1/assignments/${assignmentId}`).send({ accountableOfficer: null }), 'accountableOfficer');
    });

    it('a bad field inside the officer is named by its path', async () => {
      const res = await t.api().post(path()).send({ partnershipId, status: 'withdrawn', accountableOfficer: { name: 'Priya Shah', email: 'not-an-email' } });
      expectFieldError(res, 'accountableOfficer.email');
    });

    it('a null action in the action plan → 400 naming actions.0', async () => {
      expectFieldError(await t.api().patch(`/api/v1/assignments/${assignmentId}`).send({ actions: [null] }), 'actions.0');
    });
  });

  describe('maxLength and maxItems are enforced', () => {
    it('a string one character over its limit → 400 naming it', async () => {
      expectFieldError(await t.api().post('/api/v1/partnerships').send({ name: 'x'.repeat(201), kind: 'other' }), 'name');
    });

    it('an array one item over its limit → 400 naming it', async () => {
      const ids = Array.from({ length: 51 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
      expectFieldError(await t.api().post(`/api/v1/targets/${targetId}/assignments`).send({
        partnershipId,
        status: 'withdrawn',
        accountableOfficer: { name: 'Priya Shah', email: 'priya@example.test' },
        supportingPartnershipIds: ids,
      }), 'supportingPartnershipIds');
    });

    it('a period longer than any quarter → 400 naming it', async () => {
      expectFieldError(await t.api().post(`/api/v1/targets/${targetId}/progress`).send({ period: '2025-26-Q2'.repeat(10), value: 1 }), 'period');
    });
  });
});
