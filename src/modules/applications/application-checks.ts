import type { FieldProblem } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { type OpenCaseInput, validateOpenCase } from '../cases/index.ts';
import type { FormField, ServiceVersionFacts } from '../catalogue/index.ts';
import { answerInput, answerOf, inputOfProblem, isBadDate } from './application-input.ts';
import { compactPhone, isMobileNumber } from './application-rules.ts';
import { applicationText as text } from './applications-messages.ts';

/**
 * Each page's problems, found by the case's own intake rules (validateOpenCase: the counter's and the API's
 * words) run over what the page asked, so a page says exactly what submitting would say about its answers —
 * every problem at once, before the applicant moves on.
 */

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An intake with nothing wrong but what the page gives (the rest is filled in to pass). */
function intakeOf(service: ServiceVersionFacts, lang: Lang, given: Partial<OpenCaseInput>): OpenCaseInput {
  return {
    serviceCode: service.code,
    channel: 'web',
    applicantType: 'person',
    applicantName: '-',
    applicantLang: lang,
    applicantEmail: 'someone@example.tw',
    consent: true,
    description: '-',
    formData: {},
    ...given,
  };
}

/** The problems of these inputs only, each at the input the page shows it (`formData.x` → `field.x`). */
function problemsAt(problems: readonly FieldProblem[], inputs: ReadonlySet<string>): FieldProblem[] {
  return problems
    .map((problem) => ({ ...problem, field: inputOfProblem(problem.field) }))
    .filter((problem) => inputs.has(problem.field));
}

export interface ApplicantValues {
  applicantType: string;
  applicantName: string;
  applicantCompany: string;
  applicantAddress: string;
  applicantPhone: string;
  consent: boolean;
}

/** Who is applying: a person or a company, the name, the company's name, a phone if the service asks one, consent. */
export function applicantProblems(
  values: ApplicantValues,
  service: ServiceVersionFacts,
  lang: Lang,
): FieldProblem[] {
  const phoneField = service.formFields.find((field) => field.id === 'contact-phone');
  const problems = validateOpenCase(
    intakeOf(service, lang, {
      applicantType: values.applicantType,
      applicantName: values.applicantName,
      applicantCompany: values.applicantType === 'company' ? values.applicantCompany : undefined,
      applicantAddress: values.applicantAddress,
      applicantPhone: values.applicantPhone,
      consent: values.consent,
      // The service's own phone question is answered by this page's phone (openCase fills it in); its
      // name question by the name, which has its own problems here.
      formData: phoneField?.isRequired ? { 'contact-phone': values.applicantPhone } : {},
    }),
    service,
    true,
    lang,
  ).filter(
    (problem) =>
      !(problem.field === 'applicantPhone' && problem.code === 'required') &&
      problem.field !== 'formData.applicant-name',
  );
  const found = problemsAt(
    problems,
    new Set([
      'applicantType',
      'applicantName',
      'applicantCompany',
      'applicantAddress',
      'applicantPhone',
      'consent',
    ]),
  );
  return found.map((problem) =>
    problem.field === 'applicantType' ? { ...problem, message: text(lang, 'typeUnknown') } : problem,
  );
}

export interface ContactValues {
  contactKind: string;
  email: string;
  mobile: string;
}

/** How to reach the applicant: an e-mail address or a mobile number, whichever was chosen. */
export function contactProblems(values: ContactValues, lang: Lang): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (values.contactKind === 'email') {
    const email = values.email.trim();
    if (email === '')
      problems.push({ field: 'email', code: 'required', message: text(lang, 'contactEmailRequired') });
    else if (!emailPattern.test(email) || email.length > 254)
      problems.push({ field: 'email', code: 'invalid', message: text(lang, 'contactEmailInvalid') });
  } else if (values.contactKind === 'mobile') {
    if (compactPhone(values.mobile) === '')
      problems.push({ field: 'mobile', code: 'required', message: text(lang, 'contactMobileRequired') });
    else if (!isMobileNumber(values.mobile))
      problems.push({ field: 'mobile', code: 'invalid', message: text(lang, 'contactMobileInvalid') });
  } else {
    problems.push({ field: 'contactKind', code: 'required', message: text(lang, 'contactKindRequired') });
  }
  return problems;
}

/**
 * One page of the service's questions (and, on the last, the description): required answers, numbers,
 * dates that exist, choices among the options, the place when the service needs one.
 */
export function answerProblems(
  answers: Readonly<Record<string, string>>,
  page: { fields: readonly FormField[]; asksDescription: boolean },
  service: ServiceVersionFacts,
  lang: Lang,
): FieldProblem[] {
  const formData: Record<string, string> = {};
  const inputs = new Set<string>();
  const dateProblems: FieldProblem[] = [];
  for (const field of page.fields) {
    if (field.type === 'location') {
      inputs.add('address');
      continue;
    }
    const input = answerInput(field.id);
    inputs.add(input);
    const typed = answers[input] ?? '';
    if (isBadDate(field, typed)) {
      const label = lang === 'en' ? field.labelEn : field.labelZh;
      dateProblems.push({ field: input, code: 'not_date', message: text(lang, 'dateInvalid', { label }) });
      continue;
    }
    formData[field.id] = answerOf(field, typed);
  }
  if (page.asksDescription) inputs.add('description');
  const problems = validateOpenCase(
    intakeOf(service, lang, {
      formData,
      address: answers.address ?? '',
      description: page.asksDescription
        ? (answers.description ?? '').trim() || (service.kind === 'petition' ? '' : '-')
        : '-',
    }),
    service,
    true,
    lang,
  );
  // A date already refused above is not also "required".
  const refused = new Set(dateProblems.map((problem) => problem.field));
  return [...problemsAt(problems, inputs).filter((problem) => !refused.has(problem.field)), ...dateProblems];
}
