import type { Actor } from '../auth/roles';
import { UserDto } from './dto/user.dto';
import { User } from './user.entity';

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    partnershipIds: partnershipIdsOf(user),
    active: user.active,
    language: user.language,
    emailReminders: user.emailReminders,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

export function toActor(user: User): Actor {
  return { id: user.id, email: user.email, name: user.name, role: user.role, partnershipIds: partnershipIdsOf(user) };
}

function partnershipIdsOf(user: User): string[] {
  return (user.partnerships ?? []).map((p) => p.id).sort();
}
