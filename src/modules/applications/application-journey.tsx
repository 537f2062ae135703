import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/http/app-types.ts';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { FormProblems, problemsOnPage } from '../../platform/web/components/form-problems.ts';
import type { Words } from '../../platform/web/components/read-form.ts';
import { type Lang, localePath } from '../../platform/web/i18n.ts';
import { sendPageOf } from '../../platform/web/layout.tsx';
import { getServiceVersion, type ServiceVersionFacts } from '../catalogue/index.ts';
import { type DraftRow, findDraft } from './application-drafts.ts';
import { isResumeToken, resumeStep, type StepId, stepsOf } from './application-rules.ts';
import { applicationText as text } from './applications-messages.ts';
import { applicationPaths } from './applications-paths.ts';
import { DraftGonePage } from './views/apply-check-pages.tsx';
import type { StepView } from './views/apply-contact-pages.tsx';

/** What the two route files of the journey share: the page frame, the draft a link opens, its steps. */

/** An unknown or expired link: 404, saying how to start again. */
export function sendDraftGone(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const lang = request.lang;
  return sendPageOf(request, reply, {
    title: text(lang, 'goneTitle'),
    status: 404,
    body: <DraftGonePage lang={lang} title={text(lang, 'goneTitle')} body={text(lang, 'goneBody')} />,
  });
}

/** A draft as its pages use it: the row, the service version it was started under, its pages. */
export interface OpenDraft {
  token: string;
  draft: DraftRow;
  service: ServiceVersionFacts;
  steps: StepId[];
  now: Date;
}

export async function openDraft(deps: AppDeps, token: string): Promise<OpenDraft | null> {
  if (!isResumeToken(token)) return null;
  const now = deps.clock.now();
  const draft = await findDraft(deps.db, token, now);
  if (draft === null) return null;
  const service = await getServiceVersion(deps.db, draft.serviceCode, draft.serviceVersion);
  if (service === null) return null;
  return { token, draft, service, steps: stepsOf(service), now };
}

export function serviceNameOf(service: Pick<ServiceVersionFacts, 'nameZh' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' ? service.nameEn : service.nameZh;
}

/** A page of the draft, in this language. */
export function stepHref(lang: Lang, token: string, step: string): string {
  return localePath(lang, applicationPaths.step(token, step));
}

/** The first page not completed (the contact, once its proof has expired). */
export function resumeOf(open: OpenDraft): StepId {
  return resumeStep(open.steps, open.draft.completedSteps, open.draft.contactVerifiedAt, open.now);
}

/** Where a saved page goes: the next page, or back to check-your-answers once everything was answered. */
export function afterSaving(open: OpenDraft, step: StepId, completed: readonly string[]): StepId {
  const first = resumeStep(open.steps, completed, open.draft.contactVerifiedAt, open.now);
  const index = open.steps.indexOf(step);
  return open.steps.indexOf(first) > index + 1 ? first : (open.steps[index + 1] ?? 'check');
}

/** The frame of a step page: its number among the draft's pages, the way back, the form's action. */
export function stepViewOf(
  request: FastifyRequest,
  open: OpenDraft,
  step: StepId,
  options: {
    problems?: FormProblems;
    notice?: string | null;
    action?: string;
    backHref?: string;
  } = {},
): StepView {
  const lang = request.lang;
  const index = Math.max(0, open.steps.indexOf(step));
  const previous = open.steps[index - 1];
  return {
    lang,
    csrfToken: request.csrfToken,
    serviceName: serviceNameOf(open.service, lang),
    step: index + 1,
    steps: open.steps.length,
    action: options.action ?? stepHref(lang, open.token, step),
    backHref:
      options.backHref ??
      (previous === undefined
        ? localePath(lang, applicationPaths.start(open.service.code))
        : stepHref(lang, open.token, previous)),
    problems: options.problems ?? FormProblems.none,
    notice: options.notice ?? null,
  };
}

/** The problems as a page shows them: each at its input, the summary naming the field, in page order. */
export function pageProblems(
  problems: readonly FieldProblem[],
  options: { lang: Lang; labels: Readonly<Record<string, Words>>; order: readonly string[] },
): FormProblems {
  const labels = Object.fromEntries(
    Object.entries(options.labels).map(([name, words]) => [name, words[options.lang]]),
  );
  return problemsOnPage(problems, { lang: options.lang, labels, order: options.order });
}
