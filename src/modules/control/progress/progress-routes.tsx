import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { staffActorContext } from '../../../platform/auth/actor-context.ts';
import { requireStaff, signedInStaff } from '../../../platform/auth/require-staff.ts';
import { keepStaffPagesOutOfCaches } from '../../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, notFound } from '../../../platform/http/errors.ts';
import { UuidParam } from '../../../platform/http/ids.ts';
import { readMultipartForm } from '../../../platform/uploads/multipart.ts';
import { FormProblems, inputIdOf } from '../../../platform/web/components/form-problems.ts';
import { forEachLanguage, localePath } from '../../../platform/web/i18n.ts';
import { getPlan, publishedYears } from '../plans/plan-reads.ts';
import { taipeiIsoDate } from '../shared/control-format.ts';
import { submitControlForm } from '../shared/control-forms.ts';
import { sendControlPage } from '../shared/control-pages.ts';
import { controlForm, controlPage } from '../shared/control-routes.ts';
import { sharedText } from '../shared/shared-messages.ts';
import { unitNameIn, unitNamesOf } from '../shared/unit-names.ts';
import { entryForm, progressFormOf, settingsForm } from './progress-forms.ts';
import { progressText as text } from './progress-messages.ts';
import { progressOverview } from './progress-overview.ts';
import { progressPaths } from './progress-paths.ts';
import {
  dueDateOf,
  mayEnter,
  type ProgressForm,
  periodOfDate,
  periodsOf,
  practicesCarried,
} from './progress-rules.ts';
import { entriesFor, saveProgress, saveProgressSettings, settingsOf, targetsOf } from './progress-service.ts';
import { OverviewPage, type SettingsFormState } from './views/overview-page.tsx';
import { entryFormHeadingId, PracticeProgressPage } from './views/practice-progress-page.tsx';
import { UnitProgressPage } from './views/unit-progress-page.tsx';

export const ProgressYearParams = Type.Object({ year: Type.String({ pattern: '^[0-9]{4}$' }) });
const UnitParams = Type.Object({
  year: ProgressYearParams.properties.year,
  unit: Type.String({ pattern: '^[a-z0-9-]{1,100}$' }),
});
const EntryParams = Type.Object({ ...UnitParams.properties, period: Type.String({ maxLength: 10 }) });
const PracticeParams = Type.Object({ ...EntryParams.properties, practice: UuidParam });
const UnitQuery = Type.Object({
  period: Type.Optional(Type.String({ maxLength: 10 })),
  done: Type.Optional(Type.Union([Type.Literal('saved'), Type.Literal('removed')])),
});

const YearQuery = Type.Object({ year: Type.Optional(Type.String({ maxLength: 10 })) });

const secretariatRoles = ['admin', 'secretariat'] as const;
export const progressWriters = requireStaff({ roles: ['admin', 'secretariat', 'unit_editor', 'unit_head'] });

/** The unit's list for a period (bare, as paths are), after a change (`done`). */
export function unitPagePath(year: number, unit: string, period: string, done = ''): string {
  return `${progressPaths.unit(year, unit)}?period=${encodeURIComponent(period)}${done === '' ? '' : `&done=${done}`}`;
}

/** A practice's page for a period (bare), after a change (`done`). */
export function practicePagePath(
  year: number,
  unit: string,
  period: string,
  practiceId: string,
  done = '',
): string {
  return `${progressPaths.practice(year, unit, period, practiceId)}${done === '' ? '' : `?done=${done}`}`;
}

/**
 * 管制查考 §3 for staff: a unit's progress page for a period (its editor enters, its head may too; the
 * secretariat may read and correct), and the secretariat's overview of a year with the cadence. Needs
 * registerMultipart in its context (the entry form carries evidence files). Evidence: progress-evidence-routes.tsx.
 */
export async function progressRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, clock } = deps;
  const secretariat = requireStaff({ roles: secretariatRoles });
  keepStaffPagesOutOfCaches(app);
  const today = () => taipeiIsoDate(clock.now());
  const progressNotFound = (lang: FastifyRequest['lang']) => notFound(text(lang, 'notFound'));

  // The staff home's link: the secretariat's overview, or the unit's own page, for the latest published year
  // that has begun.
  // `?year=` (the overview's choice of year, a GET form) asks for that year.
  controlPage(
    app,
    progressPaths.home,
    { preHandler: progressWriters, querystring: YearQuery },
    async (request, reply, lang) => {
      const staff = signedInStaff(request);
      const thisYear = Number(today().slice(0, 4));
      const published = await publishedYears(db);
      const asked = Number(request.query.year ?? '');
      const year = published.includes(asked)
        ? asked
        : Math.max(...published.filter((y) => y <= thisYear), Math.min(...published));
      if (!Number.isFinite(year)) throw progressNotFound(lang);
      if (staff.role === 'admin' || staff.role === 'secretariat')
        return reply.redirect(localePath(lang, progressPaths.overview(year)), 303);
      if (staff.unitCode === null) throw new DomainError('FORBIDDEN', text(lang, 'notYourUnit'));
      return reply.redirect(localePath(lang, progressPaths.unit(year, staff.unitCode)), 303);
    },
  );

  const sendOverview = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { year: number; form?: SettingsFormState; problems: FormProblems; notice?: string | null },
  ) => {
    const lang = request.lang;
    const overview = await progressOverview(db, options.year, today());
    if (!overview) throw progressNotFound(lang);
    const settings = await settingsOf(db, overview.plan.id);
    return sendControlPage(request, reply, {
      title: text(lang, 'overviewTitle', { year: options.year }),
      problems: options.problems,
      status: options.problems.hasAny ? 400 : 200,
      body: (
        <OverviewPage
          lang={lang}
          overview={overview}
          unitNames={await unitNamesOf(db)}
          years={await publishedYears(db)}
          today={today()}
          csrfToken={request.csrfToken}
          settingsForm={options.form ?? { cadence: settings.cadence, dueDay: String(settings.dueDay) }}
          problems={options.problems}
          notice={options.notice ?? null}
        />
      ),
    });
  };

  controlPage(
    app,
    '/staff/progress/:year',
    { preHandler: secretariat, params: ProgressYearParams, querystring: UnitQuery },
    async (request, reply, lang) =>
      sendOverview(request, reply, {
        year: Number(request.params.year),
        problems: FormProblems.none,
        notice: request.query.done === 'saved' ? text(lang, 'settingsSaved') : null,
      }),
  );

  controlForm(
    app,
    '/staff/progress/:year/settings',
    { preHandler: secretariat, params: ProgressYearParams },
    async (request, reply, lang) => {
      const year = Number(request.params.year);
      return submitControlForm({
        form: settingsForm,
        body: request.body,
        lang,
        isSummaryLabelled: false,
        run: (form) => saveProgressSettings(db, { ...staffActorContext(request, deps), year, ...form }),
        done: () => reply.redirect(`${localePath(lang, progressPaths.overview(year))}?done=saved`, 303),
        showAgain: (form, shown) => sendOverview(request, reply, { year, form, problems: shown.problems }),
      });
    },
  );

  /** The plan, the unit's name, the settings and the chosen period, or 404 / 403 as the unit page answers. */
  const unitContext = async (
    lang: FastifyRequest['lang'],
    staff: ReturnType<typeof signedInStaff>,
    year: number,
    unitCode: string,
    asked: string | undefined,
  ) => {
    if (!mayEnter(staff, unitCode)) throw new DomainError('FORBIDDEN', text(lang, 'notYourUnit'));
    const plan = await getPlan(db, year);
    if (plan?.status !== 'published') throw progressNotFound(lang);
    const unitNames = await unitNamesOf(db);
    if (!unitNames.has(unitCode)) throw progressNotFound(lang);
    const settings = await settingsOf(db, plan.id);
    const periods = periodsOf(year, settings);
    const current = periodOfDate(today(), settings);
    const period =
      asked && periods.includes(asked) ? asked : periods.includes(current) ? current : (periods.at(-1) ?? '');
    const isSecretariat = staff.role === 'admin' || staff.role === 'secretariat';
    const crumbs = isSecretariat
      ? [
          {
            text: text(lang, 'overviewTitle', { year }),
            href: localePath(lang, progressPaths.overview(year)),
          },
        ]
      : [];
    return { plan, unitName: unitNameIn(unitNames, unitCode, lang), settings, periods, period, crumbs };
  };

  // The unit's list for a period: each practice it carries and where it stands, linking to its own page.
  controlPage(
    app,
    '/staff/progress/:year/:unit',
    { preHandler: progressWriters, params: UnitParams, querystring: UnitQuery },
    async (request, reply, lang) => {
      const year = Number(request.params.year);
      const unitCode = request.params.unit;
      const { done } = request.query;
      const unit = await unitContext(lang, signedInStaff(request), year, unitCode, request.query.period);
      const { plan, period } = unit;
      const entries = await entriesFor(db, year, unitCode, period);
      const strategyEn = new Map(
        plan.items.flatMap((item) =>
          item.strategies.flatMap((strategy) =>
            strategy.practices.map((practice) => [practice.id, strategy.textEn] as const),
          ),
        ),
      );
      const rows = practicesCarried(plan, unitCode).map((carried) => ({
        carried,
        strategyEn: strategyEn.get(carried.practice.id) ?? null,
        entry: entries.get(carried.practice.id) ?? null,
      }));
      const title = text(lang, 'unitTitle', { unit: unit.unitName, period });
      return sendControlPage(request, reply, {
        title,
        crumbs: unit.crumbs,
        body: (
          <UnitProgressPage
            lang={lang}
            title={title}
            year={year}
            unitCode={unitCode}
            period={period}
            periods={unit.periods}
            dueDate={dueDateOf(period, unit.settings)}
            today={today()}
            rows={rows}
            notice={done === 'saved' ? text(lang, 'saved') : null}
          />
        ),
      });
    },
  );

  /** One practice's page for a period: its entry and its one form (again with what was typed and its problems). */
  const sendPractice = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      year: number;
      unitCode: string;
      period: string;
      practiceId: string;
      notice: string | null;
      typed: ProgressForm | null;
      problems: FormProblems;
      status: number;
    },
  ) => {
    const lang = request.lang;
    const { year, unitCode } = options;
    const unit = await unitContext(lang, signedInStaff(request), year, unitCode, options.period);
    // A period outside the year or a practice the unit does not carry: no such page.
    if (unit.period !== options.period) throw progressNotFound(lang);
    const carried = practicesCarried(unit.plan, unitCode);
    const index = carried.findIndex((item) => item.practice.id === options.practiceId);
    const practice = carried[index];
    if (!practice) throw progressNotFound(lang);
    const targets = await targetsOf(db, year, unitCode);
    const entries = await entriesFor(db, year, unitCode, options.period);
    const title = text(lang, 'practiceTitle', {
      unit: unit.unitName,
      period: options.period,
      practice: practice.ref,
    });
    const listHref = `${localePath(lang, progressPaths.unit(year, unitCode))}?period=${encodeURIComponent(options.period)}`;
    return sendControlPage(request, reply, {
      title,
      problems: options.problems,
      status: options.status,
      crumbs: [
        ...unit.crumbs,
        { text: text(lang, 'unitTitle', { unit: unit.unitName, period: options.period }), href: listHref },
      ],
      body: (
        <PracticeProgressPage
          lang={lang}
          title={title}
          year={year}
          unitCode={unitCode}
          period={options.period}
          row={{
            carried: practice,
            targets: targets.filter((target) => target.practiceIds.includes(practice.practice.id)),
            entry: entries.get(practice.practice.id) ?? null,
          }}
          next={carried[index + 1] ?? null}
          csrfToken={request.csrfToken}
          notice={options.notice}
          problems={options.problems}
          typed={options.typed}
        />
      ),
    });
  };

  controlPage(
    app,
    '/staff/progress/:year/:unit/:period/practices/:practice',
    { preHandler: progressWriters, params: PracticeParams, querystring: UnitQuery },
    async (request, reply, lang) => {
      const { done } = request.query;
      return sendPractice(request, reply, {
        year: Number(request.params.year),
        unitCode: request.params.unit,
        period: request.params.period,
        practiceId: request.params.practice,
        notice:
          done === 'saved'
            ? text(lang, 'saved')
            : done === 'removed'
              ? sharedText(lang, 'evidenceRemoved')
              : null,
        typed: null,
        problems: FormProblems.none,
        status: 200,
      });
    },
  );

  forEachLanguage('/staff/progress/:year/:unit/:period/entries', (url, lang) => {
    app.post(
      url,
      { preHandler: progressWriters, schema: { hide: true, params: EntryParams } },
      async (request, reply) => {
        const year = Number(request.params.year);
        const { unit, period } = request.params;
        const upload = request.isMultipart()
          ? await readMultipartForm(request, lang)
          : { fields: request.body ?? {}, files: [], problems: [] };
        const plan = await getPlan(db, year);
        const carried = plan ? practicesCarried(plan, unit) : [];
        const practiceId = String((upload.fields as Record<string, unknown>).practiceId ?? '');
        const isCarried = carried.some((item) => item.practice.id === practiceId);
        // A request that is not the page's own form (or a practice the unit does not carry): the JSON error.
        const isPageForm = isCarried && (request.headers.accept?.includes('text/html') ?? false);
        return submitControlForm({
          form: entryForm(await targetsOf(db, year, unit)),
          body: upload.fields,
          lang,
          isSummaryLabelled: false,
          targetOf: (field) =>
            field === 'practiceId' || field === 'period' ? entryFormHeadingId : inputIdOf(field),
          run: (values) =>
            saveProgress(db, {
              ...staffActorContext(request, deps),
              today: today(),
              year,
              unitCode: unit,
              period,
              form: progressFormOf(values),
              files: upload.files,
              knownProblems: upload.problems.map((problem) => ({ ...problem, field: 'evidence' })),
            }),
          done: () => reply.redirect(localePath(lang, unitPagePath(year, unit, period, 'saved')), 303),
          showAgain: (values, shown) => {
            if (!isPageForm)
              throw new DomainError('VALIDATION_FAILED', shown.refused[0]?.message ?? '', {
                problems: shown.refused,
              });
            return sendPractice(request, reply, {
              year,
              unitCode: unit,
              period,
              practiceId,
              notice: null,
              typed: progressFormOf(values),
              problems: shown.problems,
              status: 400,
            });
          },
        });
      },
    );
  });
}
