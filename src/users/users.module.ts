import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminBootstrap } from './admin-bootstrap';
import { PasswordHasher } from './password-hasher';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User]), PartnershipsModule],
  controllers: [UsersController],
  providers: [UsersService, PasswordHasher, AdminBootstrap],
  exports: [UsersService],
})
export class UsersModule {}
