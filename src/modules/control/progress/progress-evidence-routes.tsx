import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { staffActorContext } from '../../../platform/auth/actor-context.ts';
import { signedInStaff } from '../../../platform/auth/require-staff.ts';
import { keepStaffPagesOutOfCaches } from '../../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { UuidParam } from '../../../platform/http/ids.ts';
import { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { localePath } from '../../../platform/web/i18n.ts';
import { submitControlForm } from '../shared/control-forms.ts';
import { sendControlPage, sendEvidenceFile } from '../shared/control-pages.ts';
import { controlForm, controlPage } from '../shared/control-routes.ts';
import { EvidenceRemovalPage } from '../shared/evidence-removal.tsx';
import { sharedText } from '../shared/shared-messages.ts';
import { unitNameIn, unitNamesOf } from '../shared/unit-names.ts';
import { type EvidenceSummary, findProgressEvidence, removeProgressEvidence } from './progress-evidence.ts';
import { removalForm } from './progress-forms.ts';
import { progressText as text } from './progress-messages.ts';
import { progressPaths } from './progress-paths.ts';
import { practicePagePath, progressWriters } from './progress-routes.tsx';
import { mayEnter } from './progress-rules.ts';
import { readProgressEvidence } from './progress-service.ts';

const EvidenceParams = Type.Object({ id: UuidParam });

/**
 * A progress entry's evidence: opening a file, and removing a file or a link (a question page, then the
 * removal; progress-evidence.ts says who and until when). Another unit's evidence is not found, as if it
 * did not exist.
 */
export async function progressEvidenceRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  keepStaffPagesOutOfCaches(app);
  const evidenceNotFound = (lang: FastifyRequest['lang']) => notFound(text(lang, 'notFound'));

  const sendRemove = async (
    request: FastifyRequest,
    reply: FastifyReply,
    evidence: EvidenceSummary,
    view: { problems: FormProblems; status: number },
  ) => {
    const lang = request.lang;
    const back = practicePagePath(evidence.year, evidence.unitCode, evidence.period, evidence.practiceId);
    return sendControlPage(request, reply, {
      title: sharedText(lang, 'evidenceRemoveTitle'),
      problems: view.problems,
      status: view.status,
      crumbs: [
        { text: unitNameIn(await unitNamesOf(db), evidence.unitCode, lang), href: localePath(lang, back) },
      ],
      body: (
        <EvidenceRemovalPage
          lang={lang}
          name={evidence.label}
          cancel={text(lang, 'evidenceRemoveCancel')}
          action={localePath(lang, progressPaths.removeEvidence(evidence.id))}
          back={localePath(lang, back)}
          csrfToken={request.csrfToken}
          problems={view.problems}
        />
      ),
    });
  };

  controlPage(
    app,
    '/staff/progress/evidence/:id/remove',
    { preHandler: progressWriters, params: EvidenceParams },
    async (request, reply, lang) => {
      const evidence = await findProgressEvidence(db, request.params.id, signedInStaff(request));
      if (!evidence) throw evidenceNotFound(lang);
      return sendRemove(request, reply, evidence, { problems: FormProblems.none, status: 200 });
    },
  );
  controlForm(
    app,
    '/staff/progress/evidence/:id/remove',
    { preHandler: progressWriters, params: EvidenceParams },
    async (request, reply, lang) =>
      submitControlForm({
        form: removalForm,
        body: request.body,
        lang,
        run: () =>
          removeProgressEvidence(db, {
            ...staffActorContext(request, deps),
            evidenceId: request.params.id,
          }),
        done: (removed) =>
          reply.redirect(
            localePath(
              lang,
              practicePagePath(removed.year, removed.unitCode, removed.period, removed.practiceId, 'removed'),
            ),
            303,
          ),
        showAgain: async (_values, shown) => {
          const evidence = await findProgressEvidence(db, request.params.id, signedInStaff(request));
          if (!evidence) throw evidenceNotFound(lang);
          return sendRemove(request, reply, evidence, shown);
        },
      }),
  );

  controlPage(
    app,
    '/staff/progress/evidence/:id',
    { preHandler: progressWriters, params: EvidenceParams },
    async (request, reply, lang) => {
      const file = await readProgressEvidence(db, request.params.id);
      // Only the unit's own editors and head, the secretariat and admins.
      if (!file || !mayEnter(signedInStaff(request), file.unitCode)) throw evidenceNotFound(lang);
      return sendEvidenceFile(reply, deps.files, file);
    },
  );
}
