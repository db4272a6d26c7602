import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, NextFunction, Request, Response } from 'express';
import { ProgressModule } from '../progress/progress.module';
import { ReportsModule } from '../reports/reports.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { SummaryModule } from '../summary/summary.module';
import { TargetsModule } from '../targets/targets.module';
import { UsersModule } from '../users/users.module';
import { AssignmentsModule } from '../assignments/assignments.module';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { ReturnsModule } from '../returns/returns.module';
import { ApprovalsController } from './approvals.controller';
import { CoordinatorScopes } from './coordinator-scope';
import { TargetImportPageController } from './target-import.controller';
import { AccountabilityController } from './accountability.controller';
import { ChasingController } from './chasing.controller';
import { BoardPacksController } from './board-packs.controller';
import { ChangePasswordController } from './change-password.controller';
import { DashboardController } from './dashboard.controller';
import { ReturnsController } from './returns.controller';
import { SignInController } from './sign-in.controller';
import { TargetController } from './target.controller';
import { ThemeController } from './theme.controller';
import { UploadController } from './upload.controller';
import { WebSessionGuard } from './session.guard';
import { isWebPath } from './web-routes';
import { PartnershipsPageController } from './partnerships.controller';
import { StrategySetupController } from './setup/strategy-setup.controller';
import { TargetSetupController } from './setup/target-setup.controller';
import { ResetPasswordController, UsersPageController } from './users.controller';
import { EmailSettingsController } from './email-settings.controller';
import { OutboxController } from './outbox.controller';
import { NotificationOutboxModule } from '../notifications/notification-outbox.module';

/**
 * The server-rendered pages (GOV.UK Design System). They call the same services as the API,
 * with the signed-in user as the actor; no rule is written twice and no page calls the API.
 */
@Module({
  imports: [UsersModule, StrategiesModule, SummaryModule, TargetsModule, ProgressModule, AssignmentsModule, ReportsModule, PartnershipsModule, ReturnsModule, NotificationOutboxModule],
  controllers: [SignInController, DashboardController, ReturnsController, TargetController, BoardPacksController, ChangePasswordController, ThemeController, UploadController, ApprovalsController, TargetImportPageController, ChasingController, AccountabilityController, PartnershipsPageController, StrategySetupController, TargetSetupController, UsersPageController, ResetPasswordController, EmailSettingsController, OutboxController],
  providers: [WebSessionGuard, CoordinatorScopes],
})
export class WebModule implements OnApplicationBootstrap {
  constructor(private readonly adapter: HttpAdapterHost) {}

  /**
   * Nest answers unknown paths under its /api prefix itself; an unknown page gets the GOV.UK
   * "Page not found". Registered here, after every route and Nest's own handlers.
   */
  onApplicationBootstrap(): void {
    const app = this.adapter.httpAdapter?.getInstance<Express>();
    app?.use((req: Request, res: Response, next: NextFunction) => {
      if (!isWebPath(req.path) || !res.locals.t) return next();
      res.status(404).render('error.njk', { page: 'not-found', status: 404 });
    });
  }
}
