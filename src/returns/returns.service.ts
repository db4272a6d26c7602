import { Injectable } from '@nestjs/common';
import { AssignmentsService } from '../assignments/assignments.service';
import { refusal, requireAccess } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { unprocessable, validationFailed } from '../common/api-errors';
import { decodeCsv, SheetFileError } from '../common/spreadsheet/decode';
import { ConnectionQueue } from '../database/connection-queue';
import { Db, Transactional } from '../database/transactions';
import { slug } from '../common/slug';
import { byCode } from '../domain/codes';
import { comparePeriods, parsePeriodInput, PeriodFormatError, periodContaining } from '../domain/period';
import { returnOutcome, returnWindowProblem, type ReturnOutcome } from '../domain/progress-returns';
import { isReturnDue } from '../domain/status';
import { expectedValue } from '../domain/trajectory';
import { trajectoryOf } from '../targets/target-rules';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { ProgressService } from '../progress/progress.service';
import { toProgressDto } from '../progress/progress.mapper';
import { Clock } from '../common/clock';
import { StrategiesService } from '../strategies/strategies.service';
import { ThemesService } from '../strategies/themes.service';
import type { ProgressUpdate } from '../progress/progress-update.entity';
import type { Target } from '../targets/target.entity';
import { TargetsService } from '../targets/targets.service';
import { CsvRecord, parseCsvSlices, toCsv } from './csv';
import { ImportResultDto, ImportRowErrorDto, ProgressExportQuery, ReturnTemplateQuery } from './dto/returns.dto';
import { readUpload, SheetFile, SheetUpload, writeSheet } from './upload';

const TEMPLATE_COLUMNS = ['code', 'title', 'unit', 'period', 'expected', 'last_value', 'value', 'commentary', 'risks', 'next_actions'];
const PROGRESS_COLUMNS = ['code', 'title', 'unit', 'period', 'value', 'status', 'expected', 'rag', 'commentary', 'risks', 'next_actions'];
const TARGET_COLUMNS = [
  'code', 'title', 'theme', 'unit', 'direction', 'frequency', 'baseline_value', 'baseline_period', 'target_value', 'target_period',
  'milestones', 'tolerance_percent', 'lead_partnership', 'accountable_officer', 'officer_email', 'supporting_partnerships', 'archived',
];

interface PlanContext {
  byCodeMap: Map<string, Target>;
  leadOf: Map<string, { partnershipId: string; partnershipName: string }>;
  current: string;
  /** The row each (target, period) was first given in, across the whole file. */
  seen: Map<string, number>;
}

interface PlannedRow {
  target: Target;
  period: string;
  change: { value: number; commentary: string | null; risks: string | null; nextActions: string | null };
  outcome: ReturnOutcome;
  existing: ProgressUpdate | undefined;
}

/**
 * Quarterly returns as spreadsheets: the template a partnership fills in, the import that
 * stores a whole file or nothing, and CSV exports of targets and progress.
 */
@Injectable()
export class ReturnsService {
  constructor(
    private readonly strategies: StrategiesService,
    private readonly themes: ThemesService,
    private readonly targets: TargetsService,
    private readonly partnerships: PartnershipsService,
    private readonly progress: ProgressService,
    private readonly assignments: AssignmentsService,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** The partnership's targets due a return in the period, pre-filled with what is known, as CSV or .xlsx. */
  async template(partnershipId: string, query: ReturnTemplateQuery, actor: Actor, format: SheetUpload['format'] = 'csv'): Promise<SheetFile> {
    const partnership = await this.partnerships.find(partnershipId);
    requireAccess(actor, 'returns.template', { partnershipId });
    const assignments = await this.assignments.activeLedBy(partnershipId);
    const targets = (await this.targets.findMany(assignments.map((a) => a.targetId)))
      .filter((t) => !t.archived && (!query.strategyId || t.strategyId === query.strategyId))
      .filter((t) => isReturnDue(t, query.period))
      .sort(byCode);
    const updates = await this.progress.updatesOf(targets.map((t) => t.id));
    const rows = targets.map((t) => {
      const own = updates.filter((u) => u.targetId === t.id);
      const current = own.find((u) => u.period === query.period);
      const last = own
        .filter((u) => u.status === 'approved' && comparePeriods(u.period, query.period) < 0)
        .sort((a, b) => comparePeriods(b.period, a.period))[0];
      return {
        code: t.code,
        title: t.title,
        unit: t.unit,
        period: query.period,
        expected: round(expectedValue(trajectoryOf(t), query.period)),
        last_value: last?.value ?? '',
        value: current?.value ?? '',
        commentary: current?.commentary ?? '',
        risks: current?.risks ?? '',
        next_actions: current?.nextActions ?? '',
      };
    });
    return writeSheet(format, `${slug(partnership.name)}-return-${query.period}`, TEMPLATE_COLUMNS, rows);
  }

  /**
   * Validates every row, then stores every row as a submitted update in one transaction, or
   * nothing at all, answering with an error per bad row (row, column, problem). The checks read
   * in the same transaction as the writes, so they see what the writes will change. Set-wise:
   * a few reads for the whole file (targets, leads, the existing updates it names, locked),
   * then multi-row writes, so 100,000 rows take seconds, not a minute (bench/import.ts).
   */
  async importReturns(strategyId: string, file: SheetUpload | string, dryRun: boolean, actor: Actor): Promise<ImportResultDto> {
    // Without the per-row listing: at 100,000 rows it is 100,000 objects nobody reads (bench/import.ts).
    return (await this.importAndList(strategyId, file, dryRun, actor, false)).result;
  }

  /** The same import, also saying what became of each row (the web's confirmation page lists them). */
  importReturnsListed(
    strategyId: string,
    file: SheetUpload | string,
    dryRun: boolean,
    actor: Actor,
  ): Promise<{ result: ImportResultDto; stored: { code: string; title: string; period: string; value: number; outcome: ReturnOutcome }[] }> {
    return this.importAndList(strategyId, file, dryRun, actor, true);
  }

  @Transactional()
  private async importAndList(
    strategyId: string,
    file: SheetUpload | string,
    dryRun: boolean,
    actor: Actor,
    list: boolean,
  ): Promise<{ result: ImportResultDto; stored: { code: string; title: string; period: string; value: number; outcome: ReturnOutcome }[] }> {
    await this.strategies.find(strategyId);
    const context = await this.planContext(strategyId);
    const result = { dryRun, rows: 0, created: 0, updated: 0, unchanged: 0, skipped: 0 };
    const errors: ImportRowErrorDto[] = [];
    const stored: { code: string; title: string; period: string; value: number; outcome: ReturnOutcome }[] = [];
    // Slice by slice: read, check and write 500 rows, then the next, so the whole file's
    // records, plans and existing updates are never in memory at once (bench/import.ts, peak
    // RSS). Still all or nothing: once a row is wrong nothing more is written, every later row is
    // still checked, and the 422 rolls back what earlier slices wrote, with the transaction.
    //
    // The transaction's one connection takes one statement at a time, in this order: read slice
    // 1's existing updates, read slice 2's, write slice 1, read slice 3's, write slice 2… Meanwhile
    // this process checks and plans the slice whose updates it has, so the database writes one
    // slice while this process works out the next (bench/import.ts, re-import). Slices name
    // different (target, period) pairs (a pair given twice is refused), so a slice read before
    // the previous one is written still reads what its checks need. After a failure nothing more
    // is sent, and that first failure is what is thrown (ConnectionQueue).
    const connection = new ConnectionQueue();
    const slices = this.recordSlices(file);
    const readAhead = (next: IteratorResult<CsvRecord[], void>): Promise<Map<string, ProgressUpdate>> | null => {
      if (next.done) return null;
      const records = next.value;
      return connection.run(() => this.existingOf(context, records));
    };
    try {
      let slice = await slices.next();
      let reading = readAhead(slice);
      while (!slice.done) {
        const records = slice.value;
        const existing = await reading!;
        const following = await slices.next();
        reading = readAhead(following);
        result.rows += records.length;
        const { planned, skipped } = this.plan(context, records, existing, actor, errors);
        result.skipped += skipped;
        if (errors.length === 0) {
          const outcomes = dryRun ? planned.map((row) => row.outcome) : this.progress.queueReturns(planned, actor, connection);
          for (const [i, outcome] of outcomes.entries()) {
            result[outcome]++;
            if (list) stored.push({ code: planned[i].target.code, title: planned[i].target.title, period: planned[i].period, value: planned[i].change.value, outcome });
          }
        }
        slice = following;
      }
    } finally {
      // Never leave the transaction with a statement still in flight, even when reading the file failed.
      await connection.drained().catch(() => undefined);
      await slices.return(undefined);
    }
    await connection.drained();
    if (errors.length > 0) {
      throw unprocessable(
        `Nothing was imported: ${errors.length} problem${errors.length === 1 ? '' : 's'} in ${new Set(errors.map((e) => e.row)).size} row(s)`,
        errors,
      );
    }
    return { result, stored };
  }

  /**
   * The uploaded return's records, 500 at a time; a CSV is parsed as the slices are asked for.
   * bench:import (PostgreSQL re-import): 500 against 2,000 cut the process's CPU time by about a
   * fifth, most of it garbage collection (fewer objects outlive a slice), and peak RSS by 40 MB;
   * 5,000 had peaked 5-20 MB above 2,000.
   */
  private async *recordSlices(file: SheetUpload | string): AsyncGenerator<CsvRecord[]> {
    const required = ['code', 'period', 'value'];
    const size = 500;
    if (typeof file !== 'string' && file.format === 'xlsx') {
      const records = await readUpload(file, required);
      for (let start = 0; start < records.length; start += size) yield records.slice(start, start + size);
      return;
    }
    let text: string;
    try {
      text = typeof file === 'string' ? file : decodeCsv(file.bytes);
    } catch (error) {
      // As readUpload says it (src/returns/upload.ts).
      if (error instanceof SheetFileError) throw validationFailed([{ field: 'file', message: error.message }], 'The file could not be read as CSV');
      throw error;
    }
    yield* parseCsvSlices(text, required, size);
  }

  async exportTargets(strategyId: string): Promise<{ filename: string; csv: string }> {
    const strategy = await this.strategies.find(strategyId);
    const [targets, themes, assignments] = await Promise.all([
      this.targets.ofStrategy(strategyId),
      this.themes.ofStrategy(strategyId),
      this.assignments.activeForStrategy(strategyId),
    ]);
    const themeTitle = new Map(themes.map((t) => [t.id, t.title]));
    const leadOf = new Map(assignments.map((a) => [a.targetId, a]));
    const rows = targets.sort(byCode).map((t) => {
      const a = leadOf.get(t.id);
      return {
        code: t.code,
        title: t.title,
        theme: themeTitle.get(t.themeId) ?? '',
        unit: t.unit,
        direction: t.direction,
        frequency: t.frequency,
        baseline_value: t.baselineValue,
        baseline_period: t.baselinePeriod,
        target_value: t.targetValue,
        target_period: t.targetPeriod,
        milestones: [...(t.milestones ?? [])].sort((x, y) => comparePeriods(x.period, y.period)).map((ms) => `${ms.period}=${ms.value}`).join('; '),
        tolerance_percent: t.tolerancePercent,
        lead_partnership: a?.partnership?.name ?? '',
        accountable_officer: a?.officerName ?? '',
        officer_email: a?.officerEmail ?? '',
        supporting_partnerships: (a?.supportingPartnerships ?? []).map((p) => p.name).sort().join('; '),
        archived: t.archived ? 'yes' : 'no',
      };
    });
    return { filename: `${slug(strategy.title)}-targets.csv`, csv: toCsv(TARGET_COLUMNS, rows) };
  }

  /** The period's updates, in the columns the import reads, so an export re-imports unchanged. */
  async exportProgress(strategyId: string, query: ProgressExportQuery): Promise<{ filename: string; csv: string }> {
    const strategy = await this.strategies.find(strategyId);
    const targets = await this.targets.ofStrategy(strategyId);
    const byId = new Map(targets.map((t) => [t.id, t]));
    const statuses = query.status === 'all' ? undefined : query.status ? [query.status] : ['submitted', 'approved'];
    const ids = targets.map((t) => t.id);
    const [updates, approvedBefore] = await Promise.all([this.progress.updatesFor(ids, query.period, statuses), this.progress.approvedBefore(ids, query.period)]);
    const rows = updates
      .map((u) => {
        const target = byId.get(u.targetId)!;
        const shown = toProgressDto(u, target, approvedBefore.filter((a) => a.targetId === u.targetId));
        return {
          code: target.code,
          title: target.title,
          unit: target.unit,
          period: u.period,
          value: u.value,
          status: u.status,
          expected: round(shown.expected),
          rag: shown.rag,
          commentary: u.commentary ?? '',
          risks: u.risks ?? '',
          next_actions: u.nextActions ?? '',
        };
      })
      .sort(byCode);
    return { filename: `${slug(strategy.title)}-progress-${query.period}.csv`, csv: toCsv(PROGRESS_COLUMNS, rows) };
  }

  /** What checking a return's rows needs to know once for the whole file. */
  private async planContext(strategyId: string): Promise<PlanContext> {
    const targets = await this.targets.plainOfStrategy(strategyId);
    const leads = targets.length ? await this.assignments.leadsOfStrategy(strategyId) : [];
    return {
      byCodeMap: new Map(targets.map((t) => [t.code.toLowerCase(), t])),
      leadOf: new Map(leads.map((a) => [a.targetId, a])),
      current: periodContaining(this.clock.now()),
      seen: new Map<string, number>(),
    };
  }

  /** The existing updates a slice of rows names, locked (see ProgressService.lockReturnsOf), by `targetId|period`. */
  private async existingOf(context: PlanContext, records: CsvRecord[]): Promise<Map<string, ProgressUpdate>> {
    return new Map((await this.progress.lockReturnsOf(namedReturns(records, context.byCodeMap))).map((u) => [`${u.targetId}|${u.period}`, u]));
  }

  /**
   * Checks a slice of rows (adding to `errors`) and plans the good ones, against the updates
   * they name (`existingOf`); `context.seen` spans the whole file.
   */
  private plan(context: PlanContext, records: CsvRecord[], existingOf: Map<string, ProgressUpdate>, actor: Actor, errors: ImportRowErrorDto[]) {
    const { byCodeMap, leadOf, current, seen } = context;
    const planned: PlannedRow[] = [];
    let skipped = 0;

    for (const { row, values } of records) {
      const fail = (column: string, message: string) => errors.push({ field: `row ${row}, ${column}`, row, column, message });
      const text = (column: string) => (values[column] ? values[column] : null);
      const rawValue = values.value ?? '';
      if (rawValue === '' && !text('commentary') && !text('risks') && !text('next_actions')) {
        skipped++;
        continue;
      }
      const before = errors.length;
      const target = byCodeMap.get((values.code ?? '').toLowerCase());
      if (!values.code) fail('code', 'is empty');
      else if (!target) fail('code', `no target with code "${values.code}" in this strategy`);
      else if (target.archived) fail('code', `target ${target.code} is archived`);

      let period: string | null = null;
      try {
        period = parsePeriodInput(values.period ?? '');
      } catch (error) {
        if (!(error instanceof PeriodFormatError)) throw error;
        fail('period', error.message);
      }

      const value = parseNumber(rawValue);
      if (value === null) fail('value', rawValue === '' ? 'is empty: give the figure for the period' : `must be a number, got "${rawValue}"`);

      if (target && !target.archived && period) {
        const problem = returnWindowProblem(target, period, current);
        if (problem) fail('period', problem.message);
        const lead = leadOf.get(target.id);
        // The same policy, and so the same words, as the API's 403 (auth/policy.ts).
        const refused = refusal(actor, 'progress.report', { code: target.code, lead: lead ? { partnershipId: lead.partnershipId, partnershipName: lead.partnershipName } : null });
        if (refused) fail('code', refused);
        const key = `${target.id}|${period}`;
        if (seen.has(key)) fail('code', `${target.code} ${period} is already given in row ${seen.get(key)}`);
        seen.set(key, row);
      }
      if (errors.length > before || !target || !period || value === null) continue;

      const change = { value, commentary: text('commentary'), risks: text('risks'), nextActions: text('next_actions') };
      const existing = existingOf.get(`${target.id}|${period}`);
      const decided = returnOutcome(existing, change, { code: target.code, period });
      if ('refused' in decided) {
        fail('value', decided.refused);
        continue;
      }
      planned.push({ target, period, change, outcome: decided.outcome, existing });
    }
    return { planned, skipped };
  }
}

/** The (target, period) pairs a file names that exist and parse: the only updates the import reads. */
function namedReturns(records: CsvRecord[], byCodeMap: Map<string, Target>): { targetId: string; period: string }[] {
  return records.flatMap(({ values }) => {
    const target = byCodeMap.get((values.code ?? '').toLowerCase());
    if (!target) return [];
    try {
      return [{ targetId: target.id, period: parsePeriodInput(values.period ?? '') }];
    } catch (error) {
      if (!(error instanceof PeriodFormatError)) throw error;
      return [];
    }
  });
}

/** A figure as people type it in a spreadsheet: `1240`, `1,240`, `72.5`, `-3`. */
export function parseNumber(raw: string): number | null {
  const cleaned = raw.replace(/[,\s]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

function round(n: number | null): number | string {
  return n === null ? '' : Math.round(n * 1000) / 1000;
}


