import { contrastRatio, isHexColour, legibleTextOn, NEAR_BLACK, normaliseHex, WHITE } from './colours';

describe('colours', () => {
  it.each([
    ['#fff', true],
    ['#1D3F6E', true],
    ['#1d3f6', false],
    ['1d3f6e', false],
    ['navy', false],
    [42, false],
  ])('isHexColour(%p) is %p', (value, expected) => {
    expect(isHexColour(value)).toBe(expected);
  });

  it('normalises to six lower-case digits', () => {
    expect(normaliseHex('#ABC')).toBe('#aabbcc');
    expect(normaliseHex('#1D3F6E')).toBe('#1d3f6e');
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // The WCAG reference pair: #777777 on white is just under AA's 4.5:1.
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('picks white text on dark fills and dark text on light ones', () => {
    expect(legibleTextOn('#1d3f6e')).toBe(WHITE);
    expect(legibleTextOn('#f2a900')).toBe(NEAR_BLACK);
  });
});
