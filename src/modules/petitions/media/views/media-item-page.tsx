import type { UnitsByCode } from '../../../../platform/reference/unit-names.ts';
import {
  ErrorSummary,
  Radios,
  SuccessBanner,
  TextArea,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import { PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { SummaryList } from '../../../../platform/web/components/summary-list.tsx';
import { formatPageDateTime } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import {
  type ClarificationValues,
  clarificationForm,
  type FactCheckValues,
  factCheckForm,
} from '../media-form.ts';
import { mediaText as text } from '../media-messages.ts';
import { mediaPaths } from '../media-paths.ts';
import { clarificationKinds, mediaStateOf } from '../media-rules.ts';
import type { MediaItem } from '../media-service.ts';
import {
  clarificationKindName,
  factCheckText,
  Paragraphs,
  publishedText,
  StateTag,
  toneName,
  unitName,
} from './media-parts.tsx';

export interface MediaItemPageProps {
  lang: Lang;
  csrfToken: string;
  item: MediaItem;
  now: Date;
  successMessage: string | null;
  /** The asked unit's supervisors and handlers write the fact-check note. */
  mayRecordFactCheck: boolean;
  /** The secretariat, admins and the asked unit record the clarification. */
  mayRecordClarification: boolean;
  factCheck: { values: FactCheckValues; problems: FormProblems };
  clarification: { values: ClarificationValues; problems: FormProblems };
  /** The units as the table has them (units-now.ts). */
  units: UnitsByCode;
}

function ExternalLink({ href }: { href: string }) {
  return (
    <a class="govuk-link govuk-link--no-visited-state" href={href} rel="noopener noreferrer">
      {href}
    </a>
  );
}

/** One item: what was reported, the fact-check and its note, the clarification; the forms of who may answer. */
export function MediaItemPage(props: MediaItemPageProps) {
  const { lang, item } = props;
  const noteControl = textControls(factCheckForm, {
    lang,
    values: props.factCheck.values,
    problems: props.factCheck.problems,
  });
  const clarificationControl = textControls(clarificationForm, {
    lang,
    values: props.clarification.values,
    problems: props.clarification.problems,
  });
  const problems = props.factCheck.problems.concat(props.clarification.problems);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary lang={lang} problems={problems} />
        <SuccessBanner lang={lang} message={props.successMessage} />
        <span class="govuk-caption-l">{text(lang, 'itemCaption')}</span>
        <h1 class="govuk-heading-l">{item.title}</h1>
        <p class="govuk-body">
          <StateTag lang={lang} state={mediaStateOf(item, props.now)} />
        </p>
        <SummaryList
          rows={[
            { key: text(lang, 'outletLabel'), value: item.outlet },
            item.url === null
              ? null
              : { key: text(lang, 'urlLabel'), value: <ExternalLink href={item.url} /> },
            { key: text(lang, 'publishedOnLabel'), value: publishedText(lang, item.publishedOn) },
            { key: text(lang, 'toneLabel'), value: toneName(lang, item.tone) },
            {
              key: text(lang, 'unitsConcerned'),
              value:
                item.unitCodes.length === 0
                  ? text(lang, 'unitsNone')
                  : item.unitCodes
                      .map((code) => unitName(lang, code, props.units))
                      .join(lang === 'en' ? ', ' : '、'),
            },
            { key: text(lang, 'summaryLabel'), value: <Paragraphs value={item.summary} /> },
            { key: text(lang, 'recordedAt'), value: formatPageDateTime(lang, item.createdAt) },
            {
              key: text(lang, 'factCheck'),
              value: factCheckText(lang, item, props.units),
              id: 'media-fact-check',
            },
            item.factCheckUnit === null
              ? null
              : {
                  key: text(lang, 'factCheckNoteRow'),
                  value:
                    item.factCheckNote === null ? (
                      text(lang, 'noNoteYet')
                    ) : (
                      <Paragraphs value={item.factCheckNote} />
                    ),
                  id: 'media-note',
                },
            {
              key: text(lang, 'clarification'),
              id: 'media-clarification',
              value:
                item.clarifiedAt === null || item.clarificationKind === null ? (
                  text(lang, 'notClarified')
                ) : (
                  <>
                    {text(lang, 'clarifiedAs', {
                      kind: clarificationKindName(lang, item.clarificationKind),
                      at: formatPageDateTime(lang, item.clarifiedAt),
                    })}
                    {item.clarificationUrl === null ? null : (
                      <>
                        <br />
                        <ExternalLink href={item.clarificationUrl} />
                      </>
                    )}
                  </>
                ),
            },
          ]}
        />
        {props.mayRecordFactCheck ? (
          <section aria-labelledby="media-note-heading">
            <h2 class="govuk-heading-m" id="media-note-heading">
              {text(lang, 'noteHeading')}
            </h2>
            <PostForm
              action={localePath(lang, mediaPaths.factCheck(item.id))}
              csrfToken={props.csrfToken}
              submit={text(lang, 'noteSubmit')}
            >
              <TextArea
                {...noteControl('note')}
                labelClass="govuk-visually-hidden"
                hint={text(lang, 'noteHint')}
                rows={5}
              />
            </PostForm>
          </section>
        ) : null}
        {props.mayRecordClarification ? (
          <section aria-labelledby="media-clarification-heading">
            <h2 class="govuk-heading-m" id="media-clarification-heading">
              {text(lang, 'clarificationHeading')}
            </h2>
            <PostForm
              action={localePath(lang, mediaPaths.clarification(item.id))}
              csrfToken={props.csrfToken}
              submit={text(lang, 'clarificationSubmit')}
            >
              <Radios
                lang={lang}
                name="clarificationKind"
                legend={clarificationForm.labels.clarificationKind[lang]}
                choices={clarificationKinds.map((kind) => ({
                  value: kind,
                  label: clarificationKindName(lang, kind),
                }))}
                value={props.clarification.values.clarificationKind}
                problems={props.clarification.problems}
                isInline
              />
              <TextInput
                {...clarificationControl('clarificationUrl')}
                hint={text(lang, 'clarificationUrlHint')}
              />
            </PostForm>
          </section>
        ) : null}
        <LinkParagraph href={localePath(lang, mediaPaths.list)}>{text(lang, 'backToList')}</LinkParagraph>
      </div>
    </div>
  );
}
