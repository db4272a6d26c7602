import { batchStreamWrites, EmbeddedFont, useOneGlyphPerCharacter } from './pdfkit-speed';

function fakeFont(missing: number[] = []) {
  const shaped: string[] = [];
  const font: EmbeddedFont = {
    scale: 0.5,
    font: { glyphForCodePoint: (cp: number) => ({ id: missing.includes(cp) ? 0 : cp, advanceWidth: 1000 + cp }) },
    layout: (text: string) => {
      shaped.push(text);
      return { glyphs: [], positions: [], advanceWidth: -1 };
    },
  };
  useOneGlyphPerCharacter(font);
  return { font, shaped };
}

describe('useOneGlyphPerCharacter', () => {
  it('lays out Latin text, Welsh letters and symbols one glyph per character, scaled', () => {
    const { font, shaped } = fakeFont();
    const run = font.layout('ŵ£≥');
    expect(shaped).toEqual([]);
    expect(run.glyphs!.map((g) => g.id)).toEqual([0x175, 0xa3, 0x2265]);
    expect(run.positions![0]).toEqual({ xAdvance: (1000 + 0x175) * 0.5, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: (1000 + 0x175) * 0.5 });
    expect(run.advanceWidth).toBe(((1000 + 0x175) + (1000 + 0xa3) + (1000 + 0x2265)) * 0.5);
    expect(font.layout('ab', undefined, true)).toEqual({ glyphs: null, positions: null, advanceWidth: (1097 + 1098) * 0.5 });
  });

  it.each([
    ['a combining mark', 'w\u0302'],
    ['Arabic', 'سلام'],
    ['an emoji outside the Basic Multilingual Plane', 'ok 👍'],
  ])('hands %s to full shaping', (_label, text) => {
    const { font, shaped } = fakeFont();
    expect(font.layout(text).advanceWidth).toBe(-1);
    expect(shaped).toEqual([text]);
  });

  it('hands text to full shaping when the font lacks a character, and when features are asked for', () => {
    const { font, shaped } = fakeFont([0x2603]);
    font.layout('snow ☃');
    font.layout('fi', ['liga']);
    expect(shaped).toEqual(['snow ☃', 'fi']);
  });
});

describe('batchStreamWrites', () => {
  class Reference {
    buffer: Uint8Array[] = [];
    write(chunk: string | Uint8Array) {
      this.buffer.push(typeof chunk === 'string' ? Buffer.from(`${chunk}\n`, 'latin1') : chunk);
    }
    finalize() {
      this.buffer = [Buffer.concat(this.buffer)];
    }
  }

  it('writes the same bytes in the same order, text turned into bytes once', () => {
    const plain = new Reference();
    class Batched extends Reference {}
    const sample = new Batched();
    batchStreamWrites(sample);
    const ops = (r: Reference) => {
      r.write('q');
      r.write('1 0 0 1 10 20 cm');
      r.write(Buffer.from('<binary>'));
      r.write('Q');
      r.finalize();
    };
    ops(plain);
    ops(sample);
    expect(Buffer.from(sample.buffer[0]).toString('latin1')).toBe(Buffer.from(plain.buffer[0]).toString('latin1'));
  });
});
