import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { keepStaffPagesOutOfCaches } from '../../../platform/auth/staff-pages.ts';
import {
  extractionLimits,
  extractText,
  hasReadableText,
} from '../../../platform/documents/text-extraction.ts';
import type { FileStore } from '../../../platform/files/file-store.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import { UuidParam } from '../../../platform/http/ids.ts';
import { sendStoredFile } from '../../../platform/uploads/download-headers.ts';
import { readMultipartForm, type UploadedFile } from '../../../platform/uploads/multipart.ts';
import { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { postedForm, readForm } from '../../../platform/web/components/read-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { contentStaffPaths } from '../shared/portal-paths.ts';
import {
  addContentAttachment,
  changeContentAttachment,
  findContentAttachment,
  removeContentAttachment,
  webAttachmentTypes,
} from './content-attachment-service.ts';
import { contentEditorText as text } from './content-editor-messages.ts';
import {
  editorContext,
  editorsOnly,
  ItemParams,
  pageProblemsOf,
  sendEditorPage,
} from './content-editor-pages.ts';
import { type AttachmentValues, attachmentForm, sortOrderOf } from './content-form.ts';
import { itemNotFound } from './content-records.ts';
import { editTargetOfDetail, findContentItem } from './content-service.ts';
import { StaffFileChangePage, StaffFilesPage } from './views/staff-files-page.tsx';

const FileParams = Type.Object({ ...ItemParams.properties, attachmentId: UuidParam });
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 100 })) });

/**
 * The words of a stored file for search: read from the file store (a file the upload limit already bounds,
 * and at most `extractionLimits.maxBytes`) and extracted within the extraction's limits; '' for an image, a
 * file too large, or one that cannot be read.
 */
export async function textOfStoredFile(
  files: FileStore,
  file: Pick<UploadedFile, 'sha256' | 'sizeBytes' | 'mediaType'>,
): Promise<string> {
  if (!hasReadableText(file.mediaType) || file.sizeBytes > extractionLimits.maxBytes) return '';
  try {
    return await extractText(await files.read(file.sha256), file.mediaType);
  } catch {
    return '';
  }
}

const blankValues: AttachmentValues = { titleZh: '', titleEn: '', role: 'file', sortOrder: '' };

/**
 * The files of an item's working version (issue 15 §1): the list with whether their text was read, the upload
 * (multipart, the CSRF token its first field: ADR 0004), the removal, and the editors' own preview of a
 * file of any version. The public gets published files from the content pages.
 */
export async function contentEditorFileRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  keepStaffPagesOutOfCaches(app);

  const filesUrl = (lang: Lang, number: number, done?: string) =>
    `${localePath(lang, contentStaffPaths.files(number))}${done ? `?done=${done}` : ''}`;

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    number: number,
    options: { values: AttachmentValues; problems: FormProblems; notice: string | null; status?: number },
  ) => {
    const lang = request.lang;
    const detail = await findContentItem(db, number);
    if (!detail) throw itemNotFound(lang);
    return sendEditorPage(request, reply, {
      title: text(lang, 'filesTitle', { number }),
      status: options.status ?? 200,
      problems: options.problems,
      body: (
        <StaffFilesPage
          lang={lang}
          csrfToken={request.csrfToken}
          item={detail.item}
          target={editTargetOfDetail(detail)}
          attachments={detail.attachments}
          values={options.values}
          problems={options.problems}
          notice={options.notice}
        />
      ),
    });
  };

  forEachLanguage('/staff/content/:number/files', (url, lang) => {
    app.get(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: ItemParams, querystring: DoneQuery } },
      async (request, reply) => {
        const done = request.query.done;
        const notices: Record<string, string> = {
          added: text(lang, 'fileAdded'),
          removed: text(lang, 'fileRemoved'),
          changed: text(lang, 'fileChanged'),
        };
        const notice = done !== undefined && Object.hasOwn(notices, done) ? (notices[done] ?? null) : null;
        return show(request, reply, Number(request.params.number), {
          values: blankValues,
          problems: FormProblems.none,
          notice,
        });
      },
    );

    app.post(
      url,
      // A multipart body (the page's form, with its file) or a plain form (nothing to add: its problems).
      { preHandler: editorsOnly, schema: { hide: true, params: ItemParams } },
      async (request, reply) => {
        const number = Number(request.params.number);
        const upload = request.isMultipart()
          ? await readMultipartForm(request, lang)
          : { fields: (request.body ?? {}) as Record<string, string>, files: [], problems: [] };
        const read = readForm(attachmentForm, upload.fields, lang);
        const sortOrder = sortOrderOf(read.values.sortOrder);
        const known: FieldProblem[] = [
          ...read.problems,
          ...upload.problems.map((problem) => ({ ...problem, field: problem.field === '' ? '' : 'file' })),
        ];
        if (sortOrder === null && !known.some((problem) => problem.field === 'sortOrder'))
          known.push({ field: 'sortOrder', code: 'not_number', message: text(lang, 'orderNotNumber') });
        if (upload.files.length > 1)
          known.push({ field: 'file', code: 'one_file', message: text(lang, 'oneFileOnly') });
        const file = upload.files[0] ?? null;
        const extractedText =
          known.length === 0 && file !== null && webAttachmentTypes.has(file.mediaType)
            ? await textOfStoredFile(deps.files, file)
            : '';
        try {
          await addContentAttachment(db, {
            number,
            file,
            title: { zh: read.values.titleZh, en: read.values.titleEn },
            role: read.values.role === 'sample' ? 'sample' : 'file',
            sortOrder: sortOrder ?? 0,
            extractedText,
            knownProblems: known,
            context: editorContext(request, deps),
          });
          return reply.redirect(filesUrl(lang, number, 'added'), 303);
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
          const fromForm = error.problems.filter((problem) => read.problems.includes(problem));
          return show(request, reply, number, {
            values: read.values,
            problems: pageProblemsOf(error.problems, fromForm, {
              lang,
              order: ['file', 'titleZh', 'titleEn', 'role', 'sortOrder'],
              labelOf: (field) =>
                field === 'file'
                  ? text(lang, 'fileLabel')
                  : field in attachmentForm.labels
                    ? attachmentForm.labels[field as keyof AttachmentValues][lang]
                    : null,
            }),
            notice: null,
            status: 400,
          });
        }
      },
    );
  });

  forEachLanguage('/staff/content/:number/files/:attachmentId', (url, lang) => {
    app.get(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: FileParams } },
      async (request, reply) => {
        const file = await findContentAttachment(
          db,
          Number(request.params.number),
          request.params.attachmentId,
        );
        if (!file) throw notFound(text(lang, 'fileNotFound'));
        return sendStoredFile(reply, deps.files, file);
      },
    );
  });

  forEachLanguage('/staff/content/:number/files/:attachmentId/change', (url, lang) => {
    const showChange = async (
      request: FastifyRequest<{ Params: { number: string; attachmentId: string } }>,
      reply: FastifyReply,
      values: AttachmentValues | null,
      problems: FormProblems,
      status = 200,
    ) => {
      const detail = await findContentItem(db, Number(request.params.number));
      if (!detail) throw itemNotFound(lang);
      const file = detail.attachments.find((candidate) => candidate.id === request.params.attachmentId);
      if (!file) throw notFound(text(lang, 'fileNotFound'));
      return sendEditorPage(request, reply, {
        title: text(lang, 'changeFileTitle', { name: file.fileName }),
        status,
        problems,
        body: (
          <StaffFileChangePage
            lang={lang}
            csrfToken={request.csrfToken}
            item={detail.item}
            file={file}
            values={
              values ?? {
                titleZh: file.titleZh,
                titleEn: file.titleEn ?? '',
                role: file.role === 'sample' ? 'sample' : 'file',
                sortOrder: String(file.sortOrder),
              }
            }
            problems={problems}
          />
        ),
      });
    };
    app.get(url, { preHandler: editorsOnly, schema: { hide: true, params: FileParams } }, (request, reply) =>
      showChange(request, reply, null, FormProblems.none),
    );
    app.post(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: FileParams, body: postedForm } },
      async (request, reply) => {
        const number = Number(request.params.number);
        const read = readForm(attachmentForm, request.body, lang);
        const sortOrder = sortOrderOf(read.values.sortOrder);
        const known: FieldProblem[] = [...read.problems];
        if (sortOrder === null && !known.some((problem) => problem.field === 'sortOrder'))
          known.push({ field: 'sortOrder', code: 'not_number', message: text(lang, 'orderNotNumber') });
        try {
          await changeContentAttachment(db, {
            number,
            attachmentId: request.params.attachmentId,
            title: { zh: read.values.titleZh, en: read.values.titleEn },
            role: read.values.role === 'sample' ? 'sample' : 'file',
            sortOrder: sortOrder ?? 0,
            knownProblems: known,
            context: editorContext(request, deps),
          });
          return reply.redirect(filesUrl(lang, number, 'changed'), 303);
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
          const problems = pageProblemsOf(error.problems, read.problems, {
            lang,
            order: ['titleZh', 'titleEn', 'role', 'sortOrder'],
            labelOf: (field) =>
              field in attachmentForm.labels
                ? attachmentForm.labels[field as keyof AttachmentValues][lang]
                : null,
          });
          return showChange(request, reply, read.values, problems, 400);
        }
      },
    );
  });

  forEachLanguage('/staff/content/:number/files/:attachmentId/remove', (url, lang) => {
    app.post(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: FileParams, body: postedForm } },
      async (request, reply) => {
        const number = Number(request.params.number);
        await removeContentAttachment(db, {
          number,
          attachmentId: request.params.attachmentId,
          context: editorContext(request, deps),
        });
        return reply.redirect(filesUrl(lang, number, 'removed'), 303);
      },
    );
  });
}
