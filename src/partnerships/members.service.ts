import type { Actor } from '../auth/roles';
import { stamp } from '../database/tracked';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, Repository } from 'typeorm';
import { notFound } from '../common/api-errors';
import { Page, skipTake, toPage } from '../common/pagination';
import { Transactions } from '../database/transactions';
import { CreateMemberDto, ListMembersQuery, MemberDto, UpdateMemberDto } from './dto/member.dto';
import { Member } from './member.entity';
import { toMemberDto } from './partnership.mapper';
import { PartnershipsService } from './partnerships.service';

@Injectable()
export class MembersService {
  constructor(
    @InjectRepository(Member) private readonly members: Repository<Member>,
    private readonly partnerships: PartnershipsService,
    private readonly transactions: Transactions,
  ) {}

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

  async create(partnershipId: string, dto: CreateMemberDto, actor: Actor): Promise<MemberDto> {
    return this.transactions.run(async (manager) => {
      await this.partnerships.find(partnershipId, manager);
      const member = manager.create(Member, {
        partnershipId,
        organisation: dto.organisation,
        sector: dto.sector,
        role: dto.role ?? null,
      });
      return toMemberDto(await manager.save(stamp(member, actor)));
    });
  }

  async update(partnershipId: string, memberId: string, dto: UpdateMemberDto, actor: Actor): Promise<MemberDto> {
    return this.transactions.run(async (manager) => {
      const member = await this.find(partnershipId, memberId);
      manager.merge(Member, member, dto);
      return toMemberDto(await manager.save(stamp(member, actor)));
    });
  }

  async remove(partnershipId: string, memberId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const member = await this.find(partnershipId, memberId);
      await manager.remove(member);
    });
  }

  private async find(partnershipId: string, memberId: string): Promise<Member> {
    await this.partnerships.find(partnershipId);
    const member = await this.members.findOneBy({ id: memberId, partnershipId });
    if (!member) throw notFound('Member', memberId);
    return member;
  }
}
