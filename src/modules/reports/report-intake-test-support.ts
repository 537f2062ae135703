/**
 * A report waiting before a browser test starts (test/browser/crew.test.ts, photo-report.test.ts): sent
 * through the real intake as the web form sends it, with one photo in the server's file store. Not a test
 * file itself.
 */
import { type TestAppLike, testCasesContext } from '../../../test/helpers/cases-context.ts';
import { createFilesystemStore } from '../../platform/files/file-store.ts';
import { noisyJpeg } from '../../platform/images/photo-test-support.ts';
import type { CaseRow } from '../cases/index.ts';
import { type SubmitReportInput, submitReport } from './report-intake.ts';

/** A large pothole at `place` with a 400 × 300 photo; `more` adds to the input (an address, an e-mail). */
export async function submitPotholeWithPhoto(
  server: TestAppLike & { config: { fileStoreDir: string } },
  place: { lat: number; lon: number },
  more: Partial<SubmitReportInput> = {},
): Promise<CaseRow> {
  const files = createFilesystemStore(server.config.fileStoreDir);
  const photo = await files.put(await noisyJpeg(400, 300));
  const submitted = await submitReport(
    testCasesContext(server),
    files,
    {
      serviceCode: 'pothole-report',
      latitude: place.lat,
      longitude: place.lon,
      description: '機車道上的坑洞。',
      formData: { size: 'large' },
      showName: false,
      lang: 'zh-TW',
      channel: 'web',
      ...more,
    },
    [{ ...photo, mediaType: 'image/jpeg', fileName: 'IMG_0001.jpg' }],
  );
  return submitted.row;
}

/**
 * The /report form's fields for a medium pothole at `point`, as the page posts them (every input, empty when
 * not filled in: no contact details, "show my name" no, the honeypot empty); `overrides` change any.
 */
export function potholeFormFields(
  point: { lat: number; lon: number },
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    serviceCode: 'pothole-report',
    latitude: point.lat.toFixed(6),
    longitude: point.lon.toFixed(6),
    address: '',
    districtCode: '',
    'answer.pothole-report.size': 'medium',
    description: '機車道有一個約 30 公分的坑洞，晚上很難看到。',
    applicantName: '',
    applicantEmail: '',
    applicantPhone: '',
    showName: 'no',
    homepage: '',
    ...overrides,
  };
}
