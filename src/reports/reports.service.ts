import { BadRequestException, Injectable, InternalServerErrorException, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { FindOptionsWhere, In, IsNull, Repository } from 'typeorm';
import { lockKey } from '../database/locking';
import { requireAccess } from '../auth/policy';
import { Db, Transactional } from '../database/transactions';
import type { Actor } from '../auth/roles';
import { notFound, unprocessable } from '../common/api-errors';
import { Clock } from '../common/clock';
import { Page, skipTake, toPage } from '../common/pagination';
import { EnvironmentVariables } from '../config/env.validation';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { slug } from '../common/slug';
import { StrategiesService } from '../strategies/strategies.service';
import { ThemesService } from '../strategies/themes.service';
import { SummaryService } from '../summary/summary.service';
import { ListPublishedReportsQuery, ListReportsQuery, PublishedReportDto, PublishReportDto, QuarterlyReportQuery, ReportTemplateDto, StoredReportDto } from './dto/report.dto';
import { ReportPublication } from './report-publication.entity';
import { ReportStorage } from './report-storage';
// Not the './rendering' barrel, which also loads pdfkit: rendering happens in the render threads.
import { ReportTemplate, ReportTemplates } from './templates/report-template';
import { TemplateError, UnknownTemplateError } from './templates/template-errors';
import { ReportRenderer } from './render-pool/report-renderer';
import type { SummaryOf } from './render-pool/render-request';
import type { LayoutContext } from './layout/build-report-layout';
import { REPORT_WORDS, type ReportWords } from './layout/words';
import { StoredReport } from './stored-report.entity';

export const DEFAULT_TEMPLATE = 'quarterly-board';

export interface GeneratedReport {
  report: StoredReportDto;
  pdf: Buffer;
}

/**
 * Board packs: the summary (never recomputed here; in queue mode computed by the worker) laid out by a template and rendered to PDF,
 * then kept, so the pack a board saw can be downloaded again unchanged.
 */
@Injectable()
export class ReportsService implements OnModuleInit {
  private readonly logger = new Logger(ReportsService.name);
  private readonly templates: ReportTemplates;

  constructor(
    @InjectRepository(StoredReport) private readonly reports: Repository<StoredReport>,
    private readonly summary: SummaryService,
    private readonly strategies: StrategiesService,
    private readonly partnerships: PartnershipsService,
    private readonly themes: ThemesService,
    private readonly storage: ReportStorage,
    private readonly clock: Clock,
    private readonly renderer: ReportRenderer,
    private readonly db: Db,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.templates = new ReportTemplates(config.get('TEMPLATES_DIR', { infer: true }));
  }

  /** A broken template is reported at start-up, naming the file and the problem, rather than at a board's deadline. */
  onModuleInit(): void {
    for (const name of this.templates.list()) {
      try {
        this.templates.get(name);
      } catch (error) {
        if (error instanceof TemplateError) this.logger.error(error.message);
        else throw error;
      }
    }
  }

  listTemplates(): ReportTemplateDto[] {
    return this.templates.list().flatMap((name) => {
      try {
        const t = this.templates.get(name);
        return [{ name: t.name, title: t.title, sections: [...t.sections] }];
      } catch {
        return [];
      }
    });
  }

  async generate(strategyId: string, query: QuarterlyReportQuery, actor: Actor | null): Promise<GeneratedReport> {
    const template = this.template(query.template ?? DEFAULT_TEMPLATE);
    const strategy = await this.strategies.find(strategyId);
    const draw = await this.summaryToDraw(strategyId, query);
    const period = draw.period;
    const scopeLabel = await this.scopeLabel(query, REPORT_WORDS[strategy.language]);
    // The pack's language travels in the render context, so pool threads and BullMQ workers write it too.
    const render = (generatedAt: Date) => draw.render(template.name, { generatedAt, language: strategy.language, ...(scopeLabel ? { scopeLabel } : {}) });

    // A GET must not store a copy per press of refresh. The pack is dated, so render it again with the
    // date of the latest stored pack of the same strategy, period, template and scope: the same SHA-256
    // means the same content, and the stored pack is answered instead of storing another.
    const latest = await this.reports.findOne({
      where: scopeWhere({ strategyId, period, template: template.name, themeId: query.themeId ?? null, partnershipId: query.partnershipId ?? null }),
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    if (latest) {
      const again = await render(new Date(latest.createdAt));
      if (sha256(again) === latest.sha256) return { report: toStoredReportDto(latest), pdf: again };
    }
    // To the whole second, as a PDF's CreationDate is written: requests in the same second then
    // have the same render key and share one render, as their bytes would be the same anyway.
    const now = this.clock.now();
    const generatedAt = new Date(now.getTime() - (now.getTime() % 1000));
    const pdf = await render(generatedAt);

    const record = this.reports.create({
      strategyId,
      period,
      template: template.name,
      themeId: query.themeId ?? null,
      partnershipId: query.partnershipId ?? null,
      scopeLabel,
      filename: [slug(strategy.title), period, scopeLabel ? slug(scopeLabel) : null].filter(Boolean).join('-') + '.pdf',
      sha256: sha256(pdf),
      sizeBytes: pdf.length,
      pageCount: countPages(pdf),
      createdById: actor?.id ?? null,
      createdByEmail: actor?.email ?? null,
      storage: this.storage.kind,
      createdAt: generatedAt.toISOString(),
    });
    return { report: toStoredReportDto(await this.store(record, pdf)), pdf };
  }

  /**
   * What the pack is drawn from. A queue worker reads the same database, so in queue mode it
   * computes the summary itself, from a reference keyed by the summary's version: this instance
   * only checks the scope (the same 422s) and waits, and its main thread stays free for other
   * requests (issue 11: /api/health while county reports render). Otherwise, or when the
   * version cannot be read (Redis down), the summary is computed here, as before.
   */
  private async summaryToDraw(strategyId: string, query: QuarterlyReportQuery): Promise<{ period: string; render: (template: string, context: LayoutContext) => Promise<Buffer> }> {
    const version = this.renderer.summarisesItself ? await this.summary.version(strategyId) : null;
    if (version === null) {
      const summary = await this.summary.summarise(strategyId, query);
      return { period: summary.period, render: (template, context) => this.renderer.render(summary, template, context) };
    }
    await this.summary.checkScope(strategyId, query);
    const summaryOf: SummaryOf = {
      strategyId,
      period: query.period ?? this.summary.defaultPeriod(),
      themeId: query.themeId ?? null,
      partnershipId: query.partnershipId ?? null,
      version,
    };
    return { period: summaryOf.period, render: (template, context) => this.renderer.renderOf(summaryOf, template, context) };
  }

  /**
   * The row and its bytes in one transaction. Rendering stays outside it (it is slow, and SQLite
   * queues transactions). A request that raced this one and stored the same content first wins.
   */
  @Transactional()
  private async store(record: StoredReport, pdf: Buffer): Promise<StoredReport> {
    await lockKey(this.db.tx, `stored_reports ${record.strategyId} ${record.period} ${scopeKey(record)}`);
    const reports = this.db.tx.getRepository(StoredReport);
    const twin = await reports.findOne({ where: { ...scopeWhere(record), sha256: record.sha256 }, order: { createdAt: 'ASC', id: 'ASC' } });
    if (twin) return twin;
    const saved = await reports.save(record);
    await this.storage.save(saved.id, pdf);
    return saved;
  }

  /**
   * Publishes the quarter's pack: the stored pack of this content (rendered and stored now if
   * there is none), frozen, and recorded as the scope's newest publication, by whom and when.
   */
  async publish(strategyId: string, dto: PublishReportDto, actor: Actor): Promise<PublishedReportDto> {
    requireAccess(actor, 'reports.publish', { strategyId });
    const { report } = await this.generate(strategyId, dto, actor);
    return toPublishedReportDto(await this.recordPublication(report, actor), report, true);
  }

  @Transactional()
  private async recordPublication(report: StoredReportDto, actor: Actor): Promise<ReportPublication> {
    const publications = this.db.tx.getRepository(ReportPublication);
    const scope = scopeKey(report);
    // Two coordinators publishing the same scope at once must not both take the next revision.
    await lockKey(this.db.tx, `report_publications ${report.strategyId} ${report.period} ${scope}`);
    const last = await publications.findOne({ where: { strategyId: report.strategyId, period: report.period, scope }, order: { revision: 'DESC' } });
    return publications.save(
      publications.create({
        reportId: report.id,
        strategyId: report.strategyId,
        period: report.period,
        scope,
        revision: (last?.revision ?? 0) + 1,
        publishedById: actor.id,
        publishedByName: actor.name,
        publishedByEmail: actor.email,
        publishedAt: this.clock.now().toISOString(),
      }),
    );
  }

  /** A strategy's published packs, newest quarter and newest publication first; `current` marks what board members see. */
  async listPublished(strategyId: string, query: ListPublishedReportsQuery): Promise<Page<PublishedReportDto>> {
    await this.strategies.find(strategyId);
    const publications = this.db.tx.getRepository(ReportPublication);
    const where: FindOptionsWhere<ReportPublication> = { strategyId, ...(query.period ? { period: query.period } : {}) };
    const [rows, total] = await publications.findAndCount({ where, order: { period: 'DESC', publishedAt: 'DESC', revision: 'DESC', id: 'ASC' }, ...skipTake(query) });
    if (!rows.length) return toPage([], total, query);
    const reports = new Map((await this.reports.findBy({ id: In(rows.map((r) => r.reportId)) })).map((r) => [r.id, r]));
    const latest = await publications
      .createQueryBuilder('p')
      .select(['p.period AS "period"', 'p.scope AS "scope"', 'MAX(p.revision) AS "revision"'])
      .where('p.strategyId = :strategyId', { strategyId })
      .andWhere('p.period IN (:...periods)', { periods: [...new Set(rows.map((r) => r.period))] })
      .groupBy('p.period')
      .addGroupBy('p.scope')
      .getRawMany<{ period: string; scope: string; revision: number | string }>();
    const newest = new Map(latest.map((l) => [`${l.period} ${l.scope}`, Number(l.revision)]));
    const items = rows.map((p) => toPublishedReportDto(p, toStoredReportDto(reports.get(p.reportId)!), newest.get(`${p.period} ${p.scope}`) === p.revision));
    return toPage(items, total, query);
  }

  async list(query: ListReportsQuery): Promise<Page<StoredReportDto>> {
    const where: FindOptionsWhere<StoredReport> = {};
    if (query.strategyId) where.strategyId = query.strategyId;
    if (query.period) where.period = query.period;
    const [rows, total] = await this.reports.findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, ...skipTake(query) });
    return toPage(rows.map(toStoredReportDto), total, query);
  }

  /** A stored pack, exactly as generated: its bytes are checked against the recorded SHA-256. */
  async download(id: string): Promise<GeneratedReport> {
    const record = await this.reports.findOneBy({ id });
    if (!record) throw notFound('Report', id);
    const pdf = await this.storage.read(id, record.storage);
    if (!pdf) throw new InternalServerErrorException(`The file of report ${id} is missing from report storage (${record.storage})`);
    if (sha256(pdf) !== record.sha256) {
      throw new InternalServerErrorException(`The file of report ${id} no longer matches its SHA-256`);
    }
    return { report: toStoredReportDto(record), pdf };
  }

  private template(name: string): ReportTemplate {
    try {
      return this.templates.get(name);
    } catch (error) {
      if (error instanceof UnknownTemplateError) {
        throw new BadRequestException({ statusCode: 400, message: error.message, errors: [{ field: 'template', message: error.message }] });
      }
      if (error instanceof TemplateError) throw unprocessable(error.message, [{ field: 'template', message: error.message }]);
      throw error;
    }
  }

  /** `Safer Wealden Partnership only` (`… yn unig` in a Welsh pack). */
  private async scopeLabel(query: QuarterlyReportQuery, words: ReportWords): Promise<string | null> {
    if (query.partnershipId) {
      const [partnership] = await this.partnerships.findMany([query.partnershipId]);
      return partnership ? words.scopeOnly(partnership.name) : null;
    }
    if (query.themeId) {
      const [theme] = await this.themes.findMany([query.themeId]);
      return theme ? words.scopeOnly(theme.title) : null;
    }
    return null;
  }
}

/** Template and narrowing as one key: the unit within a quarter that a publication replaces. */
function scopeKey(r: Pick<StoredReport, 'template' | 'themeId' | 'partnershipId'>): string {
  return [r.template, r.themeId ? `theme:${r.themeId}` : '', r.partnershipId ? `partnership:${r.partnershipId}` : ''].join('|');
}

function scopeWhere(r: Pick<StoredReport, 'strategyId' | 'period' | 'template' | 'themeId' | 'partnershipId'>): FindOptionsWhere<StoredReport> {
  return { strategyId: r.strategyId, period: r.period, template: r.template, themeId: r.themeId ?? IsNull(), partnershipId: r.partnershipId ?? IsNull() };
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Page objects are never compressed by pdfkit, so they can be counted in the file itself. */
export function countPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

function toStoredReportDto(r: StoredReport): StoredReportDto {
  return {
    id: r.id,
    strategyId: r.strategyId,
    period: r.period,
    template: r.template,
    themeId: r.themeId,
    partnershipId: r.partnershipId,
    scopeLabel: r.scopeLabel,
    filename: r.filename,
    sha256: r.sha256,
    sizeBytes: r.sizeBytes,
    pageCount: r.pageCount,
    createdById: r.createdById,
    createdByEmail: r.createdByEmail,
    createdAt: r.createdAt,
    downloadUrl: `/api/v1/reports/${r.id}`,
  };
}

function toPublishedReportDto(p: ReportPublication, report: StoredReportDto, current: boolean): PublishedReportDto {
  return {
    id: p.id,
    reportId: report.id,
    strategyId: p.strategyId,
    period: p.period,
    template: report.template,
    themeId: report.themeId,
    partnershipId: report.partnershipId,
    scopeLabel: report.scopeLabel,
    revision: p.revision,
    current,
    publishedById: p.publishedById,
    publishedByName: p.publishedByName,
    publishedByEmail: p.publishedByEmail,
    publishedAt: p.publishedAt,
    generatedAt: report.createdAt,
    filename: report.filename,
    sha256: report.sha256,
    sizeBytes: report.sizeBytes,
    pageCount: report.pageCount,
    downloadUrl: report.downloadUrl,
  };
}
