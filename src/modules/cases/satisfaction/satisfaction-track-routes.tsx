import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { keepPagesPrivate } from '../../../platform/http/security-headers.ts';
import { postedForm, readForm } from '../../../platform/web/components/read-form.ts';
import { forEachLanguage } from '../../../platform/web/i18n.ts';
import { checkRequestAccess } from '../track/track-access.ts';
import { showRefusal, showResult } from '../track/track-pages.tsx';
import { satisfactionForm } from './satisfaction-form.ts';
import { satisfactionText } from './satisfaction-messages.ts';
import { satisfactionPaths } from './satisfaction-paths.ts';
import { answerSatisfaction } from './satisfaction-service.ts';

/**
 * The applicant's answer from /track (the closing e-mail's link opens the page at #satisfaction): the case
 * number and lookup code checked like a look-up (limits, lockout, the same answer for an unknown number and
 * a wrong code), then the form's problems (400, in the reader's language, what was typed kept), then the
 * answer — a second one refused kindly (409, the first kept), as is one for a case not closed.
 */
export async function satisfactionTrackRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  // As every /track answer: it holds the lookup code and masked personal data.
  keepPagesPrivate(app);

  forEachLanguage(satisfactionPaths.answer, (url, lang) => {
    app.post(url, { schema: { hide: true, body: postedForm } }, async (request, reply) => {
      const { values, problems } = readForm(satisfactionForm, request.body, lang);
      const key = { caseNumber: values.caseNumber, lookupCode: values.lookupCode };
      const access = await checkRequestAccess(request, deps, key, { lang });
      if (access.kind !== 'found') return showRefusal(request, reply, key, access);
      const shown = {
        caseId: access.caseId,
        key,
        satisfaction: { score: values.score, comment: values.comment },
      };
      if (problems.length > 0) return showResult(request, reply, deps, { ...shown, problems, status: 400 });
      const outcome = await answerSatisfaction(deps.db, {
        caseId: access.caseId,
        score: Number(values.score),
        comment: values.comment,
        now: deps.clock.now(),
      });
      if (outcome !== 'answered') {
        const problem: FieldProblem = {
          field: '',
          code: outcome,
          message: satisfactionText(lang, outcome === 'already_answered' ? 'alreadyAnswered' : 'notClosed'),
        };
        return showResult(request, reply, deps, { ...shown, problems: [problem], status: 409 });
      }
      return showResult(request, reply, deps, {
        caseId: access.caseId,
        key,
        done: satisfactionText(lang, 'answered'),
      });
    });
  });
}
