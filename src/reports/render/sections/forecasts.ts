import type { ForecastRow, ForecastsSection, ReportLabels } from '../../layout/report-layout';
import { FONT, GREY } from '../style';
import { type Column, drawTable } from '../table';
import type { ReportWriter } from '../writer';

const columns = (l: ReportLabels): Column<ForecastRow>[] => [
  { header: l.code, weight: 12, text: (r) => r.code, font: FONT.condensedBold },
  { header: l.target, weight: 34, text: (r) => r.title },
  { header: l.leadPartnership, weight: 22, text: (r) => r.lead },
  { header: l.statusNow, weight: 12, text: (r) => r.status.label, status: (r) => r.status },
  { header: l.forecast, weight: 16, text: (r) => r.projected },
  { header: l.endTarget, weight: 12, text: (r) => r.target },
];

export function drawForecasts(w: ReportWriter, forecasts: ForecastsSection): void {
  const section = w.section(w.root, forecasts.heading);
  w.heading(section, 1, forecasts.heading);
  w.paragraph(section, forecasts.description, { colour: GREY.muted }, 6);
  w.paragraph(section, forecasts.summary, {}, 8);
  w.heading(section, 2, w.labels.atRisk);
  w.paragraph(section, forecasts.atRiskDescription, {}, 8);
  if (forecasts.rows.length > 0) drawTable(w, section, columns(w.labels), forecasts.rows, w.labels.atRisk);
  section.end();
}
