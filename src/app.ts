import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import formBody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyRequest, LogController } from 'fastify';
import pino from 'pino';
import { modules as allModules } from './modules/index.ts';
import { platformAuditActions } from './platform/auth/audit-actions.ts';
import { installAuth } from './platform/auth/auth-routes.tsx';
import { authenticateStaffApiFirst } from './platform/auth/require-staff.ts';
import { platformStaffAreas } from './platform/auth/staff-areas.ts';
import { createFilesystemStore, type FileStore } from './platform/files/file-store.ts';
import { geoRoutes } from './platform/geo/geo-routes.ts';
import type { AppDeps, AppInstance } from './platform/http/app-types.ts';
import { handleError, installErrorHandlers } from './platform/http/error-handler.ts';
import { installInputChecks } from './platform/http/input-check.ts';
import { serializeError } from './platform/http/log-safety.ts';
import { operationsRoutes } from './platform/http/operations-routes.tsx';
import { type Jobs, jobsUnavailable } from './platform/jobs/jobs.ts';
import './platform/http/request-context.ts';
import { citizenCookieName, readSignedInCitizen } from './modules/citizens/index.ts';
import { sessionCookieName } from './platform/auth/staff-session-hook.ts';
import type { AppModule } from './platform/composition/app-module.ts';
import { buildRegistry } from './platform/composition/compose.ts';
import { registerModuleRoutes } from './platform/composition/register-routes.ts';
import { listenForPublications, processContentVersions } from './platform/db/publications.ts';
import { lazyValidators } from './platform/http/lazy-validators.ts';
import { probeServer } from './platform/http/probe-server.ts';
import { installPublicReads } from './platform/http/public-reads.ts';
import { installSecurityHeaders, securityHeaders } from './platform/http/security-headers.ts';
import { langFromPath } from './platform/web/i18n.ts';
import { platformPublicReads, publicPagesRoutes } from './platform/web/public-pages-routes.tsx';

export const publicFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public');

export interface BuildAppOptions extends Omit<AppDeps, 'jobs' | 'files'> {
  /** Pino options; tests pass `false` to keep output quiet. */
  logger?: boolean | Record<string, unknown>;
  /** main.ts and buildTestApp pass one; without it, sending a job fails loudly. */
  jobs?: Jobs;
  /** The file store; default: the filesystem store in FILE_STORE_DIR (`${DATA_DIR}/files`). */
  files?: FileStore;
  /** The business modules (default: every one, `src/modules/index.ts`); a test may build with fewer. */
  modules?: readonly AppModule[];
}

/**
 * Builds the whole application: plugins, hooks and every module's routes. It never listens;
 * main.ts does, and tests call app.inject().
 */
export async function buildApp(options: BuildAppOptions): Promise<AppInstance> {
  const { logger = false, jobs = jobsUnavailable, modules = allModules, files, ...rest } = options;
  const deps: AppDeps = { ...rest, jobs, files: files ?? createFilesystemStore(rest.config.fileStoreDir) };
  const { config } = deps;
  const headers = securityHeaders({ isHttps: config.publicBaseUrl.startsWith('https:') });
  // The liveness probe is answered before Fastify when the app listens (ADR 0019); app.inject and the
  // OpenAPI description use the route in operations-routes.tsx, which answers the same.
  const probes = probeServer();
  const validators = lazyValidators();
  const app = Fastify({
    serverFactory: probes.serverFactory,
    // Route schemas' validators are compiled on first use (or by compilePendingValidators), not here.
    schemaController: { compilersFactory: { buildValidator: validators.buildValidator } },
    logger:
      logger === true
        ? loggerOptions(config.logLevel)
        : logger === false
          ? false
          : { ...logger, ...logSafetyOptions() },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    // One line per request (onResponse below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    routerOptions: { ignoreTrailingSlash: true },
    // The router's own refusals (an address that is not valid UTF-8, a parameter over 100 characters) leave
    // through the error handler too: the one error shape, in JSON or as a page (issue 13).
    frameworkErrors: (error, request, reply) => {
      // The onRequest hooks have not run: the language and "nobody signed in" are set here.
      request.lang = langFromPath(request.url);
      request.staff ??= null;
      reply.header('x-request-id', request.id);
      handleError(error, request, reply);
    },
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: true } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as AppInstance;

  app.decorate('compilePendingValidators', validators.compilePending);
  app.decorateRequest('lang', 'zh-TW');
  // Set by the session hook inside the site's context; null everywhere else (probes, unknown URLs).
  app.decorateRequest('staff', null);
  app.addHook('onRequest', (request, reply, done) => {
    request.lang = langFromPath(request.url);
    reply.header('x-request-id', request.id);
    done();
  });
  installSecurityHeaders(app, headers);
  app.addHook('preClose', (done) => {
    probes.closing();
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const path = loggedPath(request);
    // Load balancers probe these every few seconds; logging each healthy probe would drown the log.
    const isHealthyProbe = (path === '/healthz' || path === '/readyz') && reply.statusCode < 400;
    if (!isHealthyProbe) {
      request.log.info(requestLine(request.method, path, reply.statusCode, reply.elapsedTime), 'request');
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

  installErrorHandlers(app);
  // Every route registered from here on: the staff API authenticates before the body's rules, then the
  // input check refuses unusable characters (and other charsets, while the body is read) (issue 13).
  authenticateStaffApiFirst(app);
  installInputChecks(app);

  const registry = buildRegistry(modules, {
    staffAreas: platformStaffAreas,
    auditActions: platformAuditActions,
    publicReads: platformPublicReads,
  });
  // Public pages and read APIs: kept as bytes, rendered again when what they show is published (in any
  // process: PostgreSQL LISTEN/NOTIFY), renders limited in number (issue 12).
  const publicReads = installPublicReads(app, {
    reads: registry.publicReads,
    versions: processContentVersions,
    maxAgeSeconds: config.publicPageCacheSeconds,
    renderConcurrency: config.renderConcurrency,
    renderQueue: config.renderQueue,
    isCookieSecure: config.cookieSecure,
    personalCookies: [sessionCookieName, citizenCookieName],
  });
  // A kept answer goes out before Fastify runs (ADR 0023): the same bytes and headers, its own log line.
  app.decorate('keptAnswersSentFirst', publicReads.sentFirst);
  app.decorate('sendOwnAnswersFirst', publicReads.sendOwnAnswersFirst);
  probes.answerFirst((request, response) => {
    const started = performance.now();
    const answered = publicReads.answerKept(request, response, headers);
    if (answered === null) return false;
    const { requestId, route, statusCode } = answered;
    const line = requestLine(request.method ?? 'GET', route, statusCode, performance.now() - started);
    app.log.info({ requestId, ...line }, 'request');
    return true;
  });
  const publications = listenForPublications(
    deps.pool,
    (scope) => processContentVersions.bump(scope),
    app.log,
  );
  app.addHook('onClose', () => publications.close());
  // Probes, the API description and open machine APIs need no cookies, session or CSRF: they live outside
  // the context where those hooks run (they are on the hot path of every load balancer).
  await app.register(async (scope) => operationsRoutes(scope as AppInstance, deps));
  await app.register(async (scope) => geoRoutes(scope as AppInstance));
  await registerModuleRoutes({ root: app, site: app }, deps, registry, 'root');
  await app.register(async (scope) => {
    const site = scope as AppInstance;
    await installAuth(site, deps, registry);
    // After the staff session: a signed-in citizen's pages say so in the header (not for staff).
    readSignedInCitizen(site, deps);
    await site.register(async (pages) => publicPagesRoutes(pages as AppInstance, deps, registry));
    await registerModuleRoutes({ root: app, site }, deps, registry, 'site');
  });
  return app;
}

/** A request's one log line (both paths: Fastify's and the kept answers sent before it): never the address. */
function requestLine(method: string, path: string, statusCode: number, elapsedMs: number) {
  return { method, path, statusCode, durationMs: Math.round(elapsedMs * 10) / 10 };
}

/**
 * The path a log line names: the route's pattern (`/report/confirm/:token`, `/reports/:number`), never
 * the values in it — a confirmation token, a case number or a name typed into an address is not logged.
 * An address no route matched is logged by its first segment only.
 */
export function loggedPath(request: FastifyRequest): string {
  const pattern = request.routeOptions?.url;
  if (pattern !== undefined && pattern !== '*' && pattern !== '/*') return pattern;
  const first = (request.url.split('?')[0] ?? '/').split('/')[1] ?? '';
  const safe = /^[a-z0-9._-]{1,40}$/i.test(first) ? first : '…';
  return `/${safe}/… (no route)`;
}

function loggerOptions(level: string): Record<string, unknown> {
  return {
    level,
    // Asynchronous writes to stdout: a synchronous write per request line blocks the event loop on the
    // pipe (measured here: about a third of the home page's CPU under load). Lines are written 4 KiB at a
    // time, and whatever is buffered at least every second (a quiet server's line shows within a second):
    // a write per line was ~8 % of a kept public answer's CPU under load (docs/benchmarks.md, issue 12).
    // pino flushes what is buffered when the process exits.
    stream: pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 1000 }),
    ...logSafetyOptions(),
  };
}

/**
 * Personal data never reaches the log, whatever logger the app is given (main.ts's, a test's): no cookies,
 * no credentials, no query strings (a lookup code or a phone number can sit there), no bodies, and no
 * error's data — a failed query's parameters, PostgreSQL's `detail` (platform/http/log-safety.ts).
 */
function logSafetyOptions(): Record<string, unknown> {
  return {
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      remove: true,
    },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        path: loggedPath(request),
        remoteAddress: request.ip,
      }),
      err: serializeError,
    },
  };
}
