import { performRender, type RenderRequest } from './render-request';
import { ReportRenderer } from './report-renderer';

/**
 * Renders on the calling thread (REPORT_RENDER_MODE=inline). Only for a process that has nothing
 * else to answer while it draws: the command line makes one pack and exits, so a render thread
 * would only load pdfkit, the fonts and the templates a second time and hand the bytes back by
 * copy (bench/report-fresh.ts). A server must never use it: the event loop would stop for the
 * whole render (issue 11, "reports never block the API").
 */
export class InlineReportRenderer extends ReportRenderer {
  protected perform(request: RenderRequest): Promise<Buffer> {
    return performRender(request);
  }
}
