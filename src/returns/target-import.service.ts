import { HttpException, Injectable } from '@nestjs/common';
import type { Assignment } from '../assignments/assignment.entity';
import { AssignmentsService } from '../assignments/assignments.service';
import type { Actor } from '../auth/roles';
import { unprocessable } from '../common/api-errors';
import { Db, Transactional } from '../database/transactions';
import { comparePeriods } from '../domain/period';
import { readTargetRow, REQUIRED_TARGET_COLUMNS, type TargetRow } from '../domain/target-rows';
import type { Partnership } from '../partnerships/partnership.entity';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { StrategiesService } from '../strategies/strategies.service';
import { ThemesService } from '../strategies/themes.service';
import type { Target } from '../targets/target.entity';
import { trajectoryErrors } from '../targets/target-rules';
import { TargetsService } from '../targets/targets.service';
import { ImportRowErrorDto } from './dto/returns.dto';
import { TargetImportResultDto, TargetImportRowDto } from './dto/target-import.dto';
import { readUpload, SheetUpload } from './upload';

type Outcome = 'created' | 'updated' | 'unchanged';

interface PlannedTarget {
  row: number;
  sheet: TargetRow;
  themeId: string;
  existing: Target | undefined;
  targetChanged: boolean;
  lead: { partnership: Partnership; supporting: Partnership[] } | null;
  active: Assignment | undefined;
  leadChanged: boolean;
  outcome: Outcome;
}

/** What the trajectory rules call a field, as the sheet's column. */
const COLUMN_OF: Record<string, string> = { baselinePeriod: 'baseline_period', targetPeriod: 'target_period' };

/**
 * Targets with their milestones and lead assignments from a spreadsheet in the columns of the
 * `targets.csv` export: every row checked first, then all stored in one transaction or none.
 * Partnerships and themes are named, not given by id. Existing targets (by code) are updated
 * where the row differs, so re-importing the export changes nothing. Writes go through
 * TargetsService and AssignmentsService, so their rules and audit trail apply unchanged.
 */
@Injectable()
export class TargetImportService {
  constructor(
    private readonly strategies: StrategiesService,
    private readonly themes: ThemesService,
    private readonly targets: TargetsService,
    private readonly partnerships: PartnershipsService,
    private readonly assignments: AssignmentsService,
    private readonly db: Db,
  ) {}

  @Transactional()
  async importTargets(strategyId: string, file: SheetUpload | string, dryRun: boolean, actor: Actor): Promise<TargetImportResultDto> {
    await this.strategies.find(strategyId);
    const records = await readUpload(file, REQUIRED_TARGET_COLUMNS);
    const { planned, errors } = await this.plan(strategyId, records);
    if (errors.length > 0) {
      throw unprocessable(`Nothing was imported: ${errors.length} problem${errors.length === 1 ? '' : 's'} in ${new Set(errors.map((e) => e.row)).size} row(s)`, errors);
    }
    const result: TargetImportResultDto = { dryRun, rows: records.length, created: 0, updated: 0, unchanged: 0, targets: [] };
    for (const p of planned) {
      if (!dryRun) await this.store(strategyId, p, actor);
      result[p.outcome]++;
      result.targets.push({ row: p.row, code: p.sheet.code, title: p.sheet.title, outcome: p.outcome } satisfies TargetImportRowDto);
    }
    return result;
  }

  private async plan(strategyId: string, records: { row: number; values: Record<string, string> }[]) {
    // One after another: inside the import's transaction they share one connection, which takes
    // one query at a time (node-postgres deprecates queueing behind a running one).
    const targets = await this.targets.ofStrategy(strategyId);
    const themes = await this.themes.ofStrategy(strategyId);
    const active = await this.assignments.activeForStrategy(strategyId);
    const targetOf = new Map(targets.map((t) => [t.code.toLowerCase(), t]));
    const themeOf = new Map(themes.map((t) => [t.title.toLowerCase(), t]));
    const activeOf = new Map(active.map((a) => [a.targetId, a]));
    const read = records.map(({ row, values }) => ({ row, ...readTargetRow(values) }));
    const names = [...new Set(read.flatMap((r) => (r.target?.lead ? [r.target.lead.partnership, ...r.target.lead.supporting] : [])))];
    const partnerships = names.length ? await this.partnerships.findByIdsOrNames([], names) : [];
    const partnershipOf = new Map(partnerships.map((p) => [p.name.toLowerCase(), p]));

    const errors: ImportRowErrorDto[] = [];
    const planned: PlannedTarget[] = [];
    const seen = new Map<string, number>();
    for (const { row, target: sheet, problems } of read) {
      const fail = (column: string, message: string) => errors.push({ field: `row ${row}, ${column}`, row, column, message });
      problems.forEach((p) => fail(p.column, p.message));
      if (!sheet) continue;
      const before = errors.length;
      const key = sheet.code.toLowerCase();
      if (seen.has(key)) fail('code', `${sheet.code} is already given in row ${seen.get(key)}`);
      seen.set(key, row);
      const theme = themeOf.get(sheet.theme.toLowerCase());
      if (!theme) fail('theme', `no theme called "${sheet.theme}" in this strategy`);
      for (const e of trajectoryErrors(sheet)) fail(e.field.startsWith('milestones') ? 'milestones' : (COLUMN_OF[e.field] ?? e.field), e.message);
      let lead: PlannedTarget['lead'] = null;
      if (sheet.lead) {
        const partnership = partnershipOf.get(sheet.lead.partnership.toLowerCase());
        if (!partnership) fail('lead_partnership', `no partnership called "${sheet.lead.partnership}"`);
        const supporting = sheet.lead.supporting.map((name) => {
          const found = partnershipOf.get(name.toLowerCase());
          if (!found) fail('supporting_partnerships', `no partnership called "${name}"`);
          return found;
        });
        if (partnership && supporting.every(Boolean)) lead = { partnership, supporting: supporting as Partnership[] };
      }
      if (errors.length > before || !theme) continue;

      const existing = targetOf.get(key);
      const current = existing ? activeOf.get(existing.id) : undefined;
      const targetChanged = !existing || differs(existing, sheet, theme.id);
      const leadChanged = lead !== null && leadDiffers(current, lead, sheet);
      planned.push({
        row,
        sheet,
        themeId: theme.id,
        existing,
        targetChanged,
        lead,
        active: current,
        leadChanged,
        outcome: !existing ? 'created' : targetChanged || leadChanged ? 'updated' : 'unchanged',
      });
    }
    return { planned, errors };
  }

  /** One row's writes; a refusal by the services (a rule this import did not foresee) names the row. */
  private async store(strategyId: string, p: PlannedTarget, actor: Actor): Promise<void> {
    const s = p.sheet;
    const fields = {
      code: s.code,
      title: s.title,
      themeId: p.themeId,
      unit: s.unit,
      direction: s.direction,
      frequency: s.frequency,
      baselineValue: s.baselineValue,
      baselinePeriod: s.baselinePeriod,
      targetValue: s.targetValue,
      targetPeriod: s.targetPeriod,
      milestones: s.milestones,
      tolerancePercent: s.tolerancePercent,
    };
    try {
      let targetId = p.existing?.id;
      if (!p.existing) {
        const created = await this.targets.create(strategyId, fields, actor);
        targetId = created.id;
        if (s.archived) await this.targets.update(created.id, { version: created.version, archived: true }, actor);
      } else if (p.targetChanged) {
        await this.targets.update(p.existing.id, { ...fields, archived: s.archived, version: p.existing.version }, actor);
      }
      if (p.lead && p.leadChanged) {
        const officer = s.lead!.officer;
        const supportingPartnershipIds = p.lead.supporting.map((x) => x.id);
        if (p.active && p.active.partnershipId === p.lead.partnership.id) {
          await this.assignments.update(p.active.id, { accountableOfficer: officer, supportingPartnershipIds }, actor);
        } else {
          // A new lead takes over: the old lead's assignment is withdrawn, its history kept.
          if (p.active) await this.assignments.update(p.active.id, { status: 'withdrawn' }, actor);
          await this.assignments.create(targetId!, { partnershipId: p.lead.partnership.id, accountableOfficer: officer, supportingPartnershipIds }, actor);
        }
      }
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() < 500) {
        const message = (error.getResponse() as { message?: string }).message ?? error.message;
        throw unprocessable(`Nothing was imported: row ${p.row} was refused`, [{ field: `row ${p.row}, code`, row: p.row, column: 'code', message } as ImportRowErrorDto]);
      }
      throw error;
    }
  }
}

function differs(t: Target, s: TargetRow, themeId: string): boolean {
  const milestones = (list: { period: string; value: number }[]) =>
    [...list]
      .sort((a, b) => comparePeriods(a.period, b.period))
      .map((m) => `${m.period}=${m.value}`)
      .join(';');
  return (
    t.code !== s.code ||
    t.title !== s.title ||
    t.themeId !== themeId ||
    t.unit !== s.unit ||
    t.direction !== s.direction ||
    t.frequency !== s.frequency ||
    t.baselineValue !== s.baselineValue ||
    t.baselinePeriod !== s.baselinePeriod ||
    t.targetValue !== s.targetValue ||
    t.targetPeriod !== s.targetPeriod ||
    t.tolerancePercent !== s.tolerancePercent ||
    t.archived !== s.archived ||
    milestones(t.milestones ?? []) !== milestones(s.milestones)
  );
}

function leadDiffers(active: Assignment | undefined, lead: NonNullable<PlannedTarget['lead']>, s: TargetRow): boolean {
  if (!active || active.partnershipId !== lead.partnership.id) return true;
  const ids = (list: { id: string }[]) => list.map((p) => p.id).sort().join(',');
  return active.officerName !== s.lead!.officer.name || active.officerEmail !== s.lead!.officer.email || ids(active.supportingPartnerships ?? []) !== ids(lead.supporting);
}
