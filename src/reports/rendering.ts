/**
 * The report pipeline's public face: templates → layout → PDF. The reports module wires these
 * into Nest; nothing outside src/reports needs the files behind them.
 */
export { buildReportLayout, type LayoutContext } from './layout/build-report-layout';
export type { ReportLayout } from './layout/report-layout';
export { renderReportPdf } from './render/pdf-renderer';
export { ReportTemplates, type ReportTemplate, type SectionId } from './templates/report-template';
export { TemplateError, UnknownTemplateError } from './templates/template-errors';
