import type { ComponentChildren } from 'preact';
import { sessionCookieName } from '../../auth/staff-session-hook.ts';
import { csrfCookieName } from '../../http/csrf.ts';
import { SummaryList } from '../components/summary-list.tsx';
import { BureauContacts } from '../contact-details.tsx';
import { fontSizeCookieName } from '../font-size.ts';
import { type Lang, localePath } from '../i18n.ts';

/**
 * 隱私權及網站安全政策. The cookie list names what the platform really sets — `ow_font_size` (font-size.ts),
 * the staff session (auth/staff-session-hook.ts) and the form-security token (http/csrf.ts) — so a renamed
 * cookie changes this page too.
 */

/** One card per cookie: a four-column table would not fit a 360-px phone. */
function CookieList({
  caption,
  labels,
  rows,
}: {
  caption: string;
  labels: [string, string, string];
  rows: [string, string, string, string][];
}) {
  return (
    <>
      <h3 class="govuk-heading-m">{caption}</h3>
      {rows.map(([name, purpose, who, lifetime]) => (
        <div key={name} class="govuk-summary-card">
          <div class="govuk-summary-card__title-wrapper">
            <h4 class="govuk-summary-card__title">
              <code>{name}</code>
            </h4>
          </div>
          <div class="govuk-summary-card__content">
            <SummaryList
              rows={[purpose, who, lifetime].map((value, index) => ({ key: labels[index], value }))}
            />
          </div>
        </div>
      ))}
    </>
  );
}

function Section({ heading, children }: { heading: string; children: ComponentChildren }) {
  return (
    <>
      <h2 class="govuk-heading-l">{heading}</h2>
      {children}
    </>
  );
}

function PrivacyZh() {
  const lang: Lang = 'zh-TW';
  return (
    <>
      <h1 class="govuk-heading-xl">隱私權及網站安全政策</h1>
      <p class="govuk-body-l">
        高雄市政府工務局（以下簡稱本局）重視您的隱私。本政策說明「工務單一窗口」網站（以下簡稱本網站）蒐集哪些資料、如何使用與保護，以及您的權利。
      </p>

      <Section heading="適用範圍">
        <p class="govuk-body">
          本政策適用於本網站的所有頁面。本網站連結的其他網站（例如其他政府機關網站），適用各該網站的隱私權政策。
        </p>
      </Section>

      <Section heading="本網站蒐集的資料">
        <h3 class="govuk-heading-m">單純瀏覽</h3>
        <p class="govuk-body">
          瀏覽本網站不需要提供任何個人資料。伺服器會自動記錄每個請求的時間、網址路徑（不含「?」之後的查詢字串）、回應狀態、來源
          IP 位址及請求編號，用於系統維運、資訊安全與流量統計。這些紀錄不含
          Cookie、密碼或表單內容，不會用來辨識個人；但依法配合司法或資安事件調查時除外。
        </p>
        <h3 class="govuk-heading-m">您主動提供的資料</h3>
        <p class="govuk-body">
          您報修、申辦或陳情時填寫的姓名、聯絡電話、電子郵件、地址、照片及內容，只用於處理您的案件並通知您結果。每個表單都會依個人資料保護法第8條告知：蒐集機關、目的、資料類別、利用的期間、地區、對象及方式、您的權利，以及不提供時的影響。
        </p>
        <p class="govuk-body">
          本局保有的個人資料檔案列於
          <a class="govuk-link" href={localePath(lang, '/personal-data-files')}>
            個人資料檔案公開
          </a>
          頁面。
        </p>
        <h3 class="govuk-heading-m">本局員工</h3>
        <p class="govuk-body">
          員工登入後台時，本網站記錄登入帳號、登入時間、IP 位址及瀏覽器資訊，以保障帳號安全並留存操作紀錄。
        </p>
      </Section>

      <Section heading="Cookie 的使用">
        <p class="govuk-body">
          Cookie 是網站存放在您瀏覽器中的小型文字檔。本網站只使用下列必要的 Cookie，
          <strong>不使用廣告或追蹤 Cookie，也不使用第三方分析工具</strong>。
        </p>
        <CookieList
          caption="本網站使用的 Cookie"
          labels={['用途', '對象', '保存期間']}
          rows={[
            [fontSizeCookieName, '記住您選擇的字級（小、中、大）。', '所有使用者，選擇字級時才設定', '1 年'],
            [
              csrfCookieName,
              '表單安全驗證碼，防止其他網站冒用您的身分送出表單（跨站請求偽造，CSRF）；瀏覽器程式無法讀取。',
              '開啟含表單的頁面時才設定',
              '關閉瀏覽器即失效',
            ],
            [
              sessionCookieName,
              '員工登入後維持登入狀態；瀏覽器程式無法讀取（HttpOnly）。',
              '僅限本局員工',
              '登出或閒置逾時即失效',
            ],
          ]}
        />
        <p class="govuk-body">員工登入後，表單驗證碼改存放在伺服器端的登入工作階段中。</p>
        <p class="govuk-body">
          您可以在瀏覽器設定中拒絕 Cookie：瀏覽與報修不受影響，只是無法記住字級設定；員工則無法登入。
        </p>
      </Section>

      <Section heading="個人資料的利用與提供">
        <ul class="govuk-list govuk-list--bullet">
          <li>本局只在蒐集的特定目的範圍內利用您的個人資料（個人資料保護法第15條、第16條）。</li>
          <li>
            本局不會將您的個人資料提供給其他人，但下列情形除外：法律明文規定；案件須移送其他主管機關辦理（本局會告知您）；為防止您的生命、身體、自由或財產受到危害；經您書面同意。
          </li>
          <li>公開的案件查詢結果會遮蔽個人資料，例如姓名顯示為「王○明」、電話顯示為「0912-***-678」。</li>
        </ul>
      </Section>

      <Section heading="您的權利">
        <p class="govuk-body">依個人資料保護法第3條，您可以就您的個人資料向本局：</p>
        <ul class="govuk-list govuk-list--bullet">
          <li>查詢或請求閱覽；</li>
          <li>請求製給複製本；</li>
          <li>請求補充或更正；</li>
          <li>請求停止蒐集、處理或利用；</li>
          <li>請求刪除。</li>
        </ul>
        <p class="govuk-body">
          請以下方聯絡方式與本局聯繫。為保護您的資料，本局會先確認您的身分；依法不得提供或須保存的資料，本局會說明理由。
        </p>
      </Section>

      <Section heading="網站安全措施">
        <ul class="govuk-list govuk-list--bullet">
          <li>正式上線的網站全程使用 HTTPS 加密傳輸。</li>
          <li>
            以內容安全政策（Content-Security-Policy）等安全標頭阻擋注入的惡意程式碼，本網站不載入其他網站的程式。
          </li>
          <li>員工密碼以 Argon2 演算法雜湊後儲存，並提供驗證器應用程式的兩步驟驗證。</li>
          <li>登入失敗次數過多時暫時鎖定帳號；閒置過久自動登出。</li>
          <li>依職務角色限制可看到及可處理的資料，重要操作寫入不可修改的稽核紀錄。</li>
          <li>資料庫定期備份，系統與套件持續更新修補。</li>
        </ul>
        <p class="govuk-body">
          請勿以任何方式嘗試入侵、干擾或破壞本網站；違者將依刑法及相關法令追究。如發現本網站的安全問題，請與本局聯繫。
        </p>
      </Section>

      <Section heading="政策的修訂">
        <p class="govuk-body">本政策會因應法令及技術的變化修訂，修訂後公布於本頁，並更新頁尾的更新日期。</p>
      </Section>

      <Section heading="聯絡我們">
        <BureauContacts lang={lang} />
      </Section>
    </>
  );
}

function PrivacyEn() {
  const lang: Lang = 'en';
  return (
    <>
      <h1 class="govuk-heading-xl">Privacy and website security policy</h1>
      <p class="govuk-body-l">
        The Kaohsiung City Public Works Bureau (“the bureau”) respects your privacy. This policy explains what
        the OneWindow website (“this site”) collects, how it is used and protected, and your rights.
      </p>

      <Section heading="Scope">
        <p class="govuk-body">
          This policy covers every page of this site. Other sites we link to (such as other government
          agencies) have their own privacy policies.
        </p>
      </Section>

      <Section heading="What this site collects">
        <h3 class="govuk-heading-m">When you just browse</h3>
        <p class="govuk-body">
          You do not need to give any personal data to browse this site. The server records, for each request,
          the time, the address path (without the query string after “?”), the response status, the source IP
          address and a request number, for running the system, information security and traffic statistics.
          These records contain no cookies, passwords or form contents and are not used to identify anyone,
          except where the law requires us to help a judicial or security-incident investigation.
        </p>
        <h3 class="govuk-heading-m">What you give us</h3>
        <p class="govuk-body">
          The name, phone number, e-mail address, address, photos and description you enter when you report a
          problem, apply or petition are used only to handle your case and tell you the outcome. Every form
          tells you, as Article 8 of the Personal Data Protection Act requires: who collects the data, why,
          which kinds, for how long, where, by whom and how it is used, your rights, and what happens if you
          do not give it.
        </p>
        <p class="govuk-body">
          The personal data files the bureau keeps are listed on the{' '}
          <a class="govuk-link" href={localePath(lang, '/personal-data-files')}>
            personal data files
          </a>{' '}
          page.
        </p>
        <h3 class="govuk-heading-m">Bureau staff</h3>
        <p class="govuk-body">
          When staff sign in, this site records the account, the time, the IP address and browser details, to
          keep accounts safe and to keep a record of who did what.
        </p>
      </Section>

      <Section heading="Cookies">
        <p class="govuk-body">
          A cookie is a small text file a website stores in your browser. This site uses only the necessary
          cookies below.{' '}
          <strong>It uses no advertising or tracking cookies and no third-party analytics.</strong>
        </p>
        <CookieList
          caption="Cookies this site uses"
          labels={['Purpose', 'Who gets it', 'How long']}
          rows={[
            [
              fontSizeCookieName,
              'Remembers the text size you chose (small, medium, large).',
              'Anyone, only when they choose a text size',
              '1 year',
            ],
            [
              csrfCookieName,
              'A form-security token that stops other sites from sending forms in your name (cross-site request forgery, CSRF); scripts in the browser cannot read it.',
              'Set only when you open a page with a form',
              'Until you close the browser',
            ],
            [
              sessionCookieName,
              'Keeps a staff member signed in; scripts in the browser cannot read it (HttpOnly).',
              'Bureau staff only',
              'Until sign-out or inactivity time-out',
            ],
          ]}
        />
        <p class="govuk-body">
          Once staff have signed in, the form-security token is kept in their server-side session instead.
        </p>
        <p class="govuk-body">
          You can refuse cookies in your browser settings: browsing and reporting still work, but your text
          size is not remembered, and staff cannot sign in.
        </p>
      </Section>

      <Section heading="How personal data is used and shared">
        <ul class="govuk-list govuk-list--bullet">
          <li>
            The bureau uses your personal data only within the specific purpose it was collected for (Articles
            15 and 16 of the Personal Data Protection Act).
          </li>
          <li>
            The bureau does not give your personal data to anyone else, except: where a law requires it; where
            your case must be transferred to another competent agency (we will tell you); to prevent harm to
            your life, body, freedom or property; or with your written consent.
          </li>
          <li>
            Public case lookups show personal details masked: a name as “王○明”, a phone number as
            “0912-***-678”.
          </li>
        </ul>
      </Section>

      <Section heading="Your rights">
        <p class="govuk-body">
          Under Article 3 of the Personal Data Protection Act, you may ask the bureau, about your personal
          data:
        </p>
        <ul class="govuk-list govuk-list--bullet">
          <li>to see it or to be told what it is;</li>
          <li>for a copy;</li>
          <li>to complete or correct it;</li>
          <li>to stop collecting, processing or using it;</li>
          <li>to delete it.</li>
        </ul>
        <p class="govuk-body">
          Contact the bureau using the details below. To protect your data we will first confirm who you are;
          where the law does not allow us to release data, or requires us to keep it, we will tell you why.
        </p>
      </Section>

      <Section heading="How this site is kept secure">
        <ul class="govuk-list govuk-list--bullet">
          <li>The live site uses HTTPS encryption throughout.</li>
          <li>
            Security headers, including a Content-Security-Policy, block injected malicious code; this site
            loads no scripts from other sites.
          </li>
          <li>
            Staff passwords are stored hashed with the Argon2 algorithm, and two-step verification with an
            authenticator app is available.
          </li>
          <li>
            Accounts are locked for a while after too many failed sign-ins; inactive sessions are signed out.
          </li>
          <li>
            What staff can see and do depends on their role, and important actions are written to an audit log
            that cannot be changed.
          </li>
          <li>The database is backed up regularly, and the system and its components are kept patched.</li>
        </ul>
        <p class="govuk-body">
          Do not try to break into, disrupt or damage this site; offenders will be pursued under the Criminal
          Code and other laws. If you find a security problem on this site, please contact the bureau.
        </p>
      </Section>

      <Section heading="Changes to this policy">
        <p class="govuk-body">
          This policy is revised as laws and technology change; changes are published on this page and the
          “last updated” date in the footer is updated.
        </p>
      </Section>

      <Section heading="Contact us">
        <BureauContacts lang={lang} />
      </Section>
    </>
  );
}

const views: Record<Lang, () => ComponentChildren> = { 'zh-TW': PrivacyZh, en: PrivacyEn };

export function PrivacyPage({ lang }: { lang: Lang }) {
  const View = views[lang];
  return <View />;
}
