import type { Lang } from '../../../../platform/web/i18n.ts';
import { staffAdminText as text } from '../staff-admin-messages.ts';

/** A member's state as tags: active or deactivated, locked now, two-factor on or off. */
export function MemberStatus({
  lang,
  member,
}: {
  lang: Lang;
  member: { isActive: boolean; lockedUntil: Date | null; hasTwoFactor: boolean };
}) {
  return (
    <>
      <strong
        class={`govuk-tag${member.isActive ? ' govuk-tag--green' : ' govuk-tag--grey'}`}
        data-state={member.isActive ? 'active' : 'inactive'}
      >
        {text(lang, member.isActive ? 'statusActive' : 'statusInactive')}
      </strong>{' '}
      {member.lockedUntil === null ? null : (
        <>
          <strong class="govuk-tag govuk-tag--red" data-state="locked">
            {text(lang, 'statusLocked')}
          </strong>{' '}
        </>
      )}
      <strong
        class={`govuk-tag${member.hasTwoFactor ? ' govuk-tag--blue' : ' govuk-tag--yellow'}`}
        data-two-factor={member.hasTwoFactor ? 'on' : 'off'}
      >
        {text(lang, member.hasTwoFactor ? 'statusTwoFactor' : 'statusNoTwoFactor')}
      </strong>
    </>
  );
}
