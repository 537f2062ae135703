import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { staffActorContext } from '../../../platform/auth/actor-context.ts';
import { requireStaff, signedInStaff } from '../../../platform/auth/require-staff.ts';
import { keepStaffPagesOutOfCaches } from '../../../platform/auth/staff-pages.ts';
import { ODS_MEDIA_TYPE } from '../../../platform/documents/ods.ts';
import { ODT_MEDIA_TYPE } from '../../../platform/documents/odt.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, notFound } from '../../../platform/http/errors.ts';
import { contentDisposition } from '../../../platform/uploads/file-name.ts';
import { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import { formatPageDate } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { publishedYears } from '../plans/plan-reads.ts';
import { addDays, taipeiIsoDate } from '../shared/control-format.ts';
import { submitControlForm } from '../shared/control-forms.ts';
import { formVersion, pageOfList, sendControlPage } from '../shared/control-pages.ts';
import { controlForm, controlPage } from '../shared/control-routes.ts';
import { buildReport, type ReportData, reportSubjects } from './report-build.ts';
import { reportFileName, reportOds, reportOdt, reportTitle } from './report-document.ts';
import { issueForm, narrativeForm, narrativeFormOf } from './report-forms.ts';
import { reportText as text } from './report-messages.ts';
import { reportListPageSize, reportPaths } from './report-paths.ts';
import {
  bureauSubject,
  isOverdue,
  mayEditReport,
  mayReadReport,
  type NarrativeForm,
  reportDueDate,
} from './report-rules.ts';
import { issueReport, saveNarrative } from './report-service.ts';
import { type ReportListEntry, ReportListPage, ReportPage } from './views/report-pages.tsx';

const yearSchema = Type.String({ pattern: '^[0-9]{4}$' });
const subjectSchema = Type.String({ pattern: '^[a-z0-9-]{1,60}$' });
const ReportParams = Type.Object({ year: yearSchema, subject: subjectSchema });
const ListQuery = Type.Object({
  year: Type.Optional(yearSchema),
  page: Type.Optional(Type.String({ maxLength: 10 })),
});
const ReportQuery = Type.Object({ done: Type.Optional(Type.String({ pattern: '^[a-z]{1,20}$' })) });

/** Days before the due date from which the list warns the secretariat. */
const warnDays = 30;

const reportForbidden = (lang: Lang) => new DomainError('FORBIDDEN', text(lang, 'forbidden'));
const reportNotFound = (lang: Lang) => notFound(text(lang, 'notFound'));

/** The list's warning: the due date is near or past and reports are not issued. */
function listWarning(
  lang: Lang,
  year: number,
  entries: readonly ReportListEntry[],
  today: string,
): string | null {
  const dueDate = reportDueDate(year);
  const unissued = entries.filter((entry) => entry.state !== 'issued').length;
  const values = {
    year: lang === 'en' ? year : year - 1911,
    due: formatPageDate(lang, dueDate),
    count: unissued,
  };
  if (unissued > 0 && today > dueDate) return text(lang, 'overdueWarning', values);
  if (unissued > 0 && today >= addDays(dueDate, -warnDays)) return text(lang, 'dueSoonWarning', values);
  return null;
}

/**
 * The annual performance reports (issue 4 §5): the secretariat's list of a year's reports (a page at a
 * time), each report as a printable page with the narrative form and the issue action, and its .odt and .ods
 * downloads. A unit's editor and head may read (and download) their own unit's report; everyone else gets 403.
 */
export async function reportRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, clock } = deps;
  const secretariat = requireStaff({ roles: ['secretariat', 'admin'] });
  const readers = requireStaff({ roles: ['secretariat', 'admin', 'unit_editor', 'unit_head'] });
  keepStaffPagesOutOfCaches(app);

  const unitOfSubject = (subject: string): string | null => (subject === bureauSubject ? null : subject);

  /** The report, after checking the reader may see it (403) and that the year and unit exist (404). */
  const load = async (request: FastifyRequest, year: string, subject: string): Promise<ReportData> => {
    const unitCode = unitOfSubject(subject);
    if (!mayReadReport(signedInStaff(request), unitCode)) throw reportForbidden(request.lang);
    const data = await buildReport(db, Number(year), unitCode);
    if (!data) throw reportNotFound(request.lang);
    if (unitCode !== null && !data.unitNames.has(unitCode)) throw reportNotFound(request.lang);
    return data;
  };

  // The year's list: the bureau and every unit, a page at a time.
  controlPage(
    app,
    reportPaths.list,
    { preHandler: secretariat, querystring: ListQuery },
    async (request, reply, lang) => {
      const years = await publishedYears(db);
      const wanted = request.query.year === undefined ? null : Number(request.query.year);
      const year = wanted !== null && years.includes(wanted) ? wanted : (years[0] ?? null);
      const today = taipeiIsoDate(clock.now());
      const entries: ReportListEntry[] =
        year === null
          ? []
          : (await reportSubjects(db, year)).map((subject) => ({
              subject: subject.subject,
              name:
                subject.subject === bureauSubject
                  ? text(lang, 'bureauReport')
                  : lang === 'en'
                    ? subject.nameEn
                    : subject.nameZh,
              state: subject.state,
              dueDate: subject.dueDate,
              issuedAt: subject.issuedAt,
              overdue: isOverdue(subject.state, subject.dueDate, today),
            }));
      const page = pageOfList(entries, pageNumberOf(request.query.page), reportListPageSize);
      return sendControlPage(request, reply, {
        title: text(lang, 'listTitle'),
        body: (
          <ReportListPage
            lang={lang}
            years={years}
            year={year}
            entries={page.rows}
            page={page.page}
            hasNextPage={page.hasNextPage}
            warning={year === null ? null : listWarning(lang, year, entries, today)}
          />
        ),
      });
    },
  );

  const sendReport = (
    request: FastifyRequest,
    reply: FastifyReply,
    data: ReportData,
    view: { notice: string | null; problems: FormProblems; status?: number; typed?: NarrativeForm | null },
  ) => {
    const lang = request.lang;
    const mayEdit = mayEditReport(signedInStaff(request));
    return sendControlPage(request, reply, {
      title: reportTitle(data, lang),
      problems: view.problems,
      status: view.status ?? 200,
      crumbs: mayEdit ? [{ text: text(lang, 'listTitle'), href: reportPaths.listYear(data.year) }] : [],
      body: (
        <ReportPage
          lang={lang}
          csrfToken={request.csrfToken}
          data={data}
          mayEdit={mayEdit}
          notice={view.notice}
          problems={view.problems}
          typed={view.typed ?? null}
        />
      ),
    });
  };

  const reportUrl = (lang: Lang, data: ReportData, done: string) =>
    `${localePath(lang, reportPaths.report(data.year, data.unitCode ?? bureauSubject))}?done=${done}`;

  controlPage(
    app,
    '/staff/reports/:year/:subject',
    { preHandler: readers, params: ReportParams, querystring: ReportQuery },
    async (request, reply, lang) => {
      const data = await load(request, request.params.year, request.params.subject);
      const done = request.query.done;
      const notice = done === 'saved' ? text(lang, 'saved') : done === 'issued' ? text(lang, 'issued') : null;
      return sendReport(request, reply, data, { notice, problems: FormProblems.none });
    },
  );

  controlForm(
    app,
    '/staff/reports/:year/:subject/narrative',
    { preHandler: secretariat, params: ReportParams },
    async (request, reply, lang) => {
      const data = await load(request, request.params.year, request.params.subject);
      return submitControlForm({
        form: narrativeForm(data.items),
        body: request.body,
        lang,
        isSummaryLabelled: false,
        run: (values) =>
          saveNarrative(
            db,
            {
              year: data.year,
              unitCode: data.unitCode,
              version: formVersion(values.version ?? ''),
              form: narrativeFormOf(values),
            },
            staffActorContext(request, deps),
          ),
        done: () => reply.redirect(reportUrl(lang, data, 'saved'), 303),
        showAgain: async (values, shown) =>
          sendReport(request, reply, (await buildReport(db, data.year, data.unitCode)) ?? data, {
            notice: null,
            ...shown,
            typed: narrativeFormOf(values),
          }),
      });
    },
  );

  controlForm(
    app,
    '/staff/reports/:year/:subject/issue',
    { preHandler: secretariat, params: ReportParams },
    async (request, reply, lang) => {
      const data = await load(request, request.params.year, request.params.subject);
      return submitControlForm({
        form: issueForm,
        body: request.body,
        lang,
        isSummaryLabelled: false,
        run: (values) =>
          issueReport(
            db,
            { year: data.year, unitCode: data.unitCode, version: formVersion(values.version) },
            staffActorContext(request, deps),
          ),
        done: () => reply.redirect(reportUrl(lang, data, 'issued'), 303),
        showAgain: (_values, shown) => sendReport(request, reply, data, { notice: null, ...shown }),
      });
    },
  );

  // Downloads: the same content as the page, in the reader's language.
  const download = (file: 'report.odt' | 'tables.ods') =>
    controlPage(
      app,
      `/staff/reports/:year/:subject/${file}`,
      { preHandler: readers, params: ReportParams },
      async (request, reply, lang) => {
        const data = await load(request, request.params.year, request.params.subject);
        const isText = file === 'report.odt';
        const bytes = isText ? reportOdt(data, lang, clock.now()) : reportOds(data, lang, clock.now());
        const name = reportFileName(data, lang, isText ? 'odt' : 'ods');
        return reply
          .header('content-type', isText ? ODT_MEDIA_TYPE : ODS_MEDIA_TYPE)
          .header('content-disposition', contentDisposition('attachment', name))
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .send(bytes);
      },
    );
  download('report.odt');
  download('tables.ods');
}
