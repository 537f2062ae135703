/**
 * Photo reports (工務自拍速必修, issue 10): a citizen reports a pothole, a dark street light or a broken park
 * bench with photos and a map pin; a crew fixes it with an after-photo; the public follows it on a map.
 * A report is a case of kind `field_report` (the case core routes it, holds its deadline and timeline);
 * this module adds its photos, the nearby-duplicate step, the public map and feeds, and the crews' page.
 * Other modules (Open311) file and read reports through the exports below.
 */
import type { AppModule } from '../../platform/composition/app-module.ts';
import { reportPaths } from './report-paths.ts';
import { reportTopics } from './templates/index.ts';

export const reportsModule: AppModule = {
  name: 'reports',
  openData: [
    {
      id: 'reports.all',
      title: { 'zh-TW': '報修案件（全部，含位置）', en: 'Reported problems (all, with places)' },
      description: {
        'zh-TW': '民眾通報並已公開的全部案件（已遮蔽個人資料）：類別、狀態、行政區、村里、位置及時間。',
        en: 'Every published report from residents (personal data masked): category, status, district, village, place and times.',
      },
      formats: [
        { format: 'CSV', path: '/open-data/reports.csv' },
        { format: 'GeoJSON', path: '/open-data/reports.geojson' },
      ],
      updates: { 'zh-TW': '即時', en: 'Live' },
    },
    {
      id: 'reports.map',
      title: { 'zh-TW': '報修案件地圖範圍查詢 API', en: 'Reported problems in a map area (API)' },
      description: {
        'zh-TW': '地圖範圍（經緯度）內最新的已公開案件，GeoJSON；用法見「開放資料：報修案件」。',
        en: 'The newest published reports in a map area (longitude and latitude), in GeoJSON; how to ask: “Open data: reported problems”.',
      },
      formats: [{ format: 'GeoJSON', path: '/api/reports.geojson?bbox=120.25,22.55,120.40,22.70' }],
      updates: { 'zh-TW': '即時', en: 'Live' },
    },
    {
      id: 'reports.feed',
      title: {
        'zh-TW': '最新報修案件訂閱（可依行政區、類別）',
        en: 'Newest reported problems (by district or category)',
      },
      description: {
        'zh-TW': '最新 50 件已公開的報修案件，可加上行政區、類別或狀態篩選。',
        en: 'The newest 50 published reports, filtered by district, category or status if you like.',
      },
      formats: [{ format: 'Atom', path: '/reports/feed.atom' }],
      updates: { 'zh-TW': '即時', en: 'Live' },
    },
  ],
  // What citizens report changes all day and no publication announces it: kept a few seconds.
  publicReads: [
    { route: '/report', scopes: ['catalogue'], query: 'none' },
    { route: '/reports', scopes: ['reports'], query: 'key', maxAgeSeconds: 5 },
    { route: '/reports/:number', scopes: ['reports'], query: 'none', maxAgeSeconds: 5 },
    { route: '/reports/feed.atom', scopes: ['reports'], query: 'key', maxAgeSeconds: 5 },
    {
      route: '/api/reports.geojson',
      scopes: ['reports'],
      query: 'key',
      keepsOwnAnswers: true,
      oneLanguage: true,
    },
    { route: '/open-data/reports', scopes: [], query: 'none' },
  ],
  routes: [
    { load: () => import('./report-routes.tsx').then((file) => file.reportRoutes), takesFiles: true },
    { load: () => import('./public-report-routes.tsx').then((file) => file.publicReportRoutes) },
    { load: () => import('./crew-routes.tsx').then((file) => file.crewRoutes), takesFiles: true },
  ],
  staffAreas: [
    {
      id: 'reports.crew',
      group: 'casework',
      label: {
        'zh-TW': '維修派工：現場通報的地圖與清單（依距離排序），附照片標記已修復',
        en: 'Field crews: reports on a map and by distance; mark them fixed with an after-photo',
      },
      path: reportPaths.crew,
      roles: ['handler', 'supervisor'],
    },
  ],
  auditActions: [
    {
      action: 'report.photo_hidden',
      label: { 'zh-TW': '對外隱藏通報照片', en: 'Report photo hidden from the public' },
    },
  ],
  notificationTopics: Object.values(reportTopics),
  demoData: [
    {
      name: 'demo photo reports',
      run: async (context) => (await import('./report-demo-seed.ts')).seedDemoReports(context),
    },
  ],
};

export {
  heldPhotoInputs,
  maxReportPhotos,
  type ReportPhotoFile,
  type SubmitReportInput,
  type SubmittedReport,
  submitReport,
} from './report-intake.ts';
export { reportPaths } from './report-paths.ts';
export { publicPoint } from './report-place.ts';
export { findNearbyOpenReports, type NearbyReport, photosOf, type ReportPhoto } from './report-queries.ts';
export { fieldReports, reportPhotos } from './reports-schema.ts';
