import type { Actor } from '../auth/roles';
import { stamp } from '../database/tracked';
import { Injectable } from '@nestjs/common';
import { FindOptionsWhere, In, IsNull, Repository } from 'typeorm';
import { conflict, notFound, unprocessable } from '../common/api-errors';
import { Page, skipTake, toPage } from '../common/pagination';
import { containsText } from '../common/query';
import { ReferenceChecks } from '../database/reference-checks';
import { Db, Transactional } from '../database/transactions';
import { CreatePartnershipDto, ListPartnershipsQuery, PartnershipDto, UpdatePartnershipDto } from './dto/partnership.dto';
import { wouldCreateCycle } from './hierarchy';
import { toPartnershipDto } from './partnership.mapper';
import { Partnership } from './partnership.entity';

@Injectable()
export class PartnershipsService {
  constructor(
    private readonly db: Db,
    private readonly references: ReferenceChecks,
  ) {
    references.register('partnership', 'child partnerships', (id) =>
      this.db.tx.count(Partnership, { where: { parentId: id } }),
    );
  }

  private get partnerships(): Repository<Partnership> {
    return this.db.tx.getRepository(Partnership);
  }

  async list(query: ListPartnershipsQuery): Promise<Page<PartnershipDto>> {
    const where: FindOptionsWhere<Partnership> = {};
    if (query.kind) where.kind = query.kind;
    if (query.parentId) where.parentId = query.parentId;
    if (query.statutory !== undefined) where.statutory = query.statutory;
    if (query.q) where.name = containsText(query.q);
    const [rows, total] = await this.partnerships.findAndCount({
      where,
      order: { name: 'ASC', id: 'ASC' },
      ...skipTake(query),
    });
    return toPage(rows.map(toPartnershipDto), total, query);
  }

  async get(id: string): Promise<PartnershipDto> {
    return toPartnershipDto(await this.find(id));
  }

  /** The partnership, or 404. Other modules use it to resolve references in URLs. */
  async find(id: string): Promise<Partnership> {
    const found = await this.partnerships.findOneBy({ id });
    if (!found) throw notFound('Partnership', id);
    return found;
  }

  /** The partnerships with these ids that exist (in no particular order). */
  findMany(ids: string[]): Promise<Partnership[]> {
    return ids.length ? this.partnerships.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Partnerships named by id or by exact name (the CLI's way of naming them). */
  findByIdsOrNames(ids: string[], names: string[]): Promise<Partnership[]> {
    return this.partnerships.find({ where: [{ id: In(ids) }, { name: In(names) }] });
  }

  /** The partnership a request body names, or 422 naming the field. */
  async findReferenced(id: string, field: string): Promise<Partnership> {
    const found = await this.partnerships.findOneBy({ id });
    if (!found) {
      throw unprocessable(`No partnership with id ${id}`, [{ field, message: `partnership ${id} does not exist` }]);
    }
    return found;
  }

  @Transactional()
  async create(dto: CreatePartnershipDto, actor: Actor): Promise<PartnershipDto> {
    const manager = this.db.tx;
    if (dto.parentId) await this.findReferenced(dto.parentId, 'parentId');
    const entity = manager.create(Partnership, {
      name: dto.name,
      kind: dto.kind,
      area: dto.area ?? null,
      parentId: dto.parentId ?? null,
      statutory: dto.statutory ?? false,
      chair: dto.chair ?? null,
      meetingsPerYear: dto.meetingsPerYear ?? null,
    });
    return toPartnershipDto(await manager.save(stamp(entity, actor)));
  }

  @Transactional()
  async update(id: string, dto: UpdatePartnershipDto, actor: Actor): Promise<PartnershipDto> {
    const manager = this.db.tx;
    const entity = await this.find(id);
    if (dto.parentId !== undefined && dto.parentId !== entity.parentId) {
      if (dto.parentId !== null) {
        await this.findReferenced(dto.parentId, 'parentId');
        const repo = manager.getRepository(Partnership);
        const parentOf = async (pid: string) =>
          (await repo.findOne({ where: { id: pid }, select: { id: true, parentId: true } }))?.parentId ?? null;
        if (await wouldCreateCycle(id, dto.parentId, parentOf)) {
          throw conflict('That parent would make the partnership its own ancestor', [
            { field: 'parentId', message: 'would create a cycle in the partnership hierarchy' },
          ]);
        }
      }
    }
    manager.merge(Partnership, entity, dto);
    return toPartnershipDto(await manager.save(stamp(entity, actor)));
  }

  @Transactional()
  async remove(id: string): Promise<void> {
    const manager = this.db.tx;
    const entity = await this.find(id);
    await this.references.assertUnreferenced('partnership', id, `Partnership "${entity.name}"`);
    await manager.remove(entity);
  }

  /** Root partnerships (no parent), for callers that need the top of the tree. */
  roots(): Promise<Partnership[]> {
    return this.partnerships.find({ where: { parentId: IsNull() }, order: { name: 'ASC' } });
  }
}
