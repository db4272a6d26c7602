import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { NOTIFICATION_STATUSES, type NotificationStatus } from '../domain/reminders';
import type { Translate } from './i18n/i18n';
import { SignedIn } from './session.guard';
import { WEB_PATHS } from './web-routes';

const PAGE_SIZE = 50;

/**
 * The outbox: the emails the service sent, waits to send or failed to send, newest first, so a
 * coordinator sees a failing mail server (and who missed a reminder) without reading logs. The
 * same list as GET /api/v1/notifications. A filter or page that is not one of the offered is
 * ignored, as on the other coordinator pages.
 */
@ApiExcludeController()
@SignedIn('coordinator')
@Controller()
export class OutboxController {
  constructor(private readonly outbox: NotificationOutbox) {}

  @Get(WEB_PATHS.outbox)
  async list(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const t = res.locals.t as Translate;
    const status = (NOTIFICATION_STATUSES as readonly unknown[]).includes(query.status) ? (query.status as NotificationStatus) : undefined;
    const asked = typeof query.page === 'string' && /^\d{1,6}$/.test(query.page) ? Number(query.page) : 1;
    const page = Math.max(1, asked);
    const { items, total } = await this.outbox.list({ status, page, pageSize: PAGE_SIZE });
    const link = (p: number) => `${WEB_PATHS.outbox}?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) }).toString()}`;
    res.render('outbox.njk', {
      title: t('outbox.title'),
      width: 'full',
      status,
      statuses: NOTIFICATION_STATUSES,
      items,
      total,
      previous: page > 1 ? link(page - 1) : null,
      next: page * PAGE_SIZE < total ? link(page + 1) : null,
    });
  }
}
