import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import type { Actor } from '../auth/roles';
import { Clock } from '../common/clock';
import { Db, Transactional } from '../database/transactions';
import { PasswordHasher } from './password-hasher';
import { PasswordReset } from './password-reset.entity';
import { User } from './user.entity';

/** How long an admin's reset link works: a working day and a night, time to hand it over. */
export const RESET_LINK_HOURS = 24;

export type ResetRefusal = 'unknown' | 'used' | 'expired';

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * One-time password-reset links, made by an admin and shown to them (until email exists). The
 * token is 32 random bytes; only its hash is stored. A link works once, for RESET_LINK_HOURS,
 * and a newer link for the same user ends the older ones.
 */
@Injectable()
export class PasswordResetsService {
  private readonly logger = new Logger(PasswordResetsService.name);

  constructor(
    private readonly db: Db,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  private get resets(): Repository<PasswordReset> {
    return this.db.tx.getRepository(PasswordReset);
  }

  /** A new link's token (to put in the URL) and when it stops working. */
  @Transactional()
  async issue(userId: string, actor: Actor): Promise<{ token: string; expiresAt: Date }> {
    const manager = this.db.tx;
    const now = this.clock.now();
    await manager.update(PasswordReset, { userId, usedAt: IsNull() }, { usedAt: now.toISOString() });
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + RESET_LINK_HOURS * 60 * 60 * 1000);
    await manager.insert(PasswordReset, { userId, tokenHash: hashOf(token), expiresAt: expiresAt.toISOString(), usedAt: null, createdById: actor.id });
    this.logger.log({ userId, by: actor.id }, 'password reset link issued');
    return { token, expiresAt };
  }

  /** Why the link cannot be used, or null when it can. */
  async refusal(token: string): Promise<ResetRefusal | null> {
    return (await this.check(token)).refusal;
  }

  /**
   * Sets the new password through the link, once: the link is spent, and every earlier session
   * and token of the user ends (tokenVersion), as after an admin's reset by the API.
   */
  @Transactional()
  async reset(token: string, newPassword: string): Promise<ResetRefusal | null> {
    const manager = this.db.tx;
    const { reset, refusal } = await this.check(token);
    if (!reset) return refusal;
    // Spent first, conditionally: of two simultaneous uses, only one finds it unused.
    const spent = await manager.update(PasswordReset, { id: reset.id, usedAt: IsNull() }, { usedAt: this.clock.now().toISOString() });
    if (!spent.affected) return 'used';
    await manager.update(User, { id: reset.userId }, { passwordHash: await this.hasher.hash(newPassword) });
    await manager.increment(User, { id: reset.userId }, 'tokenVersion', 1);
    this.logger.log({ userId: reset.userId }, 'password reset through a one-time link');
    return null;
  }

  private async check(token: string): Promise<{ reset: PasswordReset | null; refusal: ResetRefusal | null }> {
    const reset = typeof token === 'string' && token.length <= 100 ? await this.resets.findOne({ where: { tokenHash: hashOf(token) }, relations: { user: true } }) : null;
    if (!reset || !reset.user?.active) return { reset: null, refusal: 'unknown' };
    if (reset.usedAt) return { reset: null, refusal: 'used' };
    if (reset.expiresAt <= this.clock.now().toISOString()) return { reset: null, refusal: 'expired' };
    return { reset, refusal: null };
  }
}
