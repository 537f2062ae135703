import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { pageCountOf } from '../../../platform/db/paging.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { fieldLimits, transportLength } from '../../../platform/web/components/field-limits.ts';
import { FormProblems, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import { postedForm } from '../../../platform/web/components/read-form.ts';
import { submitForm } from '../../../platform/web/components/submit-form.ts';
import { taipeiIsoDate } from '../../../platform/web/format-date.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { pageContext, renderPage, sendPage } from '../../../platform/web/layout.tsx';
import { faqPaths } from '../shared/portal-paths.ts';
import { feedbackForm } from './faq-form.ts';
import { faqText as text } from './faq-messages.ts';
import {
  entryByNumber,
  entryPageFacts,
  listPublishedEntries,
  themesWithEntries,
  unitsWithEntries,
} from './faq-queries.ts';
import { faqLimits, faqOrderOf, wordsIn } from './faq-rules.ts';
import { recordFeedback } from './faq-service.ts';
import { FaqEntryPage, type FaqEntryPageProps } from './views/faq-entry-page.tsx';
import { FaqListPage } from './views/faq-list-page.tsx';

const ListQuery = Type.Object({
  unit: Type.Optional(Type.String({ maxLength: transportLength(fieldLimits.token) })),
  theme: Type.Optional(Type.String({ maxLength: transportLength(fieldLimits.token) })),
  order: Type.Optional(Type.String({ maxLength: 20 })),
  page: Type.Optional(Type.String({ maxLength: 20 })),
});
const EntryParams = Type.Object({ number: Type.String({ maxLength: 20 }) });
const EntryQuery = Type.Object({ thanks: Type.Optional(Type.String({ maxLength: 10 })) });

/** An entry's number from its address: digits only, else no entry. */
function numberOf(raw: string, lang: Lang): number {
  if (!/^\d{1,9}$/.test(raw)) throw notFound(text(lang, 'entryNotFound'));
  return Number(raw);
}

/** The public FAQ: the list, an entry's page, and "was this useful?" (issue 15 §5). */
export async function faqRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;

  forEachLanguage(faqPaths.list, (url, lang) => {
    app.get(url, { schema: { hide: true, querystring: ListQuery } }, async (request, reply) => {
      const context = pageContext(request);
      const [units, themes] = await Promise.all([unitsWithEntries(db), themesWithEntries(db)]);
      // A unit or theme nobody's entry has is ignored (every entry shown), never an error.
      const asked = request.query.unit ?? '';
      const unitCode = units.some((unit) => unit.code === asked) ? asked : null;
      const askedTheme = request.query.theme ?? '';
      const themeCode = themes.some((theme) => theme.code === askedTheme) ? askedTheme : null;
      const order = faqOrderOf(request.query.order);
      const page = pageNumberOf(request.query.page);
      const { entries, total } = await listPublishedEntries(db, { order, unitCode, themeCode, page });
      return sendPage(
        reply,
        renderPage(context, {
          title: text(lang, 'listTitle'),
          description: text(lang, 'listLead'),
          pageId: 'faq',
          body: (
            <FaqListPage
              lang={lang}
              entries={entries}
              units={units}
              unitCode={unitCode}
              themes={themes}
              themeCode={themeCode}
              order={order}
              page={page}
              pageCount={pageCountOf(total, faqLimits.pageSize)}
            />
          ),
        }),
      );
    });
  });

  /** An entry's page: published only; with the feedback form as sent (problems) or the thanks. */
  async function showEntry(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    number: number,
    feedback: FaqEntryPageProps['feedback'],
    status = 200,
  ) {
    const entry = await entryByNumber(db, number);
    if (entry === null || entry.state !== 'published') throw notFound(text(lang, 'entryNotFound'));
    const facts = await entryPageFacts(db, entry);
    const words = wordsIn(lang, entry);
    const updatedOn = entry.publishedAt === null ? null : taipeiIsoDate(entry.publishedAt);
    return sendPage(
      reply,
      renderPage(pageContext(request), {
        title: words.question,
        hasError: feedback.problems.hasAny,
        description: words.answer.slice(0, 160),
        pageId: `faq-${entry.number}`,
        ...(updatedOn === null ? {} : { updatedAt: updatedOn }),
        metadata: {
          ...(entry.themeCodes[0] ? { theme: entry.themeCodes[0] } : {}),
          ...(entry.cakeCodes[0] ? { cake: entry.cakeCodes[0] } : {}),
          ...(entry.serviceCodes[0] ? { service: entry.serviceCodes[0] } : {}),
        },
        breadcrumbs: [{ text: text(lang, 'listTitle'), href: faqPaths.list }],
        body: (
          <FaqEntryPage
            lang={lang}
            csrfToken={request.csrfToken}
            entry={entry}
            {...facts}
            updatedOn={updatedOn}
            feedback={feedback}
          />
        ),
      }),
      status,
    );
  }

  forEachLanguage(faqPaths.entry(':number' as unknown as number), (url, lang) => {
    app.get(
      url,
      { schema: { hide: true, params: EntryParams, querystring: EntryQuery } },
      async (request, reply) =>
        showEntry(request, reply, lang, numberOf(request.params.number, lang), {
          values: { useful: '', comment: '' },
          problems: FormProblems.none,
          isThanked: request.query.thanks === '1',
        }),
    );
  });

  forEachLanguage(faqPaths.feedback(':number' as unknown as number), (url, lang) => {
    app.post(
      url,
      { schema: { hide: true, params: EntryParams, body: postedForm } },
      async (request, reply) => {
        const number = numberOf(request.params.number, lang);
        return submitForm({
          form: feedbackForm,
          body: request.body,
          lang,
          run: (values) =>
            recordFeedback(db, {
              number,
              useful: values.useful,
              comment: values.comment,
              lang,
              clientIp: request.ip,
              now: deps.clock.now(),
            }),
          done: (outcome) => {
            if (outcome.kind === 'thanks')
              return reply.redirect(`${localePath(lang, faqPaths.entry(number))}?thanks=1`, 303);
            // Said kindly, on the form: only votes are limited, the page itself stays open to everyone.
            reply.header('retry-after', String(outcome.retryAfterSeconds));
            const minutes = Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60));
            const body = request.body as Record<string, unknown>;
            return showEntry(
              request,
              reply,
              lang,
              number,
              {
                values: {
                  useful: typeof body.useful === 'string' ? body.useful : '',
                  comment: typeof body.comment === 'string' ? body.comment : '',
                },
                problems: problemsOnPage(
                  [
                    {
                      field: 'useful',
                      code: 'rate_limited',
                      message: text(lang, 'feedbackLimited', { minutes }),
                    },
                  ],
                  { lang },
                ),
                isThanked: false,
              },
              429,
            );
          },
          showAgain: (values, outcome) =>
            showEntry(
              request,
              reply,
              lang,
              number,
              { values, problems: problemsOnPage(outcome.problems, { lang }), isThanked: false },
              outcome.status,
            ),
        });
      },
    );
  });
}
