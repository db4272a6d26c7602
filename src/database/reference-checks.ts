import { Injectable } from '@nestjs/common';
import { conflict } from '../common/api-errors';

type Counter = (id: string) => Promise<number>;

/**
 * What still refers to a resource, so that deleting it can be refused with a message that says
 * why instead of cascading behind the user's back. Each module registers the references it
 * owns (a strategy registers "strategies it leads" against partnerships), which keeps the
 * direction of dependence: partnerships know nothing of strategies. The counters read through
 * their module's `Db`, so inside a delete's transaction they see what it sees.
 */
@Injectable()
export class ReferenceChecks {
  private readonly checks = new Map<string, { label: string; count: Counter }[]>();

  register(resource: string, label: string, count: Counter): void {
    const list = this.checks.get(resource) ?? [];
    list.push({ label, count });
    this.checks.set(resource, list);
  }

  /** Throws 409 naming every kind of reference that still points at `id`. */
  async assertUnreferenced(resource: string, id: string, what: string, hint = ''): Promise<void> {
    const blockers: string[] = [];
    for (const check of this.checks.get(resource) ?? []) {
      const n = await check.count(id);
      if (n > 0) blockers.push(`${n} ${check.label}`);
    }
    if (blockers.length > 0) {
      throw conflict(`${what} cannot be deleted: it still has ${blockers.join(', ')}${hint}`);
    }
  }
}
