import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { AppDeps } from '../../../platform/http/app-types.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { unitsNow } from '../../../platform/reference/units-now.ts';
import { FormProblems, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { formatPageDate } from '../../../platform/web/format-date.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { sendPageOf } from '../../../platform/web/layout.tsx';
import { findSitePage, sitePageOptions } from '../../../platform/web/site-pages.ts';
import { waitText } from '../../../platform/web/wait-text.ts';
import { normaliseLookupCode } from '../core/case-number.ts';
import { type CaseDetail, getCaseDetail } from '../core/case-queries.ts';
import { unitContact } from '../core/case-reference-cache.ts';
import { endOfMergeChain } from '../core/merge-chain.ts';
import type { CaseState } from '../core/workflows.ts';
import { issuedNoticeOf, sentNoticesOf } from '../deficiency/deficiency-queries.ts';
import { TrackNotices } from '../deficiency/views/track-notice-section.tsx';
import { feeFactsOf } from '../payment/payment-presenters.ts';
import { TrackFeeSection } from '../payment/views/fee-parts.tsx';
import { satisfactionOffer } from '../satisfaction/satisfaction-rules.ts';
import { hasAnswered } from '../satisfaction/satisfaction-service.ts';
import { SatisfactionSection } from '../satisfaction/views/satisfaction-section.tsx';
import { applicantActions } from './applicant-actions.ts';
import { type PublicCaseView, publicCaseView } from './case-public-view.ts';
import type { ApplicantAccess } from './track-access.ts';
import { trackText } from './track-messages.ts';
import { TrackFormPage } from './views/track-form.tsx';
import { TrackResultPage } from './views/track-result.tsx';

/** The look-up's pages: the form (again, saying why), and a case's public view with the applicant's forms. */

export type Refusal = Exclude<ApplicantAccess, { kind: 'found' }>;

export interface ApplicantKey {
  caseNumber: string;
  lookupCode: string;
}

const page = findSitePage('track');

function sendTrackPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { title: string; hasError: boolean; status: number; body: ComponentChildren },
): FastifyReply {
  return sendPageOf(request, reply, { ...sitePageOptions(page, request.lang), ...options });
}

export function showLookUpForm(
  request: FastifyRequest,
  reply: FastifyReply,
  form: ApplicantKey & {
    problems: readonly FieldProblem[];
    status: number;
    offersLink?: boolean;
    notice?: string | null;
  },
): FastifyReply {
  const lang = request.lang;
  const problems = problemsOnPage(form.problems, { lang });
  return sendTrackPage(request, reply, {
    title: page.title[lang],
    hasError: problems.hasAny,
    status: form.status,
    body: (
      <TrackFormPage
        lang={lang}
        csrfToken={request.csrfToken}
        caseNumber={form.caseNumber}
        lookupCode={form.lookupCode}
        problems={problems}
        offersLink={form.offersLink === true}
        notice={form.notice ?? null}
      />
    ),
  });
}

/** The form again, saying why: the same words and status for an unknown number and a wrong code. */
export function showRefusal(
  request: FastifyRequest,
  reply: FastifyReply,
  key: ApplicantKey,
  refusal: Refusal,
): FastifyReply {
  const lang = request.lang;
  const again = (problems: FieldProblem[], status: number, offersLink = false) =>
    showLookUpForm(request, reply, { ...key, problems, status, offersLink });
  switch (refusal.kind) {
    case 'problems':
      return again(refusal.problems, 400);
    case 'not-found':
      return again([{ field: 'caseNumber', code: 'not_found', message: trackText(lang, 'notFound') }], 404);
    case 'locked': {
      reply.header('retry-after', String(refusal.retryAfterSeconds));
      const wait = waitText(lang, refusal.retryAfterSeconds);
      return again(
        [{ field: 'caseNumber', code: 'locked', message: trackText(lang, 'lockedOut', { wait }) }],
        429,
        true,
      );
    }
    case 'rate-limited': {
      reply.header('retry-after', String(refusal.retryAfterSeconds));
      const seconds = refusal.retryAfterSeconds;
      return again(
        [{ field: '', code: 'rate_limited', message: trackText(lang, 'rateLimited', { seconds }) }],
        429,
      );
    }
  }
}

/** A case as the applicant may see it, and its row (for the actions): null when it is gone. */
export async function loadPublicView(
  deps: AppDeps,
  caseId: string,
  lang: Lang,
  now: Date,
): Promise<{ detail: CaseDetail; view: PublicCaseView } | null> {
  const detail = await getCaseDetail(deps.db, caseId, now);
  if (detail === null) return null;
  // A merged case points to the case it is now handled as: the end of its chain (A → B → C: C).
  const end = detail.row.mergedIntoId === null ? null : await endOfMergeChain(deps.db, caseId);
  const mergedInto =
    end === null || end.id === caseId ? null : { caseNumber: end.caseNumber, state: end.state as CaseState };
  // Waiting for a supplement: how to deliver it (the unit's contacts), online where a notice offers it.
  const unit =
    detail.row.state === 'awaiting_supplement' ? await unitContact(deps.db, detail.row.unitCode) : null;
  const supplement =
    unit === null ? null : { isOnline: (await issuedNoticeOf(deps.db, caseId)) !== null, unit };
  // The timeline names the unit at each step as the table has it now (an admin may have renamed it).
  const units = await unitsNow(deps.db);
  return { detail, view: publicCaseView(detail, detail.attachments, lang, mergedInto, supplement, units) };
}

export async function showResult(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  result: {
    caseId: string;
    key: ApplicantKey;
    problems?: readonly FieldProblem[];
    done?: string | null;
    reopenReason?: string;
    /** What the satisfaction form had, when it is shown again with a problem. */
    satisfaction?: { score: string; comment: string };
    status?: number;
  },
): Promise<FastifyReply> {
  const lang = request.lang;
  const now = deps.clock.now();
  const loaded = await loadPublicView(deps, result.caseId, lang, now);
  if (loaded === null) return showRefusal(request, reply, result.key, { kind: 'not-found' });
  const problems =
    result.problems === undefined ? FormProblems.none : problemsOnPage(result.problems, { lang });
  return sendTrackPage(request, reply, {
    title: trackText(lang, 'resultTitle', { caseNumber: loaded.view.caseNumber }),
    hasError: problems.hasAny,
    status: result.status ?? 200,
    body: (
      <TrackResultPage
        lang={lang}
        csrfToken={request.csrfToken}
        view={loaded.view}
        caseNumber={loaded.view.caseNumber}
        lookupCode={normaliseLookupCode(result.key.lookupCode)}
        version={loaded.detail.row.version}
        actions={applicantActions(loaded.detail, { now, reopenDays: deps.config.caseReopenDays, lang })}
        problems={problems}
        done={result.done ?? null}
        reopenReason={result.reopenReason ?? ''}
        formatDate={(isoDate) => formatPageDate(lang, isoDate)}
        payment={
          <TrackFeeSection
            lang={lang}
            csrfToken={request.csrfToken}
            lookupCode={normaliseLookupCode(result.key.lookupCode)}
            fee={feeFactsOf(loaded.detail.row)}
            formatDate={(isoDate) => formatPageDate(lang, isoDate)}
          />
        }
        deficiency={
          <TrackNotices
            lang={lang}
            isWaiting={loaded.detail.row.state === 'awaiting_supplement'}
            notices={await sentNoticesOf(deps.db, result.caseId)}
            caseNumber={loaded.view.caseNumber}
            lookupCode={normaliseLookupCode(result.key.lookupCode)}
          />
        }
        satisfaction={
          <SatisfactionSection
            lang={lang}
            offer={satisfactionOffer(loaded.detail.row.state, await hasAnswered(deps.db, result.caseId))}
            csrfToken={request.csrfToken}
            caseNumber={loaded.view.caseNumber}
            lookupCode={normaliseLookupCode(result.key.lookupCode)}
            values={result.satisfaction ?? { score: '', comment: '' }}
            problems={problems}
          />
        }
      />
    ),
  });
}
