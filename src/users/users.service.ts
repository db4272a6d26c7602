import { Injectable, Logger } from '@nestjs/common';
import { Repository } from 'typeorm';
import { conflict, FieldError, notFound, unprocessable } from '../common/api-errors';
import { Page, skipTake, toPage } from '../common/pagination';
import { jsonArray, parseJsonArray, PlainColumns } from '../database/plain-rows';
import { QueryShapes } from '../database/query-shapes';
import { ReferenceChecks } from '../database/reference-checks';
import { Db, Transactional } from '../database/transactions';
import type { Partnership } from '../partnerships/partnership.entity';
import { PartnershipsService } from '../partnerships/partnerships.service';
import type { Actor, Role } from '../auth/roles';
import { CreateUserDto, ListUsersQuery, UpdateUserDto, UserDto } from './dto/user.dto';
import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';
import { toUserDto } from './user.mapper';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly hasher: PasswordHasher,
    private readonly db: Db,
    private readonly partnershipsService: PartnershipsService,
    references: ReferenceChecks,
  ) {
    references.register('partnership', 'officer accounts', (id) =>
      this.db.tx
        .createQueryBuilder()
        .select()
        .from('user_partnerships', 'up')
        .where('up."partnershipId" = :id', { id })
        .getCount(),
    );
  }

  private get users(): Repository<User> {
    return this.db.tx.getRepository(User);
  }

  async list(query: ListUsersQuery): Promise<Page<UserDto>> {
    const qb = this.users
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.partnerships', 'partnership')
      .orderBy('user.email', 'ASC');
    if (query.role) qb.andWhere('user.role = :role', { role: query.role });
    if (query.active !== undefined) qb.andWhere('user.active = :active', { active: query.active });
    if (query.partnershipId) {
      qb.andWhere('user.id IN (SELECT up."userId" FROM user_partnerships up WHERE up."partnershipId" = :pid)', {
        pid: query.partnershipId,
      });
    }
    const { skip, take } = skipTake(query);
    const [rows, total] = await qb.skip(skip).take(take).getManyAndCount();
    return toPage(rows.map(toUserDto), total, query);
  }

  async get(id: string): Promise<UserDto> {
    return toUserDto(await this.find(id));
  }

  /** The user behind a token, if it still exists and is active. */
  async findActive(id: string): Promise<User | null> {
    // Read on every request (the guard): a plain row carrying its partnership ids, in one query.
    // Its partnerships are ids only, which is all an Actor needs.
    const m = this.db.tx;
    const columns = (this.plainColumns ??= new PlainColumns(m, User));
    // Its SQL is built once (src/database/query-shapes.ts).
    const [raw] = await this.activeShape.raw<Record<string, unknown>>(m, 'active', { id, active: true }, (p) =>
      m
        .createQueryBuilder(User, 'u')
        .select(columns.select('u'))
        .addSelect(jsonArray(m, 'up."partnershipId"', 'FROM user_partnerships up WHERE up."userId" = u.id'), 'partnershipIdsJson')
        .where('u.id = :id', { id: p.id })
        .andWhere('u.active = :active', { active: p.active }),
    );
    if (!raw) return null;
    const user = columns.read(raw);
    user.partnerships = parseJsonArray<string>(raw.partnershipIdsJson).map((partnershipId) => ({ id: partnershipId }) as Partnership);
    return user;
  }

  private plainColumns?: PlainColumns<User>;
  private readonly activeShape = new QueryShapes(1);

  /** The active user with this email (the CLI's `--as`), with their partnerships, or null. */
  findActiveByEmail(email: string): Promise<User | null> {
    return this.users.findOne({ where: { email: email.toLowerCase(), active: true }, relations: { partnerships: true } });
  }

  /** Every active user with their partnerships: who may be sent email (the notifications module picks the recipients). */
  activeWithPartnerships(): Promise<User[]> {
    return this.users.find({ where: { active: true }, relations: { partnerships: true } });
  }

  /** Switch the user's own reminder emails on or off (escalations to coordinators come regardless). */
  async setEmailReminders(id: string, on: boolean): Promise<UserDto> {
    await this.find(id);
    await this.users.update({ id }, { emailReminders: on });
    return this.get(id);
  }

  /** The active user with these credentials, or null; the same work is done either way. */
  async authenticate(email: string, password: string): Promise<User | null> {
    const user = await this.users.findOne({
      where: { email: email.trim().toLowerCase() },
      relations: { partnerships: true },
    });
    const valid = await this.hasher.verify(password, user?.passwordHash ?? null);
    return valid && user?.active ? user : null;
  }

  count(): Promise<number> {
    return this.users.count();
  }

  hasActiveAdmin(): Promise<boolean> {
    return this.users.exists({ where: { role: 'admin', active: true } });
  }

  @Transactional()
  async create(dto: CreateUserDto): Promise<UserDto> {
    const email = dto.email.trim().toLowerCase();
    const manager = this.db.tx;
    if (await manager.exists(User, { where: { email } })) {
      throw conflict(`A user with email ${email} already exists`, [{ field: 'email', message: 'already in use' }]);
    }
    const partnerships = await this.partnershipsFor(dto.role, dto.partnershipIds ?? []);
    const user = manager.create(User, {
      email,
      name: dto.name,
      role: dto.role,
      active: dto.active ?? true,
      language: dto.language ?? 'en',
      passwordHash: await this.hasher.hash(dto.password),
      partnerships,
    });
    const saved = await manager.save(user);
    this.logger.log({ userId: saved.id, role: saved.role }, 'user created');
    return toUserDto(saved);
  }

  @Transactional()
  async update(id: string, dto: UpdateUserDto): Promise<UserDto> {
    const manager = this.db.tx;
    const user = await this.find(id);
    const role = dto.role ?? user.role;
    if (dto.role !== undefined || dto.partnershipIds !== undefined) {
      const ids = dto.partnershipIds ?? (user.partnerships ?? []).map((p) => p.id);
      user.partnerships = await this.partnershipsFor(role, ids);
    }
    if (dto.password !== undefined) {
      // An admin's reset signs the user out everywhere, as their own change does.
      user.passwordHash = await this.hasher.hash(dto.password);
      user.tokenVersion += 1;
    }
    if (dto.name !== undefined) user.name = dto.name;
    if (dto.active !== undefined) user.active = dto.active;
    if (dto.language !== undefined) user.language = dto.language;
    user.role = role;
    return toUserDto(await manager.save(user));
  }

  /**
   * A signed-in user changes their own password, proving they know the current one. Tokens and
   * sessions issued before stop working (tokenVersion); the caller signs in again.
   */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    await this.storeNewPassword(actor.id, currentPassword, newPassword);
    this.logger.log({ userId: actor.id }, 'password changed; earlier tokens revoked');
  }

  @Transactional()
  private async storeNewPassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
    const manager = this.db.tx;
    const user = await this.find(userId);
    if (!(await this.hasher.verify(currentPassword, user.passwordHash))) {
      throw unprocessable('The current password is wrong', [{ field: 'currentPassword', message: 'is not your current password' }]);
    }
    if (newPassword === currentPassword) {
      throw unprocessable('The new password is the same as the current one', [{ field: 'newPassword', message: 'must differ from the current password' }]);
    }
    await manager.update(User, { id: user.id }, { passwordHash: await this.hasher.hash(newPassword) });
    await manager.increment(User, { id: user.id }, 'tokenVersion', 1);
  }

  private async find(id: string): Promise<User> {
    const user = await this.users.findOne({
      where: { id },
      relations: { partnerships: true },
    });
    if (!user) throw notFound('User', id);
    return user;
  }

  /** A partnership officer works for at least one partnership; no other role belongs to one. */
  private async partnershipsFor(role: Role, ids: string[]): Promise<Partnership[]> {
    if (role === 'partnership-officer' && ids.length === 0) {
      throw unprocessable('A partnership officer must belong to at least one partnership', [
        { field: 'partnershipIds', message: 'required for a partnership-officer' },
      ]);
    }
    if (role !== 'partnership-officer' && ids.length > 0) {
      throw unprocessable('Only partnership officers belong to partnerships', [
        { field: 'partnershipIds', message: `must be empty for a ${role}` },
      ]);
    }
    if (ids.length === 0) return [];
    const found = await this.partnershipsService.findMany(ids);
    const errors: FieldError[] = ids
      .map((pid, index) => ({ pid, index }))
      .filter(({ pid }) => !found.some((p) => p.id === pid))
      .map(({ pid, index }) => ({ field: `partnershipIds.${index}`, message: `partnership ${pid} does not exist` }));
    if (errors.length > 0) throw unprocessable('Unknown partnership', errors);
    return found;
  }
}
