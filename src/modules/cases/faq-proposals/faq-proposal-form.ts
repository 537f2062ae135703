import { Type } from 'typebox';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import { defineForm, field } from '../../../platform/web/components/read-form.ts';
import { faqProposalText } from './faq-proposal-messages.ts';

/** The proposal: the question and the answer as rewritten for everyone, and the handler's confirmation. */
export const faqProposalForm = defineForm(
  Type.Object({
    question: field.text({ maxLength: fieldLimits.longText, isRequired: true }),
    answer: field.text({ maxLength: fieldLimits.longText, isRequired: true }),
    confirm: field.tick({ isRequired: true }),
  }),
  {
    question: { 'zh-TW': faqProposalText('zh-TW', 'question'), en: faqProposalText('en', 'question') },
    answer: { 'zh-TW': faqProposalText('zh-TW', 'answer'), en: faqProposalText('en', 'answer') },
    confirm: { 'zh-TW': faqProposalText('zh-TW', 'confirm'), en: faqProposalText('en', 'confirm') },
  },
);

/** What the form starts with: the case's question (subject and description) and its answer. */
export function proposalDraftOf(facts: {
  subject: string;
  description: string;
  resolution: string | null;
  latestPublicNote: string | null;
}): { question: string; answer: string } {
  const question = [facts.subject.trim(), facts.description.trim()]
    .filter((part, index, parts) => part !== '' && parts.indexOf(part) === index)
    .join('\n\n');
  const answer = (facts.resolution ?? '').trim() || (facts.latestPublicNote ?? '').trim();
  return { question, answer };
}
