/** Names shared by the API's queue client and the `npm run worker` processes. */
export const RENDER_QUEUE = 'report-render';
export const RENDER_JOB = 'render';

/** BullMQ connection settings for a Redis URL; commands wait through reconnects instead of failing mid-job. */
export function redisConnection(url: string): { url: string; maxRetriesPerRequest: null } {
  return { url, maxRetriesPerRequest: null };
}
