import type { StrategySummaryDto, TargetSummaryDto } from '../../summary/summary.dto';
import { status } from './format';
import type { AccountabilityGroup, AccountabilitySection, AccountableTarget } from './report-layout';
import { compareCodes } from '../../domain/codes';
import type { ReportWords } from './words';

function accountableTarget(target: TargetSummaryDto, words: ReportWords): AccountableTarget {
  return {
    code: target.code,
    title: target.title,
    officer: target.lead?.officerName ?? words.noOfficer,
    supporting: target.supportingPartnerships.map((p) => p.name).join(', ') || words.noSupporting,
    status: status(target.rag, words),
  };
}

/** Grouped by lead partnership in name order; targets nobody leads come last, where they stand out. */
function groups(targets: readonly TargetSummaryDto[], words: ReportWords): AccountabilityGroup[] {
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
  const all = unled.length > 0 ? [...led, { name: words.noLead, targets: unled }] : led;
  return all.map((g) => ({
    partnership: g.name,
    targets: [...g.targets].sort((a, b) => compareCodes(a.code, b.code)).map((t) => accountableTarget(t, words)),
  }));
}

export function accountabilitySection(summary: StrategySummaryDto, words: ReportWords): AccountabilitySection {
  return {
    kind: 'accountability',
    heading: words.labels.accountability,
    description: words.accountabilityDescription,
    groups: groups(summary.themes.flatMap((t) => t.targets), words),
  };
}
