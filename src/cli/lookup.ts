import type { StrategiesService } from '../strategies/strategies.service';
import type { Strategy } from '../strategies/strategy.entity';

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** A strategy named on the command line by its id or its exact title. */
export async function findStrategy(strategies: StrategiesService, ref: string): Promise<Strategy> {
  const strategy = await strategies.findByIdOrTitle(ref, isUuid(ref));
  if (!strategy) throw new Error(`no strategy with id or title "${ref}"`);
  return strategy;
}
