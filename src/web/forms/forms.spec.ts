import { checkForm } from './form-errors';
import { figureOf, optionalText, ReturnForm } from './return.form';
import { SignInForm } from './sign-in.form';

// The catalogue key stands in for the words, so the test reads which problem was found.
const t = (key: string) => key;

describe('the web forms', () => {
  it('reports the most basic problem of each field first, in the order of the form', () => {
    expect(checkForm(SignInForm, {}, t).problems.errors).toEqual([
      { text: 'signIn.errors.emailMissing', href: '#email' },
      { text: 'signIn.errors.passwordMissing', href: '#password' },
    ]);
    expect(checkForm(SignInForm, { email: '  ', password: '' }, t).problems.fieldErrors).toEqual({
      email: { text: 'signIn.errors.emailMissing' },
      password: { text: 'signIn.errors.passwordMissing' },
    });
    expect(checkForm(SignInForm, { email: 'nobody', password: 'p'.repeat(201) }, t).problems.errors.map((e) => e.text)).toEqual([
      'signIn.errors.emailFormat',
      'signIn.errors.passwordTooLong',
    ]);
    expect(checkForm(SignInForm, { email: ' a@b.test ', password: 'x' }, t)).toMatchObject({ form: { email: 'a@b.test' }, problems: { errors: [] } });
  });

  it.each([
    [{}, 'returnForm.errors.valueMissing'],
    [{ value: '   ' }, 'returnForm.errors.valueMissing'],
    [{ value: ['1', '2'] }, 'returnForm.errors.valueMissing'],
    [{ value: '12 homes' }, 'returnForm.errors.valueNumber'],
    [{ value: '1e5' }, 'returnForm.errors.valueNumber'],
    [{ value: '1'.repeat(21) }, 'returnForm.errors.valueTooLong'],
  ])('refuses the figure %j with %s', (body, key) => {
    expect(checkForm(ReturnForm, body, t).problems.fieldErrors.value).toEqual({ text: key });
  });

  it('takes figures as people type them, and long text only up to the API’s limit', () => {
    for (const [typed, value] of [['951', 951], [' 1,234.5 ', 1234.5], ['-3', -3], ['0.25', 0.25]] as const) {
      const { form, problems } = checkForm(ReturnForm, { value: typed }, t);
      expect(problems.errors).toEqual([]);
      expect(figureOf(form.value)).toBe(value);
    }
    const long = checkForm(ReturnForm, { value: '1', commentary: 'c'.repeat(10_001), risks: 'r'.repeat(10_000) }, t).problems;
    expect(long.errors).toEqual([{ text: 'returnForm.errors.commentaryTooLong', href: '#commentary' }]);
    expect(optionalText('  ')).toBeNull();
    expect(optionalText(' Two\r\nlines ')).toBe('Two\nlines');
  });
});
