/** Where the JSON API lives: every API module's routes are under it (app.module.ts). */
export const API_PREFIX = 'api/v1';
