import { ArgumentsHost, Catch } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AllExceptionsFilter } from '../common/all-exceptions.filter';
import { SignInRequired } from './session.guard';
import { isWebPath, WEB_PATHS } from './web-routes';

const PAGES: Record<number, string> = { 403: 'forbidden', 404: 'not-found', 429: 'too-many', 500: 'server' };

/**
 * The application's one exception filter: the API's JSON errors under /api (unchanged), and
 * GOV.UK error pages for the web pages, where "not signed in" sends the browser to sign in.
 */
@Catch()
export class WebExceptionsFilter extends AllExceptionsFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (!request || !isWebPath(request.originalUrl.split('?')[0]) || response.headersSent) {
      super.catch(exception, host);
      return;
    }
    if (exception instanceof SignInRequired) {
      response.redirect(303, WEB_PATHS.signIn);
      return;
    }
    const body = this.toBody(exception, request);
    const status = body.statusCode;
    const page = PAGES[status] ?? (status >= 500 ? 'server' : 'bad-request');
    if (!response.locals.t) {
      // The words were not set up (the error came before that middleware): plain text, never a stack.
      response.status(status).type('text/plain').send(body.message);
      return;
    }
    response.status(status).render('error.njk', { page, status, errorId: body.errorId });
  }
}
