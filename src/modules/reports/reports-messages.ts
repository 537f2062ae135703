import { translator } from '../../platform/web/i18n.ts';

/** Every sentence of the photo reports, zh-TW first. */
export const reportText = translator({
  'zh-TW': {
    invalidReport: '通報資料有問題，請依下列說明修正。',
    categoryRequired: '請選擇通報類別。',
    categoryUnknown: '沒有這個通報類別，請從清單中選擇。',
    placeRequired: '請在地圖上標出位置，或填寫地址、地標並選擇行政區。',
    outsideKaohsiung: '這個位置不在高雄市轄區內，本局無法受理；請洽該地所屬縣市政府。',
    coordinatesInvalid: '座標格式不正確：緯度介於 -90 與 90、經度介於 -180 與 180 之間。',
    coordinatesHalf: '請同時填寫緯度與經度。',
    tooManyPhotos: '最多可附 {max} 張照片，您附了 {count} 張。',
    photoRefused: '照片「{name}」：{reason}',
    descriptionRequired: '請簡單描述問題，例如「機車道有一個約 30 公分的坑洞」。',
    descriptionTooLong: '描述不可超過 {limit} 個字。',
    nameTooLong: '姓名不可超過 100 個字。',
    emailInvalid: '電子郵件格式不正確，例如 name@example.com。',
    phoneInvalid: '電話號碼格式不正確，請填寫如 0912345678、07-3368333 或 07-3368333 分機 123。',
    nameToShowRequired: '選擇公開姓名時，請填寫姓名。',
    otherCategory: '其他工務問題',
    anonymous: '民眾',
  },
  en: {
    invalidReport: 'There is a problem with the report; please correct what is listed below.',
    categoryRequired: 'Choose what kind of problem it is.',
    categoryUnknown: 'That is not one of the categories; choose one from the list.',
    placeRequired: 'Put a pin on the map, or give an address or landmark and choose the district.',
    outsideKaohsiung: 'This point is outside Kaohsiung City; please contact the city or county where it is.',
    coordinatesInvalid:
      'The coordinates are not valid: latitude lies between -90 and 90, longitude between -180 and 180.',
    coordinatesHalf: 'Give both the latitude and the longitude.',
    tooManyPhotos: 'You can attach at most {max} photos; you attached {count}.',
    photoRefused: 'Photo “{name}”: {reason}',
    descriptionRequired:
      'Describe the problem briefly, e.g. “a pothole about 30 cm wide in the scooter lane”.',
    descriptionTooLong: 'The description must be at most {limit} characters.',
    nameTooLong: 'The name must be at most 100 characters.',
    emailInvalid: 'Enter an e-mail address like name@example.com.',
    phoneInvalid: 'Enter a phone number like 0912345678, 07-3368333 or 07-3368333 ext. 123.',
    nameToShowRequired: 'To show your name publicly, enter your name.',
    otherCategory: 'Other public-works problem',
    anonymous: 'A resident',
  },
});
export type ReportTextKey = Parameters<typeof reportText>[1];
