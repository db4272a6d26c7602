import { BadRequestException, ConflictException, ForbiddenException, UnprocessableEntityException } from '@nestjs/common';
import { checkedFile, fieldProblem, importRefusal, multerProblem } from './upload-form';

// The catalogue key and its options stand in for the words, so the test reads which message was chosen with what.
const t = (key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key);
const file = (originalname: string, size = 10) => ({ originalname, size, buffer: Buffer.alloc(size) });

describe('the spreadsheet upload pages’ shared checks', () => {
  it('puts one problem in the summary and on its field, the file field unless told', () => {
    expect(fieldProblem('Choose a strategy', 'strategy')).toEqual({ errors: [{ text: 'Choose a strategy', href: '#strategy' }], fieldErrors: { strategy: { text: 'Choose a strategy' } } });
    expect(fieldProblem('x').errors[0].href).toBe('#file');
  });

  it.each([
    [undefined, null],
    ['', null],
    ['LIMIT_FILE_SIZE', 'upload.errors.tooBig'],
    ['LIMIT_UNEXPECTED_FILE', 'upload.errors.unreadable'],
    ['unreadable', 'upload.errors.unreadable'],
  ])('answers multer’s %p with %p', (code, key) => {
    const problems = multerProblem('upload', code, t);
    expect(problems?.errors[0].text ?? null).toBe(key);
    if (problems) expect(problems.fieldErrors.file.text).toBe(key);
  });

  it.each([
    [undefined, 'missing'],
    [file('return.csv', 0), 'empty'],
    [file('return.txt'), 'type'],
    [file('return.xls'), 'type'],
    [file('csv'), 'type'],
  ])('refuses %p before reading it (%s), in the page’s own words', (given, key) => {
    expect(checkedFile('targetImport', given, t)).toEqual({ problems: fieldProblem(`targetImport.errors.${key}`) });
  });

  it.each(['return.csv', 'RETURN.CSV', 'targets.xlsx', 'a.b.Xlsx'])('passes %s on, the same file', (name) => {
    const given = file(name);
    const checked = checkedFile('upload', given, t);
    expect(checked).toEqual({ file: given });
    expect('file' in checked && checked.file).toBe(given);
  });

  it('lists an import’s refusal a line per row and column, every line pointing at the file, which says nothing was stored', () => {
    const error = new UnprocessableEntityException({
      message: 'Validation failed',
      errors: [
        { row: 3, column: 'value', message: 'must be a number' },
        { row: 7, column: 'period', message: 'is not a quarter' },
        { field: 'file', message: 'has no rows' },
      ],
    });
    expect(importRefusal('upload', error, t)).toEqual({
      errors: [
        { text: 'upload.errors.row {"row":3,"column":"value","message":"must be a number"}', href: '#file' },
        { text: 'upload.errors.row {"row":7,"column":"period","message":"is not a quarter"}', href: '#file' },
        { text: 'upload.errors.file {"message":"has no rows"}', href: '#file' },
      ],
      fieldErrors: { file: { text: 'upload.errors.nothingStored {"count":3}' } },
    });
  });

  it('falls back to the refusal’s message when it lists no rows, for 400 as for 422', () => {
    const refused = importRefusal('targetImport', new BadRequestException('The file could not be read as CSV'), t);
    expect(refused?.errors).toEqual([{ text: 'targetImport.errors.file {"message":"The file could not be read as CSV"}', href: '#file' }]);
    expect(refused?.fieldErrors.file.text).toBe('targetImport.errors.nothingStored {"count":1}');
  });

  it.each([new ConflictException('x'), new ForbiddenException(), new Error('database gone'), 'a string'])('lets anything else through (%p), for the page to throw', (error) => {
    expect(importRefusal('upload', error, t)).toBeNull();
  });
});
