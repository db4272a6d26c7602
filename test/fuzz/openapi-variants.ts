/**
 * Malformed variants of a request, derived from the OpenAPI document: for every operation, its
 * path parameters, query parameters and JSON body fields. Deterministic for a given seed, so a
 * failure names a request that can be sent again.
 */

export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
  nullable?: boolean;
  required?: string[];
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: OpenApiSchema;
}

export interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema?: OpenApiSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

/** One request to send: `url` is relative, `body` is sent as given (a string is sent raw). */
export interface Variant {
  label: string;
  url: string;
  contentType?: string;
  body?: string | object;
}

/** mulberry32: a small seeded PRNG, so "random" text is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AWKWARD_CHARS = ['\u0000', '\u202e', '😀', '£', 'ŵ', '"', "'", '\\', '<', '>', '%', '\n', '\r', '\t', '=', '+', '-', '@', ' ', 'é', '\ud800'];

export function awkwardText(random: () => number, length: number): string {
  return Array.from({ length }, () => AWKWARD_CHARS[Math.floor(random() * AWKWARD_CHARS.length)]).join('');
}

const LONG = 'x'.repeat(10_000);
const DEEP_JSON = '['.repeat(2_000) + ']'.repeat(2_000);

/** Resolves `$ref`s and merges `allOf`, one level at a time. */
export function resolve(doc: OpenApiDocument, schema: OpenApiSchema | undefined): OpenApiSchema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(doc, doc.components?.schemas?.[name]);
  }
  if (schema.allOf) {
    return schema.allOf.map((part) => resolve(doc, part)).reduce<OpenApiSchema>(
      (merged, part) => ({ ...merged, ...part, properties: { ...merged.properties, ...part.properties } }),
      { ...schema, allOf: undefined },
    );
  }
  return schema;
}

/** Values of the wrong kind, or at the edges, for a field of this schema. */
export function badValues(schema: OpenApiSchema, random: () => number): { label: string; value: unknown }[] {
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  const numeric = type === 'number' || type === 'integer';
  const values: { label: string; value: unknown }[] = [
    { label: 'null', value: null },
    { label: 'empty string', value: '' },
    { label: '10k-char string', value: LONG },
    { label: 'awkward text', value: awkwardText(random, 40) },
    { label: 'object', value: { nested: { deeper: true } } },
    { label: 'empty array', value: [] },
    type === 'array'
      ? { label: '1,000 items', value: Array.from({ length: 1_000 }, (_, i) => (schema.items?.type === 'string' ? `item ${i}` : { n: i })) }
      : { label: 'array', value: [null, 'b'] },
    numeric ? { label: 'numeric string', value: '12' } : { label: 'number', value: 12345 },
    type === 'boolean' ? { label: 'string "true"', value: 'true' } : { label: 'boolean', value: true },
  ];
  if (numeric) {
    values.push({ label: '1e308', value: 1e308 }, { label: 'negative', value: -1 }, { label: 'fraction', value: 0.5 });
  }
  if (schema.format === 'uuid') values.push({ label: 'bad uuid', value: 'not-a-uuid' });
  return values;
}

/** Whole bodies that are not the object the operation expects. */
function badBodies(base: object): Omit<Variant, 'url'>[] {
  const json = 'application/json';
  return [
    { label: 'malformed JSON', contentType: json, body: '{"unterminated": ' },
    { label: 'JSON nested 2,000 deep', contentType: json, body: `{"a":${DEEP_JSON}}` },
    { label: 'array instead of object', contentType: json, body: '[]' },
    { label: 'array of objects', contentType: json, body: '[{}]' },
    { label: 'JSON string', contentType: json, body: '"a string"' },
    { label: 'JSON null', contentType: json, body: 'null' },
    { label: 'JSON number', contentType: json, body: '12345' },
    { label: 'JSON true', contentType: json, body: 'true' },
    { label: 'empty JSON object', contentType: json, body: '{}' },
    { label: 'empty body', contentType: json, body: '' },
    { label: '__proto__ key', contentType: json, body: '{"__proto__":{"polluted":true}}' },
    { label: 'constructor.prototype key', contentType: json, body: '{"constructor":{"prototype":{"polluted":true}}}' },
    { label: 'unknown field', body: { ...base, unknownField: 'surprise' } },
    { label: 'JSON sent as text/plain', contentType: 'text/plain', body: JSON.stringify(base) },
    { label: 'form-encoded body', contentType: 'application/x-www-form-urlencoded', body: 'a=1&b[c]=2' },
    { label: 'binary body', contentType: 'application/octet-stream', body: 'PK\u0003\u0004\u0000\u0000' },
  ];
}

const BAD_PATH_VALUES = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', "1' OR '1'='1", LONG.slice(0, 2_000)];

const BAD_QUERY_VALUES = ['99999999999999999999999', '1e20', '-1', 'NaN', 'abc', '', '1.5', 'NUL \u0000 inside', LONG, '2026/27 Q9'];

function withQuery(url: string, name: string, values: string[]): string {
  const parsed = new URL(url, 'http://fuzz');
  parsed.searchParams.delete(name);
  for (const value of values) parsed.searchParams.append(name, value);
  return parsed.pathname + parsed.search;
}

/**
 * Every malformed variant of one operation. `url` is a valid URL for it (ids that exist), `base`
 * a body that the variants start from.
 */
export function variantsOf(
  doc: OpenApiDocument,
  op: OpenApiOperation,
  path: string,
  url: string,
  base: object,
  random: () => number,
): Variant[] {
  const variants: Variant[] = [];
  const params = op.parameters ?? [];
  const jsonSchema = op.requestBody?.content['application/json']?.schema;
  const hasBody = op.requestBody !== undefined;
  // Path and query variants carry an empty body: a valid one could create the resource, and
  // then the body variants below would meet a conflict instead of their own field's checks.
  const validBody = hasBody ? {} : undefined;

  // Path parameters: each in turn replaced by something that is not an id.
  const segments = path.split('/');
  const urlSegments = url.split('?')[0].split('/');
  const query = url.includes('?') ? `?${url.split('?')[1]}` : '';
  for (const param of params.filter((p) => p.in === 'path')) {
    const index = segments.indexOf(`{${param.name}}`);
    if (index < 0) continue;
    for (const value of BAD_PATH_VALUES) {
      const changed = [...urlSegments];
      changed[index] = encodeURIComponent(value).replace(/%25/g, '%');
      variants.push({ label: `path ${param.name}=${value.slice(0, 40)}`, url: changed.join('/') + query, body: validBody });
    }
    variants.push({ label: `path ${param.name} with a NUL`, url: urlSegments.map((s, i) => (i === index ? `${s}%00` : s)).join('/') + query, body: validBody });
  }

  // Query parameters: each in turn given bad values, and given twice.
  for (const param of params.filter((p) => p.in === 'query')) {
    for (const value of BAD_QUERY_VALUES) {
      variants.push({ label: `query ${param.name}=${value.slice(0, 40)}`, url: withQuery(url, param.name, [value]), body: validBody });
    }
    variants.push({ label: `query ${param.name} given twice`, url: withQuery(url, param.name, ['1', '2']), body: validBody });
  }
  variants.push({ label: 'unknown query parameter', url: withQuery(url, 'unknownParam', ['1']), body: validBody });

  if (!hasBody) return variants;
  const schema = resolve(doc, jsonSchema);
  // First, required fields left out or null: never valid, so no earlier variant has created the
  // resource (after which a create meets a conflict before the field's own checks).
  for (const field of schema.required ?? []) {
    const { [field]: _omitted, ...without } = base as Record<string, unknown>;
    variants.push({ label: `body without required ${field}`, url, body: without });
    variants.push({ label: `body required ${field}: null`, url, body: { ...base, [field]: null } });
  }
  for (const bad of badBodies(base)) variants.push({ ...bad, url });
  if (!jsonSchema) return variants;

  // Body fields: each in turn given bad values; fields of nested objects too.
  for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
    const resolved = resolve(doc, fieldSchema);
    const { [field]: _omitted, ...without } = base as Record<string, unknown>;
    variants.push({ label: `body without ${field}`, url, body: without });
    for (const { label, value } of badValues(resolved, random)) {
      variants.push({ label: `body ${field}: ${label}`, url, body: { ...base, [field]: value } });
    }
    const nested = resolved.type === 'array' ? resolve(doc, resolved.items) : resolved;
    for (const [inner, innerSchema] of Object.entries(nested.properties ?? {})) {
      for (const { label, value } of badValues(resolve(doc, innerSchema), random).slice(0, 5)) {
        const object = { ...(typeof (base as Record<string, unknown>)[field] === 'object' ? ((base as Record<string, unknown>)[field] as object) : {}), [inner]: value };
        variants.push({ label: `body ${field}.${inner}: ${label}`, url, body: { ...base, [field]: resolved.type === 'array' ? [object] : object } });
      }
    }
  }
  return variants;
}
