import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { AppDeps, AppInstance } from './app-types.ts';

const HealthResponse = Type.Object({
  status: Type.Literal('ok'),
  uptimeSeconds: Type.Number(),
});
const ReadyResponse = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  database: Type.Union([Type.Literal('ok'), Type.Literal('unreachable')]),
});

/** Liveness, readiness and the API description. */
export async function operationsRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The process is up (liveness).',
        response: { 200: HealthResponse },
      },
    },
    async () => ({ status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The database answers (readiness).',
        response: { 200: ReadyResponse, 503: ReadyResponse },
      },
    },
    async (_request, reply) => {
      try {
        await deps.db.execute(sql`select 1`);
        return { status: 'ready' as const, database: 'ok' as const };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, database: 'unreachable' as const });
      }
    },
  );

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
