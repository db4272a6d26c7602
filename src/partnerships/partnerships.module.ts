import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Member } from './member.entity';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { Partnership } from './partnership.entity';
import { PartnershipsController } from './partnerships.controller';
import { PartnershipsService } from './partnerships.service';

@Module({
  imports: [TypeOrmModule.forFeature([Partnership, Member])],
  controllers: [PartnershipsController, MembersController],
  providers: [PartnershipsService, MembersService],
  exports: [PartnershipsService, MembersService],
})
export class PartnershipsModule {}
