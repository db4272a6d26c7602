import { HttpException } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { writeFile } from 'node:fs/promises';
import { validateDto } from '../common/validation';
import { QuarterlyReportQuery } from '../reports/dto/report.dto';
import { ReportsService } from '../reports/reports.service';
import { StrategiesService } from '../strategies/strategies.service';
import { describeHttpError } from './cli-errors';
import { findStrategy } from './lookup';

interface ReportOptions {
  strategy: string;
  period?: string;
  out?: string;
  template?: string;
  theme?: string;
  partnership?: string;
}

/**
 * npm run report -- --strategy "Pride of Place" --period 2025-26-Q4 --out board-pack.pdf
 * The same report as the API's, stored the same way (so it is listed by GET /reports).
 */
@Command({ name: 'report', description: 'Generate the quarterly board report (PDF)' })
export class ReportCommand extends CommandRunner {
  constructor(
    private readonly reports: ReportsService,
    private readonly strategies: StrategiesService,
  ) {
    super();
  }

  async run(_args: string[], options: ReportOptions): Promise<void> {
    const strategy = await findStrategy(this.strategies, options.strategy);
    try {
      const query = await validateDto(QuarterlyReportQuery, {
        period: options.period,
        template: options.template,
        themeId: options.theme,
        partnershipId: options.partnership,
      });
      const started = Date.now();
      const { report, pdf } = await this.reports.generate(strategy.id, query, null);
      const out = options.out ?? report.filename;
      await writeFile(out, pdf);
      console.log(`Wrote ${out}: ${report.pageCount} pages, ${(pdf.length / 1024).toFixed(0)} KiB in ${Date.now() - started} ms (report ${report.id}, sha256 ${report.sha256.slice(0, 12)}…)`);
    } catch (error) {
      if (error instanceof HttpException) throw new Error(describeHttpError(error), { cause: error });
      throw error;
    }
  }

  @Option({ flags: '--strategy <idOrTitle>', description: 'the strategy, by id or exact title', required: true })
  parseStrategy(value: string): string {
    return value;
  }

  @Option({ flags: '--period <period>', description: 'the quarter, e.g. 2025-26-Q2 (default: the latest completed)' })
  parsePeriod(value: string): string {
    return value;
  }

  @Option({ flags: '--out <file>', description: 'where to write the PDF (default: its standard file name)' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--template <name>', description: 'a template in templates/ (default quarterly-board)' })
  parseTemplate(value: string): string {
    return value;
  }

  @Option({ flags: '--theme <id>', description: 'only this theme' })
  parseTheme(value: string): string {
    return value;
  }

  @Option({ flags: '--partnership <id>', description: "only this partnership's targets" })
  parsePartnership(value: string): string {
    return value;
  }
}

