import { type UnitsByCode, unitNameIn } from '../../../../platform/reference/unit-names.ts';
import { formatPageDate, formatPageDateTime } from '../../../../platform/web/format-date.ts';
import type { Lang } from '../../../../platform/web/i18n.ts';
import { type MediaTextKey, mediaText as text } from '../media-messages.ts';
import type { ClarificationKind, MediaState } from '../media-rules.ts';
import type { MediaItem, MediaTone } from '../media-service.ts';

/** The media log's presenters: words for a tone, a state, a unit, the fact-check asked. */

const toneKeys: Record<MediaTone, MediaTextKey> = {
  positive: 'tonePositive',
  neutral: 'toneNeutral',
  negative: 'toneNegative',
};

export function toneName(lang: Lang, tone: MediaTone): string {
  return text(lang, toneKeys[tone]);
}

const kindKeys: Record<ClarificationKind, MediaTextKey> = {
  press_release: 'kindPressRelease',
  reply: 'kindReply',
};

export function clarificationKindName(lang: Lang, kind: ClarificationKind): string {
  return text(lang, kindKeys[kind]);
}

/** A unit's name as the units table has it (units-now.ts: an admin may have renamed it); its code if unknown. */
export function unitName(lang: Lang, code: string, units: UnitsByCode): string {
  return unitNameIn(units, code, lang);
}

/** 「養護工程處，民國115年3月2日 14:00 前」, or that none was asked. */
export function factCheckText(
  lang: Lang,
  item: Pick<MediaItem, 'factCheckUnit' | 'factCheckDueAt'>,
  units: UnitsByCode,
): string {
  if (item.factCheckUnit === null || item.factCheckDueAt === null) return text(lang, 'noFactCheck');
  return text(lang, 'dueBy', {
    unit: unitName(lang, item.factCheckUnit, units),
    due: formatPageDateTime(lang, item.factCheckDueAt),
  });
}

export function publishedText(lang: Lang, isoDate: string): string {
  return formatPageDate(lang, isoDate);
}

const stateWords: Record<MediaState, { key: MediaTextKey; colour: string }> = {
  clarified: { key: 'stateClarified', colour: 'govuk-tag--green' },
  overdue: { key: 'stateOverdue', colour: 'govuk-tag--red' },
  checked: { key: 'stateChecked', colour: 'govuk-tag--blue' },
  checking: { key: 'stateChecking', colour: 'govuk-tag--yellow' },
  open: { key: 'stateOpen', colour: 'govuk-tag--grey' },
};

/** A GOV.UK tag of the item's state. */
export function StateTag({ lang, state }: { lang: Lang; state: MediaState }) {
  const words = stateWords[state];
  return (
    <strong class={`govuk-tag ${words.colour}`} data-state={state}>
      {text(lang, words.key)}
    </strong>
  );
}

/** Text as the person typed it: one paragraph per line break. */
export function Paragraphs({ value }: { value: string }) {
  return (
    <>
      {value.split('\n').map((line, index) => (
        <p key={index} class="govuk-body govuk-!-margin-bottom-1">
          {line}
        </p>
      ))}
    </>
  );
}
