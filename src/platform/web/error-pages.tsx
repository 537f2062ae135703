import type { ComponentChildren } from 'preact';
import { staffPaths } from '../auth/auth-paths.ts';
import { messageFor } from '../http/error-messages.ts';
import type { ErrorBody } from '../http/errors.ts';
import { BureauContacts } from './contact-details.tsx';
import { type Lang, localePath, translator } from './i18n.ts';
import { type PageContext, renderPage } from './layout.tsx';

const text = translator({
  'zh-TW': {
    notFoundTitle: '找不到這個頁面',
    notFoundBody: '網址可能打錯了，或這個頁面已經移除或搬到別的地方。',
    notFoundCheck: '如果您是自己輸入網址，請檢查是否正確。',
    serverErrorTitle: '系統發生錯誤',
    serverErrorBody: '很抱歉，系統發生問題，我們已經記錄下來。請稍後再試一次；剛才送出的資料可能沒有儲存。',
    unavailableTitle: '服務暫時無法使用',
    unavailableBody: '很抱歉，服務暫時無法使用，請稍後再試一次；剛才送出的資料可能沒有儲存。',
    requestIdLead: '如需協助，請來電並告知這個錯誤代碼：',
    unauthenticatedTitle: '請先登入',
    forbiddenTitle: '您沒有權限使用這個頁面',
    tooManyTitle: '請求次數過多',
    badRequestTitle: '無法處理您的要求',
    nextHeading: '您可以',
    goHome: '回到首頁',
    goSitemap: '查看網站導覽，找到所有頁面',
    goSearch: '搜尋本網站',
    goSignIn: '員工登入',
    callUs: '或在上班時間來電詢問：',
  },
  en: {
    notFoundTitle: 'Page not found',
    notFoundBody: 'The address may be mistyped, or the page may have been removed or moved.',
    notFoundCheck: 'If you typed the address, check it is correct.',
    serverErrorTitle: 'Sorry, there is a problem with the service',
    serverErrorBody:
      'Something went wrong on our side and it has been logged. Please try again later; anything you just sent may not have been saved.',
    unavailableTitle: 'Sorry, the service is unavailable',
    unavailableBody:
      'The service is unavailable for now. Please try again later; anything you just sent may not have been saved.',
    requestIdLead: 'If you need help, call us and quote this error reference: ',
    unauthenticatedTitle: 'Please sign in',
    forbiddenTitle: 'You do not have permission to use this page',
    tooManyTitle: 'Too many requests',
    badRequestTitle: 'We could not handle your request',
    nextHeading: 'You can',
    goHome: 'go to the home page',
    goSitemap: 'see the site map, which lists every page',
    goSearch: 'search this site',
    goSignIn: 'sign in as staff',
    callUs: 'or call us during office hours:',
  },
});

type TitleKey =
  | 'notFoundTitle'
  | 'serverErrorTitle'
  | 'unavailableTitle'
  | 'unauthenticatedTitle'
  | 'forbiddenTitle'
  | 'tooManyTitle'
  | 'badRequestTitle';

function titleKey(statusCode: number): TitleKey {
  if (statusCode === 404) return 'notFoundTitle';
  if (statusCode === 503) return 'unavailableTitle';
  if (statusCode >= 500) return 'serverErrorTitle';
  if (statusCode === 401) return 'unauthenticatedTitle';
  if (statusCode === 403) return 'forbiddenTitle';
  if (statusCode === 429) return 'tooManyTitle';
  return 'badRequestTitle';
}

function NextSteps({ lang, statusCode }: { lang: Lang; statusCode: number }) {
  return (
    <>
      <h2 class="govuk-heading-m">{text(lang, 'nextHeading')}</h2>
      <ul class="govuk-list govuk-list--bullet">
        {statusCode === 401 ? (
          <li>
            <a class="govuk-link" href={localePath(lang, staffPaths.signIn)}>
              {text(lang, 'goSignIn')}
            </a>
          </li>
        ) : null}
        <li>
          <a class="govuk-link" href={localePath(lang, '/')}>
            {text(lang, 'goHome')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={localePath(lang, '/sitemap')}>
            {text(lang, 'goSitemap')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={localePath(lang, '/search')}>
            {text(lang, 'goSearch')}
          </a>
        </li>
      </ul>
      <p class="govuk-body">{text(lang, 'callUs')}</p>
      <BureauContacts lang={lang} />
    </>
  );
}

/**
 * The HTML error page for any status: plain words, what to do next, and for server errors the request id a
 * caller can quote on the phone. Never a stack trace: the message shown is the one from the error table.
 */
export function renderErrorPage(context: PageContext, statusCode: number, error: ErrorBody): string {
  const { lang } = context;
  const title = text(lang, titleKey(statusCode));
  const isServerError = statusCode >= 500;
  let explanation: ComponentChildren;
  if (statusCode === 404) {
    explanation = (
      <>
        <p class="govuk-body">{text(lang, 'notFoundBody')}</p>
        <p class="govuk-body">{text(lang, 'notFoundCheck')}</p>
      </>
    );
  } else if (isServerError) {
    explanation = (
      <>
        <p class="govuk-body">
          {statusCode !== 503
            ? text(lang, 'serverErrorBody')
            : error.message !== messageFor('SERVICE_UNAVAILABLE', lang)
              ? error.message
              : text(lang, 'unavailableBody')}
        </p>
        <p class="govuk-body">
          {text(lang, 'requestIdLead')}
          <code class="ow-request-id">{error.requestId}</code>
        </p>
      </>
    );
  } else {
    explanation = (
      <>
        <p class="govuk-body">{error.message}</p>
        {error.errors.length > 0 ? (
          <ul class="govuk-list govuk-list--bullet">
            {error.errors.map((problem) => (
              <li key={`${problem.field}-${problem.code}`}>{problem.message}</li>
            ))}
          </ul>
        ) : null}
      </>
    );
  }
  return renderPage(context, {
    title,
    pageId: `error-${statusCode}`,
    description: title,
    body: (
      <>
        <h1 class="govuk-heading-xl">{title}</h1>
        {explanation}
        <NextSteps lang={lang} statusCode={statusCode} />
      </>
    ),
  });
}
