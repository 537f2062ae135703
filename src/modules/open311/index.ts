/**
 * Open311 GeoReport v2: other systems (the 1999 citizen line, apps, researchers) read the bureau's report
 * categories and the published photo reports, and file reports with an API key, in the open standard.
 * The manifest says what the module brings; the machine routes stay outside the site (no cookies, no
 * CSRF), the admins' page for the keys inside it.
 */
import type { AppModule } from '../../platform/composition/app-module.ts';
import { apiKeyCommands } from './api-key-commands.ts';
import { apiKeyText } from './api-key-messages.ts';
import { apiKeyPaths } from './api-key-paths.ts';

export const open311Module: AppModule = {
  name: 'open311',
  openData: [
    {
      id: 'open311.services',
      title: { 'zh-TW': 'Open311 報修類別', en: 'Open311 report categories' },
      description: {
        'zh-TW': '可透過 Open311 GeoReport v2 標準通報的類別及各類別的填寫欄位，JSON 及 XML。',
        en: 'The categories that can be reported through the Open311 GeoReport v2 standard and each one’s fields, in JSON and XML.',
      },
      formats: [
        { format: 'JSON', path: '/open311/v2/services.json' },
        { format: 'XML', path: '/open311/v2/services.xml' },
        { format: 'JSON', path: '/open311/discovery.json' },
      ],
      updates: { 'zh-TW': '類別異動時即時更新', en: 'As categories change' },
    },
    {
      id: 'open311.requests',
      title: { 'zh-TW': 'Open311 報修案件', en: 'Open311 service requests' },
      description: {
        'zh-TW':
          '已公開的報修案件（已遮蔽個人資料）：類別、狀態、位置及時間，依 Open311 GeoReport v2 標準，JSON 及 XML。',
        en: 'Published reports (personal data masked): category, status, place and times, in the Open311 GeoReport v2 standard, in JSON and XML.',
      },
      formats: [
        { format: 'JSON', path: '/open311/v2/requests.json' },
        { format: 'XML', path: '/open311/v2/requests.xml' },
      ],
      updates: { 'zh-TW': '即時', en: 'Live' },
    },
  ],
  publicReads: [
    { route: '/open311/discovery.json', scopes: ['catalogue'], query: 'none', oneLanguage: true },
    { route: '/open311/discovery.xml', scopes: ['catalogue'], query: 'none', oneLanguage: true },
    {
      route: '/open311/v2/services/:file',
      examples: ['/open311/v2/services/pothole-report.json', '/open311/v2/services/street-light-repair.xml'],
      scopes: ['catalogue'],
      query: 'key',
      oneLanguage: true,
    },
    {
      route: '/open311/v2/:file',
      examples: ['/open311/v2/services.json', '/open311/v2/services.xml'],
      scopes: ['catalogue'],
      query: 'key',
      oneLanguage: true,
    },
    {
      route: '/open311/v2/requests.json',
      scopes: ['reports'],
      query: 'key',
      keepsOwnAnswers: true,
      oneLanguage: true,
    },
    {
      route: '/open311/v2/requests.xml',
      scopes: ['reports'],
      query: 'key',
      keepsOwnAnswers: true,
      oneLanguage: true,
    },
    {
      route: '/open311/v2/servicerequestupdates.json',
      scopes: ['reports'],
      query: 'key',
      keepsOwnAnswers: true,
      oneLanguage: true,
    },
    {
      route: '/open311/v2/servicerequestupdates.xml',
      scopes: ['reports'],
      query: 'key',
      keepsOwnAnswers: true,
      oneLanguage: true,
    },
  ],
  routes: [
    {
      load: () => import('./open311-routes.ts').then((file) => file.open311Routes),
      isOutsideSite: true,
    },
    {
      load: () => import('./open311-request-routes.ts').then((file) => file.open311RequestRoutes),
      isOutsideSite: true,
    },
    {
      // Multipart (a `media` photo) is read in this group only.
      load: () => import('./open311-post-routes.ts').then((file) => file.open311PostRoutes),
      isOutsideSite: true,
      takesFiles: true,
    },
    { load: () => import('./api-key-routes.tsx').then((file) => file.apiKeyRoutes) },
  ],
  staffAreas: [
    {
      id: 'open311.api-keys',
      group: 'administration',
      label: { 'zh-TW': apiKeyText('zh-TW', 'areaLabel'), en: apiKeyText('en', 'areaLabel') },
      path: apiKeyPaths.list,
      roles: ['admin'],
    },
  ],
  auditActions: [
    {
      action: 'open311.api_key.created',
      label: { 'zh-TW': '建立 Open311 API 金鑰', en: 'Open311 API key created' },
    },
    {
      action: 'open311.api_key.revoked',
      label: { 'zh-TW': '撤銷 Open311 API 金鑰', en: 'Open311 API key revoked' },
    },
  ],
  commands: apiKeyCommands,
};

export { jurisdictionId } from './open311-http.ts';
