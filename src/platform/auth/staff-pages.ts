import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { AppInstance } from '../http/app-types.ts';
import type { Lang } from '../web/i18n.ts';
import { type Breadcrumb, pageContext, renderPage, sendPage } from '../web/layout.tsx';
import { authText } from './auth-messages.ts';
import { staffPaths } from './auth-paths.ts';

/**
 * Staff pages carry CSRF tokens and personal data: no shared or browser cache may keep anything a route
 * in this scope sends. A route that sets its own Cache-Control (a download's) keeps it.
 */
export function keepStaffPagesOutOfCaches(app: AppInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}

export interface StaffPageOptions {
  title: string;
  body: ComponentChildren;
  status?: number;
  hasError?: boolean;
  breadcrumbs?: Breadcrumb[];
}

/** The first breadcrumb of the pages below the staff home. */
export function staffHomeCrumb(lang: Lang): Breadcrumb {
  return { text: authText(lang, 'staffHomeTitle'), href: staffPaths.home };
}

/** A page in the shell, marked as a staff page (kept out of search engines). */
export function sendStaffPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: StaffPageOptions,
): FastifyReply {
  const html = renderPage(pageContext(request), {
    title: options.title,
    hasError: options.hasError ?? false,
    body: options.body,
    isStaffPage: true,
    ...(options.breadcrumbs ? { breadcrumbs: options.breadcrumbs } : {}),
  });
  return sendPage(reply, html, options.status ?? 200);
}
