import type { FastifyRequest } from 'fastify';
import { requireStaff, signedInStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import type { ModuleRegistry, RoutePlugin } from '../../../platform/composition/app-module.ts';
import { ODS_MEDIA_TYPE } from '../../../platform/documents/ods.ts';
import { listDistricts } from '../../../platform/geo/geo-repo.ts';
import type { AppDeps } from '../../../platform/http/app-types.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import { contentDisposition } from '../../../platform/uploads/file-name.ts';
import { FormProblems, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { readForm } from '../../../platform/web/components/read-form.ts';
import { englishMonthName } from '../../../platform/web/format-date.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { listPetitionTypes } from '../petition-types.ts';
import { petitionSources } from '../petitions-schema.ts';
import { analysisCsv, analysisOds, exportFileName } from './analysis-exports.ts';
import type { AnalysisNames } from './analysis-figures.ts';
import {
  AnalysisQuery,
  analysisFilterForm,
  filterOf,
  MonthlyQuery,
  monthlyForm,
  reportMonthOf,
} from './analysis-form.ts';
import { analysisText as text } from './analysis-messages.ts';
import { analysisPaths } from './analysis-paths.ts';
import { type AnalysisFilter, readAnalysis, readHotspots, readRefreshedAt } from './analysis-queries.ts';
import { noDistrict } from './analysis-rules.ts';
import { type AnalysisChoices, AnalysisPage } from './views/analysis-page.tsx';
import { MonthlyReportPage } from './views/monthly-report-page.tsx';

/**
 * Who may read the analysis: the Secretariat and administrators every unit's petitions, unit heads and
 * supervisors their own unit's (least privilege: the figures of other units are not theirs to manage).
 * Aggregates only, so no read is audited.
 */
const readers = ['secretariat', 'admin', 'unit_head', 'supervisor'] as const;
const mayRead = requireStaff({ roles: readers });
const everyUnitRoles: readonly string[] = ['secretariat', 'admin'];

/** Hotspots listed (and drawn). */
const hotspotLimit = 20;

/** The unit a viewer is limited to, or null for every unit. */
function scopeUnitOf(request: FastifyRequest, lang: Lang): string | null {
  const staff = signedInStaff(request);
  if (everyUnitRoles.includes(staff.role)) return null;
  if (staff.unitCode === null) throw new DomainError('FORBIDDEN', text(lang, 'noUnit'));
  return staff.unitCode;
}

function monthName(lang: Lang, month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return lang === 'en' ? `${englishMonthName(number)} ${year}` : `民國${year - 1911}年${number}月`;
}

/** The lists the filters offer and the names of every code, read once per request (small tables). */
async function vocabulary(deps: AppDeps, lang: Lang, scopeUnit: string | null) {
  const [types, units, districts, refreshedAt] = await Promise.all([
    listPetitionTypes(deps.db),
    listUnits(deps.db),
    listDistricts(deps.db),
    readRefreshedAt(deps.db),
  ]);
  const named = (list: readonly { code: string; nameZh: string; nameEn: string }[]) =>
    new Map(list.map((entry) => [entry.code, lang === 'en' ? entry.nameEn : entry.nameZh]));
  const typeNames = named(types.map((type) => ({ ...type, code: type.serviceCode })));
  const unitNames = named(units);
  const districtNames = named(districts);
  const names: AnalysisNames = {
    type: (code) => typeNames.get(code) ?? code,
    unit: (code) => unitNames.get(code) ?? code,
    district: (code) =>
      code === noDistrict ? text(lang, 'noDistrictName') : (districtNames.get(code) ?? code),
    source: (code) =>
      (petitionSources as readonly string[]).includes(code)
        ? text(lang, `source_${code as (typeof petitionSources)[number]}`)
        : code,
    month: (code) => monthName(lang, code),
  };
  const choicesOf = (map: ReadonlyMap<string, string>) =>
    [...map].map(([value, label]) => ({ value, label }));
  const choices: AnalysisChoices = {
    types: choicesOf(typeNames),
    units: scopeUnit === null ? choicesOf(unitNames) : null,
    districts: choicesOf(districtNames),
    sources: petitionSources.map((source) => ({ value: source, label: names.source(source) })),
  };
  return {
    names,
    choices,
    refreshedAt,
    lead:
      scopeUnit === null ? text(lang, 'leadAll') : text(lang, 'leadUnit', { unit: names.unit(scopeUnit) }),
    sets: {
      types: new Set(typeNames.keys()),
      units: new Set(unitNames.keys()),
      districts: new Set(districtNames.keys()),
    },
  };
}

/** Where the annual performance reports are, for a viewer who may open them (management control's area). */
function annualReportsPathFor(registry: ModuleRegistry, request: FastifyRequest): string | null {
  const area = registry.staffAreas.find((candidate) => candidate.id === 'control.reports');
  const role = signedInStaff(request).role;
  return area?.path != null && area.roles.includes(role) ? area.path : null;
}

export const analysisRoutes: RoutePlugin = async (app, deps, registry) => {
  keepStaffPagesOutOfCaches(app);

  /** The filter of a request: the form read, the codes checked, the viewer's unit applied. */
  const readFilter = async (request: FastifyRequest, query: Record<string, unknown>, lang: Lang) => {
    const scopeUnit = scopeUnitOf(request, lang);
    const words = await vocabulary(deps, lang, scopeUnit);
    const read = readForm(analysisFilterForm, query, lang);
    const applied = filterOf(read.values, {
      lang,
      now: deps.clock.now(),
      choices: words.sets,
      scopeUnit,
    });
    return {
      scopeUnit,
      words,
      values: read.values,
      problems: [...read.problems, ...applied.problems],
      filter: applied.filter,
    };
  };
  const load = async (filter: AnalysisFilter) => {
    const [tables, hotspots] = await Promise.all([
      readAnalysis(deps.db, filter),
      readHotspots(deps.db, filter, hotspotLimit),
    ]);
    return { tables, hotspots };
  };

  forEachLanguage(analysisPaths.page, (url, lang) => {
    app.get(
      url,
      { preHandler: mayRead, schema: { hide: true, querystring: AnalysisQuery } },
      async (request, reply) => {
        const read = await readFilter(request, request.query, lang);
        const hasProblems = read.problems.length > 0;
        const loaded = hasProblems ? null : await load(read.filter);
        return sendStaffPage(request, reply, {
          title: text(lang, 'title'),
          status: hasProblems ? 400 : 200,
          hasError: hasProblems,
          breadcrumbs: [staffHomeCrumb(lang)],
          body: (
            <AnalysisPage
              lang={lang}
              lead={read.words.lead}
              refreshedAt={read.words.refreshedAt}
              values={read.values}
              problems={hasProblems ? problemsOnPage(read.problems, { lang }) : FormProblems.none}
              choices={read.words.choices}
              names={read.words.names}
              shown={loaded === null ? null : { filter: read.filter, ...loaded, hotspotLimit }}
              annualReportsPath={annualReportsPathFor(registry, request)}
            />
          ),
        });
      },
    );
  });

  // The exports: the same tables; a filter with a problem goes back to the page, which says what it is.
  for (const extension of ['csv', 'ods'] as const)
    forEachLanguage(analysisPaths[extension], (url, lang) => {
      app.get(
        url,
        { preHandler: mayRead, schema: { hide: true, querystring: AnalysisQuery } },
        async (request, reply) => {
          const read = await readFilter(request, request.query, lang);
          if (read.problems.length > 0) {
            const search = request.url.indexOf('?');
            return reply.redirect(
              `${localePath(lang, analysisPaths.page)}${search >= 0 ? request.url.slice(search) : ''}`,
              303,
            );
          }
          const loaded = await load(read.filter);
          const data = { filter: read.filter, ...loaded, names: read.words.names };
          return reply
            .header(
              'content-type',
              extension === 'csv' ? 'text/csv; charset=utf-8; header=present' : ODS_MEDIA_TYPE,
            )
            .header(
              'content-disposition',
              contentDisposition('attachment', exportFileName(read.filter, extension)),
            )
            .header('cache-control', 'no-store')
            .header('x-content-type-options', 'nosniff')
            .send(extension === 'csv' ? analysisCsv(lang, data) : analysisOds(lang, data, deps.clock.now()));
        },
      );
    });

  forEachLanguage(analysisPaths.monthly, (url, lang) => {
    app.get(
      url,
      { preHandler: mayRead, schema: { hide: true, querystring: MonthlyQuery } },
      async (request, reply) => {
        const scopeUnit = scopeUnitOf(request, lang);
        const words = await vocabulary(deps, lang, scopeUnit);
        const typed = readForm(monthlyForm, request.query, lang);
        const chosen = reportMonthOf(typed.values.month, { lang, now: deps.clock.now() });
        const problems = [...typed.problems, ...chosen.problems];
        const month = chosen.month;
        const monthFilter = {
          from: month,
          to: month,
          type: null,
          unit: scopeUnit,
          district: null,
          source: null,
        };
        const yearFilter = { ...monthFilter, from: `${month.slice(0, 4)}-01` };
        const [tables, yearToDate] = await Promise.all([
          readAnalysis(deps.db, monthFilter, ['type', 'unit']),
          readAnalysis(deps.db, yearFilter, []),
        ]);
        return sendStaffPage(request, reply, {
          title: text(lang, 'monthlyTitle'),
          status: problems.length > 0 ? 400 : 200,
          hasError: problems.length > 0,
          breadcrumbs: [staffHomeCrumb(lang), { text: text(lang, 'title'), href: analysisPaths.page }],
          body: (
            <MonthlyReportPage
              lang={lang}
              refreshedAt={words.refreshedAt}
              typed={typed.values.month === '' ? month : typed.values.month}
              problems={problems.length > 0 ? problemsOnPage(problems, { lang }) : FormProblems.none}
              month={{ filter: monthFilter, tables }}
              yearToDate={{ filter: yearFilter, total: yearToDate.total }}
              names={words.names}
              isUnitScoped={scopeUnit !== null}
              annualReportsPath={annualReportsPathFor(registry, request)}
            />
          ),
        });
      },
    );
  });
};
