import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { EmployersModule } from '../employers/employers.module.js';
import { OrgsModule } from '../orgs/orgs.module.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [AuthModule, OrgsModule, EmployersModule],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository],
  exports: [UsersService, UsersRepository],
})
export class UsersModule {}
