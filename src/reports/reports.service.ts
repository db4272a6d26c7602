import { BadRequestException, Injectable, InternalServerErrorException, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { FindOptionsWhere, IsNull, Repository } from 'typeorm';
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
import { ListReportsQuery, QuarterlyReportQuery, ReportTemplateDto, StoredReportDto } from './dto/report.dto';
import { ReportStorage } from './report-storage';
import { ReportTemplate, ReportTemplates, TemplateError, UnknownTemplateError } from './rendering';
import { ReportRenderer } from './render-pool/report-renderer';
import { StoredReport } from './stored-report.entity';

export const DEFAULT_TEMPLATE = 'quarterly-board';

export interface GeneratedReport {
  report: StoredReportDto;
  pdf: Buffer;
}

/**
 * Board packs: the summary (never recomputed here) laid out by a template and rendered to PDF,
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
    const summary = await this.summary.summarise(strategyId, query);
    const scopeLabel = await this.scopeLabel(query);
    const render = (generatedAt: Date) => this.renderer.render(summary, template.name, { generatedAt, ...(scopeLabel ? { scopeLabel } : {}) });

    // A GET must not store a copy per press of refresh. The pack is dated, so render it again with the
    // date of the latest stored pack of the same strategy, period, template and scope: the same SHA-256
    // means the same content, and the stored pack is answered instead of storing another.
    const latest = await this.reports.findOne({
      where: { strategyId, period: summary.period, template: template.name, themeId: query.themeId ?? IsNull(), partnershipId: query.partnershipId ?? IsNull() },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    if (latest) {
      const again = await render(new Date(latest.createdAt));
      if (sha256(again) === latest.sha256) return { report: toStoredReportDto(latest), pdf: again };
    }
    const generatedAt = this.clock.now();
    const pdf = await render(generatedAt);

    const record = this.reports.create({
      strategyId,
      period: summary.period,
      template: template.name,
      themeId: query.themeId ?? null,
      partnershipId: query.partnershipId ?? null,
      scopeLabel,
      filename: [slug(strategy.title), summary.period, scopeLabel ? slug(scopeLabel) : null].filter(Boolean).join('-') + '.pdf',
      sha256: sha256(pdf),
      sizeBytes: pdf.length,
      pageCount: countPages(pdf),
      createdById: actor?.id ?? null,
      createdByEmail: actor?.email ?? null,
      createdAt: generatedAt.toISOString(),
    });
    const saved = await this.reports.save(record);
    try {
      await this.storage.save(saved.id, pdf);
    } catch (error) {
      await this.reports.delete({ id: saved.id });
      throw error;
    }
    return { report: toStoredReportDto(saved), pdf };
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
    const pdf = await this.storage.read(id).catch(() => {
      throw new InternalServerErrorException(`The file of report ${id} is missing from report storage`);
    });
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

  private async scopeLabel(query: QuarterlyReportQuery): Promise<string | null> {
    if (query.partnershipId) {
      const [partnership] = await this.partnerships.findMany([query.partnershipId]);
      return partnership ? `${partnership.name} only` : null;
    }
    if (query.themeId) {
      const [theme] = await this.themes.findMany([query.themeId]);
      return theme ? `${theme.title} only` : null;
    }
    return null;
  }
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
