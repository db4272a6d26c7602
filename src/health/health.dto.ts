export class HealthDto {
  /** @example "ok" */
  status: 'ok';
  /** Which engine answered. @example "sqlite" */
  database: 'sqlite' | 'postgres';
}
