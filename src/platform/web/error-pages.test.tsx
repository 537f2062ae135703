import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderErrorPage } from './error-pages.tsx';
import type { PageContext } from './layout.tsx';

function context(lang: 'zh-TW' | 'en', path: string): PageContext {
  return { lang, path, staff: null };
}

describe('renderErrorPage', () => {
  it('500 → plain words, the request id to quote, no internals', () => {
    const html = renderErrorPage(context('zh-TW', '/report'), 500, {
      code: 'INTERNAL_ERROR',
      message: 'boom at Object.<anonymous> (/work/main/src/x.ts:1:1)',
      errors: [],
      requestId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
    });
    assert.match(html, /<title>系統發生錯誤 - 高雄市政府工務局<\/title>/);
    assert.match(html, /1b4e28ba-2fa1-11d2-883f-0016d3cca427/);
    assert.doesNotMatch(html, /boom|\.ts:\d+/, 'the internal message never reaches the page');
    assert.match(html, /href="\/sitemap"/);
  });

  it('500 in English', () => {
    const html = renderErrorPage(context('en', '/report'), 500, {
      code: 'INTERNAL_ERROR',
      message: 'x',
      errors: [],
      requestId: 'request-1',
    });
    assert.match(html, /<html lang="en"/);
    assert.match(
      html,
      /<title>Sorry, there is a problem with the service - Public Works Bureau, Kaohsiung City Government<\/title>/,
    );
    assert.match(html, /quote this error reference: <code class="ow-request-id">request-1<\/code>/);
    assert.match(html, /href="\/en\/sitemap"/);
  });

  it('400 → the message from the error table and each problem', () => {
    const html = renderErrorPage(context('zh-TW', '/search'), 400, {
      code: 'VALIDATION_FAILED',
      message: '送出的資料有問題，請依下列說明修正。',
      errors: [{ field: 'querystring.q', code: 'maxLength', message: '關鍵字太長' }],
      requestId: 'request-2',
    });
    assert.match(html, /無法處理您的要求/);
    assert.match(html, /送出的資料有問題/);
    assert.match(html, /關鍵字太長/);
    assert.doesNotMatch(html, /request-2/, 'request ids are for server errors');
  });
});
