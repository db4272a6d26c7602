import type { StrategySummaryDto, TargetSummaryDto } from '../../summary/summary.dto';
import { status } from './format';
import type { AccountabilityGroup, AccountabilitySection, AccountableTarget } from './report-layout';
import { compareCodes } from '../../domain/codes';
import { NO_LEAD, NO_OFFICER } from './targets';

function accountableTarget(target: TargetSummaryDto): AccountableTarget {
  return {
    code: target.code,
    title: target.title,
    officer: target.lead?.officerName ?? NO_OFFICER,
    supporting: target.supportingPartnerships.map((p) => p.name).join(', ') || 'None',
    status: status(target.rag),
  };
}

/** Grouped by lead partnership in name order; targets nobody leads come last, where they stand out. */
function groups(targets: readonly TargetSummaryDto[]): AccountabilityGroup[] {
  const byLead = new Map<string, { name: string; targets: TargetSummaryDto[] }>();
  const unled: TargetSummaryDto[] = [];
  for (const target of targets) {
    if (!target.lead) {
      unled.push(target);
      continue;
    }
    const group = byLead.get(target.lead.partnershipId) ?? { name: target.lead.partnershipName, targets: [] };
    group.targets.push(target);
    byLead.set(target.lead.partnershipId, group);
  }
  const led = [...byLead.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const all = unled.length > 0 ? [...led, { name: NO_LEAD, targets: unled }] : led;
  return all.map((g) => ({
    partnership: g.name,
    targets: [...g.targets].sort((a, b) => compareCodes(a.code, b.code)).map(accountableTarget),
  }));
}

export function accountabilitySection(summary: StrategySummaryDto): AccountabilitySection {
  return {
    kind: 'accountability',
    heading: 'Who is accountable',
    description:
      'Each target has one lead partnership and a named officer accountable for it; other ' +
      'partnerships support. Targets are grouped by their lead partnership.',
    groups: groups(summary.themes.flatMap((t) => t.targets)),
  };
}
