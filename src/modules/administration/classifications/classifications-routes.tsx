import multipart from '@fastify/multipart';
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
import { csrfTokenExpectedInBody, isTokenEqual } from '../../../platform/http/csrf.ts';
import { messageFor } from '../../../platform/http/error-messages.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import type { ClassificationKind } from '../../../platform/reference/classification-rows.ts';
import { browseClassifications, classificationCounts } from '../../../platform/reference/reference-repo.ts';
import { transportLength } from '../../../platform/web/components/field-limits.ts';
import { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import { hasUnusableCharacter, postedForm, postedText } from '../../../platform/web/components/read-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { administrationPaths } from '../administration-paths.ts';
import {
  classificationKinds,
  maxClassificationFileBytes,
  maxClassificationFileSize,
} from './classification-file.ts';
import { classificationsText as text } from './classifications-messages.ts';
import { loadClassifications, previewClassificationFile } from './classifications-service.ts';
import {
  ClassificationsPage,
  classificationsConfirmPath,
  LoadPage,
  PreviewPage,
} from './views/classifications-pages.tsx';

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

/** The multipart upload: the CSRF token first (checked before the file is read), then the scheme and one file. */
async function readUpload(
  request: FastifyRequest,
  lang: Lang,
): Promise<{ scheme: string; file: Buffer | null; isTooLarge: boolean }> {
  if (!request.isMultipart())
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', messageFor('UNSUPPORTED_MEDIA_TYPE', lang));
  const expected = csrfTokenExpectedInBody(request);
  let isFirst = true;
  let scheme = '';
  let file: Buffer | null = null;
  let isTooLarge = false;
  try {
    for await (const part of request.parts()) {
      if (isFirst && expected !== null) {
        const token = part.type === 'field' && part.fieldname === '_csrf' ? part.value : null;
        if (!isTokenEqual(typeof token === 'string' ? token : null, expected))
          throw new DomainError('CSRF_INVALID', messageFor('CSRF_INVALID', lang));
      }
      isFirst = false;
      if (part.type === 'field') {
        if (part.fieldname === 'scheme' && typeof part.value === 'string') scheme = part.value;
        continue;
      }
      if (part.fieldname !== 'file' || file !== null) {
        part.file.resume();
        continue;
      }
      const bytes = await part.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
          isTooLarge = true;
          return null;
        }
        throw error;
      });
      if (bytes !== null && (bytes.length > 0 || part.filename !== '')) file = bytes;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('MALFORMED_REQUEST', messageFor('MALFORMED_REQUEST', lang));
  }
  if (isFirst && expected !== null) throw new DomainError('CSRF_INVALID', messageFor('CSRF_INVALID', lang));
  return { scheme, file, isTooLarge };
}

export async function classificationsRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepStaffPagesOutOfCaches(app);
  // The code file is JSON or CSV, which the platform's upload reader (documents and photos only) refuses:
  // this group reads its one small file itself, bounded, with the same CSRF rule (token first).
  await app.register(multipart, {
    limits: {
      fileSize: maxClassificationFileBytes,
      files: 1,
      fields: 5,
      parts: 8,
      fieldSize: 1000,
      headerPairs: 100,
    },
  });

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
      const upload = await readUpload(request, lang);
      const problems: { target: string; message: string }[] = [];
      if (!isKind(upload.scheme)) problems.push({ target: 'scheme', message: text(lang, 'scheme') });
      if (upload.isTooLarge)
        problems.push({
          target: 'file',
          message: text(lang, 'tooLarge', { limit: maxClassificationFileSize }),
        });
      else if (upload.file === null) problems.push({ target: 'file', message: text(lang, 'noFile') });
      if (problems.length > 0 || upload.file === null || !isKind(upload.scheme))
        return showForm(request, reply, upload.scheme, FormProblems.of(problems), 400);
      const preview = await previewClassificationFile(deps.db, {
        files: deps.files,
        kind: upload.scheme,
        bytes: upload.file,
        lang,
      });
      if (!preview.ok) {
        const summary = text(lang, 'fileProblems', { count: preview.problems.length });
        return showForm(
          request,
          reply,
          upload.scheme,
          FormProblems.of([
            { target: '', message: summary },
            ...preview.problems.map((message) => ({ target: 'file', message })),
          ]),
          400,
        );
      }
      return sendStaffPage(request, reply, {
        title: text(lang, 'previewTitle', { scheme: text(lang, upload.scheme) }),
        breadcrumbs: crumbs,
        body: (
          <PreviewPage
            lang={lang}
            csrfToken={request.csrfToken}
            kind={upload.scheme}
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
