import { MemberDto } from './dto/member.dto';
import { PartnershipDto } from './dto/partnership.dto';
import { Member } from './member.entity';
import { Partnership } from './partnership.entity';

export function toPartnershipDto(p: Partnership): PartnershipDto {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    area: p.area,
    parentId: p.parentId,
    statutory: p.statutory,
    chair: p.chair,
    meetingsPerYear: p.meetingsPerYear,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function toMemberDto(m: Member): MemberDto {
  return {
    id: m.id,
    partnershipId: m.partnershipId,
    organisation: m.organisation,
    sector: m.sector,
    role: m.role,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}
