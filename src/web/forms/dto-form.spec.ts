import { ConflictException } from '@nestjs/common';
import { CreateAssignmentDto } from '../../assignments/dto/assignment.dto';
import { conflict, unprocessable } from '../../common/api-errors';
import { milestonesOf } from '../setup/target-setup.controller';
import { checkDto, dateOf, dateParts, list, numberOrText, orNull, serviceProblems } from './dto-form';

// The catalogue key stands in for the words, so the test reads which problem was found.
const t = (key: string, options?: Record<string, unknown>) => (options?.message ? `${key}: ${String(options.message)}` : key);

describe('set-up forms checked against the API’s DTOs', () => {
  it('names each failing field once, in the form’s order, with nested fields shown against their form field', () => {
    const order = ['partnershipId', 'supportingPartnershipIds', 'officerName', 'officerEmail'];
    const alias = { 'accountableOfficer.name': 'officerName', 'accountableOfficer.email': 'officerEmail' };
    const { problems } = checkDto(CreateAssignmentDto, { partnershipId: 'x', supportingPartnershipIds: ['y'], accountableOfficer: { name: '', email: 'no' } }, 'a.errors', t, order, alias);
    expect(problems.errors).toEqual([
      { text: 'a.errors.partnershipId', href: '#partnershipId' },
      { text: 'a.errors.supportingPartnershipIds', href: '#supportingPartnershipIds' },
      { text: 'a.errors.officerName', href: '#officerName' },
      { text: 'a.errors.officerEmail', href: '#officerEmail' },
    ]);
    const good = checkDto(CreateAssignmentDto, { partnershipId: '3f1c1a6e-8b1e-4c59-9d52-1d6a2f7e9b10', accountableOfficer: { name: ' Elin ', email: 'E@X.TEST' } }, 'a.errors', t, order, alias);
    expect(good.problems.errors).toEqual([]);
    expect(good.dto.accountableOfficer).toEqual({ name: 'Elin', email: 'e@x.test' });
  });

  it('shows a service’s refusal against the field it names, or the first field when it names none, and nothing else', () => {
    expect(serviceProblems(unprocessable('bad', [{ field: 'endDate', message: 'must be after the start' }]), t, ['title', 'endDate'])?.errors).toEqual([
      { text: 'setupCommon.refused: must be after the start', href: '#endDate' },
    ]);
    expect(serviceProblems(conflict('Someone else has it'), t, ['code', 'title'])?.errors).toEqual([{ text: 'setupCommon.refused: Someone else has it', href: '#code' }]);
    expect(serviceProblems(new ConflictException('plain'), t, ['code'])?.errors[0].href).toBe('#code');
    expect(serviceProblems(new Error('boom'), t, ['code'])).toBeNull();
  });

  it('reads GOV.UK date inputs as YYYY-MM-DD, passing anything else on for the DTO to refuse', () => {
    expect(dateOf({ 'd-day': '1', 'd-month': '4', 'd-year': '2025' }, 'd')).toBe('2025-04-01');
    expect(dateOf({ 'd-day': ' 31 ', 'd-month': '12', 'd-year': '2030' }, 'd')).toBe('2030-12-31');
    expect(dateOf({}, 'd')).toBe('');
    expect(dateOf({ 'd-day': 'x', 'd-month': '4', 'd-year': '2025' }, 'd')).not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dateOf({ 'd-day': '1', 'd-month': '4', 'd-year': '25' }, 'd')).not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dateParts('2025-04-01')).toEqual({ day: '1', month: '4', year: '2025' });
    expect(dateParts(null)).toEqual({ day: '', month: '', year: '' });
  });

  it('reads typed numbers, lists and empty text as the API’s values', () => {
    expect(numberOrText('1,234.5')).toBe(1234.5);
    expect(numberOrText(' -3 ')).toBe(-3);
    expect(numberOrText('')).toBeNull();
    expect(numberOrText('lots')).toBe('lots');
    expect(numberOrText('1e5')).toBe('1e5');
    expect(list('a')).toEqual(['a']);
    expect(list(['a', '', 'b', 3])).toEqual(['a', 'b']);
    expect(list(undefined)).toEqual([]);
    expect(orNull('  ')).toBeNull();
    expect(orNull('x')).toBe('x');
  });

  it('reads milestones a `quarter figure` line, passing unreadable lines on', () => {
    expect(milestonesOf('2025-26-Q4 1,100\r\n\r\n  2026-27-Q4   1000 ')).toEqual([
      { period: '2025-26-Q4', value: 1100 },
      { period: '2026-27-Q4', value: 1000 },
    ]);
    expect(milestonesOf('soon')).toEqual([{ period: 'soon', value: null }]);
    expect(milestonesOf('')).toEqual([]);
  });
});
