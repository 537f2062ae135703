import { Type } from 'typebox';
import { signedInStaff } from '../../../platform/auth/require-staff.ts';
import { keepStaffPagesOutOfCaches } from '../../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { UuidParam } from '../../../platform/http/ids.ts';
import { readMultipartForm } from '../../../platform/uploads/multipart.ts';
import { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { forEachLanguage, localePath } from '../../../platform/web/i18n.ts';
import { submitControlForm } from '../shared/control-forms.ts';
import { sendControlPage, sendEvidenceFile } from '../shared/control-pages.ts';
import { controlForm, controlPage } from '../shared/control-routes.ts';
import { EvidenceRemovalPage } from '../shared/evidence-removal.tsx';
import { sharedText } from '../shared/shared-messages.ts';
import { unitNamesOf } from '../shared/unit-names.ts';
import { actionOnlyForm, evidenceLabel, followUpForm } from './check-forms.ts';
import {
  anyStaff,
  checking,
  checkUrl,
  listCrumb,
  loadCheck,
  secretariatOnly,
  sendCheck,
  writers,
} from './check-pages.tsx';
import { readEvidence } from './check-reads.ts';
import { checkForbidden, checkNotFound, findEvidence, mayRemoveEvidence } from './check-rules.ts';
import { checksText as text } from './checks-messages.ts';
import { actionAnchor, checksPaths } from './checks-paths.ts';
import { CheckParams } from './checks-routes.tsx';
import { addFollowUp, closeAction, removeEvidence } from './follow-up-service.ts';
import { followUpInputId } from './views/check-page.tsx';
import { checkTitle } from './views/check-parts.tsx';

const ActionParams = Type.Object({ ...CheckParams.properties, actionId: UuidParam });
const EvidenceParams = Type.Object({ ...CheckParams.properties, evidenceId: UuidParam });

/**
 * The follow-up of a check's corrective actions: the responsible unit's entries with evidence files (a
 * multipart form), the secretariat closing an action, and opening or removing an evidence file. Needs
 * registerMultipart in its context (the follow-up form carries files).
 */
export async function followUpRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  keepStaffPagesOutOfCaches(app);

  forEachLanguage('/staff/checks/:id/actions/:actionId/follow-ups', (url, lang) => {
    app.post(
      url,
      // A multipart body (the page's form, with evidence files) or a plain form (no files).
      { preHandler: writers, schema: { hide: true, params: ActionParams } },
      async (request, reply) => {
        const { id, actionId } = request.params;
        const upload = request.isMultipart()
          ? await readMultipartForm(request, lang)
          : { fields: request.body ?? {}, files: [], problems: [] };
        return submitControlForm({
          form: followUpForm,
          body: upload.fields,
          lang,
          moreLabels: { evidence: evidenceLabel },
          targetOf: (field) => followUpInputId(field, actionId),
          run: (form) =>
            addFollowUp(db, {
              ...checking(request, deps),
              checkId: id,
              actionId,
              form,
              files: upload.files,
              // The upload's own problems (a file of an unaccepted type…) are the evidence input's.
              knownProblems: upload.problems.map((problem) => ({
                ...problem,
                field: problem.field === '' ? '' : 'evidence',
              })),
            }),
          done: () => reply.redirect(checkUrl(lang, id, 'followUp', actionAnchor(actionId)), 303),
          showAgain: async (form, shown) =>
            sendCheck(request, reply, deps, await loadCheck(deps, id, lang), {
              notice: null,
              followUpForm: { actionId, form },
              ...shown,
            }),
        });
      },
    );
  });

  controlForm(
    app,
    '/staff/checks/:id/actions/:actionId/close',
    { preHandler: secretariatOnly, params: ActionParams },
    async (request, reply, lang) => {
      const { id, actionId } = request.params;
      return submitControlForm({
        form: actionOnlyForm,
        body: request.body,
        lang,
        run: () => closeAction(db, { ...checking(request, deps), checkId: id, actionId }),
        done: () => reply.redirect(checkUrl(lang, id, 'closed', actionAnchor(actionId)), 303),
        showAgain: async (_values, shown) =>
          sendCheck(request, reply, deps, await loadCheck(deps, id, lang), { notice: null, ...shown }),
      });
    },
  );

  // Evidence files: every staff member who may read the check may open them.
  controlPage(
    app,
    '/staff/checks/:id/evidence/:evidenceId',
    { preHandler: anyStaff, params: EvidenceParams },
    async (request, reply, lang) => {
      const file = await readEvidence(db, request.params.id, request.params.evidenceId);
      if (!file) throw checkNotFound(lang);
      return sendEvidenceFile(reply, deps.files, file);
    },
  );

  // Removing a follow-up's evidence: a question page, then the removal.
  const removeEvidencePath = '/staff/checks/:id/evidence/:evidenceId/remove';
  controlPage(
    app,
    removeEvidencePath,
    { preHandler: writers, params: EvidenceParams },
    async (request, reply, lang) => {
      const check = await loadCheck(deps, request.params.id, lang);
      const found = findEvidence(check, request.params.evidenceId);
      if (!found) throw checkNotFound(lang);
      if (!mayRemoveEvidence(signedInStaff(request), found.action)) throw checkForbidden(lang);
      const unitNames = await unitNamesOf(db);
      const back = `${localePath(lang, checksPaths.check(check.id))}#${actionAnchor(found.action.id)}`;
      return sendControlPage(request, reply, {
        title: sharedText(lang, 'evidenceRemoveTitle'),
        crumbs: [
          listCrumb(lang),
          { text: checkTitle(lang, check, unitNames), href: checksPaths.check(check.id) },
        ],
        body: (
          <EvidenceRemovalPage
            lang={lang}
            name={found.file.fileName}
            cancel={text(lang, 'evidenceRemoveCancel')}
            action={localePath(lang, checksPaths.removeEvidence(check.id, found.file.id))}
            back={back}
            csrfToken={request.csrfToken}
            problems={FormProblems.none}
          />
        ),
      });
    },
  );
  controlForm(
    app,
    removeEvidencePath,
    { preHandler: writers, params: EvidenceParams },
    async (request, reply, lang) => {
      await removeEvidence(db, {
        ...checking(request, deps),
        checkId: request.params.id,
        evidenceId: request.params.evidenceId,
      });
      return reply.redirect(checkUrl(lang, request.params.id, 'evidenceRemoved'), 303);
    },
  );
}
