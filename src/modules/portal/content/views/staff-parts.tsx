import { formatTaipeiDateTime } from '../../../../platform/web/format-date.ts';
import type { Lang } from '../../../../platform/web/i18n.ts';
import { contentEditorText as text } from '../content-editor-messages.ts';
import { type ContentKind, contentKindSingular } from '../content-kinds.ts';
import { publicStateOf } from '../content-rules.ts';

/** What the editors' pages share: the item's states as tags, names in the page's language, who and when. */

export interface UnitName {
  code: string;
  nameZh: string;
  nameEn: string;
}

export function unitNameOf(units: readonly UnitName[], code: string, lang: Lang): string {
  const unit = units.find((candidate) => candidate.code === code);
  if (!unit) return code;
  return lang === 'en' ? unit.nameEn : unit.nameZh;
}

export function kindNameOf(kind: string, lang: Lang): string {
  return contentKindSingular[kind as ContentKind]?.[lang] ?? kind;
}

const tagColours: Record<string, string> = {
  draft: 'govuk-tag--grey',
  in_review: 'govuk-tag--yellow',
  approved: 'govuk-tag--green',
  withdrawn: 'govuk-tag--red',
  scheduled: 'govuk-tag--blue',
  published: 'govuk-tag--green',
  expired: 'govuk-tag--grey',
};

type StateKey =
  | 'state_draft'
  | 'state_in_review'
  | 'state_approved'
  | 'state_withdrawn'
  | 'state_scheduled'
  | 'state_published'
  | 'state_expired';

function StateTag({ lang, state }: { lang: Lang; state: string }) {
  return (
    <strong class={`govuk-tag ${tagColours[state] ?? ''}`} data-state={state}>
      {text(lang, `state_${state}` as StateKey)}
    </strong>
  );
}

/**
 * The item's states: what the public sees (scheduled, published, expired) when it has a published version,
 * and the working version's state when it is not that version (a draft of version 2, say).
 */
export function ItemStates({
  lang,
  item,
  now,
}: {
  lang: Lang;
  item: {
    state: string;
    currentVersion: number;
    publishedVersion: number | null;
    visibleFrom: Date | null;
    visibleUntil: Date | null;
  };
  now: Date;
}) {
  const publicState = publicStateOf(item, now);
  const showsWorking = publicState === null || item.currentVersion !== item.publishedVersion;
  return (
    <>
      {publicState === null ? null : <StateTag lang={lang} state={publicState} />}
      {publicState !== null && showsWorking ? ' ' : null}
      {showsWorking && !(publicState !== null && item.state === 'approved') ? (
        <StateTag lang={lang} state={item.state} />
      ) : null}
    </>
  );
}

/** 「示範網站編輯，2026-12-06 09:30:00」, or nothing. */
export function byAt(
  lang: Lang,
  names: ReadonlyMap<string, string>,
  staffId: string | null,
  at: Date | null,
): string {
  if (at === null) return '';
  const name = staffId === null ? '' : (names.get(staffId) ?? '');
  return text(lang, 'byAt', { name, at: formatTaipeiDateTime(at) });
}
