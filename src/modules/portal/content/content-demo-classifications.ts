import type { Classification } from '../../../platform/reference/service-classification.ts';

/**
 * DEMO theme (主題分類) and administrative (施政分類) lists, loaded only when those tables are empty: the
 * official lists were not found (docs TAIWAN.md, "Metadata"), and the portal needs codes to classify and
 * browse its demo content. Every name says 示範 / demo, so nobody mistakes them for the official codes; an
 * admin replaces them by loading the official files (`classification-rows.ts`).
 */

function row(code: string, nameZh: string, nameEn: string, parentCode: string | null = null): Classification {
  return { code, nameZh: `${nameZh}（示範）`, nameEn: `${nameEn} (demo)`, parentCode };
}

/** Nine top-level themes a public works bureau's content falls under, some with narrower themes. */
export const demoThemeClassifications: readonly Classification[] = [
  row('310', '交通', 'Transport'),
  row('311', '道路挖掘與管線', 'Road excavation and utility lines', '310'),
  row('312', '人行道與騎樓', 'Pavements and arcades', '310'),
  row('313', '道路養護', 'Road maintenance', '310'),
  row('320', '營建', 'Building'),
  row('321', '建造執照與使用執照', 'Building and occupancy permits', '320'),
  row('322', '違章建築', 'Illegal buildings', '320'),
  row('323', '建築物公共安全', 'Building safety', '320'),
  row('330', '都市發展', 'Urban development'),
  row('331', '空地綠美化', 'Greening of vacant lots', '330'),
  row('340', '環境', 'Environment'),
  row('341', '綠建築', 'Green building', '340'),
  row('342', '再生能源', 'Renewable energy', '340'),
  row('350', '公共安全', 'Public safety'),
  row('360', '公園與路燈', 'Parks and street lights'),
  row('361', '公園', 'Parks', '360'),
  row('362', '路燈', 'Street lights', '360'),
  row('370', '公共工程', 'Public works'),
  row('380', '預算與採購', 'Budgets and procurement'),
  row('390', '機關資訊', 'About the bureau'),
];

/** The bureau's policy areas (施政), one per line of work. */
export const demoCakeClassifications: readonly Classification[] = [
  row('610', '工程企劃與管理', 'Engineering planning and management'),
  row('620', '建築管理', 'Building administration'),
  row('630', '違章建築查報拆除', 'Illegal building enforcement'),
  row('640', '新建工程', 'New construction'),
  row('650', '道路養護與挖掘管理', 'Road maintenance and excavation'),
  row('660', '公園及路燈', 'Parks and street lights'),
  row('670', '行政管理', 'Administration'),
];
