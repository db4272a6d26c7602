/**
 * DejaVu from the `dejavu-fonts-ttf` package: TrueType files with the glyphs a UK pack needs
 * (£ – ≥ and Welsh ŵ ŷ), and OpenType tables light enough to shape a county-sized pack quickly.
 * Read once per process; each document embeds only the glyphs it uses.
 */
import { readFileSync } from 'node:fs';
import { FONT, type FontName } from './style';

const FILES: Record<FontName, string> = {
  [FONT.regular]: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  [FONT.bold]: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  [FONT.condensed]: 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf',
  [FONT.condensedBold]: 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf',
};

let loaded: Map<FontName, Buffer> | undefined;

export function reportFonts(): ReadonlyMap<FontName, Buffer> {
  loaded ??= new Map(
    (Object.entries(FILES) as Array<[FontName, string]>).map(([name, file]) => [
      name,
      readFileSync(require.resolve(file)),
    ]),
  );
  return loaded;
}
