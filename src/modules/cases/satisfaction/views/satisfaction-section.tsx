import { Button, Radios, TextArea } from '../../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { ApplicantKeyFields } from '../../track/views/track-form.tsx';
import { satisfactionText as text } from '../satisfaction-messages.ts';
import { satisfactionPaths } from '../satisfaction-paths.ts';
import { commentMaxLength, type SatisfactionOffer, satisfactionScores } from '../satisfaction-rules.ts';

export interface SatisfactionSectionView {
  lang: Lang;
  offer: SatisfactionOffer;
  csrfToken: string;
  caseNumber: string;
  lookupCode: string;
  /** What was sent, when the form comes back with a problem. */
  values: { score: string; comment: string };
  problems: FormProblems;
}

/**
 * On /track for a closed case (the closing e-mail links here, #satisfaction): the one question and a
 * comment, or thanks once answered. Nothing for a case that is not closed.
 */
export function SatisfactionSection(props: SatisfactionSectionView) {
  const { lang, problems } = props;
  if (props.offer === 'none') return null;
  if (props.offer === 'thanks')
    return (
      <section id="satisfaction" aria-labelledby="satisfaction-heading" data-satisfaction="answered">
        <h2 class="govuk-heading-m" id="satisfaction-heading">
          {text(lang, 'thanksHeading')}
        </h2>
        <p class="govuk-body">{text(lang, 'thanks')}</p>
      </section>
    );
  return (
    <section id="satisfaction" aria-labelledby="satisfaction-heading" data-satisfaction="ask">
      <h2 class="govuk-heading-m" id="satisfaction-heading">
        {text(lang, 'heading')}
      </h2>
      <p class="govuk-body">{text(lang, 'lead')}</p>
      <form method="post" action={localePath(lang, satisfactionPaths.answer)} novalidate>
        <ApplicantKeyFields
          csrfToken={props.csrfToken}
          caseNumber={props.caseNumber}
          lookupCode={props.lookupCode}
        />
        <Radios
          lang={lang}
          name="score"
          legend={text(lang, 'scoreLegend')}
          value={props.values.score}
          problems={problems}
          choices={satisfactionScores.map((score) => ({ value: score, label: text(lang, `score${score}`) }))}
        />
        <TextArea
          lang={lang}
          name="comment"
          label={text(lang, 'commentLabel')}
          hint={text(lang, 'commentHint')}
          maxLength={commentMaxLength}
          isOptional
          value={props.values.comment}
          problems={problems}
          rows={4}
        />
        <Button isSecondary>{text(lang, 'send')}</Button>
      </form>
    </section>
  );
}
