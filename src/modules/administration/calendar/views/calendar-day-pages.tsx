import type { Static } from 'typebox';
import type { DayProposal } from '../../../../platform/calendar/calendar-admin-service.ts';
import { Radios, TextArea, TextInput } from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { SummaryList } from '../../../../platform/web/components/summary-list.tsx';
import { formatPageDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import type { DeadlinePreview } from '../../../cases/index.ts';
import { administrationPaths } from '../../administration-paths.ts';
import { declareDayForm, scopeWords } from '../calendar-forms.ts';
import { calendarText as text } from '../calendar-messages.ts';
import { DeadlineMoves, HiddenValues, WarningText } from './calendar-change-parts.tsx';

export type DeclareDayValues = Static<typeof declareDayForm.schema>;

export interface DeclareDayPageProps {
  lang: Lang;
  csrfToken: string;
  calendarRegion: string;
  values: DeclareDayValues;
  problems: FormProblems;
}

/** The declaration's form: date, closed or open, where, and why. Posts to its preview. */
export function DeclareDayPage({ lang, csrfToken, calendarRegion, values, problems }: DeclareDayPageProps) {
  const control = textControls(declareDayForm, { lang, values, problems });
  return (
    <FormPage lang={lang} problems={problems} title={text(lang, 'dayTitle')} lead={text(lang, 'dayLead')}>
      <PostForm
        action={localePath(lang, administrationPaths.calendarDay)}
        csrfToken={csrfToken}
        submit={text(lang, 'previewButton')}
      >
        <input type="hidden" name="step" value="preview" />
        <TextInput {...control('date')} hint={text(lang, 'dateHint')} widthClass="govuk-input--width-10" />
        <Radios
          lang={lang}
          name="state"
          legend={text(lang, 'stateLabel')}
          value={values.state}
          problems={problems}
          choices={[
            { value: 'closed', label: text(lang, 'stateClosed') },
            { value: 'open', label: text(lang, 'stateOpen') },
          ]}
        />
        <Radios
          lang={lang}
          name="scope"
          legend={text(lang, 'scopeLabel')}
          hint={text(lang, 'scopeHint')}
          value={values.scope}
          problems={problems}
          choices={[
            { value: 'region', label: text(lang, 'scopeRegionChoice', { region: calendarRegion }) },
            { value: 'everywhere', label: text(lang, 'scopeEverywhereChoice') },
          ]}
        />
        <TextArea {...control('reason')} hint={text(lang, 'reasonHint')} />
      </PostForm>
    </FormPage>
  );
}

export interface DeclarePreviewPageProps {
  lang: Lang;
  csrfToken: string;
  calendarRegion: string;
  values: DeclareDayValues;
  proposal: DayProposal;
  preview: DeadlinePreview;
}

/** What confirming the declaration changes: the day before and after, and the open deadlines it moves. */
export function DeclarePreviewPage(props: DeclarePreviewPageProps) {
  const { lang, proposal } = props;
  const state = (isClosed: boolean) => text(lang, isClosed ? 'closedState' : 'openState');
  const carried = {
    date: proposal.date,
    state: proposal.isHoliday ? 'closed' : 'open',
    scope: proposal.region === null ? 'everywhere' : 'region',
    reason: proposal.reason,
  };
  const action = localePath(lang, administrationPaths.calendarDay);
  return (
    <FormPage
      lang={lang}
      problems={FormProblems.none}
      title={text(lang, 'previewTitle', {
        date: formatPageDate(lang, proposal.date),
        state: state(proposal.isHoliday),
      })}
      lead={text(lang, 'previewLead')}
    >
      <SummaryList
        rows={[
          { key: text(lang, 'summaryDate'), value: formatPageDate(lang, proposal.date) },
          { key: text(lang, 'summaryScope'), value: scopeWords(lang, proposal.region, props.calendarRegion) },
          { key: text(lang, 'summaryBefore'), value: state(proposal.wasClosed), id: 'state-before' },
          { key: text(lang, 'summaryAfter'), value: state(proposal.isHoliday), id: 'state-after' },
          { key: text(lang, 'summaryReason'), value: proposal.reason },
          proposal.description === ''
            ? null
            : { key: text(lang, 'summaryDescription'), value: proposal.description },
        ]}
      />
      {proposal.isPast ? <WarningText lang={lang}>{text(lang, 'pastWarning')}</WarningText> : null}
      {proposal.affectsCases ? null : <WarningText lang={lang}>{text(lang, 'notCasesWarning')}</WarningText>}
      <DeadlineMoves lang={lang} preview={props.preview} />
      <PostForm
        action={action}
        csrfToken={props.csrfToken}
        submit={text(lang, 'confirmButton')}
        preventsDoubleClick
      >
        <HiddenValues values={{ ...carried, step: 'confirm' }} />
      </PostForm>
      <PostForm action={action} csrfToken={props.csrfToken} submit={text(lang, 'changeButton')} isSecondary>
        <HiddenValues values={{ ...carried, step: 'edit' }} />
      </PostForm>
    </FormPage>
  );
}
