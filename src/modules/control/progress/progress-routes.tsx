import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireStaff, signedInStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import { attachmentResponseHeaders } from '../../../platform/uploads/download-headers.ts';
import { readMultipartForm } from '../../../platform/uploads/multipart.ts';
import type { AcceptedMediaType } from '../../../platform/uploads/sniff.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { bodyValue, type FormBody } from '../plans/plan-forms.ts';
import { controlText } from '../plans/plan-messages.ts';
import { getPlan, listPlans } from '../plans/plan-reads.ts';
import { unitNamesOf } from '../plans/public-plan-routes.tsx';
import { taipeiIsoDate } from '../shared/control-format.ts';
import { EvidenceRemovalPage, type ShownProblem } from '../shared/evidence-removal.tsx';
import { type EvidenceSummary, findProgressEvidence, removeProgressEvidence } from './progress-evidence.ts';
import { progressText as text } from './progress-messages.ts';
import { progressPaths } from './progress-paths.ts';
import {
  dueDateOf,
  entriesFor,
  mayEnter,
  type ProgressForm,
  periodOfDate,
  periodsOf,
  practicesCarried,
  progressOverview,
  readProgressEvidence,
  saveProgress,
  saveProgressSettings,
  settingsOf,
  targetsOf,
} from './progress-service.ts';
import {
  type FailedForm,
  inputId,
  OverviewPage,
  type SettingsFormState,
  UnitProgressPage,
  unitName,
} from './views/progress-pages.tsx';

const uuidPattern = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const YearParams = Type.Object({ year: Type.String({ pattern: '^[0-9]{4}$' }) });
const UnitParams = Type.Object({
  year: Type.String({ pattern: '^[0-9]{4}$' }),
  unit: Type.String({ pattern: '^[a-z0-9-]{1,100}$' }),
});
const EntryParams = Type.Object({
  year: Type.String({ pattern: '^[0-9]{4}$' }),
  unit: Type.String({ pattern: '^[a-z0-9-]{1,100}$' }),
  period: Type.String({ maxLength: 10 }),
});
const UnitQuery = Type.Object({
  period: Type.Optional(Type.String({ maxLength: 10 })),
  done: Type.Optional(Type.Union([Type.Literal('saved'), Type.Literal('removed')])),
});
const FormBodySchema = Type.Record(Type.String(), Type.Unknown());
const EvidenceParams = Type.Object({ id: Type.String({ pattern: uuidPattern }) });

const secretariatRoles = ['admin', 'secretariat'] as const;
const writerRoles = ['admin', 'secretariat', 'unit_editor', 'unit_head'] as const;

/**
 * 管制查考 §3 for staff: a unit's progress page for a period (its editor enters, its head may too; the
 * secretariat may read and correct), and the secretariat's overview of a year. Needs registerMultipart in
 * its context (the entry form carries evidence files).
 */
export async function progressRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, clock } = deps;
  const secretariat = requireStaff({ roles: secretariatRoles });
  const writers = requireStaff({ roles: writerRoles });
  keepStaffPagesOutOfCaches(app);
  const today = () => taipeiIsoDate(clock.now());
  const notFound = (lang: Lang) => new DomainError('NOT_FOUND', text(lang, 'notFound'));

  // The staff home's link: the secretariat's overview, or the unit's own page, for the latest published year
  // that has begun.
  forEachLanguage(progressPaths.home, (url, lang) => {
    app.get(url, { preHandler: writers, schema: { hide: true } }, async (request, reply) => {
      const staff = signedInStaff(request);
      const thisYear = Number(today().slice(0, 4));
      const published = (await listPlans(db, { publishedOnly: true }))
        .filter((plan) => plan.status === 'published')
        .map((plan) => plan.year);
      const year = Math.max(...published.filter((y) => y <= thisYear), Math.min(...published));
      if (!Number.isFinite(year)) throw notFound(lang);
      if (staff.role === 'admin' || staff.role === 'secretariat')
        return reply.redirect(localePath(lang, progressPaths.overview(year)), 303);
      if (staff.unitCode === null) throw new DomainError('FORBIDDEN', text(lang, 'notYourUnit'));
      return reply.redirect(localePath(lang, progressPaths.unit(year, staff.unitCode)), 303);
    });
  });

  const sendOverview = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { year: number; form?: SettingsFormState; problems?: ShownProblem[]; notice?: string | null },
  ) => {
    const lang = request.lang;
    const overview = await progressOverview(db, options.year, today());
    if (!overview) throw notFound(lang);
    const settings = await settingsOf(db, overview.plan.id);
    const problems = options.problems ?? [];
    return sendStaffPage(request, reply, {
      title: text(lang, 'overviewTitle', { year: options.year }),
      breadcrumbs: [staffHomeCrumb(lang)],
      status: problems.length > 0 ? 400 : 200,
      hasError: problems.length > 0,
      body: (
        <OverviewPage
          lang={lang}
          overview={overview}
          unitNames={await unitNamesOf(deps)}
          today={today()}
          csrfToken={request.csrfToken}
          settingsForm={options.form ?? { cadence: settings.cadence, dueDay: String(settings.dueDay) }}
          problems={problems}
          notice={options.notice ?? null}
        />
      ),
    });
  };

  forEachLanguage('/staff/progress/:year', (url, lang) => {
    app.get(
      url,
      { preHandler: secretariat, schema: { hide: true, params: YearParams, querystring: UnitQuery } },
      async (request, reply) =>
        sendOverview(request, reply, {
          year: Number(request.params.year),
          notice: request.query.done === 'saved' ? text(lang, 'settingsSaved') : null,
        }),
    );
  });

  forEachLanguage('/staff/progress/:year/settings', (url, lang) => {
    app.post(
      url,
      { preHandler: secretariat, schema: { hide: true, params: YearParams, body: FormBodySchema } },
      async (request, reply) => {
        const year = Number(request.params.year);
        const body = (request.body ?? {}) as FormBody;
        const form = { cadence: bodyValue(body, 'cadence'), dueDay: bodyValue(body, 'dueDay') };
        try {
          await saveProgressSettings(db, {
            staff: signedInStaff(request),
            now: clock.now(),
            lang,
            origin: {
              ip: request.ip,
              requestId: request.id,
              userAgent: request.headers['user-agent'] ?? null,
            },
            year,
            ...form,
          });
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
          const problems = error.problems.map((problem) => ({
            input: problem.field,
            summary: problem.message,
            message: problem.message,
          }));
          return sendOverview(request, reply, { year, form, problems });
        }
        return reply.redirect(`${localePath(lang, progressPaths.overview(year))}?done=saved`, 303);
      },
    );
  });

  const sendUnit = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      year: number;
      unitCode: string;
      period: string | undefined;
      notice: string | null;
      failed: FailedForm | null;
      generalProblems: ShownProblem[];
      status: number;
    },
  ) => {
    const lang = request.lang;
    const staff = signedInStaff(request);
    if (!mayEnter(staff, options.unitCode)) throw new DomainError('FORBIDDEN', text(lang, 'notYourUnit'));
    const plan = await getPlan(db, options.year);
    if (plan?.status !== 'published') throw notFound(lang);
    const unitNames = await unitNamesOf(deps);
    if (!unitNames.has(options.unitCode)) throw notFound(lang);
    const settings = await settingsOf(db, plan.id);
    const periods = periodsOf(options.year, settings);
    const current = periodOfDate(today(), settings);
    const period =
      options.period && periods.includes(options.period)
        ? options.period
        : periods.includes(current)
          ? current
          : (periods.at(-1) ?? '');
    const carried = practicesCarried(plan, options.unitCode);
    const targets = await targetsOf(db, options.year, options.unitCode);
    const entries = await entriesFor(db, options.year, options.unitCode, period);
    const rows = carried.map((item) => ({
      carried: item,
      targets: targets.filter((target) => target.practiceIds.includes(item.practice.id)),
      entry: entries.get(item.practice.id) ?? null,
    }));
    const problems = [...options.generalProblems, ...(options.failed?.problems ?? [])];
    const title = text(lang, 'unitTitle', { unit: unitName(unitNames, options.unitCode, lang), period });
    return sendStaffPage(request, reply, {
      title,
      breadcrumbs: [staffHomeCrumb(lang)],
      status: options.status,
      hasError: problems.length > 0,
      body: (
        <UnitProgressPage
          lang={lang}
          title={title}
          year={options.year}
          unitCode={options.unitCode}
          period={period}
          periods={periods}
          dueDate={dueDateOf(period, settings)}
          rows={rows}
          csrfToken={request.csrfToken}
          notice={options.notice}
          problems={problems}
          failed={options.failed}
        />
      ),
    });
  };

  forEachLanguage('/staff/progress/:year/:unit', (url, lang) => {
    app.get(
      url,
      { preHandler: writers, schema: { hide: true, params: UnitParams, querystring: UnitQuery } },
      async (request, reply) =>
        sendUnit(request, reply, {
          year: Number(request.params.year),
          unitCode: request.params.unit,
          period: request.query.period,
          notice:
            request.query.done === 'saved'
              ? text(lang, 'saved')
              : request.query.done === 'removed'
                ? controlText(lang, 'evidenceRemoved')
                : null,
          failed: null,
          generalProblems: [],
          status: 200,
        }),
    );
  });

  forEachLanguage('/staff/progress/:year/:unit/:period/entries', (url, lang) => {
    app.post(
      url,
      { preHandler: writers, schema: { hide: true, params: EntryParams } },
      async (request, reply) => {
        const year = Number(request.params.year);
        const { unit, period } = request.params;
        const upload = request.isMultipart()
          ? await readMultipartForm(request, lang)
          : { fields: (request.body ?? {}) as FormBody, files: [], problems: [] };
        const body = upload.fields as FormBody;
        const values: Record<string, string> = {};
        for (const name of Object.keys(body))
          if (name.startsWith('value-')) values[name.slice('value-'.length)] = bodyValue(body, name);
        const form: ProgressForm = {
          practiceId: bodyValue(body, 'practiceId'),
          status: bodyValue(body, 'status'),
          narrative: bodyValue(body, 'narrative'),
          values,
          links: bodyValue(body, 'links'),
        };
        try {
          await saveProgress(db, {
            staff: signedInStaff(request),
            now: clock.now(),
            today: today(),
            lang,
            origin: {
              ip: request.ip,
              requestId: request.id,
              userAgent: request.headers['user-agent'] ?? null,
            },
            year,
            unitCode: unit,
            period,
            form,
            files: upload.files,
            knownProblems: upload.problems.map((problem) => ({ ...problem, field: 'evidence' })),
          });
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
          const plan = await getPlan(db, year);
          const index = plan
            ? practicesCarried(plan, unit).findIndex((item) => item.practice.id === form.practiceId)
            : -1;
          const shown = (error.problems ?? []).map(
            (problem: FieldProblem): ShownProblem => ({
              input:
                index === -1 || problem.field === 'practiceId' || problem.field === 'period'
                  ? 'practices'
                  : inputId(index, problem.field),
              summary: problem.message,
              message: problem.message,
            }),
          );
          // A request that is not the page's own form (or a practice the unit does not carry): the JSON error.
          if (index === -1 || !request.headers.accept?.includes('text/html')) throw error;
          return sendUnit(request, reply, {
            year,
            unitCode: unit,
            period,
            notice: null,
            failed: { practiceId: form.practiceId, form, problems: shown },
            generalProblems: [],
            status: 400,
          });
        }
        const back = `${localePath(lang, progressPaths.unit(year, unit))}?period=${encodeURIComponent(period)}&done=saved`;
        return reply.redirect(back, 303);
      },
    );
  });

  // Removing evidence: a question page, then the removal (progress-evidence.ts says who and until when).
  const sendRemove = async (
    request: FastifyRequest,
    reply: FastifyReply,
    evidence: EvidenceSummary,
    problems: ShownProblem[],
    status: number,
  ) => {
    const lang = request.lang;
    const back = `${localePath(lang, progressPaths.unit(evidence.year, evidence.unitCode))}?period=${encodeURIComponent(evidence.period)}`;
    return sendStaffPage(request, reply, {
      title: controlText(lang, 'evidenceRemoveTitle'),
      status,
      hasError: problems.length > 0,
      breadcrumbs: [
        staffHomeCrumb(lang),
        { text: unitName(await unitNamesOf(deps), evidence.unitCode, lang), href: back },
      ],
      body: (
        <EvidenceRemovalPage
          lang={lang}
          name={evidence.label}
          cancel={text(lang, 'evidenceRemoveCancel')}
          action={localePath(lang, progressPaths.removeEvidence(evidence.id))}
          back={back}
          csrfToken={request.csrfToken}
          problems={problems}
        />
      ),
    });
  };

  forEachLanguage('/staff/progress/evidence/:id/remove', (url, lang) => {
    app.get(
      url,
      { preHandler: writers, schema: { hide: true, params: EvidenceParams } },
      async (request, reply) => {
        const evidence = await findProgressEvidence(db, request.params.id, signedInStaff(request));
        if (!evidence) throw notFound(lang);
        return sendRemove(request, reply, evidence, [], 200);
      },
    );
    app.post(
      url,
      { preHandler: writers, schema: { hide: true, params: EvidenceParams, body: FormBodySchema } },
      async (request, reply) => {
        const staff = signedInStaff(request);
        try {
          const removed = await removeProgressEvidence(db, {
            staff,
            now: clock.now(),
            lang,
            origin: {
              ip: request.ip,
              requestId: request.id,
              userAgent: request.headers['user-agent'] ?? null,
            },
            evidenceId: request.params.id,
          });
          const back = `${localePath(lang, progressPaths.unit(removed.year, removed.unitCode))}?period=${encodeURIComponent(removed.period)}&done=removed`;
          return reply.redirect(back, 303);
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== 'CONFLICT') throw error;
          const evidence = await findProgressEvidence(db, request.params.id, staff);
          if (!evidence) throw error;
          const problems = error.problems.map(
            (problem: FieldProblem): ShownProblem => ({
              input: 'main-content',
              summary: problem.message,
              message: problem.message,
            }),
          );
          return sendRemove(request, reply, evidence, problems, error.statusCode);
        }
      },
    );
  });

  forEachLanguage('/staff/progress/evidence/:id', (url, lang) => {
    app.get(
      url,
      { preHandler: writers, schema: { hide: true, params: EvidenceParams } },
      async (request, reply) => {
        const file = await readProgressEvidence(db, request.params.id);
        if (!file) throw notFound(lang);
        // Only the unit's own editors and head, the secretariat and admins.
        if (!mayEnter(signedInStaff(request), file.unitCode)) throw notFound(lang);
        const headers = attachmentResponseHeaders({
          ...file,
          mediaType: file.mediaType as AcceptedMediaType,
        });
        return reply.headers(headers).send(file.content);
      },
    );
  });
}
