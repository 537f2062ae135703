/**
 * The service catalogue: what the module brings to the app, and its public surface for other modules.
 * Other modules import from here only (npm run lint checks it).
 */
import type { AppModule } from '../../platform/composition/app-module.ts';
import { catalogueSearchSource } from './catalogue-search.ts';

export type { ChecklistItem, Deadline, Fee, FormField, ServiceKind } from './catalogue-schemas.ts';
export {
  catalogueGeneration,
  getCurrentServices,
  getService,
  listServices,
  type ServiceDetail,
  type ServiceSummary,
} from './catalogue-service.ts';
export { deadlineExplanation, deadlineText } from './deadline-text.ts';
export { type FormFieldWords, formFieldWords } from './form-field-words.ts';
export {
  currentServiceVersion,
  getServiceVersion,
  type ServiceNames,
  type ServiceVersionFacts,
  serviceExists,
  serviceNamesOf,
} from './service-versions.ts';

export const catalogueModule: AppModule = {
  name: 'catalogue',
  openData: [
    {
      id: 'catalogue.services',
      title: { 'zh-TW': '服務項目（申辦須知）API', en: 'Services (how to apply) API' },
      description: {
        'zh-TW': '本局各項服務的名稱、類型、承辦單位、應備文件、費用、處理期限及線上申辦欄位，回傳 JSON。',
        en: 'Every service of the bureau: name, kind, unit, documents needed, fees, processing time and the online form’s fields, in JSON.',
      },
      formats: [
        { format: 'JSON', path: '/api/services' },
        { format: 'JSON', path: '/api/services/road-excavation-permit' },
      ],
      updates: { 'zh-TW': '服務項目異動時即時更新', en: 'As services change' },
    },
  ],
  publicReads: [
    {
      route: '/services',
      examples: ['/services', '/services?q=%E9%81%93%E8%B7%AF', '/services?kind=application'],
      scopes: ['catalogue'],
      query: 'key',
    },
    {
      route: '/services/:code',
      examples: ['/services/utility-pipeline-works', '/services/road-excavation-permit'],
      scopes: ['catalogue'],
      query: 'none',
    },
    { route: '/api/services', scopes: ['catalogue'], query: 'key', oneLanguage: true },
    {
      route: '/api/services/:code',
      examples: ['/api/services/utility-pipeline-works'],
      scopes: ['catalogue'],
      query: 'key',
      oneLanguage: true,
    },
  ],
  routes: [
    { load: () => import('./catalogue-routes.tsx').then((file) => file.catalogueRoutes) },
    { load: () => import('./catalogue-admin-routes.tsx').then((file) => file.catalogueAdminRoutes) },
  ],
  staffAreas: [
    {
      id: 'catalogue.content',
      group: 'content',
      label: {
        'zh-TW': '網站內容：公告、常見問答、書表與標準作業程序',
        en: 'Website content: announcements, FAQ, forms and procedures',
      },
      path: '/staff/catalogue',
      roles: ['web_editor', 'admin'],
    },
  ],
  searchSources: [catalogueSearchSource],
  seeds: [
    {
      name: 'demo service versions',
      run: async (tx) => (await import('./catalogue-demo-seed.ts')).seedDemoCatalogue(tx),
    },
  ],
  auditActions: [
    {
      action: 'catalogue.service_published',
      label: { 'zh-TW': '發布服務項目的新版本', en: 'Service version published' },
    },
  ],
};
