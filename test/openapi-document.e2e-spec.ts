import { ADMIN, createTestApp, describeE2E, TestApp } from './helpers/app';

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  maxLength?: number;
  maxItems?: number;
  enum?: unknown[];
};
interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; schema: Schema & { default?: unknown } }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema; example?: { statusCode?: number } }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, { type: string; scheme: string; bearerFormat?: string }> };
}

/** The OpenAPI document as a product (issue 10, point 7): what a client needs to trust it. */
describeE2E('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  const operations: { key: string; op: Operation }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body as Document;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) operations.push({ key: `${method.toUpperCase()} ${path}`, op });
    }
  });
  afterAll(() => t.close());

  it('gives every operation a summary, a description and a stable operation id', () => {
    expect(operations.length).toBeGreaterThan(50);
    const lacking = operations.filter(({ op }) => !op.summary?.trim() || !op.description?.trim()).map(({ key }) => key);
    expect(lacking).toEqual([]);
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/v1/partnerships'].post.operationId).toBe('Partnerships_create');
  });

  it('declares a bearer scheme, required by every operation but login and health', () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    const open = operations.filter(({ op }) => JSON.stringify(op.security) === '[{}]').map(({ key }) => key);
    expect(open.sort()).toEqual(['GET /api/health', 'GET /api/health/live', 'GET /api/health/ready', 'POST /api/v1/auth/login']);
    const rest = operations.filter(({ key }) => !open.includes(key));
    expect(rest.filter(({ op }) => JSON.stringify(op.security) !== '[{"bearer":[]}]').map(({ key }) => key)).toEqual([]);
  });

  it('the documented token works: a login token opens a secured operation, and none gives the documented 401', async () => {
    const login = await t.http().post('/api/v1/auth/login').send(ADMIN).expect(200);
    await t.http().get('/api/v1/partnerships').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    const denied = await t.http().get('/api/v1/partnerships').expect(401);
    const documented = doc.paths['/api/v1/partnerships'].get.responses['401'].content!['application/json'].example!;
    expect(denied.body).toEqual(documented);
  });

  it('shows each error response with an example of its own status, in the ErrorDto shape', () => {
    const wrong: string[] = [];
    for (const { key, op } of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        const json = response.content?.['application/json'];
        if (json?.schema?.$ref !== '#/components/schemas/ErrorDto' || json.example?.statusCode !== Number(status)) wrong.push(`${key} ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a real 404 matches the documented shape', async () => {
    const res = await t.api().get('/api/v1/partnerships/00000000-0000-4000-8000-000000000000').expect(404);
    const documented = doc.paths['/api/v1/partnerships/{id}'].get.responses['404'].content!['application/json'].example!;
    expect(Object.keys(res.body).sort()).toEqual(Object.keys(documented).sort());
  });

  it('shows page and pageSize as optional, with their defaults and bounds', () => {
    const params = doc.paths['/api/v1/partnerships'].get.parameters!;
    expect(params.find((p) => p.name === 'page')).toMatchObject({ required: false, schema: { type: 'integer', default: 1, minimum: 1, maximum: 100000 } });
    expect(params.find((p) => p.name === 'pageSize')).toMatchObject({ required: false, schema: { type: 'integer', default: 50, minimum: 1, maximum: 200 } });
    const requiredPaging = operations.flatMap(({ key, op }) =>
      (op.parameters ?? []).filter((p) => ['page', 'pageSize'].includes(p.name) && p.required !== false).map((p) => `${key} ${p.name}`),
    );
    expect(requiredPaging).toEqual([]);
  });

  it('bounds every string (maxLength) and every array (maxItems) a client can send', () => {
    const unbounded: string[] = [];
    const seen = new Set<Schema>();
    const walk = (schema: Schema | undefined, where: string): void => {
      if (!schema || seen.has(schema)) return;
      seen.add(schema);
      if (schema.$ref) return walk(doc.components.schemas[schema.$ref.split('/').pop()!], schema.$ref);
      if (schema.type === 'string' && schema.maxLength === undefined && !schema.enum) unbounded.push(where);
      if (schema.type === 'array' && schema.maxItems === undefined) unbounded.push(where);
      for (const [name, property] of Object.entries(schema.properties ?? {})) walk(property, `${where}.${name}`);
      walk(schema.items, `${where}[]`);
      for (const part of schema.allOf ?? []) walk(part, where);
    };
    for (const { key, op } of operations) {
      for (const p of op.parameters ?? []) walk(p.schema, `${key} ${p.in} ${p.name}`);
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) walk(media.schema, `${key} body ${type}`);
    }
    expect(unbounded).toEqual([]);
  });

  it('describes the returns import body per content type: a CSV text body, or a multipart file', () => {
    const body = doc.paths['/api/v1/strategies/{id}/progress/import'].post.requestBody!.content;
    expect(body['text/csv'].schema).toMatchObject({ type: 'string' });
    expect(body['multipart/form-data'].schema).toMatchObject({
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    });
  });
});
