import { Clock } from '../common/clock';
import { isValidPeriod, minPeriod, periodContaining, periodsBetween, latestCompletedPeriod, maxPeriod } from '../domain/period';
import type { StrategyDto } from '../strategies/dto/strategy.dto';

/**
 * The quarters a reader may choose for a strategy, newest first: from its start to the latest
 * quarter that has ended (or the strategy's last quarter, if it ended before).
 */
export function quarterChoices(strategy: Pick<StrategyDto, 'startDate' | 'endDate'>, clock: Clock): string[] {
  const first = periodContaining(new Date(`${strategy.startDate}T00:00:00Z`));
  const last = minPeriod(latestCompletedPeriod(clock.now()), periodContaining(new Date(`${strategy.endDate}T00:00:00Z`)));
  return periodsBetween(first, maxPeriod(first, last)).reverse();
}

/** The quarter asked for, if it is one of the choices; otherwise the newest. */
export function chosenQuarter(asked: unknown, choices: string[]): string {
  return isValidPeriod(asked) && choices.includes(asked) ? asked : choices[0];
}
