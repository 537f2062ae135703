import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { TableHead } from '../web/components/table.tsx';
import { type Lang, languages, localePath, translator } from '../web/i18n.ts';
import { pageContext, renderPage, sendPage } from '../web/layout.tsx';
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

  for (const lang of languages) {
    app.get(localePath(lang, '/api/docs'), { schema: { hide: true } }, async (request, reply) => {
      const document = app.swagger() as unknown as OpenApiDocument;
      return sendPage(
        reply,
        renderPage(pageContext(request), {
          title: t(lang, 'title'),
          body: <ApiDocs lang={lang} document={document} />,
        }),
      );
    });
  }
}

interface OpenApiOperation {
  summary?: string;
  description?: string;
  tags?: string[];
  responses?: Record<string, { description?: string }>;
}

interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, OpenApiOperation>>;
}

const t = translator({
  'zh-TW': {
    title: 'API 說明文件',
    intro: '以下為 OneWindow 所有 JSON 端點，由各路由的結構定義自動產生。機器可讀的 OpenAPI 3.1 文件：',
    method: '方法',
    path: '路徑',
    summary: '說明',
    responses: '回應狀態碼',
    errors: '錯誤回應格式一律為：',
  },
  en: {
    title: 'API documentation',
    intro:
      'Every JSON endpoint of OneWindow, generated from the route schemas. The machine-readable OpenAPI 3.1 document:',
    method: 'Method',
    path: 'Path',
    summary: 'Summary',
    responses: 'Response codes',
    errors: 'Every error response has this shape:',
  },
});

function ApiDocs({ lang, document }: { lang: Lang; document: OpenApiDocument }) {
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );
  return (
    <>
      <h1 class="govuk-heading-xl">{t(lang, 'title')}</h1>
      <p class="govuk-body">
        {t(lang, 'intro')}{' '}
        <a class="govuk-link" href="/api/openapi.json">
          /api/openapi.json
        </a>
      </p>
      <p class="govuk-body">
        {t(lang, 'errors')} <code>{'{ code, message, errors: [{ field, code, message }], requestId }'}</code>
      </p>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">
          {document.info.title} {document.info.version}
        </caption>
        <TableHead columns={[t(lang, 'method'), t(lang, 'path'), t(lang, 'summary'), t(lang, 'responses')]} />
        <tbody class="govuk-table__body">
          {operations.map(({ path, method, operation }) => (
            <tr class="govuk-table__row" key={`${method} ${path}`}>
              <td class="govuk-table__cell">
                <code>{method}</code>
              </td>
              <td class="govuk-table__cell">
                <code>{path}</code>
              </td>
              <td class="govuk-table__cell">{operation.summary ?? operation.description ?? ''}</td>
              <td class="govuk-table__cell">{Object.keys(operation.responses ?? {}).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
