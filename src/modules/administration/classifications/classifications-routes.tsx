import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { staffActorContext } from '../../../platform/auth/actor-context.ts';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import type { ClassificationKind } from '../../../platform/reference/classification-rows.ts';
import { browseClassifications, classificationCounts } from '../../../platform/reference/reference-repo.ts';
import type { DataFileRule } from '../../../platform/uploads/data-file.ts';
import { readMultipartForm } from '../../../platform/uploads/multipart.ts';
import { transportLength } from '../../../platform/web/components/field-limits.ts';
import { FormProblems, inputIdOf } from '../../../platform/web/components/form-problems.ts';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import { hasUnusableCharacter, postedForm, postedText } from '../../../platform/web/components/read-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { administrationPaths } from '../administration-paths.ts';
import { classificationKinds, maxClassificationFileBytes } from './classification-file.ts';
import { classificationsText as text } from './classifications-messages.ts';
import { loadClassifications, previewClassificationFile } from './classifications-service.ts';
import {
  ClassificationsPage,
  classificationsConfirmPath,
  LoadPage,
  PreviewPage,
} from './views/classifications-pages.tsx';

/** The code file: JSON or CSV, read by the platform's upload reader as a data file. */
const codeFileRule = {
  field: 'file',
  maxBytes: maxClassificationFileBytes,
  kinds: ['json', 'csv'],
} as const satisfies DataFileRule;

/** Classification tables are the admin's alone. */
const mayUse = requireStaff({ roles: ['admin'] });

const pageSize = 50;

const BrowseQuery = Type.Object({
  scheme: Type.Optional(Type.String({ maxLength: 40 })),
  q: Type.Optional(Type.String({ maxLength: transportLength(200) })),
  page: Type.Optional(Type.String({ maxLength: 10 })),
  loaded: Type.Optional(Type.String({ maxLength: 60 })),
});

const isKind = (value: unknown): value is ClassificationKind =>
  typeof value === 'string' && (classificationKinds as readonly string[]).includes(value);

/** Counts carried by the redirect after a load, for its banner: before-after-added-changed-removed. */
function loadedBanner(lang: Lang, kind: ClassificationKind, raw: string | undefined): string | null {
  const match = /^(\d{1,7})-(\d{1,7})-(\d{1,7})-(\d{1,7})-(\d{1,7})$/.exec(raw ?? '');
  if (match === null) return null;
  const [, before, after, added, changed, removed] = match;
  return text(lang, 'loaded', { scheme: text(lang, kind), before, after, added, changed, removed } as Record<
    string,
    string
  >);
}

export async function classificationsRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepStaffPagesOutOfCaches(app);

  forEachLanguage(administrationPaths.classifications, (url, lang) => {
    app.get(
      url,
      { preHandler: mayUse, schema: { hide: true, querystring: BrowseQuery } },
      async (request, reply) => {
        const query = request.query;
        const kind: ClassificationKind = isKind(query.scheme) ? query.scheme : 'theme';
        const typed = (query.q ?? '').trim();
        const problems: { target: string; message: string }[] = [];
        if (typed.length > 200 || hasUnusableCharacter(typed))
          problems.push({ target: 'q', message: text(lang, 'invalid') });
        const search = problems.length > 0 ? '' : typed;
        const page = pageNumberOf(query.page);
        const [found, counts] = await Promise.all([
          browseClassifications(deps.db, kind, { search, page, pageSize }),
          classificationCounts(deps.db),
        ]);
        return sendStaffPage(request, reply, {
          title: text(lang, 'title'),
          status: problems.length > 0 ? 400 : 200,
          hasError: problems.length > 0,
          breadcrumbs: [staffHomeCrumb(lang)],
          body: (
            <ClassificationsPage
              lang={lang}
              kind={kind}
              search={typed}
              page={page}
              pageCount={Math.max(1, Math.ceil(found.total / pageSize))}
              rows={found.rows}
              counts={counts}
              loaded={loadedBanner(lang, kind, query.loaded)}
              problems={FormProblems.of(problems)}
            />
          ),
        });
      },
    );
  });

  forEachLanguage(administrationPaths.classificationsLoad, (url, lang) => {
    const crumbs = [
      staffHomeCrumb(lang),
      { text: text(lang, 'title'), href: administrationPaths.classifications },
    ];
    const showForm = (
      request: FastifyRequest,
      reply: FastifyReply,
      kind: string,
      problems: FormProblems,
      status = 200,
    ) =>
      sendStaffPage(request, reply, {
        title: text(lang, 'loadTitle'),
        status,
        hasError: problems.hasAny,
        breadcrumbs: crumbs,
        body: <LoadPage lang={lang} csrfToken={request.csrfToken} kind={kind} problems={problems} />,
      });

    app.get(url, { preHandler: mayUse, schema: { hide: true } }, (request, reply) =>
      showForm(request, reply, 'theme', FormProblems.none),
    );

    app.post(url, { preHandler: mayUse, schema: { hide: true } }, async (request, reply) => {
      // The group takes files (`takesFiles`): the CSRF token, the form's first part, is already checked.
      const upload = await readMultipartForm(request, lang, { dataFiles: [codeFileRule] });
      const scheme = typeof upload.fields.scheme === 'string' ? upload.fields.scheme : '';
      const file = upload.dataFiles[0];
      const problems: { target: string; message: string }[] = [];
      if (!isKind(scheme)) problems.push({ target: 'scheme', message: text(lang, 'scheme') });
      for (const problem of upload.problems)
        problems.push({
          target: problem.field === '' ? '' : inputIdOf(problem.field),
          message: problem.message,
        });
      if (file === undefined && !upload.problems.some((problem) => problem.field === codeFileRule.field))
        problems.push({ target: 'file', message: text(lang, 'noFile') });
      if (problems.length > 0 || file === undefined || !isKind(scheme))
        return showForm(request, reply, scheme, FormProblems.of(problems), 400);
      const preview = await previewClassificationFile(deps.db, { kind: scheme, file, lang });
      if (!preview.ok) {
        const summary = text(lang, 'fileProblems', { count: preview.problems.length });
        return showForm(
          request,
          reply,
          scheme,
          FormProblems.of([
            { target: '', message: summary },
            ...preview.problems.map((message) => ({ target: 'file', message })),
          ]),
          400,
        );
      }
      return sendStaffPage(request, reply, {
        title: text(lang, 'previewTitle', { scheme: text(lang, scheme) }),
        breadcrumbs: crumbs,
        body: (
          <PreviewPage
            lang={lang}
            csrfToken={request.csrfToken}
            kind={scheme}
            sha256={preview.sha256}
            rowCount={preview.rowCount}
            diff={preview.diff}
          />
        ),
      });
    });
  });

  forEachLanguage(classificationsConfirmPath, (url, lang) => {
    app.post(
      url,
      { preHandler: mayUse, schema: { hide: true, body: postedForm } },
      async (request, reply) => {
        const kind = postedText(request.body, 'scheme');
        const sha256 = postedText(request.body, 'sha256');
        if (!isKind(kind))
          return sendStaffPage(request, reply, {
            title: text(lang, 'loadTitle'),
            status: 400,
            hasError: true,
            body: (
              <LoadPage
                lang={lang}
                csrfToken={request.csrfToken}
                kind=""
                problems={FormProblems.of([{ target: 'scheme', message: text(lang, 'scheme') }])}
              />
            ),
          });
        const actor = staffActorContext(request, deps);
        try {
          const result = await loadClassifications(deps.db, {
            files: deps.files,
            kind,
            sha256,
            actor: actor.auditActor,
            origin: actor.origin,
            now: actor.now,
            lang,
          });
          const counts = [
            result.before,
            result.after,
            result.diff.added.length,
            result.diff.changed.length,
            result.diff.removed.length,
          ].join('-');
          return reply.redirect(
            `${localePath(lang, administrationPaths.classifications)}?scheme=${kind}&loaded=${counts}`,
            303,
          );
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
          return sendStaffPage(request, reply, {
            title: text(lang, 'loadTitle'),
            status: 400,
            hasError: true,
            body: (
              <LoadPage
                lang={lang}
                csrfToken={request.csrfToken}
                kind={kind}
                problems={FormProblems.of([
                  { target: '', message: error.message },
                  ...error.problems.map((problem) => ({ target: 'file', message: problem.message })),
                ])}
              />
            ),
          });
        }
      },
    );
  });
}
