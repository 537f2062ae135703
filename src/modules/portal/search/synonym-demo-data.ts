/**
 * Demo synonyms (issue 15 §4): the words people use → the bureau's terms, so that 「挖馬路」 finds 道路挖掘 and
 * 「路燈壞了」 finds 路燈故障. Seeded once into an empty phrase (editors change or remove them at
 * /staff/search/synonyms; the seed never overwrites an editor's). `expansion` holds the bureau's terms
 * separated by spaces: a query holding the phrase also finds any of them.
 */
export interface DemoSynonym {
  readonly phrase: string;
  readonly expansion: string;
}

export const demoSynonyms: readonly DemoSynonym[] = [
  // Roads
  { phrase: '挖馬路', expansion: '道路挖掘 管線挖埋' },
  { phrase: '挖路', expansion: '道路挖掘' },
  { phrase: '馬路', expansion: '道路' },
  { phrase: '修路', expansion: '道路養護 道路修補' },
  { phrase: '路不平', expansion: '路面不平 道路養護' },
  { phrase: '破洞', expansion: '坑洞' },
  { phrase: '凹洞', expansion: '坑洞 下陷' },
  { phrase: '路面塌陷', expansion: '路面下陷 坑洞' },
  { phrase: '柏油', expansion: '路面 瀝青' },
  { phrase: '人孔蓋', expansion: '人孔' },
  { phrase: '水溝', expansion: '側溝 排水' },
  { phrase: '淹水', expansion: '積水 排水' },
  { phrase: '接水管', expansion: '管線挖埋 道路挖掘' },
  { phrase: '人行道不平', expansion: '人行道破損 高低不平' },
  { phrase: '騎樓不平', expansion: '騎樓破損 高低不平' },
  { phrase: '地磚翹起', expansion: '地磚鬆動' },
  // Street lights and trees
  { phrase: '路燈壞了', expansion: '路燈故障 路燈維修' },
  { phrase: '路燈不亮', expansion: '路燈故障 路燈維修' },
  { phrase: '路燈一直閃', expansion: '路燈閃爍 路燈維修' },
  { phrase: '燈不亮', expansion: '路燈故障' },
  { phrase: '路樹', expansion: '行道樹' },
  { phrase: '樹枝太長', expansion: '行道樹修剪' },
  { phrase: '樹倒了', expansion: '行道樹 倒塌' },
  { phrase: '壞了', expansion: '損壞 故障' },
  // Parks
  { phrase: '溜滑梯', expansion: '遊具 兒童遊戲設施' },
  { phrase: '盪鞦韆', expansion: '遊具 兒童遊戲設施' },
  { phrase: '公廁', expansion: '公共廁所' },
  { phrase: '認養公園', expansion: '公園認養' },
  // Buildings
  { phrase: '違建', expansion: '違章建築' },
  { phrase: '頂樓加蓋', expansion: '違章建築 頂樓' },
  { phrase: '鐵皮屋', expansion: '違章建築 鐵皮' },
  { phrase: '陽台外推', expansion: '違章建築' },
  { phrase: '太陽能板', expansion: '太陽光電' },
  { phrase: '太陽能', expansion: '太陽光電' },
  { phrase: '蓋房子', expansion: '建造執照 建築' },
  { phrase: '建照', expansion: '建造執照' },
  { phrase: '使照', expansion: '使用執照' },
  { phrase: '裝潢', expansion: '室內裝修' },
  { phrase: '開工', expansion: '開工申報' },
  { phrase: '勘驗', expansion: '施工勘驗' },
  // Asking and following up
  { phrase: '檢舉', expansion: '查報 陳情' },
  { phrase: '投訴', expansion: '陳情' },
  { phrase: '報修', expansion: '維修 通報' },
  { phrase: '申請書', expansion: '書表 申請表' },
  { phrase: '表格', expansion: '書表' },
  { phrase: '招標', expansion: '採購' },
  { phrase: '查進度', expansion: '案件查詢 處理進度' },
];
