import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ManageAccess } from '../auth/access.decorators';
import { ApiErrors } from '../common/error.dto';
import { ApiPageResponse, Page, toPage } from '../common/pagination';
import { ListNotificationsQuery, NotificationDto } from './dto/notification.dto';
import { NotificationOutbox } from './notification-outbox';
import { toNotificationDto } from './notification.mapper';

@ApiTags('notifications')
@ManageAccess()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly outbox: NotificationOutbox) {}

  /**
   * The outbox: every reminder, notice and digest the service has claimed, newest first, with its
   * state. `status=failed` lists what did not go (with the last error and when it is tried next);
   * a message is tried five times with growing back-off before it is left failed. Coordinators only.
   */
  @ApiOperation({ summary: 'List email notifications (the outbox)' })
  @Get()
  @ApiPageResponse(NotificationDto)
  @ApiErrors(400)
  async list(@Query() query: ListNotificationsQuery): Promise<Page<NotificationDto>> {
    const { items, total } = await this.outbox.list(query);
    return toPage(items.map(toNotificationDto), total, query);
  }
}
