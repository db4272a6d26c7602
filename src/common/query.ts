import { FindOperator, Raw } from 'typeorm';

/**
 * Case-insensitive "contains" that behaves the same on SQLite and PostgreSQL, with the
 * user's `%` and `_` taken literally.
 */
export function containsText(text: string): FindOperator<string> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return Raw((column) => `LOWER(${column}) LIKE :pattern ESCAPE '\\'`, { pattern });
}
