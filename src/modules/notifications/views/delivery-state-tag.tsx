import type { Lang } from '../../../platform/web/i18n.ts';
import { deliveryStateNames } from '../notifications-messages.ts';
import type { DeliveryState } from '../notifications-schema.ts';

const tagColours: Record<DeliveryState, string> = {
  queued: 'govuk-tag--yellow',
  sent: 'govuk-tag--green',
  failed: 'govuk-tag--red',
  outbox: 'govuk-tag--blue',
  logged: 'govuk-tag--grey',
};

/**
 * The state in words (colour only repeats it): 已寄出, 寄送失敗, 已記錄，未寄出 (an SMS while no gateway sends) …
 * Every page that shows a delivery's state uses this tag (the outbox, a case's delivery log).
 */
export function DeliveryStateTag({ lang, state }: { lang: Lang; state: DeliveryState }) {
  return (
    <strong class={`govuk-tag ${tagColours[state]}`} data-state={state}>
      {deliveryStateNames[lang][state]}
    </strong>
  );
}
