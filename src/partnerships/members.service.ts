import type { Actor } from '../auth/roles';
import { stamp } from '../database/tracked';
import { Injectable } from '@nestjs/common';
import { FindOptionsWhere, Repository } from 'typeorm';
import { notFound } from '../common/api-errors';
import { Page, skipTake, toPage } from '../common/pagination';
import { Db, Transactional } from '../database/transactions';
import { CreateMemberDto, ListMembersQuery, MemberDto, UpdateMemberDto } from './dto/member.dto';
import { Member } from './member.entity';
import { toMemberDto } from './partnership.mapper';
import { PartnershipsService } from './partnerships.service';

@Injectable()
export class MembersService {
  constructor(
    private readonly partnerships: PartnershipsService,
    private readonly db: Db,
  ) {}

  private get members(): Repository<Member> {
    return this.db.tx.getRepository(Member);
  }

  async list(partnershipId: string, query: ListMembersQuery): Promise<Page<MemberDto>> {
    await this.partnerships.find(partnershipId);
    const where: FindOptionsWhere<Member> = { partnershipId };
    if (query.sector) where.sector = query.sector;
    const [rows, total] = await this.members.findAndCount({
      where,
      order: { organisation: 'ASC', id: 'ASC' },
      ...skipTake(query),
    });
    return toPage(rows.map(toMemberDto), total, query);
  }

  async get(partnershipId: string, memberId: string): Promise<MemberDto> {
    return toMemberDto(await this.find(partnershipId, memberId));
  }

  @Transactional()
  async create(partnershipId: string, dto: CreateMemberDto, actor: Actor): Promise<MemberDto> {
    const manager = this.db.tx;
    await this.partnerships.find(partnershipId);
    const member = manager.create(Member, {
      partnershipId,
      organisation: dto.organisation,
      sector: dto.sector,
      role: dto.role ?? null,
    });
    return toMemberDto(await manager.save(stamp(member, actor)));
  }

  @Transactional()
  async update(partnershipId: string, memberId: string, dto: UpdateMemberDto, actor: Actor): Promise<MemberDto> {
    const manager = this.db.tx;
    const member = await this.find(partnershipId, memberId);
    manager.merge(Member, member, dto);
    return toMemberDto(await manager.save(stamp(member, actor)));
  }

  @Transactional()
  async remove(partnershipId: string, memberId: string): Promise<void> {
    const manager = this.db.tx;
    const member = await this.find(partnershipId, memberId);
    await manager.remove(member);
  }

  private async find(partnershipId: string, memberId: string): Promise<Member> {
    await this.partnerships.find(partnershipId);
    const member = await this.members.findOneBy({ id: memberId, partnershipId });
    if (!member) throw notFound('Member', memberId);
    return member;
  }
}
