import { translator } from '../web/i18n.ts';

/**
 * Why a photo was refused, in both languages. Each is a whole sentence that says what to do; the caller
 * adds which file it was about ("Photo “IMG_1234.HEIC”: …").
 */
export const photoText = translator({
  'zh-TW': {
    notImage: '這個檔案不是照片，請傳送 JPEG、PNG 或 WebP 格式的照片。',
    damaged: '這張照片已損壞，無法讀取，請改傳其他照片。',
    truncated: '這張照片不完整（可能在上傳時中斷），請重新傳送。',
    tooManyPixels: '這張照片的像素太多：上限為 4,000 萬像素（例如 7,700 × 5,200）。請縮小後再傳送。',
    animated: '這是動畫圖片，請傳送一般的靜態照片（JPEG、PNG 或 WebP）。',
    heic:
      '這張照片是 HEIC 格式（iPhone 的預設格式），本系統無法讀取，請改傳 JPEG：在 iPhone 上用本網頁的「選擇照片」' +
      '按鈕挑選照片，會自動以 JPEG 送出；也可以到「設定」→「相機」→「格式」選「最相容」，之後拍的照片就是 JPEG；' +
      '在電腦上，請先把照片另存（匯出）為 JPEG。',
    unsupported: '這個檔案是 {format} 格式，無法作為照片，請傳送 JPEG、PNG 或 WebP 格式的照片。',
  },
  en: {
    notImage: 'This file is not a photo; send a photo in JPEG, PNG or WebP format.',
    damaged: 'This photo is damaged and cannot be read; send another one.',
    truncated: 'This photo is incomplete (the upload may have been cut off); send it again.',
    tooManyPixels:
      'This photo has too many pixels: the limit is 40 megapixels (for example 7,700 × 5,200). Make it smaller and send it again.',
    animated: 'This is an animated image; send a still photo (JPEG, PNG or WebP).',
    heic:
      'This photo is in HEIC format (the iPhone’s default), which we cannot read; send it as JPEG instead. On an ' +
      'iPhone, choose the photo with this page’s photo button and it is sent as JPEG, or set Settings → Camera → ' +
      'Formats → Most Compatible so that new photos are JPEG. On a computer, save (export) the photo as JPEG first.',
    unsupported:
      'This file is in {format} format, which we do not take as a photo; send a JPEG, PNG or WebP photo.',
  },
});
