import type { ForecastRow, ForecastsSection } from '../../layout/report-layout';
import { FONT, GREY } from '../style';
import { type Column, drawTable } from '../table';
import type { ReportWriter } from '../writer';

const COLUMNS: Column<ForecastRow>[] = [
  { header: 'Code', weight: 12, text: (r) => r.code, font: FONT.condensedBold },
  { header: 'Target', weight: 34, text: (r) => r.title },
  { header: 'Lead partnership', weight: 22, text: (r) => r.lead },
  { header: 'Status now', weight: 12, text: (r) => r.status.label, status: (r) => r.status },
  { header: 'Forecast', weight: 16, text: (r) => r.projected },
  { header: 'End target', weight: 12, text: (r) => r.target },
];

export function drawForecasts(w: ReportWriter, forecasts: ForecastsSection): void {
  const section = w.section(w.root, forecasts.heading);
  w.heading(section, 1, forecasts.heading);
  w.paragraph(section, forecasts.description, { colour: GREY.muted }, 6);
  w.paragraph(section, forecasts.summary, {}, 8);
  w.heading(section, 2, 'At risk');
  w.paragraph(section, forecasts.atRiskDescription, {}, 8);
  if (forecasts.rows.length > 0) drawTable(w, section, COLUMNS, forecasts.rows, 'At risk');
  section.end();
}
