import { BUREAU } from '../../platform/reference/units.ts';
import { type Lang, translator } from '../../platform/web/i18n.ts';

/**
 * The words of the citizen's reporting pages (/report, the nearby-duplicate step, the confirmation, the
 * e-mail confirmation page), zh-TW first. The rules' own messages (a point outside Kaohsiung, a bad e-mail)
 * are in reports-messages.ts.
 */
export const reportFormText = translator({
  'zh-TW': {
    lead: '拍照、標出地點、送出：不必登入，一分鐘完成。',
    urgent: '如果已經危及行車或行人安全，請立即撥打 1999；發生事故請撥 110 或 119。',
    categoryLegend: '是什麼問題？',
    categoryHint: '選擇最接近的一項。',
    notListed: '其他工務問題請撥打市民服務專線 1999，或在上班時間撥打本局電話 {phone}。',
    whereHeading: '在哪裡？',
    mapLabel: '地圖：拖曳圖釘或點一下地圖，標出問題的位置',
    mapHint:
      '拖曳地圖上的圖釘到問題所在的位置，或點一下地圖；用鍵盤時，在地圖或圖釘上按方向鍵移動圖釘。也可以直接填寫下面的地址或地標。',
    useMyLocation: '使用我目前的位置',
    locating: '正在取得您的位置…',
    locationFailed: '無法取得您的位置，請在地圖上標出位置，或填寫地址並選擇行政區。',
    pinMoved: '圖釘已移到緯度 {lat}、經度 {lon}。',
    photoPlace: '已把圖釘移到照片的拍攝位置（緯度 {lat}、經度 {lon}）。',
    usePhotoPlace: '改用照片的拍攝位置',
    pinAlt: '問題位置的圖釘：可拖曳，或按方向鍵移動（每次約 5 公尺，按住 Shift 約 50 公尺）',
    pinNudged: '圖釘已往{direction}移動 {metres} 公尺，現在位於緯度 {lat}、經度 {lon}。',
    north: '北',
    south: '南',
    east: '東',
    west: '西',
    nearbyFound: '附近 {radius} 公尺內已有 {count} 件尚未完成的同類通報；送出時，您可以選擇追蹤其中一件。',
    nearbyItem: '案號 {number}：{state}，約 {distance} 公尺',
    nearbyPhotoAlt: '通報 {number} 的照片',
    placeAlternative: '沒有地圖也可以：填寫地址或地標並選擇行政區，通報一樣會送達。',
    addressLabel: '地址或地標',
    addressHint: '例如「中山路與五福路口，7-11 前」。有標出圖釘時可以不填。',
    districtLabel: '行政區',
    districtBlank: '請選擇行政區',
    coordinatesLegend: '座標',
    coordinatesHint: '地圖會自動填入；也可以自己填寫，例如緯度 22.6273、經度 120.3014。',
    latitudeLabel: '緯度',
    longitudeLabel: '經度',
    photosLabel: '照片',
    photosHint:
      '最多 {max} 張，JPEG、PNG 或 WebP，每張最大 {size}。照片的拍攝位置會用來標出地點；公開的照片會去除拍攝位置等所有資訊。',
    questionsLegend: '關於「{category}」',
    questionsHint: '只需回答您選擇的類別。',
    answerRequired: '請回答「{label}」。',
    answerNotChoice: '請從選項中選擇「{label}」。',
    answerNotNumber: '「{label}」請填寫數字。',
    pickBlank: '請選擇',
    descriptionLabel: '描述問題',
    descriptionHint: '例如大小、危險程度、在哪一個車道。',
    contactHeading: '您的聯絡方式',
    contactLead:
      '都可以不填。留下電子郵件，我們會寄確認信並在修好時通知您；留下電話，維修人員找不到地點時可以聯絡您。',
    nameLabel: '姓名',
    emailLabel: '電子郵件',
    phoneLabel: '電話',
    phoneHint: '例如 0912345678 或 07-3368333',
    showNameLegend: '要在公開的通報頁面顯示您的姓名嗎？',
    showNameNo: '不要，顯示為「民眾」',
    showNameYes: '要，顯示我的姓名',
    privacyHeading: '個人資料的蒐集（個人資料保護法第 8 條告知事項）',
    submit: '送出通報',
    honeypotLabel: '這一欄請留空',
    photosAgain: '您選擇的照片沒有保留，請重新選擇照片。',
    carriedPhotosLost: '先前上傳的照片已經失效，請重新選擇照片。',
    nearbyTitle: '附近已有人通報',
    nearbyLead:
      '{radius} 公尺內已有 {count} 件尚未完成的「{category}」通報。如果是同一個問題，追蹤它就好，修好時我們會寄信通知您。',
    nearbyListLabel: '附近尚未完成的通報',
    caseNumberLabel: '案件編號',
    stateLabel: '處理情形',
    distanceLabel: '距離',
    distance: '約 {metres} 公尺',
    reportedLabel: '通報時間',
    photoAlt: '案件 {caseNumber} 的現場照片',
    noPhoto: '沒有照片',
    seeReport: '查看案件 {caseNumber} 的公開頁面',
    chooseLegend: '哪一件是您要通報的問題？',
    chooseItem: '案件 {caseNumber}',
    followHeading: '追蹤已有的通報',
    followEmailLabel: '您的電子郵件',
    followEmailHint: '追蹤需要電子郵件：修好時我們會寄信通知您。',
    followButton: '這是我要通報的問題，追蹤它',
    differentHeading: '不是同一個問題',
    differentLead: '您的通報會照常送出、分派處理。',
    differentButton: '我的是不同的問題，送出我的通報',
    followEmailRequired: '追蹤需要電子郵件，請填寫您的電子郵件。',
    followChoiceRequired: '請選擇您要追蹤的通報。',
    followGone: '這件通報已經處理完成，無法追蹤；請選擇另一件，或送出您的通報。',
    followedTitle: '您已追蹤這件通報',
    followedBody: '案件 {caseNumber} 修好時，我們會寄信到 {email} 通知您。您的通報沒有另外送出。',
    followedLink: '查看案件 {caseNumber} 的處理情形',
    reportAnother: '通報其他問題',
    sentTitle: '通報已送出',
    caseNumberPanel: '案件編號',
    lookupCodePanel: '查詢碼',
    keepCodes: '請記下案件編號與查詢碼，查詢處理進度時需要用到。',
    whatNext: '接下來',
    routedTo: '您的「{category}」通報已分派給{unit}處理。',
    expectedHours: '我們會在 {deadline}處理，最晚 {due}。',
    expectedDate: '預計在 {date}前處理完成（處理期限 {deadline}）。',
    emailSent: '我們已寄一封確認信到 {email}。',
    emailConfirm:
      '請開啟信中的連結，按下「確認我的通報」；確認後，通報才會顯示在公開的通報地圖上。案件已經開始處理，不必等確認。',
    emailConfirmed:
      '您先前已確認過這個電子郵件，所以通報已經顯示在公開的通報地圖上；修好時我們會寄信通知您。',
    noEmail: '您沒有留下電子郵件，所以不會收到確認信；請用案件編號與查詢碼查詢進度。',
    trackLink: '查詢處理進度',
    publicLink: '查看公開的通報頁面',
    sentGoneTitle: '無法顯示這份通報的確認頁',
    sentGoneBody:
      '確認頁只在送出通報的瀏覽器上顯示 1 小時。請用案件編號與查詢碼到「案件查詢」查看處理進度；寄給您的信裡也有連結。',
    thanksBody: '謝謝您，我們已收到您的通報。',
    confirmTitle: '確認您的通報',
    confirmLead:
      '按下按鈕，確認這份通報是您送出的。確認後，通報會顯示在公開的通報地圖上（不會顯示您的電子郵件或電話）。',
    confirmButton: '確認我的通報',
    confirmedTitle: '已確認，謝謝您',
    confirmedBody: '案件 {caseNumber} 已顯示在公開的通報地圖上。之後用同一個電子郵件通報，就不需要再確認。',
    confirmedLink: '查看案件 {caseNumber} 的公開頁面',
    confirmUnknownTitle: '這個確認連結無效或已經用過',
    confirmUnknownBody:
      '通報可能已經確認過了。請用案件編號與查詢碼查詢處理進度；如有問題，請在上班時間撥打本局電話 {phone}。',
    limitedTitle: '短時間內送出太多通報',
    limitedBody:
      '一小時內從這個網路連線或這個聯絡方式送出的通報已達上限。請在 {time} 以後（約 {minutes} 分鐘後）再試一次。',
    limitedUrgent: '情況緊急時，請撥打市民服務專線 1999。',
  },
  en: {
    lead: 'Take a photo, mark the place, send it: no sign-in, done in a minute.',
    urgent:
      'If it endangers traffic or people now, call 1999 straight away; for an accident call 110 or 119.',
    categoryLegend: 'What is the problem?',
    categoryHint: 'Choose the closest one.',
    notListed:
      'For any other public-works problem, call the city hotline 1999, or the bureau on {phone} during office hours.',
    whereHeading: 'Where is it?',
    mapLabel: 'Map: drag the pin or tap the map to mark where the problem is',
    mapHint:
      'Drag the pin on the map to the problem, or tap the map; with a keyboard, the arrow keys move the pin when the map or the pin has focus. You can also just give an address or landmark below.',
    useMyLocation: 'Use my location',
    locating: 'Finding your location…',
    locationFailed:
      'Your location could not be found; mark the place on the map, or give an address and choose the district.',
    pinMoved: 'The pin is now at latitude {lat}, longitude {lon}.',
    photoPlace: 'The pin moved to where the photo was taken (latitude {lat}, longitude {lon}).',
    usePhotoPlace: 'Use where the photo was taken',
    pinAlt:
      'Pin marking the problem: drag it, or move it with the arrow keys (about 5 m a press, 50 m with Shift)',
    pinNudged: 'The pin moved {metres} m {direction}; it is now at latitude {lat}, longitude {lon}.',
    north: 'north',
    south: 'south',
    east: 'east',
    west: 'west',
    nearbyFound:
      '{count} open reports of this kind are within {radius} m; when you send yours you can choose to follow one of them.',
    nearbyItem: 'Case {number}: {state}, about {distance} m away',
    nearbyPhotoAlt: 'Photo of report {number}',
    placeAlternative:
      'No map? Give an address or landmark and choose the district: the report gets through just the same.',
    addressLabel: 'Address or landmark',
    addressHint:
      'For example “the corner of Zhongshan Rd and Wufu Rd, outside the 7-Eleven”. Not needed when the pin is placed.',
    districtLabel: 'District',
    districtBlank: 'Choose the district',
    coordinatesLegend: 'Coordinates',
    coordinatesHint:
      'The map fills these in; you can also type them, for example latitude 22.6273, longitude 120.3014.',
    latitudeLabel: 'Latitude',
    longitudeLabel: 'Longitude',
    photosLabel: 'Photos',
    photosHint:
      'Up to {max}, JPEG, PNG or WebP, each up to {size}. We use where a photo was taken to place the pin; the public copy has the location and every other detail removed.',
    questionsLegend: 'About “{category}”',
    questionsHint: 'Answer only for the kind of problem you chose.',
    answerRequired: 'Answer “{label}”.',
    answerNotChoice: 'Choose one of the answers to “{label}”.',
    answerNotNumber: 'Give a number for “{label}”.',
    pickBlank: 'Choose one',
    descriptionLabel: 'Describe the problem',
    descriptionHint: 'For example how big it is, how dangerous, which lane.',
    contactHeading: 'Your contact details',
    contactLead:
      'All optional. Leave an e-mail address and we send a confirmation and tell you when it is fixed; leave a phone number so the crew can call you if they cannot find the place.',
    nameLabel: 'Name',
    emailLabel: 'E-mail address',
    phoneLabel: 'Phone number',
    phoneHint: 'For example 0912345678 or 07-3368333',
    showNameLegend: 'Show your name on the public page of the report?',
    showNameNo: 'No, show “A resident”',
    showNameYes: 'Yes, show my name',
    privacyHeading:
      'How we use your personal data (notice under Article 8 of the Personal Data Protection Act)',
    submit: 'Send the report',
    honeypotLabel: 'Leave this field empty',
    photosAgain: 'Your photos were not kept: please choose the photos again.',
    carriedPhotosLost: 'The photos you chose before have expired: please choose the photos again.',
    nearbyTitle: 'Someone has already reported this nearby',
    nearbyLead:
      '{count} open “{category}” reports are within {radius} m. If one is the same problem, follow it and we will e-mail you when it is fixed.',
    nearbyListLabel: 'Open reports nearby',
    caseNumberLabel: 'Case number',
    stateLabel: 'Where it stands',
    distanceLabel: 'Distance',
    distance: 'about {metres} m',
    reportedLabel: 'Reported',
    photoAlt: 'Photo of report {caseNumber}',
    noPhoto: 'No photo',
    seeReport: 'See the public page of report {caseNumber}',
    chooseLegend: 'Which one is your problem?',
    chooseItem: 'Report {caseNumber}',
    followHeading: 'Follow a report already made',
    followEmailLabel: 'Your e-mail address',
    followEmailHint: 'Following needs an e-mail address: we write to you when it is fixed.',
    followButton: 'This is mine — follow it',
    differentHeading: 'Not the same problem',
    differentLead: 'Your report is sent and dealt with as usual.',
    differentButton: 'Mine is different — send my report',
    followEmailRequired: 'Enter your e-mail address to follow a report.',
    followChoiceRequired: 'Choose the report you want to follow.',
    followGone:
      'That report has been dealt with and cannot be followed; choose another, or send your report.',
    followedTitle: 'You are following this report',
    followedBody:
      'We will e-mail {email} when report {caseNumber} is fixed. Your own report was not sent separately.',
    followedLink: 'See how report {caseNumber} is going',
    reportAnother: 'Report another problem',
    sentTitle: 'Report sent',
    caseNumberPanel: 'Case number',
    lookupCodePanel: 'Lookup code',
    keepCodes: 'Keep the case number and lookup code: you need them to follow the report.',
    whatNext: 'What happens next',
    routedTo: 'Your report of “{category}” has gone to the {unit}.',
    expectedHours: 'We deal with it {deadline}, by {due} at the latest.',
    expectedDate: 'We aim to have it done by {date} (deadline: {deadline}).',
    emailSent: 'We have sent a confirmation to {email}.',
    emailConfirm:
      'Open the link in it and press “Confirm my report”: the report then appears on the public map of reports. We have already started on it; we do not wait for the confirmation.',
    emailConfirmed:
      'You confirmed this address before, so the report is already on the public map of reports; we will e-mail you when it is fixed.',
    noEmail:
      'You gave no e-mail address, so no confirmation was sent: use the case number and lookup code to follow the report.',
    trackLink: 'Follow its progress',
    publicLink: 'See the public page of the report',
    sentGoneTitle: 'This confirmation page cannot be shown',
    sentGoneBody:
      'The confirmation page is shown only in the browser that sent the report, for an hour. Use the case number and lookup code on “Track a case”; the e-mail we sent you has a link too.',
    thanksBody: 'Thank you: we have your report.',
    confirmTitle: 'Confirm your report',
    confirmLead:
      'Press the button to confirm you sent this report. It then appears on the public map of reports (your e-mail and phone are never shown).',
    confirmButton: 'Confirm my report',
    confirmedTitle: 'Confirmed — thank you',
    confirmedBody:
      'Report {caseNumber} is now on the public map of reports. Your next reports from this address go on at once.',
    confirmedLink: 'See the public page of report {caseNumber}',
    confirmUnknownTitle: 'This confirmation link is not valid or was already used',
    confirmUnknownBody:
      'The report may already be confirmed. Use the case number and lookup code to follow it; if something is wrong, call the bureau on {phone} during office hours.',
    limitedTitle: 'Too many reports for now',
    limitedBody:
      'The most reports allowed in an hour from this connection or this contact have been sent. Please try again after {time} (in about {minutes} minutes).',
    limitedUrgent: 'If it is urgent, call the city hotline 1999.',
  },
});
export type ReportFormTextKey = Parameters<typeof reportFormText>[1];

const bureauPhone = BUREAU.contact.phone;

/** The bureau's phone number, for the sentences that name it. */
export const reportPhone = bureauPhone;

/**
 * The 個資法 §8 notice beside the contact fields (TAIWAN.md): who collects, why, what, how long, where, who
 * uses it, how, the person's rights, and what happens without it — for a report, where every contact
 * detail is optional.
 */
export function reportPrivacyNotice(lang: Lang): readonly string[] {
  return lang === 'en' ? privacyNoticeLines.en : privacyNoticeLines['zh-TW'];
}

const privacyNoticeLines = {
  'zh-TW': [
    '蒐集機關：高雄市政府工務局（以下稱本局）。',
    '蒐集目的：受理及處理您的報修通報，派工修復，通知您處理情形與結果，以及服務品質調查（個人資料保護法之特定目的：〇一九 陳情、請願、檢舉案件處理；一七三 其他公務機關對目標對象及一般不特定人所為之相關業務）。',
    '個人資料類別：辨識個人者（C001），即您自願留下的姓名、電子郵件與電話，以及照片中可能拍到的人物或車牌；照片的拍攝位置只用來標出地點。',
    '利用期間：自收件起至案件結案後，依檔案法及本局檔案保存年限規定保存的期間。',
    '利用地區：中華民國境內。',
    '利用對象：本局及本局所屬單位；案件移請其他主管機關辦理時，您的資料會隨案件移送該機關。',
    '利用方式：以書面、電子、電話或其他適當方式，於處理本案及通知您的必要範圍內利用。公開的通報頁面只顯示類別、行政區、約略位置、去除拍攝資訊的照片及處理情形，不顯示您的電子郵件與電話；只有您選擇公開時才顯示姓名。',
    `您的權利：您可以依個人資料保護法第 3 條，向本局請求查詢、閱覽、製給複製本、補充或更正、停止蒐集處理利用或刪除您的個人資料；請洽本局（電話 ${bureauPhone}）。`,
    '不提供的影響：姓名、電子郵件與電話都可以不填，通報一樣會處理；但本局將無法寄確認信、通知您處理結果，或在找不到地點時聯絡您。',
  ],
  en: [
    'Who collects: the Public Works Bureau, Kaohsiung City Government (the bureau).',
    'Why: to take and deal with your report, send a crew, tell you how it is going and how it ends, and for service-quality surveys (specific purposes under the Personal Data Protection Act: 019 handling petitions, requests and reports; 173 other public-sector business with target groups and the general public).',
    'What data: data identifying you (C001) — the name, e-mail address and phone number you choose to give, and any people or number plates your photos show; where a photo was taken is used only to place the report.',
    'For how long: from receipt until the end of the period for which the Archives Act and the bureau’s retention schedule keep the case after it is closed.',
    'Where: within the Republic of China (Taiwan).',
    'By whom: the bureau and its units; if the report is passed to another competent agency, your data goes with it to that agency.',
    'How: on paper, electronically, by phone or in another suitable way, only as far as needed to deal with the report and tell you about it. The public page of a report shows its category, district, approximate place, photos with their details removed and where it stands — never your e-mail or phone, and your name only if you choose so.',
    `Your rights: under Article 3 of the Act you may ask the bureau to let you see your data, give you a copy, complete or correct it, stop collecting, processing or using it, or delete it; contact the bureau on ${bureauPhone}.`,
    'If you do not give your data: name, e-mail and phone are all optional and the report is dealt with all the same; but the bureau cannot send you a confirmation, tell you the outcome, or call you if the crew cannot find the place.',
  ],
} as const;
