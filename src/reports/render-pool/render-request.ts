/**
 * What a render needs, as plain data that can cross a thread (structured clone) or a Redis queue
 * (JSON): the summary, the template's name and folder (templates hold compiled functions, so the
 * renderer loads its own copy), and the layout context with its date as an ISO string.
 */
import { createHash } from 'node:crypto';
import type { StrategySummaryDto } from '../../summary/summary.dto';
import type { LayoutContext } from '../rendering';
import { buildReportLayout } from '../layout/build-report-layout';
import { ReportTemplates } from '../templates/report-template';

export type WireLayoutContext = Omit<LayoutContext, 'generatedAt'> & { generatedAt: string };

export interface RenderRequest {
  templatesDir: string;
  template: string;
  summary: StrategySummaryDto;
  context: WireLayoutContext;
}

/**
 * Which summary to draw, for a renderer that loads it itself: a queue worker reads the same
 * database, so the API instance sends these few fields instead of computing a county summary on
 * its main thread (issue 11: health under renders) and shipping 650 KiB of it through Redis.
 */
export interface SummaryOf {
  strategyId: string;
  period: string;
  themeId: string | null;
  partnershipId: string | null;
  /**
   * The summary's data as of the request: its cache generations and UTC day
   * (SummaryService.version). A write that changes the summary changes it, so a render made
   * before the write is never shared with a request made after it.
   */
  version: string;
}

/** A render whose summary the renderer loads itself (SummaryOf), as queued for `npm run worker`. */
export interface RenderOfRequest {
  templatesDir: string;
  template: string;
  summaryOf: SummaryOf;
  context: WireLayoutContext;
}

export function renderOfRequest(templatesDir: string, template: string, summaryOf: SummaryOf, context: LayoutContext): RenderOfRequest {
  return { templatesDir, template, summaryOf, context: { ...context, generatedAt: context.generatedAt.toISOString() } };
}

/**
 * Two requests with the same summary reference, version, template and context draw the same
 * summary, so they share one render (and one BullMQ job: this is its id), as renderKey does for
 * requests that carry the summary itself.
 */
export function renderOfKey(request: RenderOfRequest): string {
  const { template, context, summaryOf } = request;
  return createHash('sha256').update(JSON.stringify(['of', summaryOf.strategyId, summaryOf.period, summaryOf.themeId, summaryOf.partnershipId, summaryOf.version, template, context])).digest('hex');
}

export function renderRequest(templatesDir: string, template: string, summary: StrategySummaryDto, context: LayoutContext): RenderRequest {
  return { templatesDir, template, summary, context: { ...context, generatedAt: context.generatedAt.toISOString() } };
}

/**
 * Two requests with the same key give byte-identical PDFs (rendering is pure), so they may share
 * one render. The summary's own content is part of it: it carries the strategy, period and scope,
 * and an approval between two requests changes it, so a stale render is never shared. Its `asOf`
 * is not: it is the moment of each request, and the pack is dated by the context's `generatedAt`
 * instead, so keying on it would keep two refreshes a millisecond apart from ever sharing a render.
 */
export function renderKey(request: RenderRequest): string {
  const { template, context } = request;
  const { asOf: _moment, ...summary } = request.summary;
  return createHash('sha256')
    .update(JSON.stringify([summary.strategy.id, summary.period, template, context, summary]))
    .digest('hex');
}

const templatesByDir = new Map<string, ReportTemplates>();

/** Runs in whichever thread or process does the rendering. The template is read afresh, as before. */
export async function performRender(request: RenderRequest): Promise<Buffer> {
  let templates = templatesByDir.get(request.templatesDir);
  if (!templates) templatesByDir.set(request.templatesDir, (templates = new ReportTemplates(request.templatesDir)));
  const template = templates.get(request.template);
  const context: LayoutContext = { ...request.context, generatedAt: new Date(request.context.generatedAt) };
  // pdfkit (and its fonts) are required by the thread or worker that draws, not by every process
  // that only builds render requests: about 160 ms of the API's cold start (bench/cold-start.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { renderReportPdf } = require('../render/pdf-renderer') as typeof import('../render/pdf-renderer');
  return renderReportPdf(buildReportLayout(request.summary, template, context), template);
}
