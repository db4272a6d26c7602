import { ApiExtension, ApiOkResponse, type OpenAPIObject, type RequestBodyObject, type SecurityRequirementObject } from '@nestjs/swagger';

const BODY_CONTENT = 'x-request-body-content';

/**
 * A request body with a different schema per content type (e.g. a CSV sent as `text/csv`, or as
 * the `file` field of `multipart/form-data`). @nestjs/swagger gives every content type of
 * @ApiConsumes the same schema, so this carries the real `content` to setUpOpenApi, which puts
 * it in place (see useRequestBodyContent).
 */
export function ApiRequestBodyContent(content: RequestBodyObject['content'], description?: string) {
  return ApiExtension(BODY_CONTENT, { content, description });
}

/** Replaces the request body of every operation marked by ApiRequestBodyContent. */
export function useRequestBodyContent(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Record<string, unknown>[]) {
      const given = operation?.[BODY_CONTENT] as { content: RequestBodyObject['content']; description?: string } | undefined;
      if (!given) continue;
      delete operation[BODY_CONTENT];
      operation.requestBody = { required: true, ...(given.description ? { description: given.description } : {}), content: given.content };
    }
  }
  return document;
}

/** A CSV download: `200` with a `text/csv` body, shown by an example, sent as an attachment. */
export function ApiCsvResponse(description: string, example: string) {
  return ApiOkResponse({ description: `${description} (sent as an attachment, with its file name)`, content: { 'text/csv': { example } } });
}

/**
 * Tidies what the decorators leave behind: a route with access decorators on both its class and
 * its method lists the same security requirement twice.
 */
export function tidySecurity(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as { security?: SecurityRequirementObject[] }[]) {
      if (!Array.isArray(operation?.security)) continue;
      const seen = new Set<string>();
      operation.security = operation.security.filter((requirement) => {
        const key = JSON.stringify(requirement);
        return seen.has(key) ? false : (seen.add(key), true);
      });
    }
  }
  return document;
}
