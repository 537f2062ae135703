import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/http/app-types.ts';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { unitNameIn } from '../../platform/reference/unit-names.ts';
import { unitsNow } from '../../platform/reference/units-now.ts';
import { FormProblems } from '../../platform/web/components/form-problems.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { sendPageOf } from '../../platform/web/layout.tsx';
import { cases, computeFee, trackUrlOf } from '../cases/index.ts';
import { deadlineText, formFieldWords } from '../catalogue/index.ts';
import { type DraftFileRow, listDraftFiles } from './application-drafts.ts';
import {
  answerInput,
  answerText,
  fileInput,
  inputOfProblem,
  stepOfInput,
  toOpenCaseInput,
} from './application-input.ts';
import { type OpenDraft, sendDraftGone, serviceNameOf, stepHref } from './application-journey.tsx';
import { answerPages, uploadItems } from './application-rules.ts';
import { applicationText as text } from './applications-messages.ts';
import { CheckPage, type CheckSection, DonePage, type FeeLineView } from './views/apply-check-pages.tsx';
import { twd } from './views/apply-start-pages.tsx';

/** Check your answers (and the problems that stop the submission), and the confirmation once sent. */

/**
 * The required documents not uploaded: openCase does not know them, so they are listed with its problems.
 * `files`: the draft's documents as listDraftFiles gives them (the caller has them already).
 */
export function submitProblems(
  open: OpenDraft,
  files: readonly Pick<DraftFileRow, 'checklistItemId'>[],
  lang: Lang,
): FieldProblem[] {
  return uploadItems(open.service)
    .filter((item) => item.isRequired && !files.some((file) => file.checklistItemId === item.id))
    .map((item) => ({
      field: fileInput(item.id),
      code: 'required',
      message: text(lang, 'documentsMissing', { item: lang === 'en' ? item.labelEn : item.labelZh }),
    }));
}

export async function showCheck(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  open: OpenDraft,
  problems: readonly FieldProblem[],
): Promise<FastifyReply> {
  const lang = request.lang;
  const { draft, service, token } = open;
  const answers = draft.answers;
  const files = await listDraftFiles(deps.db, draft.id);
  const notGiven = text(lang, 'checkNoAnswer');
  const shown = (value: string | undefined) =>
    value === undefined || value.trim() === '' ? notGiven : value;
  const sections: CheckSection[] = [
    {
      step: 'applicant',
      title: text(lang, 'checkApplicant'),
      changeHref: stepHref(lang, token, 'applicant'),
      rows: [
        {
          key: text(lang, 'applicantTypeLegend'),
          value: text(
            lang,
            answers.applicantType === 'company' ? 'applicantTypeCompany' : 'applicantTypePerson',
          ),
        },
        { key: text(lang, 'applicantName'), value: shown(answers.applicantName) },
        ...(answers.applicantType === 'company'
          ? [{ key: text(lang, 'applicantCompany'), value: shown(answers.applicantCompany) }]
          : []),
        { key: text(lang, 'applicantAddress'), value: shown(answers.applicantAddress) },
        { key: text(lang, 'applicantPhone'), value: shown(answers.applicantPhone) },
      ],
    },
    {
      step: 'contact',
      title: text(lang, 'checkContact'),
      changeHref: stepHref(lang, token, 'contact'),
      rows: [
        {
          key: text(lang, draft.contactKind === 'mobile' ? 'contactMobile' : 'contactEmail'),
          value: shown(draft.contact ?? undefined),
        },
      ],
    },
    ...answerPages(service).map((fields, index): CheckSection => {
      const isLast = index === answerPages(service).length - 1;
      const description = (answers.description ?? '').trim();
      return {
        step: `answers-${index + 1}`,
        title:
          answerPages(service).length === 1
            ? text(lang, 'checkAnswers')
            : `${text(lang, 'checkAnswers')}（${index + 1}）`,
        changeHref: stepHref(lang, token, `answers-${index + 1}`),
        rows: [
          ...fields.map((field) => ({
            key: formFieldWords(field, lang).label,
            value: shown(
              field.type === 'location'
                ? answers.address
                : answerText(field, answers[answerInput(field.id)] ?? '', lang),
            ),
          })),
          ...(isLast && (description !== '' || service.kind === 'petition')
            ? [
                {
                  key: text(
                    lang,
                    service.kind === 'petition' ? 'descriptionPetition' : 'descriptionApplication',
                  ),
                  value: shown(description),
                },
              ]
            : []),
        ],
      };
    }),
    ...(uploadItems(service).length === 0
      ? []
      : [
          {
            step: 'documents',
            title: text(lang, 'checkDocuments'),
            changeHref: stepHref(lang, token, 'documents'),
            rows: uploadItems(service).map((item) => ({
              key: lang === 'en' ? item.labelEn : item.labelZh,
              value:
                files.find((file) => file.checklistItemId === item.id)?.fileName ?? text(lang, 'checkNoFile'),
            })),
          },
        ]),
  ];
  const formData = toOpenCaseInput(draft, service, []).formData ?? {};
  const fee = computeFee(service.fees, formData);
  const feeLines: FeeLineView[] = fee.lines.map((line) => ({
    label: lang === 'en' ? line.labelEn : line.labelZh,
    amountTwd: line.amountTwd,
    detail: line.quantity === 1 ? null : `${twd(line.unitAmountTwd)} × ${line.quantity}`,
  }));
  // Each problem points at the section of the page that asked it, whose "change" link goes there.
  const pageProblems = FormProblems.of(
    problems.map((problem) => ({
      target: problem.field === '' ? '' : `check-${stepOfInput(inputOfProblem(problem.field), service)}`,
      message: problem.message,
    })),
  );
  return sendPageOf(request, reply, {
    title: text(lang, 'checkTitle'),
    status: pageProblems.hasAny ? 400 : 200,
    hasError: pageProblems.hasAny,
    body: (
      <CheckPage
        lang={lang}
        csrfToken={request.csrfToken}
        serviceName={serviceNameOf(service, lang)}
        action={stepHref(lang, token, 'check')}
        backHref={stepHref(lang, token, open.steps.at(-2) ?? 'applicant')}
        sections={sections}
        fee={{ lines: feeLines, totalTwd: fee.amountTwd }}
        problems={pageProblems}
      />
    ),
  });
}

/** The confirmation of a sent draft: its case's number, lookup code, unit and expected date, the track link. */
export async function showDone(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  open: OpenDraft,
): Promise<FastifyReply> {
  const lang = request.lang;
  const caseId = open.draft.caseId;
  if (caseId === null) return sendDraftGone(request, reply);
  // The case as the applicant sees it on /track (the cases module's table, read through its public surface).
  const [row] = await deps.db
    .select({
      caseNumber: cases.caseNumber,
      lookupCode: cases.lookupCode,
      unitCode: cases.unitCode,
      applicantLang: cases.applicantLang,
      applicantEmail: cases.applicantEmail,
      applicantPhone: cases.applicantPhone,
      expectedCompletionDate: cases.expectedCompletionDate,
      deadlineRule: cases.deadlineRule,
      feeAmountTwd: cases.feeAmountTwd,
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (row === undefined) return sendDraftGone(request, reply);
  const unitName = unitNameIn(await unitsNow(deps.db), row.unitCode, lang);
  const trackUrl = new URL(trackUrlOf(deps.config.publicBaseUrl, { ...row, applicantLang: lang }));
  return sendPageOf(request, reply, {
    title: text(lang, 'doneTitle'),
    body: (
      <DonePage
        lang={lang}
        caseNumber={row.caseNumber}
        lookupCode={row.lookupCode}
        unitName={unitName}
        deadlineWords={deadlineText(row.deadlineRule, lang)}
        expectedCompletionDate={row.expectedCompletionDate}
        contact={row.applicantEmail ?? row.applicantPhone}
        owesFee={row.feeAmountTwd > 0}
        trackHref={`${trackUrl.pathname}${trackUrl.search}`}
      />
    ),
  });
}
