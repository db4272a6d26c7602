import { breakLines } from './lines';
import type { Doc } from './writer';

/** Every character 5 points wide: enough to check where lines break. */
const doc = { widthOfString: (text: string) => [...text].length * 5 } as unknown as Doc;

describe('breakLines', () => {
  it('keeps text that fits on one line', () => {
    expect(breakLines(doc, 'Net additional homes', 200)).toEqual(['Net additional homes ']);
  });

  it('breaks at spaces, keeping a trailing space so words stay apart when extracted', () => {
    expect(breakLines(doc, 'Net additional homes provided', 90)).toEqual(['Net additional ', 'homes provided ']);
  });

  it('keeps explicit line breaks', () => {
    expect(breakLines(doc, '100 homes\n2024/25 Q4', 200)).toEqual(['100 homes ', '2024/25 Q4 ']);
  });

  it('splits a word wider than the column, after @ or . where it can', () => {
    expect(breakLines(doc, 'tom.ellis@saferwealden.org.uk', 65)).toEqual(['tom.ellis@', 'saferwealden.', 'org.uk ']);
  });

  it('splits a word with no natural break point where it must', () => {
    expect(breakLines(doc, 'abcdefghij', 25)).toEqual(['abcde', 'fghij ']);
  });

  it('ends the last line kept with an ellipsis when there are too many', () => {
    expect(breakLines(doc, 'one two three four five six', 50, 2)).toEqual(['one two ', 'three fou…']);
  });

  it('gives an empty line for empty text', () => {
    expect(breakLines(doc, '', 50)).toEqual(['']);
  });
});
