import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import formBody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import pino from 'pino';
import { casesApiRoutes } from './modules/cases/cases-api-routes.ts';
import { consoleRoutes } from './modules/cases/console-routes.tsx';
import { counterRoutes } from './modules/cases/counter-routes.tsx';
import { trackRoutes } from './modules/cases/track-routes.tsx';
import { catalogueAdminRoutes } from './modules/catalogue/catalogue-admin-routes.tsx';
import { catalogueRoutes } from './modules/catalogue/catalogue-routes.tsx';
import { checksRoutes } from './modules/control/checks-routes.tsx';
import { controlRoutes } from './modules/control/control-routes.tsx';
import { controlStaffRoutes } from './modules/control/control-staff-routes.tsx';
import { progressRoutes } from './modules/control/progress-routes.tsx';
import { reportRoutes } from './modules/control/report-routes.tsx';
import { workPlanRoutes, workPlanStaffRoutes } from './modules/control/workplan-routes.tsx';
import { notificationsRoutes } from './modules/notifications/notifications-routes.tsx';
import { installAuth } from './platform/auth/auth-routes.tsx';
import { geoRoutes } from './platform/geo/geo-routes.ts';
import type { AppDeps, AppInstance } from './platform/http/app-types.ts';
import { DomainError, type ErrorBody, type ErrorCode, type FieldProblem } from './platform/http/errors.ts';
import { operationsRoutes } from './platform/http/operations-routes.tsx';
import { type Jobs, jobsUnavailable } from './platform/jobs/jobs.ts';
import './platform/http/request-context.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
import { registerMultipart } from './platform/uploads/multipart.ts';
import { renderErrorPage } from './platform/web/error-pages.tsx';
import { langFromPath } from './platform/web/i18n.ts';
import { pageContext } from './platform/web/layout.tsx';
import { publicPagesRoutes } from './platform/web/public-pages-routes.tsx';

export const publicFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public');

export interface BuildAppOptions extends Omit<AppDeps, 'jobs'> {
  /** Pino options; tests pass `false` to keep output quiet. */
  logger?: boolean | Record<string, unknown>;
  /** main.ts and buildTestApp pass one; without it, sending a job fails loudly. */
  jobs?: Jobs;
}

/**
 * Builds the whole application: plugins, hooks and every module's routes. It never listens;
 * main.ts does, and tests call app.inject().
 */
export async function buildApp(options: BuildAppOptions): Promise<AppInstance> {
  const { logger = false, jobs = jobsUnavailable, ...rest } = options;
  const deps: AppDeps = { ...rest, jobs };
  const { config } = deps;
  const app = Fastify({
    logger: logger === true ? loggerOptions(config.logLevel) : logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    // One line per request (onResponse below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: true } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as AppInstance;

  app.decorateRequest('lang', 'zh-TW');
  // Set by the session hook inside the site's context; null everywhere else (probes, unknown URLs).
  app.decorateRequest('staff', null);
  app.addHook('onRequest', (request, reply, done) => {
    request.lang = langFromPath(request.url);
    reply.header('x-request-id', request.id);
    done();
  });
  installSecurityHeaders(app, { isHttps: config.publicBaseUrl.startsWith('https:') });
  app.addHook('onResponse', (request, reply, done) => {
    const path = request.url.split('?')[0] ?? '/';
    // Load balancers probe these every few seconds; logging each healthy probe would drown the log.
    const isHealthyProbe = (path === '/healthz' || path === '/readyz') && reply.statusCode < 400;
    if (!isHealthyProbe) {
      const line = {
        method: request.method,
        path,
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      };
      request.log.info(line, 'request');
    }
    done();
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OneWindow API (工務單一窗口)',
        version: '0.1.0',
        description:
          'JSON endpoints of OneWindow. Every error has the same shape: { code, message, errors: [{ field, code, message }], requestId }.',
      },
    },
  });
  await app.register(formBody);
  await app.register(fastifyStatic, {
    root: publicFolder,
    prefix: '/assets/',
    maxAge: '1h',
    index: false,
  });

  app.setErrorHandler((error, request, reply) => handleError(error as FastifyError, request, reply));
  app.setNotFoundHandler((request, reply) => {
    const notFound = new DomainError(
      'NOT_FOUND',
      request.lang === 'en' ? 'There is no page at this address.' : '找不到這個網址的頁面。',
    );
    return handleError(notFound, request, reply);
  });

  // Probes and the API description need no cookies, session or CSRF: they live outside the context where
  // those hooks run (they are on the hot path of every load balancer).
  await app.register(async (scope) => operationsRoutes(scope as AppInstance, deps));
  await app.register(async (scope) => geoRoutes(scope as AppInstance));
  await app.register(async (scope) => {
    const site = scope as AppInstance;
    await installAuth(site, deps);
    await site.register(async (pages) => publicPagesRoutes(pages as AppInstance, deps));
    await site.register(async (catalogue) => catalogueRoutes(catalogue as AppInstance, deps));
    await site.register(async (scope) => notificationsRoutes(scope as AppInstance, deps));
    await site.register(async (editors) => catalogueAdminRoutes(editors as AppInstance, deps));
    // Uploads only where forms carry files: @fastify/multipart adds hooks to every request of its context.
    await site.register(async (scope) => {
      await registerMultipart(scope as AppInstance, config);
      await counterRoutes(scope as AppInstance, deps);
    });
    await site.register(async (scope) => consoleRoutes(scope as AppInstance, deps));
    await site.register(async (scope) => trackRoutes(scope as AppInstance, deps));
    await site.register(async (scope) => casesApiRoutes(scope as AppInstance, deps));
    await site.register(async (scope) => controlRoutes(scope as AppInstance, deps));
    await site.register(async (scope) => controlStaffRoutes(scope as AppInstance, deps));
    await site.register(async (scope) => workPlanRoutes(scope as AppInstance, deps));
    await site.register(async (scope) => workPlanStaffRoutes(scope as AppInstance, deps));
    await site.register(async (scope) => reportRoutes(scope as AppInstance, deps));
    await site.register(async (scope) => {
      await registerMultipart(scope as AppInstance, config);
      await checksRoutes(scope as AppInstance, deps);
    });
    await site.register(async (scope) => {
      await registerMultipart(scope as AppInstance, config);
      await progressRoutes(scope as AppInstance, deps);
    });
  });
  return app;
}

function loggerOptions(level: string): Record<string, unknown> {
  return {
    level,
    // Asynchronous writes to stdout: a synchronous write per request line blocks the event loop on the
    // pipe (measured here: about a third of the home page's CPU under load). pino flushes what is buffered
    // when the process exits.
    stream: pino.destination({ dest: 1, sync: false }),
    // Personal data never reaches the log: no cookies, no credentials, no query strings (a lookup code or a
    // phone number can sit there), no bodies.
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      remove: true,
    },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        path: request.url.split('?')[0],
        remoteAddress: request.ip,
      }),
    },
  };
}

export function isApiRequest(request: FastifyRequest): boolean {
  return (
    request.url.startsWith('/api/') ||
    request.url === '/healthz' ||
    request.url === '/readyz' ||
    request.url.startsWith('/open311/') ||
    (request.headers.accept?.includes('application/json') === true &&
      !request.headers.accept.includes('text/html'))
  );
}

const fastifyCodeToDomain: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_REQUEST',
};

const defaultMessages: Record<ErrorCode, { 'zh-TW': string; en: string }> = {
  VALIDATION_FAILED: {
    'zh-TW': '送出的資料有問題，請依下列說明修正。',
    en: 'There is a problem with what was sent; see each item below.',
  },
  MALFORMED_REQUEST: {
    'zh-TW': '無法讀取送出的資料（格式錯誤）。',
    en: 'The request could not be read (it is malformed).',
  },
  UNAUTHENTICATED: { 'zh-TW': '請先登入。', en: 'Please sign in first.' },
  INVALID_CREDENTIALS: {
    'zh-TW': '電子郵件或密碼不正確。',
    en: 'The e-mail address or password is not right.',
  },
  SESSION_EXPIRED: {
    'zh-TW': '您已閒置過久，請重新登入。',
    en: 'You were inactive for too long; please sign in again.',
  },
  CSRF_INVALID: {
    'zh-TW': '表單已過期或來源不明，請重新整理頁面後再送出。',
    en: 'The form has expired or did not come from this site; reload the page and send it again.',
  },
  FORBIDDEN: { 'zh-TW': '您沒有權限執行此操作。', en: 'You do not have permission to do this.' },
  NOT_FOUND: { 'zh-TW': '找不到您要的資料。', en: 'What you asked for was not found.' },
  METHOD_NOT_ALLOWED: { 'zh-TW': '不支援此操作方式。', en: 'This method is not allowed here.' },
  CONFLICT: {
    'zh-TW': '資料已被他人更新，請重新載入後再試。',
    en: 'Someone else changed this first; reload and try again.',
  },
  INVALID_TRANSITION: {
    'zh-TW': '案件目前的狀態不能執行這個動作。',
    en: 'This action is not possible in the case’s current state.',
  },
  PAYLOAD_TOO_LARGE: { 'zh-TW': '送出的資料太大。', en: 'What was sent is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-TW': '不支援此資料格式。', en: 'This content type is not supported.' },
  ACCOUNT_LOCKED: {
    'zh-TW': '登入失敗次數過多，請稍後再試。',
    en: 'Too many failed sign-in attempts; please try again later.',
  },
  RATE_LIMITED: { 'zh-TW': '請求次數過多，請稍後再試。', en: 'Too many requests; please try again later.' },
  SERVICE_UNAVAILABLE: {
    'zh-TW': '服務暫時無法使用，請稍後再試。',
    en: 'The service is unavailable for now; please try again later.',
  },
  INTERNAL_ERROR: {
    'zh-TW': '系統發生錯誤，我們已記錄此問題，請稍後再試。',
    en: 'Something went wrong on our side; it has been logged. Please try again later.',
  },
};

export function messageFor(code: ErrorCode, lang: 'zh-TW' | 'en'): string {
  return defaultMessages[code][lang];
}

/** One table from any thrown error to a status and the one error shape; 5xx never show internals. */
export function toErrorBody(
  error: unknown,
  request: FastifyRequest,
): { statusCode: number; body: ErrorBody } {
  const lang = request.lang;
  if (error instanceof DomainError) {
    return {
      statusCode: error.statusCode,
      body: { code: error.code, message: error.message, errors: error.problems, requestId: request.id },
    };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const problems: FieldProblem[] = fastifyError.validation.map((issue) => {
      const missing = (issue.params as { missingProperty?: string } | undefined)?.missingProperty;
      const field = [
        fastifyError.validationContext,
        issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        missing,
      ]
        .filter((part) => part !== undefined && part !== '')
        .join('.');
      return { field, code: issue.keyword, message: issue.message ?? issue.keyword };
    });
    return {
      statusCode: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: messageFor('VALIDATION_FAILED', lang),
        errors: problems,
        requestId: request.id,
      },
    };
  }
  const mapped = fastifyError.code ? fastifyCodeToDomain[fastifyError.code] : undefined;
  if (mapped) {
    return {
      statusCode: fastifyError.statusCode ?? 400,
      body: { code: mapped, message: messageFor(mapped, lang), errors: [], requestId: request.id },
    };
  }
  if (fastifyError.statusCode === 405) {
    return {
      statusCode: 405,
      body: {
        code: 'METHOD_NOT_ALLOWED',
        message: messageFor('METHOD_NOT_ALLOWED', lang),
        errors: [],
        requestId: request.id,
      },
    };
  }
  if (
    fastifyError.statusCode !== undefined &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return {
      statusCode: fastifyError.statusCode,
      body: {
        code: 'MALFORMED_REQUEST',
        message: messageFor('MALFORMED_REQUEST', lang),
        errors: [],
        requestId: request.id,
      },
    };
  }
  return {
    statusCode: 500,
    body: {
      code: 'INTERNAL_ERROR',
      message: messageFor('INTERNAL_ERROR', lang),
      errors: [],
      requestId: request.id,
    },
  };
}

function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { statusCode, body } = toErrorBody(error, request);
  if (statusCode >= 500) request.log.error({ err: error }, 'request failed');
  if (error instanceof DomainError && error.retryAfterSeconds !== undefined) {
    reply.header('retry-after', String(error.retryAfterSeconds));
  }
  if (isApiRequest(request)) return reply.code(statusCode).type('application/json; charset=utf-8').send(body);
  return reply
    .code(statusCode)
    .type('text/html; charset=utf-8')
    .send(renderErrorPage(pageContext(request), statusCode, body));
}
