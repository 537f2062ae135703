import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { keepStaffPagesOutOfCaches } from '../../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import { postedForm, readForm } from '../../../platform/web/components/read-form.ts';
import { formatTaipeiDateTime } from '../../../platform/web/format-date.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { contentStaffPaths } from '../shared/portal-paths.ts';
import { type ContentEditorTextKey, contentEditorText as text } from './content-editor-messages.ts';
import {
  editorContext,
  editorsOnly,
  ItemParams,
  pageProblemsOf,
  sendEditorPage,
  unitsForEditors,
} from './content-editor-pages.ts';
import {
  type CreateItemValues,
  createItemForm,
  type EditVersionValues,
  editVersionForm,
  formValuesOf,
  type ReviewValues,
  reviewForm,
  versionStampOf,
} from './content-form.ts';
import { isContentKind } from './content-kinds.ts';
import { fieldsOfVersion, itemNotFound } from './content-records.ts';
import { changedFields, isListState, versionFieldOrder } from './content-rules.ts';
import {
  type ContentItemDetail,
  createContentItem,
  editTargetOfDetail,
  findContentItem,
  listContentItems,
  loadClassificationChoices,
  reviewContentVersion,
  reviewRefusalOf,
  saveContentVersion,
  submitContentVersion,
  withdrawContentItem,
} from './content-service.ts';
import { StaffCreatePage } from './views/staff-create-page.tsx';
import { StaffEditPage } from './views/staff-edit-page.tsx';
import { itemTitleOf, StaffItemPage } from './views/staff-item-page.tsx';
import { StaffListPage } from './views/staff-list-page.tsx';
import { StaffReviewPage } from './views/staff-review-page.tsx';
import { StaffVersionPage } from './views/staff-version-page.tsx';

const shortQuery = Type.Optional(Type.String({ maxLength: 100 }));
const ListQuery = Type.Object({
  kind: shortQuery,
  unit: shortQuery,
  state: shortQuery,
  page: shortQuery,
  done: shortQuery,
});
const DoneQuery = Type.Object({ done: shortQuery });
const VersionParams = Type.Object({
  ...ItemParams.properties,
  version: Type.String({ pattern: '^[1-9][0-9]{0,5}$', maxLength: 6 }),
});

const doneKeys: readonly ContentEditorTextKey[] = [
  'created',
  'saved',
  'submitted',
  'approved',
  'returned',
  'withdrawn',
];

/** The banner a page comes back with after a change (`?done=saved` …). */
function noticeOf(lang: Lang, done: string | undefined, detail: ContentItemDetail | null): string | null {
  const key = doneKeys.find((candidate) => candidate === done);
  if (key === undefined) return null;
  const item = detail?.item;
  return text(lang, key, {
    version: item?.currentVersion ?? '',
    at: item?.visibleFrom ? formatTaipeiDateTime(item.visibleFrom) : '',
  });
}

/**
 * The web editors' pages for the portal's content (issue 15 §1–2): the list, a new item, editing the working
 * version, sending it for review, the second editor's review, taking it down, and each version with what
 * changed. The files of a version are content-editor-file-routes.tsx (a multipart group).
 */
export async function contentEditorRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  keepStaffPagesOutOfCaches(app);

  const loadItem = async (number: string, lang: Lang) => {
    const detail = await findContentItem(db, Number(number));
    if (!detail) throw itemNotFound(lang);
    return detail;
  };
  const itemUrl = (lang: Lang, number: number, done?: string) =>
    `${localePath(lang, contentStaffPaths.item(number))}${done ? `?done=${done}` : ''}`;

  forEachLanguage(contentStaffPaths.list, (url, lang) => {
    app.get(
      url,
      { preHandler: editorsOnly, schema: { hide: true, querystring: ListQuery } },
      async (request, reply) => {
        const { query } = request;
        const units = await unitsForEditors(db);
        const kind = query.kind && isContentKind(query.kind) ? query.kind : '';
        const unit = query.unit && units.some((candidate) => candidate.code === query.unit) ? query.unit : '';
        const state = query.state && isListState(query.state) ? query.state : '';
        const page = pageNumberOf(query.page);
        const now = deps.clock.now();
        const list = await listContentItems(db, {
          kind: kind === '' ? null : kind,
          unitCode: unit === '' ? null : unit,
          state: state === '' ? null : state,
          page,
          now,
        });
        return sendEditorPage(request, reply, {
          title: text(lang, 'listTitle'),
          isList: true,
          body: (
            <StaffListPage
              lang={lang}
              rows={list.rows}
              filters={{ kind, unit, state }}
              units={units}
              page={page}
              hasNextPage={list.hasNextPage}
              now={now}
              notice={query.done === 'withdrawn' ? text(lang, 'withdrawn') : null}
            />
          ),
        });
      },
    );
  });

  forEachLanguage(contentStaffPaths.create, (url, lang) => {
    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      values: CreateItemValues,
      problems: FormProblems,
      status = 200,
    ) =>
      sendEditorPage(request, reply, {
        title: text(lang, 'createTitle'),
        status,
        problems,
        body: (
          <StaffCreatePage
            lang={lang}
            csrfToken={request.csrfToken}
            values={values}
            problems={problems}
            units={await unitsForEditors(db)}
          />
        ),
      });
    app.get(url, { preHandler: editorsOnly, schema: { hide: true } }, (request, reply) =>
      show(
        request,
        reply,
        { kind: 'announcement', unitCode: request.staff?.unitCode ?? '', foiKinds: [], titleZh: '' },
        FormProblems.none,
      ),
    );
    app.post(
      url,
      { preHandler: editorsOnly, schema: { hide: true, body: postedForm } },
      async (request, reply) => {
        const read = readForm(createItemForm, request.body, lang);
        const showAgain = (problems: readonly FieldProblem[]) =>
          show(
            request,
            reply,
            read.values,
            pageProblemsOf(problems, read.problems, {
              lang,
              order: ['kind', 'unitCode', 'foiKinds', 'titleZh'],
              labelOf: (field) =>
                field in createItemForm.labels
                  ? createItemForm.labels[field as keyof CreateItemValues][lang]
                  : null,
            }),
            400,
          );
        if (read.problems.length > 0) return showAgain(read.problems);
        try {
          const number = await createContentItem(db, {
            values: read.values,
            context: editorContext(request, deps),
          });
          return reply.redirect(`${localePath(lang, contentStaffPaths.edit(number))}?done=created`, 303);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'VALIDATION_FAILED')
            return showAgain(error.problems);
          throw error;
        }
      },
    );
  });

  forEachLanguage('/staff/content/:number', (url, lang) => {
    app.get(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: ItemParams, querystring: DoneQuery } },
      async (request, reply) => {
        const detail = await loadItem(request.params.number, lang);
        return sendEditorPage(request, reply, {
          title: itemTitleOf(lang, detail),
          body: (
            <StaffItemPage
              lang={lang}
              csrfToken={request.csrfToken}
              detail={detail}
              units={await unitsForEditors(db)}
              now={deps.clock.now()}
              notice={noticeOf(lang, request.query.done, detail)}
            />
          ),
        });
      },
    );
  });

  forEachLanguage('/staff/content/:number/edit', (url, lang) => {
    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      detail: ContentItemDetail,
      values: EditVersionValues,
      problems: FormProblems,
      status = 200,
      notice: string | null = null,
    ) =>
      sendEditorPage(request, reply, {
        title: text(lang, 'editTitle', { number: detail.item.number }),
        status,
        problems,
        body: (
          <StaffEditPage
            lang={lang}
            csrfToken={request.csrfToken}
            item={detail.item}
            target={editTargetOfDetail(detail)}
            values={values}
            problems={problems}
            units={await unitsForEditors(db)}
            choices={await loadClassificationChoices(db)}
            notice={notice}
          />
        ),
      });
    app.get(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: ItemParams, querystring: DoneQuery } },
      async (request, reply) => {
        const detail = await loadItem(request.params.number, lang);
        const current = detail.versions.find((version) => version.version === detail.item.currentVersion);
        if (!current) throw itemNotFound(lang);
        return show(
          request,
          reply,
          detail,
          formValuesOf(detail.item, fieldsOfVersion(current), versionStampOf(current)),
          FormProblems.none,
          200,
          noticeOf(lang, request.query.done, detail),
        );
      },
    );
    app.post(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: ItemParams, body: postedForm } },
      async (request, reply) => {
        const detail = await loadItem(request.params.number, lang);
        const read = readForm(editVersionForm, request.body, lang);
        try {
          await saveContentVersion(db, {
            number: detail.item.number,
            values: read.values,
            formProblems: read.problems,
            context: editorContext(request, deps),
          });
          return reply.redirect(itemUrl(lang, detail.item.number, 'saved'), 303);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'CONFLICT') {
            // Shown again with what was typed; sent again, it replaces the newer edit knowingly.
            const latest = await loadItem(request.params.number, lang);
            const current = latest.versions.find((version) => version.version === latest.item.currentVersion);
            return show(
              request,
              reply,
              latest,
              { ...read.values, baseStamp: current ? versionStampOf(current) : '' },
              pageProblemsOf(error.problems, [], { lang, order: [], labelOf: () => null }),
              409,
            );
          }
          if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
          const problems = pageProblemsOf(error.problems, read.problems, {
            lang,
            order: ['kind', 'unitCode', 'foiKinds', ...versionFieldOrder, 'changeNote'],
            labelOf: (field) =>
              field in editVersionForm.labels
                ? editVersionForm.labels[field as keyof EditVersionValues][lang]
                : null,
          });
          return show(request, reply, detail, read.values, problems, 400);
        }
      },
    );
  });

  forEachLanguage('/staff/content/:number/submit', (url, lang) => {
    app.post(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: ItemParams, body: postedForm } },
      async (request, reply) => {
        const number = Number(request.params.number);
        await submitContentVersion(db, { number, context: editorContext(request, deps) });
        return reply.redirect(itemUrl(lang, number, 'submitted'), 303);
      },
    );
  });

  forEachLanguage('/staff/content/:number/withdraw', (url, lang) => {
    app.post(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: ItemParams, body: postedForm } },
      async (request, reply) => {
        const number = Number(request.params.number);
        await withdrawContentItem(db, { number, context: editorContext(request, deps) });
        return reply.redirect(itemUrl(lang, number, 'withdrawn'), 303);
      },
    );
  });

  forEachLanguage('/staff/content/:number/review', (url, lang) => {
    /** The version in review; 409 when there is none, 403 for the one who submitted or last edited it. */
    const inReview = async (request: FastifyRequest<{ Params: { number: string } }>) => {
      const detail = await loadItem(request.params.number, lang);
      const version = detail.versions.find((candidate) => candidate.version === detail.item.currentVersion);
      if (detail.item.state !== 'in_review' || !version)
        throw new DomainError('INVALID_TRANSITION', text(lang, 'notInReview'));
      const refusal = reviewRefusalOf(version, editorContext(request, deps).staffId);
      if (refusal !== null) throw new DomainError('FORBIDDEN', text(lang, refusal));
      const previous = detail.versions.find((candidate) => candidate.version === version.version - 1);
      const changes = changedFields(previous ? fieldsOfVersion(previous) : null, fieldsOfVersion(version));
      return { detail, version, changes };
    };
    const show = (
      request: FastifyRequest,
      reply: FastifyReply,
      found: Awaited<ReturnType<typeof inReview>>,
      values: ReviewValues,
      problems: FormProblems,
      status = 200,
    ) =>
      sendEditorPage(request, reply, {
        title: text(lang, 'reviewTitle', {
          number: found.detail.item.number,
          version: found.version.version,
        }),
        status,
        problems,
        body: (
          <StaffReviewPage
            lang={lang}
            csrfToken={request.csrfToken}
            {...found}
            values={values}
            problems={problems}
          />
        ),
      });
    app.get(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: ItemParams } },
      async (request, reply) =>
        show(
          request,
          reply,
          await inReview(request),
          { decision: 'approve', reviewNote: '' },
          FormProblems.none,
        ),
    );
    app.post(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: ItemParams, body: postedForm } },
      async (request, reply) => {
        const read = readForm(reviewForm, request.body, lang);
        const number = Number(request.params.number);
        const onPage = new Set(['decision', 'reviewNote']);
        const showAgain = async (problems: readonly FieldProblem[]) => {
          // Approval's own refusal (403) and a version no longer in review (409) are error pages.
          const found = await inReview(request);
          return show(
            request,
            reply,
            found,
            read.values,
            pageProblemsOf(problems, read.problems, {
              lang,
              order: ['decision', 'reviewNote', ...versionFieldOrder],
              labelOf: () => null,
              targetOf: (field) => (onPage.has(field) ? field : ''),
            }),
            400,
          );
        };
        if (read.problems.length > 0) return showAgain(read.problems);
        try {
          await reviewContentVersion(db, {
            number,
            decision: read.values.decision === 'return' ? 'return' : 'approve',
            note: read.values.reviewNote,
            context: editorContext(request, deps),
          });
          return reply.redirect(
            itemUrl(lang, number, read.values.decision === 'return' ? 'returned' : 'approved'),
            303,
          );
        } catch (error) {
          if (error instanceof DomainError && error.code === 'VALIDATION_FAILED')
            return showAgain(error.problems);
          throw error;
        }
      },
    );
  });

  forEachLanguage('/staff/content/:number/versions/:version', (url, lang) => {
    app.get(
      url,
      { preHandler: editorsOnly, schema: { hide: true, params: VersionParams } },
      async (request, reply) => {
        const detail = await loadItem(request.params.number, lang);
        const wanted = Number(request.params.version);
        const version = detail.versions.find((candidate) => candidate.version === wanted);
        if (!version) throw itemNotFound(lang);
        const previous = detail.versions.find((candidate) => candidate.version === wanted - 1);
        return sendEditorPage(request, reply, {
          title: text(lang, 'versionTitle', { number: detail.item.number, version: wanted }),
          body: (
            <StaffVersionPage
              lang={lang}
              detail={detail}
              version={version}
              changes={changedFields(previous ? fieldsOfVersion(previous) : null, fieldsOfVersion(version))}
            />
          ),
        });
      },
    );
  });
}
