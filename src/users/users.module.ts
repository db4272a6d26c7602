import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminBootstrap } from './admin-bootstrap';
import { PasswordHasher } from './password-hasher';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { User } from './user.entity';
import { PasswordReset } from './password-reset.entity';
import { PasswordResetsService } from './password-resets.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, PasswordReset]), PartnershipsModule],
  controllers: [UsersController],
  providers: [UsersService, PasswordHasher, AdminBootstrap, PasswordResetsService],
  exports: [UsersService, PasswordResetsService],
})
export class UsersModule {}
