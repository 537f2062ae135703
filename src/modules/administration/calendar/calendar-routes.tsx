import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { type StaffActorContext, staffActorContext } from '../../../platform/auth/actor-context.ts';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  postStaffForm,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import {
  declareCalendarDay,
  loadCalendarYear,
  proposeCalendarDay,
  proposeCalendarYear,
} from '../../../platform/calendar/calendar-admin-service.ts';
import { regionOfScope } from '../../../platform/calendar/calendar-declaration.ts';
import { listCalendarOverridesOfYear } from '../../../platform/calendar/calendar-repo.ts';
import { calendarFromInputs, readCalendarInputs } from '../../../platform/calendar/calendar-service.ts';
import { isoOfCalendarDate } from '../../../platform/calendar/calendar-year-file.ts';
import { localDate, toTaipeiLocalDate } from '../../../platform/calendar/working-days.ts';
import type { RoutePlugin } from '../../../platform/composition/app-module.ts';
import { announceCalendarChange } from '../../../platform/composition/compose.ts';
import type { AppDeps } from '../../../platform/http/app-types.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import type { DataFileRule, UploadedDataFile } from '../../../platform/uploads/data-file.ts';
import { readMultipartForm } from '../../../platform/uploads/multipart.ts';
import { fieldLimits, transportLength } from '../../../platform/web/components/field-limits.ts';
import { FormProblems, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { type PostedBody, postedForm, readForm } from '../../../platform/web/components/read-form.ts';
import { formatPageDate } from '../../../platform/web/format-date.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import type { Breadcrumb } from '../../../platform/web/layout.tsx';
import { type DeadlinePreview, previewOpenDeadlines } from '../../cases/index.ts';
import { administrationPaths } from '../administration-paths.ts';
import {
  calendarUploadField,
  calendarUploadMaxBytes,
  declareDayForm,
  loadYearForm,
  scopeWords,
  typedDate,
  typedYear,
} from './calendar-forms.ts';
import { calendarText as text } from './calendar-messages.ts';
import { DeclareDayPage, type DeclareDayValues, DeclarePreviewPage } from './views/calendar-day-pages.tsx';
import { LoadPreviewPage, LoadYearPage, type LoadYearValues } from './views/calendar-load-pages.tsx';
import { CalendarYearPage, type ShownDay } from './views/calendar-year-page.tsx';

/** The calendar is the city's: its admins and the secretariat (秘書室) keep it. */
const mayUse = requireStaff({ roles: ['admin', 'secretariat'] });

const short = transportLength(fieldLimits.code);
const YearQuery = Type.Object({
  year: Type.Optional(Type.String({ maxLength: short })),
  declared: Type.Optional(Type.String({ maxLength: short })),
  state: Type.Optional(Type.String({ maxLength: short })),
  scope: Type.Optional(Type.String({ maxLength: short })),
  moved: Type.Optional(Type.String({ maxLength: short })),
  loaded: Type.Optional(Type.String({ maxLength: short })),
});
const DateQuery = Type.Object({ date: Type.Optional(Type.String({ maxLength: short })) });

/** The year file uploaded: the official JSON, read by the platform's upload reader as a data file. */
const yearFileRule = {
  field: calendarUploadField,
  maxBytes: calendarUploadMaxBytes,
  kinds: ['json'],
} as const satisfies DataFileRule;

/** The load form's fields in page order, for its error summary. */
const fieldOrder = ['year', 'source', calendarUploadField, 'calendarFile', 'step', 'inForce'];

const noMoves: DeadlinePreview = { checked: 0, moved: 0, byUnit: [], examples: [] };

function isIso(text: string | undefined): text is string {
  if (text === undefined) return false;
  try {
    localDate(text);
    return true;
  } catch {
    return false;
  }
}

/** The green banner after a change, from the redirect's query (what was done, and the moves counted then). */
function bannerOf(lang: Lang, query: Static<typeof YearQuery>, calendarRegion: string): string | null {
  const moved = /^\d{1,9}$/.test(query.moved ?? '') ? Number(query.moved) : 0;
  if (isIso(query.declared) && (query.state === 'closed' || query.state === 'open')) {
    const region = query.scope === 'everywhere' ? null : calendarRegion;
    return text(lang, 'declaredBanner', {
      date: formatPageDate(lang, query.declared),
      state: text(lang, query.state === 'closed' ? 'closedState' : 'openState'),
      scope: scopeWords(lang, region, calendarRegion),
      moved,
    });
  }
  if (/^\d{4}$/.test(query.loaded ?? ''))
    return text(lang, 'loadedBanner', { year: query.loaded ?? '', moved });
  return null;
}

function calendarCrumbs(lang: Lang, year?: number): Breadcrumb[] {
  const path = localePath(lang, administrationPaths.calendar);
  return [
    staffHomeCrumb(lang),
    { text: text(lang, 'title', { year: year ?? '' }).trim(), href: year ? `${path}?year=${year}` : path },
  ];
}

/** A conflict (declared twice, the file already in force) as the form's one problem, linked to `target`. */
function conflictProblems(conflict: DomainError | null, target: string): FormProblems {
  return conflict === null ? FormProblems.none : FormProblems.of([{ target, message: conflict.message }]);
}

export const calendarRoutes: RoutePlugin = async (app, deps, registry) => {
  keepStaffPagesOutOfCaches(app);
  const calendarRegion = deps.config.calendarRegion;
  const announce = (now: Date) => (changedDay: string) =>
    announceCalendarChange(registry.modules, { db: deps.db, changedDay, calendarRegion, now });

  forEachLanguage(administrationPaths.calendar, (url, lang) => {
    app.get(
      url,
      { preHandler: mayUse, schema: { hide: true, querystring: YearQuery } },
      async (request, reply) => {
        const today = toTaipeiLocalDate(deps.clock.now());
        const asked = typedYear(request.query.year ?? '');
        const year =
          Number.isInteger(asked) && asked >= 1990 && asked <= 2200 ? asked : Number(today.slice(0, 4));
        const [inputs, overrides] = await Promise.all([
          readCalendarInputs(deps.db),
          listCalendarOverridesOfYear(deps.db, year),
        ]);
        const files = inputs.years[year];
        let days: Map<string, ShownDay> | null = null;
        if (files !== undefined) {
          const calendar = calendarFromInputs(inputs, { region: calendarRegion });
          days = new Map();
          for (const day of files) {
            const iso = isoOfCalendarDate(day.date);
            const declared =
              overrides.find((row) => row.date === iso && row.region === calendarRegion) ??
              overrides.find((row) => row.date === iso && row.region === null);
            days.set(iso, {
              isClosed: !calendar.isWorkingDay(localDate(iso)),
              description: day.description,
              declared: declared
                ? { reason: declared.reason, region: declared.region, isHoliday: declared.isHoliday }
                : null,
            });
          }
        }
        return sendStaffPage(request, reply, {
          title: text(lang, 'title', { year }),
          breadcrumbs: [staffHomeCrumb(lang)],
          body: (
            <CalendarYearPage
              lang={lang}
              year={year}
              years={Object.keys(inputs.years)
                .map(Number)
                .sort((a, b) => a - b)}
              today={today}
              calendarRegion={calendarRegion}
              days={days}
              source={inputs.sourceOf(year)}
              overrides={overrides}
              banner={bannerOf(lang, request.query, calendarRegion)}
            />
          ),
        });
      },
    );
  });

  registerDeclareDay(app, deps, announce);
  registerLoadYear(app, deps, announce);
};

type Announce = (now: Date) => (changedDay: string) => Promise<string[]>;

function registerDeclareDay(app: Parameters<RoutePlugin>[0], deps: AppDeps, announce: Announce): void {
  const calendarRegion = deps.config.calendarRegion;
  forEachLanguage(administrationPaths.calendarDay, (url, lang) => {
    const showForm = (
      request: FastifyRequest,
      reply: FastifyReply,
      values: DeclareDayValues,
      problems: FormProblems,
      status = 200,
    ) =>
      sendStaffPage(request, reply, {
        title: text(lang, 'dayTitle'),
        status,
        hasError: problems.hasAny,
        breadcrumbs: calendarCrumbs(lang),
        body: (
          <DeclareDayPage
            lang={lang}
            csrfToken={request.csrfToken}
            calendarRegion={calendarRegion}
            values={values}
            problems={problems}
          />
        ),
      });

    app.get(
      url,
      { preHandler: mayUse, schema: { hide: true, querystring: DateQuery } },
      async (request, reply) =>
        showForm(
          request,
          reply,
          { date: request.query.date ?? '', state: 'closed', scope: 'region', reason: '', step: '' },
          FormProblems.none,
        ),
    );

    postStaffForm(app, deps, {
      url,
      lang,
      preHandler: mayUse,
      form: declareDayForm,
      isConflictShown: true,
      run: async (values, actor) => {
        if (values.step === 'edit') return { kind: 'edit' as const, values };
        const declaration = {
          date: typedDate(values.date),
          isHoliday: values.state === 'closed',
          region: regionOfScope(values.scope === 'everywhere' ? 'everywhere' : 'region', calendarRegion),
          reason: values.reason,
          calendarRegion,
          lang,
          now: actor.now,
        };
        const proposal = await proposeCalendarDay(deps.db, declaration);
        const preview = proposal.affectsCases
          ? await previewOpenDeadlines(deps.db, {
              calendar: proposal.calendarAfter,
              changedDays: [proposal.date],
            })
          : noMoves;
        if (values.step !== 'confirm') return { kind: 'preview' as const, values, proposal, preview };
        const declared = await declareCalendarDay(deps.db, {
          ...declaration,
          actor: actor.auditActor,
          origin: actor.origin,
          source: 'admin',
          announce: announce(actor.now),
          effect: {
            openCasesMoving: preview.moved,
            byUnit: preview.byUnit.map((unit) => ({ unit: unit.unitCode, moved: unit.moved })),
          },
        });
        return { kind: 'declared' as const, proposal: declared.proposal, moved: preview.moved };
      },
      done: (request, reply, result) => {
        if (result.kind === 'edit') return showForm(request, reply, result.values, FormProblems.none);
        if (result.kind === 'preview')
          return sendStaffPage(request, reply, {
            title: text(lang, 'previewTitle', {
              date: formatPageDate(lang, result.proposal.date),
              state: text(lang, result.proposal.isHoliday ? 'closedState' : 'openState'),
            }),
            breadcrumbs: calendarCrumbs(lang, Number(result.proposal.date.slice(0, 4))),
            body: (
              <DeclarePreviewPage
                lang={lang}
                csrfToken={request.csrfToken}
                calendarRegion={calendarRegion}
                values={result.values}
                proposal={result.proposal}
                preview={result.preview}
              />
            ),
          });
        const { proposal } = result;
        const query = new URLSearchParams({
          year: proposal.date.slice(0, 4),
          declared: proposal.date,
          state: proposal.isHoliday ? 'closed' : 'open',
          scope: proposal.region === null ? 'everywhere' : 'region',
          moved: String(result.moved),
        });
        return reply.redirect(`${localePath(lang, administrationPaths.calendar)}?${query}`, 303);
      },
      showAgain: (request, reply, values, outcome) =>
        showForm(
          request,
          reply,
          values,
          conflictProblems(outcome.conflict, 'date').concat(problemsOnPage(outcome.problems, { lang })),
          outcome.status,
        ),
    });
  });
}

function registerLoadYear(app: Parameters<RoutePlugin>[0], deps: AppDeps, announce: Announce): void {
  const calendarRegion = deps.config.calendarRegion;
  forEachLanguage(administrationPaths.calendarLoad, (url, lang) => {
    const showForm = (
      request: FastifyRequest,
      reply: FastifyReply,
      values: LoadYearValues,
      problems: FormProblems,
      status = 200,
    ) =>
      sendStaffPage(request, reply, {
        title: text(lang, 'loadTitle'),
        status,
        hasError: problems.hasAny,
        breadcrumbs: calendarCrumbs(lang),
        body: <LoadYearPage lang={lang} csrfToken={request.csrfToken} values={values} problems={problems} />,
      });

    app.get(
      url,
      { preHandler: mayUse, schema: { hide: true, querystring: YearQuery } },
      async (request, reply) =>
        showForm(
          request,
          reply,
          {
            year: /^\d{4}$/.test(request.query.year ?? '') ? (request.query.year ?? '') : '',
            source: '',
            calendarFile: '',
            step: '',
            inForce: '',
          },
          FormProblems.none,
        ),
    );

    const run = async (values: LoadYearValues, file: UploadedDataFile | null, actor: StaffActorContext) => {
      const source =
        values.source !== ''
          ? values.source
          : file === null
            ? text(lang, 'defaultSource')
            : text(lang, 'defaultSourceFile', { name: file.fileName });
      const fileText = file?.text ?? values.calendarFile;
      const load = { year: typedYear(values.year), fileText, calendarRegion, lang };
      const proposal = await proposeCalendarYear(deps.db, load);
      const preview =
        proposal.changedDays.length === 0
          ? noMoves
          : await previewOpenDeadlines(deps.db, {
              calendar: proposal.calendarAfter,
              changedDays: proposal.changedDays,
            });
      if (values.step !== 'confirm') return { kind: 'preview' as const, source, proposal, preview };
      await loadCalendarYear(deps.db, {
        ...load,
        now: actor.now,
        actor: actor.auditActor,
        origin: actor.origin,
        source,
        ...(values.inForce === '' ? {} : { expectedInForce: values.inForce }),
        announce: announce(actor.now),
        effect: { openCasesMoving: preview.moved },
      });
      return { kind: 'loaded' as const, year: proposal.year, moved: preview.moved };
    };

    app.post(
      url,
      {
        preHandler: mayUse,
        // The form with the file is multipart (its CSRF token the first part, checked by the group's reader);
        // the text pasted, and the preview's confirm and change, are plain forms.
        schema: {
          hide: true,
          body: { content: { 'application/x-www-form-urlencoded': { schema: postedForm } } },
        },
      },
      async (request, reply) => {
        const upload = request.isMultipart()
          ? await readMultipartForm(request, lang, { dataFiles: [yearFileRule] })
          : null;
        const read = readForm(loadYearForm, upload?.fields ?? (request.body as PostedBody | undefined), lang);
        const { values } = read;
        const file = upload?.dataFiles[0] ?? null;
        // The file's problems are the file input's when the file was uploaded, the text's when pasted.
        const fileField = file === null ? 'calendarFile' : calendarUploadField;
        const showAgain = (
          problems: readonly FieldProblem[],
          conflict: DomainError | null,
          status: 400 | 409,
        ) =>
          showForm(
            request,
            reply,
            values,
            conflictProblems(conflict, fileField).concat(
              problemsOnPage(problems, { lang, order: fieldOrder }),
            ),
            status,
          );
        const problems = [...read.problems, ...(upload?.problems ?? [])];
        const isFileMissing =
          file === null &&
          values.calendarFile === '' &&
          !problems.some(
            (problem) => problem.field === calendarUploadField || problem.field === 'calendarFile',
          );
        if (values.step !== 'edit' && isFileMissing)
          problems.push({ field: calendarUploadField, code: 'required', message: text(lang, 'fileMissing') });
        if (problems.length > 0) return showAgain(problems, null, 400);
        if (values.step === 'edit') return showForm(request, reply, values, FormProblems.none);
        let result: Awaited<ReturnType<typeof run>>;
        try {
          result = await run(values, file, staffActorContext(request, deps));
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          if (error.code === 'VALIDATION_FAILED')
            return showAgain(
              error.problems.map((problem) =>
                problem.field === 'calendarFile' ? { ...problem, field: fileField } : problem,
              ),
              null,
              400,
            );
          if (error.code === 'CONFLICT' || error.code === 'INVALID_TRANSITION')
            return showAgain([], error, 409);
          throw error;
        }
        if (result.kind === 'preview')
          return sendStaffPage(request, reply, {
            title: text(lang, 'loadPreviewTitle', { year: result.proposal.year }),
            breadcrumbs: calendarCrumbs(lang, result.proposal.year),
            body: (
              <LoadPreviewPage
                lang={lang}
                csrfToken={request.csrfToken}
                source={result.source}
                proposal={result.proposal}
                preview={result.preview}
              />
            ),
          });
        const query = new URLSearchParams({
          year: String(result.year),
          loaded: String(result.year),
          moved: String(result.moved),
        });
        return reply.redirect(`${localePath(lang, administrationPaths.calendar)}?${query}`, 303);
      },
    );
  });
}
