import { ForbiddenException } from '@nestjs/common';
import { type LedTarget, may, refusal, requireAccess } from './policy';
import type { Actor, Role } from './roles';

const SAFER = 'p-safer';
const HOUSING = 'p-housing';

function actor(role: Role, partnershipIds: string[] = []): Actor {
  return { id: `u-${role}`, email: `${role}@example.test`, name: role, role, partnershipIds };
}

const ledBySafer: LedTarget = { code: 'NI 16', lead: { partnershipId: SAFER, partnershipName: 'Safer Wealden Partnership' } };
const unled: LedTarget = { code: 'NI 20', lead: null };

describe('may(actor, action, resource)', () => {
  describe('progress.report: giving figures for a target, by the API or an import', () => {
    it.each<[string, Actor, LedTarget, boolean]>([
      ['an officer of the lead partnership', actor('partnership-officer', [SAFER]), ledBySafer, true],
      ['an officer of several partnerships, one of them the lead', actor('partnership-officer', [HOUSING, SAFER]), ledBySafer, true],
      ['an officer of another partnership', actor('partnership-officer', [HOUSING]), ledBySafer, false],
      ['an officer of no partnership', actor('partnership-officer'), ledBySafer, false],
      ['an officer, for a target nobody leads', actor('partnership-officer', [SAFER]), unled, false],
      ['a viewer, even one listed against the lead partnership', actor('viewer', [SAFER]), ledBySafer, false],
      ['a coordinator', actor('coordinator'), ledBySafer, true],
      ['a coordinator, for a target nobody leads', actor('coordinator'), unled, true],
      ['an admin', actor('admin'), unled, true],
    ])('%s → %p', (_label, who, target, allowed) => {
      expect(may(who, 'progress.report', target)).toBe(allowed);
      expect(refusal(who, 'progress.report', target) === null).toBe(allowed);
    });

    it('says who leads the target when it refuses, and that nobody does when none does', () => {
      const stranger = actor('partnership-officer', [HOUSING]);
      expect(refusal(stranger, 'progress.report', ledBySafer)).toBe('NI 16 is led by Safer Wealden Partnership, not by a partnership you belong to');
      expect(refusal(stranger, 'progress.report', { code: 'NI 16', lead: { partnershipId: SAFER } })).toBe(
        'NI 16 is led by another partnership, not by a partnership you belong to',
      );
      expect(refusal(stranger, 'progress.report', unled)).toBe('NI 20 has no active lead assignment, so no partnership may report on it yet');
    });
  });

  describe('progress.correct: changing an approved figure', () => {
    it.each<[Actor, boolean]>([
      [actor('partnership-officer', [SAFER]), false],
      [actor('viewer'), false],
      [actor('coordinator'), true],
      [actor('admin'), true],
    ])('%j → %p', (who, allowed) => {
      expect(may(who, 'progress.correct', ledBySafer)).toBe(allowed);
    });
  });

  describe('returns.template: a partnership’s figures and commentary for a quarter', () => {
    it.each<[string, Actor, boolean]>([
      ['an officer of that partnership', actor('partnership-officer', [SAFER]), true],
      ['an officer of another partnership', actor('partnership-officer', [HOUSING]), false],
      ['a viewer (who reads all progress anyway)', actor('viewer'), true],
      ['a coordinator', actor('coordinator'), true],
      ['an admin', actor('admin'), true],
    ])('%s → %p', (_label, who, allowed) => {
      expect(may(who, 'returns.template', { partnershipId: SAFER })).toBe(allowed);
    });
  });

  it('requireAccess throws a 403 carrying the refusal, and passes silently otherwise', () => {
    const stranger = actor('partnership-officer', [HOUSING]);
    expect(() => requireAccess(stranger, 'progress.report', ledBySafer)).toThrow(ForbiddenException);
    expect(() => requireAccess(stranger, 'progress.report', ledBySafer)).toThrow(refusal(stranger, 'progress.report', ledBySafer)!);
    expect(() => requireAccess(actor('partnership-officer', [SAFER]), 'progress.report', ledBySafer)).not.toThrow();
  });
});
