import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { type Static, type TObject, Type } from 'typebox';
import { type StaffActorContext, staffActorContext } from '../auth/actor-context.ts';
import { sendStaffPage, staffHomeCrumb } from '../auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../http/app-types.ts';
import { type FieldProblem, notFound } from '../http/errors.ts';
import { FormProblems, problemsOnPage } from './components/form-problems.ts';
import { type FormDefinition, labelsIn, postedForm } from './components/read-form.ts';
import { submitForm } from './components/submit-form.ts';
import { forEachLanguage, type Lang, localePath } from './i18n.ts';

/** What a row's edit page is given: the row, the form's values (from the row, or as typed) and the problems. */
export interface AdminRowView<Row, Values> {
  lang: Lang;
  csrfToken: string;
  row: Row;
  values: Values;
  problems: FormProblems;
}

/** A list of editable rows (units, petition types …) and each row's page, as an admin module describes them. */
export interface AdminRowPages<Row, Schema extends TObject, Values, Result> {
  /** The list's address and the pattern of a row's page (its code as `:code`), bare (zh-TW). */
  listPath: string;
  rowPattern: string;
  /** Who may see and post (`requireStaff({ roles })`). */
  preHandler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  /** Bounds for transport only: the row's code in the address, the list's `saved` query. */
  codeMaxLength: number;
  savedMaxLength: number;
  /** Whether a code in the address can name a row at all (anything else is 404 without a query). */
  isCode(code: string): boolean;
  listRows(): Promise<Row[]>;
  findRow(code: string): Promise<Row | null>;
  codeOf(row: Row): string;
  listTitle(lang: Lang): string;
  /** The list's banner after a row was saved (`?saved=<code>`). */
  savedText(lang: Lang, row: Row): string;
  rowTitle(lang: Lang, row: Row): string;
  rowNotFound(lang: Lang): string;
  form: FormDefinition<Schema>;
  /** The form's values as the row stands. */
  valuesOf(row: Row): Values;
  /** The rules beyond the fields, pure: listed with the form's own problems, every problem at once. */
  ruleProblems(values: Static<Schema>, row: Row, lang: Lang): FieldProblem[];
  /** The use case (audited, every problem at once as a VALIDATION_FAILED DomainError), in the page's language. */
  save(values: Static<Schema>, row: Row, actor: StaffActorContext, lang: Lang): Promise<Result>;
  listPage(view: { lang: Lang; rows: Row[]; saved: string | null }): ComponentChildren;
  /** The row's page: with the values `valuesOf` gives, or as typed. */
  rowPage(view: AdminRowView<Row, Values | Static<Schema>>): ComponentChildren;
}

/**
 * An admin's "list + edit row" pages: `GET listPath` (every row, a banner after a save), and `GET`/`POST`
 * `rowPattern` (the row's form; a posted form read with the forms kit, saved by the use case, then a 303 to
 * the list with `?saved=<code>`, or the page again with what was typed and every problem: the form's, the
 * rules' and the use case's). The caller keeps staff pages out of caches (`keepStaffPagesOutOfCaches`).
 */
export function adminRowRoutes<Row, Schema extends TObject, Values, Result>(
  app: AppInstance,
  deps: AppDeps,
  pages: AdminRowPages<Row, Schema, Values, Result>,
): void {
  const ListQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: pages.savedMaxLength })) });
  const RowParams = Type.Object({ code: Type.String({ maxLength: pages.codeMaxLength }) });

  forEachLanguage(pages.listPath, (url, lang) => {
    app.get(
      url,
      { preHandler: pages.preHandler, schema: { hide: true, querystring: ListQuery } },
      async (request, reply) => {
        const rows = await pages.listRows();
        const saved = rows.find((row) => pages.codeOf(row) === request.query.saved);
        return sendStaffPage(request, reply, {
          title: pages.listTitle(lang),
          breadcrumbs: [staffHomeCrumb(lang)],
          body: pages.listPage({
            lang,
            rows,
            saved: saved === undefined ? null : pages.savedText(lang, saved),
          }),
        });
      },
    );
  });

  forEachLanguage(pages.rowPattern, (url, lang) => {
    const rowOf = async (request: FastifyRequest): Promise<Row> => {
      const { code } = request.params as { code: string };
      const row = pages.isCode(code) ? await pages.findRow(code) : null;
      if (row === null) throw notFound(pages.rowNotFound(lang));
      return row;
    };
    const show = (
      request: FastifyRequest,
      reply: FastifyReply,
      view: { row: Row; values: Values | Static<Schema>; problems: FormProblems },
      status = 200,
    ) =>
      sendStaffPage(request, reply, {
        title: pages.rowTitle(lang, view.row),
        status,
        hasError: view.problems.hasAny,
        breadcrumbs: [staffHomeCrumb(lang), { text: pages.listTitle(lang), href: pages.listPath }],
        body: pages.rowPage({ lang, csrfToken: request.csrfToken, ...view }),
      });

    app.get(
      url,
      { preHandler: pages.preHandler, schema: { hide: true, params: RowParams } },
      async (request, reply) => {
        const row = await rowOf(request);
        return show(request, reply, { row, values: pages.valuesOf(row), problems: FormProblems.none });
      },
    );

    app.post(
      url,
      { preHandler: pages.preHandler, schema: { hide: true, params: RowParams, body: postedForm } },
      async (request, reply) => {
        const row = await rowOf(request);
        const actor = staffActorContext(request, deps);
        return submitForm({
          form: pages.form,
          body: request.body,
          lang,
          run: (values) => pages.save(values, row, actor, lang),
          done: () =>
            reply.redirect(
              `${localePath(lang, pages.listPath)}?saved=${encodeURIComponent(pages.codeOf(row))}`,
              303,
            ),
          showAgain: (values, outcome) =>
            show(
              request,
              reply,
              {
                row,
                values,
                problems: problemsOnPage(
                  everyProblem(outcome.problems, pages.ruleProblems(values, row, lang)),
                  {
                    lang,
                    labels: labelsIn(pages.form, lang),
                    order: Object.keys(pages.form.labels),
                  },
                ),
              },
              outcome.status,
            ),
          isConflictShown: false,
        });
      },
    );
  });
}

/** The form's problems and the rules' together, a field's named once: every problem at once. */
function everyProblem(problems: readonly FieldProblem[], rules: readonly FieldProblem[]): FieldProblem[] {
  return [...problems, ...rules.filter((rule) => !problems.some((problem) => problem.field === rule.field))];
}
