import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { Type } from 'typebox';
import { requireStaff, signedInStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import { toTaipeiLocalDate } from '../../../platform/calendar/working-days.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import { readMultipartForm } from '../../../platform/uploads/multipart.ts';
import { FormProblems, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { postedForm, postedText } from '../../../platform/web/components/read-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { listServices } from '../../catalogue/index.ts';
import { listScope, rolesFor } from '../core/case-actions.ts';
import type { CaseRow, StaffCaseActor } from '../core/case-actor.ts';
import { casePaths } from '../core/case-paths.ts';
import { recordCaseView } from '../core/case-reading.ts';
import { casesContext, staffCaseActor } from '../core/case-request-context.ts';
import { expectedVersionOf } from '../core/form-version.ts';
import { availableTransitions } from '../core/transition-guards.ts';
import { workflowStaffRoles } from '../core/workflows.ts';
import { supplementShownOf } from './case-section.ts';
import { deficiencyText as text } from './deficiency-messages.ts';
import { deficiencyPaths } from './deficiency-paths.ts';
import {
  type DeficiencyNotice,
  getNotice,
  noticeCountOf,
  noticeCounts,
  supplementFilesOf,
} from './deficiency-queries.ts';
import {
  type DeficiencyCandidate,
  defaultSupplementBy,
  deficiencyLimits,
  inputNameOf,
  otherInputName,
} from './deficiency-rules.ts';
import {
  candidatesOf,
  decideNotice,
  issueNotice,
  mayApprove,
  mayIssue,
  serviceOf,
} from './deficiency-service.ts';
import {
  CaseParams,
  NoticeParams,
  noticeDocumentOf,
  readableCaseOf,
  sendNoticeOdt,
  supplementFormFacts,
} from './notice-answers.ts';
import { supplementNotice } from './supplement-service.ts';
import { CountsPage } from './views/counts-page.tsx';
import { IssuePage } from './views/issue-page.tsx';
import { NoticePage, PrintPage, type SupplementShown } from './views/notice-page.tsx';
import { SupplementPage } from './views/supplement-page.tsx';

/**
 * The deficiency notice's staff pages (issue 11 §2): issuing it from the case, the notice (page, A4 print,
 * .odt), the supervisor's decision on a second one, the clerk's record of a paper supplement, and the
 * year's counts. Who may do what is the workflow's (`request_supplement`, `supplement_received`) and the
 * actions table's (the extension's approver approves a second notice; supervision reads the counts).
 */

const NoticeQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 40 })) });
const CountsQuery = Type.Object({ year: Type.Optional(Type.String({ maxLength: 20 })) });

const doneKeys = {
  issued: 'done_issued',
  drafted: 'done_drafted',
  approved: 'done_approved',
  refused: 'done_refused',
  counter: 'done_counter',
} as const;

function doneText(lang: Lang, done: string | undefined): string | null {
  if (done === undefined || !Object.hasOwn(doneKeys, done)) return null;
  return text(lang, doneKeys[done as keyof typeof doneKeys]);
}

/** A refusal the page shows (409 for a case that changed meanwhile), or what to rethrow. */
function shownProblems(error: unknown): { status: 400 | 409; problems: FieldProblem[] } {
  if (!(error instanceof DomainError)) throw error;
  if (error.code === 'VALIDATION_FAILED') return { status: 400, problems: error.problems };
  if (error.code === 'CONFLICT' || error.code === 'INVALID_TRANSITION')
    return { status: 409, problems: [{ field: '', code: 'conflict', message: error.message }] };
  throw error;
}

/** The issuing form's fields as the error summary names them: the item, the other item, the date, the reason. */
function issueLabels(lang: Lang, candidates: readonly DeficiencyCandidate[]): Record<string, string> {
  const labels: Record<string, string> = {
    supplementBy: text(lang, 'supplementByLabel'),
    approvalReason: text(lang, 'approvalReasonLabel'),
  };
  for (const candidate of candidates) {
    const label = lang === 'en' ? candidate.labelEn : candidate.labelZh;
    labels[inputNameOf('tick', candidate.key)] = label;
    labels[inputNameOf('note', candidate.key)] = label;
  }
  for (let index = 1; index <= deficiencyLimits.maxOtherItems; index++)
    labels[otherInputName(index)] = text(lang, 'otherLabel', { index });
  return labels;
}

function noticeUrl(lang: Lang, caseNumber: string, noticeId: string, done: string): string {
  return `${localePath(lang, deficiencyPaths.notice(caseNumber, noticeId))}?done=${done}`;
}

export async function deficiencyRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepStaffPagesOutOfCaches(app);
  const { db } = deps;
  const mayRead = requireStaff({ roles: rolesFor('read') });
  // Whoever some workflow lets take an event; the case's workflow decides the rest (mayIssue, transitionCase).
  const mayAct = requireStaff({ roles: workflowStaffRoles });

  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { title: string; status?: number; body: ComponentChildren; caseNumber?: string },
  ) =>
    sendStaffPage(request, reply, {
      title: options.title,
      status: options.status ?? 200,
      hasError: (options.status ?? 200) >= 400,
      body: options.body,
      breadcrumbs: [
        staffHomeCrumb(request.lang),
        ...(options.caseNumber === undefined
          ? []
          : [
              {
                text: options.caseNumber,
                href: localePath(request.lang, casePaths.casePage(options.caseNumber)),
              },
            ]),
      ],
    });

  const caseOf = (request: FastifyRequest<{ Params: { caseNumber: string } }>) =>
    readableCaseOf(request, deps);

  async function showIssue(
    request: FastifyRequest<{ Params: { caseNumber: string } }>,
    reply: FastifyReply,
    options: { values?: Record<string, string>; problems?: readonly FieldProblem[]; status?: number },
  ) {
    const lang = request.lang;
    const row = await caseOf(request);
    const actor = staffCaseActor(request);
    const context = casesContext(request, deps);
    if (!mayIssue(row, actor, context)) throw new DomainError('FORBIDDEN', text(lang, 'cannotIssue'));
    const service = await serviceOf(db, row);
    const previousCount = await noticeCountOf(db, row.id);
    const today = toTaipeiLocalDate(context.now);
    const proposed = defaultSupplementBy(today);
    const values = options.values ?? { supplementBy: proposed };
    return send(request, reply, {
      title: text(lang, 'issueTitle'),
      status: options.status,
      caseNumber: row.caseNumber,
      body: (
        <IssuePage
          lang={lang}
          csrfToken={request.csrfToken}
          caseNumber={row.caseNumber}
          version={row.version}
          candidates={candidatesOf(service, row.formData)}
          electronicIds={
            new Set(
              service.checklist.filter((item) => item.isElectronicallyVerifiable).map((item) => item.id),
            )
          }
          values={{ ...values, supplementByExample: proposed }}
          problems={problemsOnPage(options.problems ?? [], {
            lang,
            wholeFormTarget: 'items',
            labels: issueLabels(lang, candidatesOf(service, row.formData)),
          })}
          previousCount={previousCount}
          needsApproval={!mayApprove(row, actor, lang)}
        />
      ),
    });
  }

  forEachLanguage(deficiencyPaths.issue(':caseNumber'), (url) => {
    app.get(url, { preHandler: mayAct, schema: { hide: true, params: CaseParams } }, (request, reply) =>
      showIssue(request, reply, {}),
    );
    app.post(
      url,
      { preHandler: mayAct, schema: { hide: true, params: CaseParams, body: postedForm } },
      async (request, reply) => {
        const lang = request.lang;
        const body = request.body;
        const row = await caseOf(request);
        try {
          const outcome = await issueNotice(
            casesContext(request, deps),
            {
              caseId: row.id,
              expectedVersion: expectedVersionOf(postedText(body, 'version')),
              posted: (name) => postedText(body, name),
            },
            staffCaseActor(request),
          );
          return reply.redirect(noticeUrl(lang, row.caseNumber, outcome.noticeId, outcome.kind), 303);
        } catch (error) {
          const shown = shownProblems(error);
          const values = Object.fromEntries(Object.keys(body).map((name) => [name, postedText(body, name)]));
          return showIssue(request, reply, { values, problems: shown.problems, status: shown.status });
        }
      },
    );
  });

  /** Everything a notice's pages show. */
  async function loadNotice(
    request: FastifyRequest<{ Params: { caseNumber: string; noticeId: string } }>,
    lang: Lang,
  ) {
    const row = await caseOf(request);
    const notice = await getNotice(db, row.id, request.params.noticeId);
    if (notice === null) throw notFound(text(lang, 'noticeNotFound'));
    // Who read whose notice (it carries the applicant's name), as the case page records it.
    await recordCaseView(casesContext(request, deps), row, staffCaseActor(request));
    const document = await noticeDocumentOf(db, row, notice, lang, deps.config.publicBaseUrl);
    return { row, notice, document };
  }

  async function supplementShown(notice: DeficiencyNotice, lang: Lang): Promise<SupplementShown[]> {
    if (notice.supplement === null) return [];
    return supplementShownOf(notice, await supplementFilesOf(db, [notice.id]), lang);
  }

  async function showNotice(
    request: FastifyRequest<{ Params: { caseNumber: string; noticeId: string } }>,
    reply: FastifyReply,
    options: {
      done?: string | undefined;
      problems?: readonly FieldProblem[];
      status?: number;
      note?: string;
    },
  ) {
    const lang = request.lang;
    const { row, notice, document } = await loadNotice(request, lang);
    const actor = staffCaseActor(request);
    const context = casesContext(request, deps);
    return send(request, reply, {
      title: `${text(lang, 'noticeTitle')} ${row.caseNumber}`,
      status: options.status,
      caseNumber: row.caseNumber,
      body: (
        <NoticePage
          lang={lang}
          csrfToken={request.csrfToken}
          caseNumber={row.caseNumber}
          version={row.version}
          notice={notice}
          document={document}
          supplement={await supplementShown(notice, lang)}
          canDecide={notice.state === 'pending_approval' && mayApprove(row, actor, lang)}
          canRecordCounter={notice.state === 'issued' && mayRecordSupplement(row, actor, context)}
          done={doneText(lang, options.done)}
          problems={problemsOnPage(options.problems ?? [], { lang })}
          decisionNote={options.note ?? ''}
        />
      ),
    });
  }

  forEachLanguage(deficiencyPaths.notice(':caseNumber', ':noticeId'), (url) => {
    app.get(
      url,
      { preHandler: mayRead, schema: { hide: true, params: NoticeParams, querystring: NoticeQuery } },
      (request, reply) => showNotice(request, reply, { done: request.query.done }),
    );
  });

  forEachLanguage(deficiencyPaths.print(':caseNumber', ':noticeId'), (url) => {
    app.get(
      url,
      { preHandler: mayRead, schema: { hide: true, params: NoticeParams } },
      async (request, reply) => {
        const lang = request.lang;
        const { row, notice, document } = await loadNotice(request, lang);
        return send(request, reply, {
          title: `${document.title} ${row.caseNumber}`,
          caseNumber: row.caseNumber,
          body: (
            <PrintPage
              document={document}
              backHref={localePath(lang, deficiencyPaths.notice(row.caseNumber, notice.id))}
            />
          ),
        });
      },
    );
  });

  forEachLanguage(deficiencyPaths.odt(':caseNumber', ':noticeId'), (url) => {
    app.get(
      url,
      { preHandler: mayRead, schema: { hide: true, params: NoticeParams } },
      async (request, reply) => {
        const { notice, document } = await loadNotice(request, request.lang);
        return sendNoticeOdt(reply, document, { created: deps.clock.now(), sequence: notice.sequence });
      },
    );
  });

  forEachLanguage(deficiencyPaths.decision(':caseNumber', ':noticeId'), (url) => {
    app.post(
      url,
      { preHandler: mayAct, schema: { hide: true, params: NoticeParams, body: postedForm } },
      async (request, reply) => {
        const lang = request.lang;
        const body = request.body;
        const row = await caseOf(request);
        const note = postedText(body, 'note');
        try {
          const outcome = await decideNotice(
            casesContext(request, deps),
            {
              caseId: row.id,
              noticeId: request.params.noticeId,
              expectedVersion: expectedVersionOf(postedText(body, 'version')),
              approve: postedText(body, 'decision') !== 'refuse',
              note,
            },
            staffCaseActor(request),
          );
          return reply.redirect(noticeUrl(lang, row.caseNumber, request.params.noticeId, outcome), 303);
        } catch (error) {
          const shown = shownProblems(error);
          return showNotice(request, reply, { problems: shown.problems, status: shown.status, note });
        }
      },
    );
  });

  function mayRecordSupplement(
    row: CaseRow,
    actor: StaffCaseActor,
    context: ReturnType<typeof casesContext>,
  ) {
    return availableTransitions(row, actor, context).some(
      (transition) => transition.event === 'supplement_received',
    );
  }

  async function showCounter(
    request: FastifyRequest<{ Params: { caseNumber: string; noticeId: string } }>,
    reply: FastifyReply,
    options: { values?: Record<string, string>; problems?: readonly FieldProblem[]; status?: number },
  ) {
    const lang = request.lang;
    const { row, notice } = await loadNotice(request, lang);
    if (
      notice.state !== 'issued' ||
      !mayRecordSupplement(row, staffCaseActor(request), casesContext(request, deps))
    )
      throw new DomainError('FORBIDDEN', text(lang, 'notWaiting'));
    return send(request, reply, {
      title: text(lang, 'counterTitle'),
      status: options.status,
      caseNumber: row.caseNumber,
      body: (
        <SupplementPage
          lang={lang}
          mode="counter"
          title={text(lang, 'counterTitle')}
          lead={text(lang, 'counterLead')}
          action={localePath(lang, deficiencyPaths.counter(row.caseNumber, notice.id))}
          csrfToken={request.csrfToken}
          {...supplementFormFacts(lang, row, notice, options)}
          hidden={{ version: String(row.version) }}
          backHref={localePath(lang, deficiencyPaths.notice(row.caseNumber, notice.id))}
          backText={text(lang, 'openNotice')}
        />
      ),
    });
  }

  forEachLanguage(deficiencyPaths.counter(':caseNumber', ':noticeId'), (url) => {
    app.get(url, { preHandler: mayAct, schema: { hide: true, params: NoticeParams } }, (request, reply) =>
      showCounter(request, reply, {}),
    );
    app.post(
      url,
      { preHandler: mayAct, schema: { hide: true, params: NoticeParams } },
      async (request, reply) => {
        const lang = request.lang;
        const row = await caseOf(request);
        const form = await readMultipartForm(request, lang);
        const field = (name: string) => {
          const value = form.fields[name];
          return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
        };
        try {
          const outcome = await supplementNotice(
            casesContext(request, deps),
            {
              caseId: row.id,
              expectedVersion: expectedVersionOf(field('version')),
              via: 'counter',
              fields: form.fields,
              files: form.files,
              knownProblems: form.problems,
            },
            staffCaseActor(request),
          );
          return reply.redirect(noticeUrl(lang, row.caseNumber, outcome.noticeId, 'counter'), 303);
        } catch (error) {
          const shown = shownProblems(error);
          const values = Object.fromEntries(Object.keys(form.fields).map((name) => [name, field(name)]));
          return showCounter(request, reply, { values, problems: shown.problems, status: shown.status });
        }
      },
    );
  });

  // The year's counts: supervision's readers (a supervisor their unit, the secretariat every unit) and admins.
  forEachLanguage(deficiencyPaths.counts, (url, lang) => {
    app.get(
      url,
      {
        preHandler: requireStaff({ roles: [...rolesFor('supervise'), 'admin'] }),
        schema: { hide: true, querystring: CountsQuery },
      },
      async (request, reply) => {
        const staff = signedInStaff(request);
        const thisYear = Number(toTaipeiLocalDate(deps.clock.now()).slice(0, 4));
        const typed = request.query.year?.trim() ?? '';
        const asked = typed === '' ? thisYear : Number(typed);
        const isValid = Number.isInteger(asked) && asked >= 2000 && asked <= 2100;
        const year = isValid ? asked : thisYear;
        const unitCode = listScope(staff.role, 'supervise') === 'own_unit' ? staff.unitCode : null;
        const [byService, byUnit, units, services] = await Promise.all([
          noticeCounts(db, { year, by: 'service', unitCode }),
          noticeCounts(db, { year, by: 'unit', unitCode }),
          listUnits(db),
          listServices(db, { lang }),
        ]);
        const unitName = (code: string) => {
          const unit = units.find((candidate) => candidate.code === code);
          return unit === undefined ? code : lang === 'en' ? unit.nameEn : unit.nameZh;
        };
        const serviceName = (code: string) => {
          const service = services.find((candidate) => candidate.code === code);
          return service === undefined ? code : lang === 'en' ? service.nameEn : service.nameZh;
        };
        const problems: FieldProblem[] = isValid
          ? []
          : [{ field: 'year', code: 'invalid', message: text(lang, 'yearInvalid') }];
        return send(request, reply, {
          title: text(lang, 'countsTitle'),
          status: isValid ? 200 : 400,
          body: (
            <CountsPage
              lang={lang}
              year={year}
              typedYear={typed === '' ? String(year) : typed}
              problems={isValid ? FormProblems.none : problemsOnPage(problems, { lang })}
              byService={byService.map((row) => ({ ...row, name: serviceName(row.code) }))}
              byUnit={byUnit.map((row) => ({ ...row, name: unitName(row.code) }))}
            />
          ),
        });
      },
    );
  });
}
