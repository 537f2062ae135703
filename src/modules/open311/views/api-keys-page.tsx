import {
  Banner,
  Button,
  CsrfField,
  ErrorSummary,
  SuccessBanner,
  TextInput,
} from '../../../platform/web/components/form-controls.tsx';
import { PostForm, textControls } from '../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { TableHead } from '../../../platform/web/components/table.tsx';
import { formatTaipeiDateTime } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { apiKeyForm } from '../api-key-form.ts';
import { apiKeyText as text } from '../api-key-messages.ts';
import { apiKeyPaths } from '../api-key-paths.ts';
import type { ApiKeyRow } from '../api-keys.ts';

export interface ApiKeysPageProps {
  lang: Lang;
  csrfToken: string;
  keys: readonly ApiKeyRow[];
  values: { name: string; rate: string };
  problems: FormProblems;
  /** A key just created: shown this once, with its name. */
  created: { name: string; key: string } | null;
  successMessage: string | null;
}

/** The keys (in use first), then the form that creates one; a new key is shown once, at the top. */
export function ApiKeysPage(props: ApiKeysPageProps) {
  const { lang } = props;
  const control = textControls(apiKeyForm, props);
  const when = (moment: Date | null) =>
    moment === null ? text(lang, 'neverUsed') : formatTaipeiDateTime(moment);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <ErrorSummary lang={lang} problems={props.problems} />
        <SuccessBanner lang={lang} message={props.successMessage} />
        {props.created === null ? null : (
          <Banner lang={lang} kind="success" id="new-key" title={text(lang, 'createdTitle')}>
            <p class="govuk-notification-banner__heading">
              {text(lang, 'createdLead', { name: props.created.name })}
            </p>
            <p class="govuk-body">
              {text(lang, 'keyLabel')}: <code id="new-key-value">{props.created.key}</code>
            </p>
          </Banner>
        )}
        <h1 class="govuk-heading-l">{text(lang, 'title')}</h1>
        <p class="govuk-body">{text(lang, 'lead')}</p>
        <h2 class="govuk-heading-m">{text(lang, 'listHeading')}</h2>
        {props.keys.length === 0 ? (
          <p class="govuk-body">{text(lang, 'noKeys')}</p>
        ) : (
          <table class="govuk-table" id="api-keys">
            <TableHead
              columns={[
                text(lang, 'columnName'),
                text(lang, 'columnPrefix'),
                text(lang, 'columnCreated'),
                text(lang, 'columnLastUsed'),
                { label: text(lang, 'columnRate'), isNumeric: true },
                text(lang, 'columnStatus'),
                text(lang, 'columnAction'),
              ]}
            />
            <tbody class="govuk-table__body">
              {props.keys.map((key) => (
                <tr key={key.id} class="govuk-table__row" data-key={key.name}>
                  <th scope="row" class="govuk-table__header" lang="en">
                    {key.name}
                  </th>
                  <td class="govuk-table__cell">
                    <code>{key.keyPrefix}</code>
                  </td>
                  <td class="govuk-table__cell">{formatTaipeiDateTime(key.createdAt)}</td>
                  <td class="govuk-table__cell">{when(key.lastUsedAt)}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{key.ratePerMinute}</td>
                  <td class="govuk-table__cell" data-status={key.revokedAt === null ? 'active' : 'revoked'}>
                    {key.revokedAt === null
                      ? text(lang, 'active')
                      : text(lang, 'revokedOn', { date: formatTaipeiDateTime(key.revokedAt) })}
                  </td>
                  <td class="govuk-table__cell">
                    {key.revokedAt === null ? (
                      <a class="govuk-link" href={localePath(lang, apiKeyPaths.revoke(key.id))}>
                        {text(lang, 'revoke')}
                        <span class="govuk-visually-hidden"> {key.name}</span>
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2 class="govuk-heading-m">{text(lang, 'createHeading')}</h2>
        <PostForm
          action={localePath(lang, apiKeyPaths.list)}
          csrfToken={props.csrfToken}
          submit={text(lang, 'create')}
          preventsDoubleClick
        >
          <TextInput
            {...control('name')}
            hint={text(lang, 'nameHint')}
            widthClass="govuk-input--width-20"
            maxLength={64}
          />
          <TextInput
            {...control('rate')}
            hint={text(lang, 'rateHint')}
            inputMode="numeric"
            widthClass="govuk-input--width-5"
            isOptional
          />
        </PostForm>
      </div>
    </div>
  );
}

/** The confirmation before a key is revoked: what happens, the warning button, and the way back. */
export function RevokeApiKeyPage(props: { lang: Lang; csrfToken: string; apiKey: ApiKeyRow }) {
  const { lang, apiKey: key } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{text(lang, 'revokeTitle', { name: key.name })}</h1>
        <p class="govuk-body">{text(lang, 'revokeLead', { prefix: key.keyPrefix })}</p>
        <form method="post" action={localePath(lang, apiKeyPaths.revoke(key.id))} novalidate>
          <CsrfField token={props.csrfToken} />
          <div class="govuk-button-group">
            <Button isWarning>{text(lang, 'confirmRevoke')}</Button>
            <a class="govuk-link" href={localePath(lang, apiKeyPaths.list)}>
              {text(lang, 'cancel')}
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}
