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
