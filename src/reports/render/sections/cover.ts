import type { CoverSection } from '../../layout/report-layout';
import { legibleTextOn } from '../../templates/colours';
import { FONT, GREY, SIZE } from '../style';
import type { ReportWriter, Struct } from '../writer';

const BAND_HEIGHT = 220;
const LOGO_BOX = { width: 120, height: 64, inset: 10 } as const;

/** A full-width band in the template's primary colour with the title, then the period and provenance. */
/** `titleLanguage` is set when the title is in another language than the pack (no Welsh title in the template). */
export function drawCover(w: ReportWriter, cover: CoverSection, logo: string | null, titleLanguage: string | null): Struct {
  const { doc, colours } = w;
  const section = w.section(w.root, w.labels.cover);
  const top = w.y;
  const ink = legibleTextOn(colours.primary);
  w.artifact(() => {
    doc.save().rect(0, top, doc.page.width, BAND_HEIGHT).fill(colours.primary).restore();
    if (logo) {
      const x = w.left + w.width - LOGO_BOX.width;
      const y = top + 18;
      doc.save().roundedRect(x, y, LOGO_BOX.width, LOGO_BOX.height, 4).fill('#ffffff').restore();
      doc.image(logo, x + LOGO_BOX.inset, y + LOGO_BOX.inset / 2, {
        fit: [LOGO_BOX.width - 2 * LOGO_BOX.inset, LOGO_BOX.height - LOGO_BOX.inset],
        align: 'center',
        valign: 'center',
      });
    }
  });
  const textWidth = w.width - (logo ? LOGO_BOX.width + 16 : 0);
  doc.y = top + 26;
  w.tag(section, 'P', () => {
    w.style({ font: FONT.bold, size: SIZE.body, colour: ink }).doc.text(
      w.labels.strategyKind,
      w.left,
      doc.y,
      { width: textWidth, characterSpacing: 0.6 },
    );
  });
  w.moveDown(10);
  w.tag(section, 'H1', () => {
    w.style({ font: FONT.bold, size: SIZE.coverTitle, colour: ink }).doc.text(cover.title, w.left, doc.y, {
      width: textWidth,
      lineGap: 1,
    });
  }, titleLanguage ? { lang: titleLanguage } : {});
  w.moveDown(12);
  w.tag(section, 'P', () => {
    w.style({ font: FONT.bold, size: 17, colour: ink }).doc.text(cover.strategyTitle, w.left, doc.y, {
      width: w.width,
    });
    w.style({ size: 13, colour: ink }).doc.text(cover.area, w.left, doc.y + 2, { width: w.width });
  });

  doc.y = top + BAND_HEIGHT + 24;
  w.tag(section, 'P', () => {
    w.style({ font: FONT.bold, size: 17, colour: colours.primary }).doc.text(cover.periodLabel, w.left, doc.y, {
      width: w.width,
    });
  });
  w.moveDown(6);
  const facts: Array<[string, string]> = [
    [w.labels.leadPartnership, cover.leadPartnershipName],
    [w.labels.generatedOn, cover.generatedOn],
  ];
  if (cover.scopeLabel) facts.unshift([w.labels.scope, cover.scopeLabel]);
  for (const [label, value] of facts) w.labelled(section, label, value, 2);
  w.moveDown(10);
  w.rule(GREY.rule, 0.75);
  w.moveDown(14);
  return section;
}
