/**
 * The body of a render-pool thread (piscina loads this file in each worker thread). pdfkit and
 * fontkit are several times slower until V8 has optimised them, so each thread renders a
 * throwaway pack as soon as it starts, off the main thread: the server is ready at once and the
 * first board member to ask for a pack does not pay for the warm-up.
 */
import { Piscina } from 'piscina';
import { warmUpRenderer } from '../warm-up';
import { performRender, type RenderRequest } from './render-request';
import { ReportTemplates } from '../rendering';

export interface RenderThreadData {
  /** Template folder and name used for the warm-up render; absent: no warm-up. */
  warmUp?: { templatesDir: string; template: string };
}

const data = (Piscina.workerData ?? {}) as RenderThreadData;

const warmedUp: Promise<void> = data.warmUp
  ? Promise.resolve()
      .then(() => warmUpRenderer(new ReportTemplates(data.warmUp!.templatesDir).get(data.warmUp!.template)))
      // A failed warm-up only costs speed; the real render will report any real problem.
      .catch(() => undefined)
  : Promise.resolve();

/** The PDF as a Uint8Array: it crosses back to the main thread by structured clone. */
export default async function render(request: RenderRequest | { warmUp: true }): Promise<Uint8Array> {
  await warmedUp;
  if ('warmUp' in request) return new Uint8Array(0);
  return performRender(request);
}
