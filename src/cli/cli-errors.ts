import { HttpException } from '@nestjs/common';

/** The API's error body, in one line for a terminal. */
export function describeHttpError(error: HttpException): string {
  const body = error.getResponse() as { message?: string; errors?: { field: string; message: string }[] } | string;
  if (typeof body === 'string') return body;
  const details = (body.errors ?? []).map((e) => `${e.field}: ${e.message}`);
  return [body.message ?? error.message, ...details].join('\n  ');
}
