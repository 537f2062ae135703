import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireStaff, signedInStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import { ODS_MEDIA_TYPE } from '../../../platform/documents/ods.ts';
import { ODT_MEDIA_TYPE } from '../../../platform/documents/odt.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import { contentDisposition } from '../../../platform/uploads/file-name.ts';
import { formatPageDate } from '../../../platform/web/format-date.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { listPlans } from '../plans/plan-reads.ts';
import { taipeiIsoDate } from '../shared/control-format.ts';
import type { ShownProblem } from '../shared/evidence-removal.tsx';
import { reportFileName, reportOds, reportOdt, reportTitle } from './report-document.ts';
import { reportText as text } from './report-messages.ts';
import { reportPaths } from './report-paths.ts';
import {
  buildReport,
  bureauSubject,
  isOverdue,
  issueReport,
  mayEditReport,
  mayReadReport,
  type NarrativeForm,
  type ReportData,
  type ReportMutation,
  reportDueDate,
  reportSubjects,
  saveNarrative,
} from './report-service.ts';
import { type ReportListEntry, ReportListPage, ReportPage } from './views/report-pages.tsx';

const yearSchema = Type.String({ pattern: '^[0-9]{4}$' });
const subjectSchema = Type.String({ pattern: '^[a-z0-9-]{1,60}$' });
const ReportParams = Type.Object({ year: yearSchema, subject: subjectSchema });
const ListQuery = Type.Object({ year: Type.Optional(yearSchema) });
const ReportQuery = Type.Object({ done: Type.Optional(Type.String({ pattern: '^[a-z]{1,20}$' })) });
const FormBodySchema = Type.Record(Type.String(), Type.Unknown());
type Body = Readonly<Record<string, unknown>>;

/** Days before the due date from which the list warns the secretariat. */
const warnDays = 30;

function notFound(lang: Lang): DomainError {
  return new DomainError('NOT_FOUND', text(lang, 'notFound'));
}

function forbidden(lang: Lang): DomainError {
  return new DomainError('FORBIDDEN', text(lang, 'forbidden'));
}

function one(body: Body, name: string): string {
  const value = body[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

function versionOf(body: Body): number | null {
  const raw = one(body, 'version');
  return /^[0-9]{1,9}$/.test(raw) ? Number(raw) : null;
}

function narrativeFormOf(body: Body): NarrativeForm {
  const items = new Map<string, string>();
  for (const key of Object.keys(body))
    if (key.startsWith('item-')) items.set(key.slice('item-'.length), one(body, key));
  return { narrative: one(body, 'narrative'), items };
}

function shown(problems: readonly FieldProblem[]): ShownProblem[] {
  return problems.map((problem) => ({
    input: problem.field === '' ? 'main-content' : problem.field,
    summary: problem.message,
    message: problem.message,
  }));
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The annual performance reports (issue 4 §5): the secretariat's list of a year's reports, each report as a
 * printable page with the narrative form and the issue action, and its .odt and .ods downloads. A unit's
 * editor and head may read (and download) their own unit's report; everyone else gets 403.
 */
export async function reportRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, clock } = deps;
  const secretariat = requireStaff({ roles: ['secretariat', 'admin'] });
  const readers = requireStaff({ roles: ['secretariat', 'admin', 'unit_editor', 'unit_head'] });
  keepStaffPagesOutOfCaches(app);

  const mutation = (request: FastifyRequest): ReportMutation => ({
    staff: signedInStaff(request),
    now: clock.now(),
    lang: request.lang,
    origin: { ip: request.ip, requestId: request.id, userAgent: request.headers['user-agent'] ?? null },
  });

  const unitOfSubject = (subject: string): string | null => (subject === bureauSubject ? null : subject);

  /** The report, after checking the reader may see it (403) and that the year and unit exist (404). */
  const load = async (request: FastifyRequest, year: string, subject: string): Promise<ReportData> => {
    const unitCode = unitOfSubject(subject);
    if (!mayReadReport(signedInStaff(request), unitCode)) throw forbidden(request.lang);
    const data = await buildReport(db, Number(year), unitCode);
    if (!data) throw notFound(request.lang);
    if (unitCode !== null && !data.unitNames.has(unitCode)) throw notFound(request.lang);
    return data;
  };

  // The year's list.
  forEachLanguage(reportPaths.list, (url, lang) => {
    app.get(
      url,
      { preHandler: secretariat, schema: { hide: true, querystring: ListQuery } },
      async (request, reply) => {
        const years = (await listPlans(db, { publishedOnly: true })).map((plan) => plan.year);
        const wanted = request.query.year === undefined ? null : Number(request.query.year);
        const year = wanted !== null && years.includes(wanted) ? wanted : (years[0] ?? null);
        const today = taipeiIsoDate(clock.now());
        let entries: ReportListEntry[] = [];
        let warning: string | null = null;
        if (year !== null) {
          entries = (await reportSubjects(db, year)).map((subject) => ({
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
          const dueDate = reportDueDate(year);
          const unissued = entries.filter((entry) => entry.state !== 'issued').length;
          const due = formatPageDate(lang, dueDate);
          const shownYear = lang === 'en' ? year : year - 1911;
          if (unissued > 0 && today > dueDate)
            warning = text(lang, 'overdueWarning', { year: shownYear, due, count: unissued });
          else if (unissued > 0 && today >= addDays(dueDate, -warnDays))
            warning = text(lang, 'dueSoonWarning', { year: shownYear, due, count: unissued });
        }
        return sendStaffPage(request, reply, {
          title: text(lang, 'listTitle'),
          breadcrumbs: [staffHomeCrumb(lang)],
          body: <ReportListPage lang={lang} years={years} year={year} entries={entries} warning={warning} />,
        });
      },
    );
  });

  const sendReport = (
    request: FastifyRequest,
    reply: FastifyReply,
    data: ReportData,
    view: {
      notice: string | null;
      problems: ShownProblem[];
      status?: number;
      typed?: NarrativeForm | null;
    },
  ) => {
    const lang = request.lang;
    const staff = signedInStaff(request);
    const breadcrumbs = [staffHomeCrumb(lang)];
    if (mayEditReport(staff))
      breadcrumbs.push({
        text: text(lang, 'listTitle'),
        href: `${localePath(lang, reportPaths.list)}?year=${data.year}`,
      });
    return sendStaffPage(request, reply, {
      title: reportTitle(data, lang),
      status: view.status ?? 200,
      hasError: view.problems.length > 0,
      breadcrumbs,
      body: (
        <ReportPage
          lang={lang}
          csrfToken={request.csrfToken}
          data={data}
          mayEdit={mayEditReport(staff)}
          notice={view.notice}
          problems={view.problems}
          typed={view.typed ?? null}
        />
      ),
    });
  };

  forEachLanguage('/staff/reports/:year/:subject', (url, lang) => {
    app.get(
      url,
      { preHandler: readers, schema: { hide: true, params: ReportParams, querystring: ReportQuery } },
      async (request, reply) => {
        const data = await load(request, request.params.year, request.params.subject);
        const done = request.query.done;
        const notice =
          done === 'saved' ? text(lang, 'saved') : done === 'issued' ? text(lang, 'issued') : null;
        return sendReport(request, reply, data, { notice, problems: [] });
      },
    );
  });

  const refusal = (error: unknown): { status: number; problems: ShownProblem[] } | null => {
    if (
      error instanceof DomainError &&
      (error.code === 'VALIDATION_FAILED' || error.code === 'CONFLICT' || error.code === 'INVALID_TRANSITION')
    ) {
      const problems =
        error.problems.length > 0
          ? error.problems
          : [{ field: '', code: error.code, message: error.message }];
      return { status: error.statusCode, problems: shown(problems) };
    }
    return null;
  };

  forEachLanguage('/staff/reports/:year/:subject/narrative', (url, lang) => {
    app.post(
      url,
      { preHandler: secretariat, schema: { hide: true, params: ReportParams, body: FormBodySchema } },
      async (request, reply) => {
        const { year, subject } = request.params;
        const data = await load(request, year, subject);
        const body = request.body as Body;
        const form = narrativeFormOf(body);
        try {
          await saveNarrative(
            db,
            { year: data.year, unitCode: data.unitCode, version: versionOf(body), form },
            mutation(request),
          );
        } catch (error) {
          const refused = refusal(error);
          if (!refused) throw error;
          const current = (await buildReport(db, data.year, data.unitCode)) ?? data;
          return sendReport(request, reply, current, { notice: null, ...refused, typed: form });
        }
        return reply.redirect(`${localePath(lang, reportPaths.report(data.year, subject))}?done=saved`, 303);
      },
    );
  });

  forEachLanguage('/staff/reports/:year/:subject/issue', (url, lang) => {
    app.post(
      url,
      { preHandler: secretariat, schema: { hide: true, params: ReportParams, body: FormBodySchema } },
      async (request, reply) => {
        const { year, subject } = request.params;
        const data = await load(request, year, subject);
        try {
          await issueReport(
            db,
            { year: data.year, unitCode: data.unitCode, version: versionOf(request.body as Body) },
            mutation(request),
          );
        } catch (error) {
          const refused = refusal(error);
          if (!refused) throw error;
          return sendReport(request, reply, data, { notice: null, ...refused });
        }
        return reply.redirect(`${localePath(lang, reportPaths.report(data.year, subject))}?done=issued`, 303);
      },
    );
  });

  // Downloads: the same content as the page, in the reader's language.
  forEachLanguage('/staff/reports/:year/:subject/report.odt', (url, lang) => {
    app.get(
      url,
      { preHandler: readers, schema: { hide: true, params: ReportParams } },
      async (request, reply) => {
        const data = await load(request, request.params.year, request.params.subject);
        const bytes = reportOdt(data, lang, clock.now());
        return reply
          .header('content-type', ODT_MEDIA_TYPE)
          .header('content-disposition', contentDisposition('attachment', reportFileName(data, lang, 'odt')))
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .send(bytes);
      },
    );
  });

  forEachLanguage('/staff/reports/:year/:subject/tables.ods', (url, lang) => {
    app.get(
      url,
      { preHandler: readers, schema: { hide: true, params: ReportParams } },
      async (request, reply) => {
        const data = await load(request, request.params.year, request.params.subject);
        const bytes = reportOds(data, lang, clock.now());
        return reply
          .header('content-type', ODS_MEDIA_TYPE)
          .header('content-disposition', contentDisposition('attachment', reportFileName(data, lang, 'ods')))
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .send(bytes);
      },
    );
  });
}
