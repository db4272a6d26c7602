/**
 * Who may do what to which record: the one access policy, after immich's `requireAccess`.
 * Route guards (@Roles) decide who may call a route at all; this decides, for the record in
 * hand, whether this actor may act on it. Used by the API services, the CSV import (a refused
 * row gets the same message as the API's 403), the CLI (through the same services) and the web
 * pages. Pure: the caller loads the facts (who leads the target) and passes them in.
 */
import { ForbiddenException } from '@nestjs/common';
import { type Actor, MANAGERS } from './roles';

/** A target as the policy sees it: its code and its active lead partnership, if any. */
export interface LedTarget {
  code: string;
  lead: { partnershipId: string; partnershipName?: string | null } | null;
}

/** Each action, with the resource it acts on. */
export interface Resources {
  /** Give, change, submit or delete (a draft of) a target's figures, by the API or an import. */
  'progress.report': LedTarget;
  /** Change a figure that a coordinator has already approved. */
  'progress.correct': LedTarget;
  /** Download a partnership's return template (its figures and commentary for the quarter). */
  'returns.template': { partnershipId: string };
  /** Publish (freeze) a strategy's board pack for board members. */
  'reports.publish': { strategyId: string };
}
export type Action = keyof Resources;

/** Coordinators manage the whole strategy; admins may do everything. */
export function isManager(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || MANAGERS.includes(actor.role);
}

function belongsTo(actor: Actor, partnershipId: string): boolean {
  return actor.role === 'partnership-officer' && actor.partnershipIds.includes(partnershipId);
}

/** Why the actor may not do this, or null when they may. */
export function refusal<A extends Action>(actor: Actor, action: A, resource: Resources[A]): string | null {
  if (isManager(actor)) return null;
  switch (action) {
    case 'progress.report': {
      const { code, lead } = resource as LedTarget;
      if (!lead) return `${code} has no active lead assignment, so no partnership may report on it yet`;
      if (belongsTo(actor, lead.partnershipId)) return null;
      return `${code} is led by ${lead.partnershipName ?? 'another partnership'}, not by a partnership you belong to`;
    }
    case 'progress.correct':
      return 'An approved update can be corrected only by a coordinator';
    case 'returns.template': {
      const { partnershipId } = resource as Resources['returns.template'];
      if (actor.role !== 'partnership-officer' || belongsTo(actor, partnershipId)) return null;
      return 'You may download the return template only of a partnership you belong to';
    }
    case 'reports.publish':
      return 'Only a coordinator may publish a board pack';
  }
  return `Unknown action ${String(action)}`;
}

/** May the actor do this? */
export function may<A extends Action>(actor: Actor, action: A, resource: Resources[A]): boolean {
  return refusal(actor, action, resource) === null;
}

/** 403, with the reason, unless the actor may do this. */
export function requireAccess<A extends Action>(actor: Actor, action: A, resource: Resources[A]): void {
  const reason = refusal(actor, action, resource);
  if (reason !== null) throw new ForbiddenException(reason);
}
