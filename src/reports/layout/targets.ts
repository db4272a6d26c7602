/** Facts about a target that more than one section of the pack needs. */
import { RAG_RANK } from '../../domain/status';
import type { TargetSummaryDto } from '../../summary/summary.dto';
import type { ReportWords } from './words';


/** Worse than last quarter; a quarter without data is no basis for comparison. */
function hasWorsened(target: TargetSummaryDto): boolean {
  const { rag, previousRag } = target;
  return rag !== 'no-data' && previousRag !== 'no-data' && RAG_RANK[rag] > RAG_RANK[previousRag];
}

/** What the exceptions section reports: red targets first, then those that worsened, each once. */
export function exceptionTargets(targets: readonly TargetSummaryDto[]): TargetSummaryDto[] {
  const red = targets.filter((t) => t.rag === 'red');
  const worsened = targets.filter((t) => t.rag !== 'red' && hasWorsened(t));
  return [...red, ...worsened];
}

export function leadName(target: TargetSummaryDto, words: ReportWords): string {
  return target.lead?.partnershipName ?? words.noLead;
}

export function officerLine(target: TargetSummaryDto, words: ReportWords): string {
  return target.lead ? `${target.lead.officerName} (${target.lead.officerEmail})` : words.noOfficer;
}

