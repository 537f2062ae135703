import type { ModulePart } from '../../../platform/composition/module-part.ts';
import { contentStaffPaths } from '../shared/portal-paths.ts';

/** Content editing (drafts, review, scheduling, versions, attachments): its share of the portal manifest. */
export const contentEditorPart: ModulePart = {
  routes: [
    {
      load: () => import('./content-editor-routes.tsx').then((file) => file.contentEditorRoutes),
    },
    {
      load: () => import('./content-editor-file-routes.tsx').then((file) => file.contentEditorFileRoutes),
      takesFiles: true,
    },
  ],
  staffAreas: [
    {
      id: 'portal.content',
      group: 'content',
      label: {
        'zh-TW': '網站資訊內容：公告、新聞稿、法規、書表與專題的撰寫、審核及排程上架',
        en: 'Website information: writing, reviewing and scheduling announcements, news, regulations, forms and topics',
      },
      path: contentStaffPaths.list,
      roles: ['web_editor', 'admin'],
    },
  ],
  auditActions: [
    {
      action: 'portal.content.created',
      label: { 'zh-TW': '新增網站資訊（草稿）', en: 'Website item created (draft)' },
    },
    {
      action: 'portal.content.saved',
      label: { 'zh-TW': '儲存網站資訊的版本', en: 'Website item version saved' },
    },
    {
      action: 'portal.content.submitted',
      label: { 'zh-TW': '網站資訊送請審核', en: 'Website item sent for review' },
    },
    {
      action: 'portal.content.approved',
      label: { 'zh-TW': '核准網站資訊上架', en: 'Website item approved for publication' },
    },
    {
      action: 'portal.content.returned',
      label: { 'zh-TW': '退回網站資訊修改', en: 'Website item returned for changes' },
    },
    {
      action: 'portal.content.withdrawn',
      label: { 'zh-TW': '網站資訊下架', en: 'Website item taken down' },
    },
    {
      action: 'portal.content.file_added',
      label: { 'zh-TW': '網站資訊加入附件', en: 'File added to a website item' },
    },
    {
      action: 'portal.content.file_changed',
      label: { 'zh-TW': '修改網站資訊附件的名稱、用途或排序', en: 'File of a website item changed' },
    },
    {
      action: 'portal.content.file_removed',
      label: { 'zh-TW': '網站資訊移除附件', en: 'File removed from a website item' },
    },
  ],
};
