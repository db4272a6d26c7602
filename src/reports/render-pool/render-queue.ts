/** Names shared by the API's queue client and the `npm run worker` processes. */
export const RENDER_QUEUE = 'report-render';
export const RENDER_JOB = 'render';

/** BullMQ connection settings for a Redis URL; commands wait through reconnects instead of failing mid-job. */
export function redisConnection(url: string): { url: string; maxRetriesPerRequest: null } {
  return { url, maxRetriesPerRequest: null };
}

/**
 * Where a worker leaves a finished job's PDF: a Redis key of its own, not the job's result. A
 * result is also written into the queue's event stream, which every instance reads: a county
 * pack as base64 there was 2 MB per render copied to, parsed and decoded by each instance on its
 * main thread, whether it had asked or not, and kept in the stream. The result is this key.
 */
export function renderedPdfKey(prefix: string, jobId: string): string {
  return `${prefix}:${RENDER_QUEUE}:pdf:${jobId}`;
}

/** Seconds a rendered PDF is kept: longer than a finished job (a minute), so a job's result still finds its bytes. */
export const RENDERED_PDF_SECONDS = 180;
