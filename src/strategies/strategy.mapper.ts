import { PriorityDto } from './dto/priority.dto';
import { StrategyDto } from './dto/strategy.dto';
import { ThemeDto } from './dto/theme.dto';
import { Priority } from './priority.entity';
import { Strategy } from './strategy.entity';
import { Theme } from './theme.entity';

export function toStrategyDto(s: Strategy): StrategyDto {
  return {
    id: s.id,
    title: s.title,
    area: s.area,
    vision: s.vision,
    startDate: s.startDate,
    endDate: s.endDate,
    status: s.status,
    leadPartnershipId: s.leadPartnershipId,
    language: s.language,
    returnDeadlineDays: s.returnDeadlineDays,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

export function toThemeDto(t: Theme): ThemeDto {
  return {
    id: t.id,
    strategyId: t.strategyId,
    title: t.title,
    kind: t.kind,
    description: t.description,
    position: t.position,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

export function toPriorityDto(p: Priority): PriorityDto {
  return {
    id: p.id,
    strategyId: p.strategyId,
    title: p.title,
    kind: p.kind,
    partnershipId: p.partnershipId,
    themeIds: (p.themes ?? []).map((t) => t.id).sort(),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
