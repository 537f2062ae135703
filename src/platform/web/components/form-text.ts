import { translator } from '../i18n.ts';

/** The forms kit's own words (summary, banners, paging, and what readForm says of a field), both languages. */
export const formText = translator({
  'zh-TW': {
    errorSummaryTitle: '發生問題',
    errorPrefix: '錯誤：',
    optional: '（選填）',
    successTitle: '完成',
    importantTitle: '請注意',
    problemAt: '{where}：{message}',
    paginationLabel: '分頁',
    previousPage: '上一頁',
    nextPage: '下一頁',
    pageNumber: '第 {page} 頁',
    required: '請填寫{label}',
    choose: '請選擇{label}',
    tooLong: '{label}最多 {limit} 個字（現為 {length} 個字）',
    tooShort: '{label}至少 {limit} 個字',
    badFormat: '{label}的格式不正確',
    notAllowed: '{label}含有無法使用的字元',
    tooMany: '{label}最多選 {limit} 項',
    limitHint: '最多 {limit} 個字',
    limitHintAfter: '（最多 {limit} 個字）',
  },
  en: {
    errorSummaryTitle: 'There is a problem',
    errorPrefix: 'Error: ',
    optional: ' (optional)',
    successTitle: 'Success',
    importantTitle: 'Important',
    problemAt: '{where}: {message}',
    paginationLabel: 'Pages',
    previousPage: 'Previous',
    nextPage: 'Next',
    pageNumber: 'Page {page}',
    required: 'Enter {label}',
    choose: 'Choose {label}',
    tooLong: '{label} must be {limit} characters or fewer (it has {length})',
    tooShort: '{label} must be at least {limit} characters',
    badFormat: '{label} is not in the right format',
    notAllowed: '{label} contains characters that cannot be used',
    tooMany: 'Choose at most {limit} for {label}',
    limitHint: 'Up to {limit} characters',
    limitHintAfter: ' (up to {limit} characters)',
  },
});

export type FormTextKey = Parameters<typeof formText>[1];
