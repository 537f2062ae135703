import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { recordStoredFile } from '../../platform/files/file-store.ts';
import { InvalidCoordinatesError } from '../../platform/geo/locate.ts';
import { DomainError, type FieldProblem } from '../../platform/http/errors.ts';
import { type ProcessedPhoto, processPhoto } from '../../platform/images/photos.ts';
import { isPhoneNumber, normalisePhone } from '../../platform/reference/phone-numbers.ts';
import type { HeldFile } from '../../platform/uploads/multipart.ts';
import { fieldLimits } from '../../platform/web/components/field-limits.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { type CaseRow, type CasesContext, openCase } from '../cases/index.ts';
import { getService } from '../catalogue/index.ts';
import { queueReportConfirmation } from './report-notices.ts';
import { locateReport } from './report-place.ts';
import { reportText } from './reports-messages.ts';
import { fieldReports, reportConfirmedAddresses, reportPhotos } from './reports-schema.ts';

/**
 * A photo report comes in (工務自拍速必修): from the /report form or an Open311 client. It becomes a case of
 * kind `field_report` — routed, with its deadline and receipt notice, by the case core — plus what only a
 * report has: its village, its photos (a public copy without metadata and a thumbnail beside the original)
 * and whether it is on the public map yet. Everything is checked first and every problem listed at once;
 * then one transaction writes the case, the report and its photos, or nothing.
 */

export const maxReportPhotos = 3;

/**
 * A file sent as a photo, not yet known to be one: held by readMultipartForm (`held`, its input in
 * `holdFiles`) until it is decoded and kept with its report, or already in the file store (a photo carried
 * from the duplicate step, a test's).
 */
export interface ReportPhotoFile {
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  /** As the person named it, for messages. */
  fileName: string;
  /** Not in the store yet: committed by `keepPhotoFiles` or with its report; removed when the request ends otherwise. */
  held?: HeldFile | undefined;
}

/** The file inputs whose photos readMultipartForm holds until they are decoded (its `holdFiles`). */
export const heldPhotoInputs = ['photos', 'media'] as const;

/** Puts held photos in the file store (the duplicate step carries them to the next request). */
export async function keepPhotoFiles(photos: readonly ReportPhotoFile[]): Promise<void> {
  for (const photo of photos) await photo.held?.commit();
}

export interface SubmitReportInput {
  serviceCode: string;
  latitude?: number | undefined;
  longitude?: number | undefined;
  districtCode?: string | undefined;
  /** An address or a landmark ("中山路與五福路口，7-11 前"). */
  address?: string | undefined;
  description: string;
  /** Answers to the category's own questions (the pole number, what is wrong). */
  formData?: Record<string, string> | undefined;
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  showName: boolean;
  /** The reporter's language: their notices are in it. */
  lang: Lang;
  channel: 'web' | 'api';
  /** The API key's name, for a report filed through Open311. */
  clientName?: string | undefined;
  /** Problems the caller found itself (a file too large or not an image): listed with the rest. */
  knownProblems?: readonly FieldProblem[] | undefined;
}

export interface SubmittedReport {
  row: CaseRow;
  serviceNameZh: string;
  serviceNameEn: string;
  /** Null while it waits for the e-mail confirmation. */
  publishedAt: Date | null;
  /** An e-mail with a confirmation link went to the reporter: it goes on the public map once they click. */
  awaitsConfirmation: boolean;
  photoCount: number;
  /** The Open311 token of a report filed through the API. */
  open311Token: string | null;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const blank = (value: string | undefined) => value === undefined || value.trim() === '';

/** SHA-256 (hex) of a lower-cased e-mail address or a token: what the tables keep instead of the secret. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

interface CheckedPlace {
  districtCode: string | undefined;
  villageCode: string | null;
}

/** The point must lie in Kaohsiung; without one, an address or landmark and a district are needed. */
function checkPlace(input: SubmitReportInput, problems: FieldProblem[]): CheckedPlace {
  const { lang } = input;
  const hasLat = input.latitude !== undefined;
  const hasLon = input.longitude !== undefined;
  if (hasLat !== hasLon) {
    problems.push({ field: 'latitude', code: 'incomplete', message: reportText(lang, 'coordinatesHalf') });
    return { districtCode: input.districtCode, villageCode: null };
  }
  if (hasLat && hasLon) {
    try {
      const located = locateReport(input.latitude as number, input.longitude as number);
      if (!located.inKaohsiung) {
        problems.push({
          field: 'latitude',
          code: 'outside_kaohsiung',
          message: reportText(lang, 'outsideKaohsiung'),
        });
        return { districtCode: input.districtCode, villageCode: null };
      }
      // The point decides the district: a district chosen as well cannot contradict it.
      return { districtCode: located.district.code, villageCode: located.village?.code ?? null };
    } catch (error) {
      if (!(error instanceof InvalidCoordinatesError)) throw error;
      problems.push({ field: 'latitude', code: 'invalid', message: reportText(lang, 'coordinatesInvalid') });
      return { districtCode: input.districtCode, villageCode: null };
    }
  }
  if (blank(input.address) || blank(input.districtCode))
    problems.push({ field: 'address', code: 'required', message: reportText(lang, 'placeRequired') });
  return { districtCode: input.districtCode, villageCode: null };
}

function checkReporter(input: SubmitReportInput, problems: FieldProblem[]): void {
  const { lang } = input;
  const add = (field: string, code: string, key: Parameters<typeof reportText>[1]) =>
    problems.push({ field, code, message: reportText(lang, key) });
  if (blank(input.description)) add('description', 'required', 'descriptionRequired');
  else if (input.description.trim().length > fieldLimits.longText)
    problems.push({
      field: 'description',
      code: 'too_long',
      message: reportText(lang, 'descriptionTooLong', { limit: fieldLimits.longText }),
    });
  if ((input.name ?? '').trim().length > fieldLimits.personName)
    add('applicantName', 'too_long', 'nameTooLong');
  if (input.showName && blank(input.name)) add('applicantName', 'required_to_show', 'nameToShowRequired');
  const email = (input.email ?? '').trim();
  if (email !== '' && (!emailPattern.test(email) || email.length > fieldLimits.email))
    add('applicantEmail', 'invalid', 'emailInvalid');
  const phone = normalisePhone(input.phone);
  if (phone !== '' && !isPhoneNumber(phone)) add('applicantPhone', 'invalid', 'phoneInvalid');
}

/**
 * The checks of a report that need neither the database nor its photos (the place, the description, the
 * contact details): the /report form runs them before its nearby-duplicate step, so that step is offered
 * only for a report that would go in.
 */
export function reportFieldProblems(input: SubmitReportInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  checkPlace(input, problems);
  checkReporter(input, problems);
  return problems;
}

/** Each photo decoded and re-encoded (a slot per CPU, all of them for a very large one); a refused one is a problem naming the file. */
async function processPhotos(
  files: FileStore,
  photos: readonly ReportPhotoFile[],
  lang: Lang,
  problems: FieldProblem[],
): Promise<{ file: ReportPhotoFile; processed: ProcessedPhoto }[]> {
  if (photos.length > maxReportPhotos) {
    problems.push({
      field: 'photos',
      code: 'too_many_files',
      message: reportText(lang, 'tooManyPhotos', { max: maxReportPhotos, count: photos.length }),
    });
    return [];
  }
  const results = await Promise.all(
    photos.map(async (file) => {
      const held = file.held;
      const path = held === undefined ? files.localPath(file.sha256) : held.path;
      const source = path !== null ? { path } : { buffer: await (held?.read() ?? files.read(file.sha256)) };
      // processPhoto waits for its own slot of the process's photo queue.
      return { file, result: await processPhoto(source, lang) };
    }),
  );
  const accepted: { file: ReportPhotoFile; processed: ProcessedPhoto }[] = [];
  for (const { file, result } of results) {
    if ('code' in result) {
      problems.push({
        field: 'photos',
        code: `photo_${result.code}`,
        message: reportText(lang, 'photoRefused', { name: file.fileName, reason: result.message }),
      });
    } else accepted.push({ file, processed: result });
  }
  return accepted;
}

/**
 * Stores a photo's three files and its row, in the report's transaction. The original keeps its bytes as
 * sent (staff only); the public copy and the thumbnail are the re-encoded ones.
 */
export async function addReportPhoto(
  tx: Transaction,
  files: FileStore,
  photo: { file: ReportPhotoFile; processed: ProcessedPhoto },
  where: { caseId: string; role: 'report' | 'fix' | 'not_fixed'; position: number; staffId: string | null },
  at: Date,
): Promise<string> {
  await photo.file.held?.commit();
  const publicCopy = await files.put(photo.processed.publicImage);
  const thumbnail = await files.put(photo.processed.thumbnail);
  await recordStoredFile(tx, { ...photo.file }, at);
  await recordStoredFile(tx, { ...publicCopy, mediaType: 'image/jpeg' }, at);
  await recordStoredFile(tx, { ...thumbnail, mediaType: 'image/jpeg' }, at);
  const [row] = await tx
    .insert(reportPhotos)
    .values({
      caseId: where.caseId,
      role: where.role,
      position: where.position,
      originalSha256: photo.file.sha256,
      originalMediaType: photo.file.mediaType,
      publicSha256: publicCopy.sha256,
      thumbSha256: thumbnail.sha256,
      width: photo.processed.width,
      height: photo.processed.height,
      addedAt: at,
      addedByStaffId: where.staffId,
    })
    .returning({ id: reportPhotos.id });
  if (row === undefined) throw new Error('insert into report_photos returned no row');
  return row.id;
}

/** Processes photos for a later step (the crew's after-photo, "not fixed"): problems thrown all at once. */
export async function checkedPhotos(
  files: FileStore,
  photos: readonly ReportPhotoFile[],
  lang: Lang,
  knownProblems: readonly FieldProblem[] = [],
): Promise<{ file: ReportPhotoFile; processed: ProcessedPhoto }[]> {
  const problems = [...knownProblems];
  const accepted = await processPhotos(files, photos, lang, problems);
  if (problems.length > 0)
    throw new DomainError('VALIDATION_FAILED', reportText(lang, 'invalidReport'), { problems });
  return accepted;
}

export async function submitReport(
  context: CasesContext,
  files: FileStore,
  input: SubmitReportInput,
  photos: readonly ReportPhotoFile[],
  options: {
    /** Runs last in the report's transaction (an API's idempotency key: platform/http/idempotency.ts). */
    inTransaction?: (tx: Transaction, row: CaseRow) => Promise<void>;
  } = {},
): Promise<SubmittedReport> {
  const { db, now, lang } = context;
  const problems: FieldProblem[] = [...(input.knownProblems ?? [])];
  const service = blank(input.serviceCode) ? null : await getService(db, { code: input.serviceCode.trim() });
  if (blank(input.serviceCode))
    problems.push({ field: 'serviceCode', code: 'required', message: reportText(lang, 'categoryRequired') });
  else if (service === null || service.kind !== 'field_report')
    problems.push({ field: 'serviceCode', code: 'unknown', message: reportText(lang, 'categoryUnknown') });
  const place = checkPlace(input, problems);
  checkReporter(input, problems);
  const accepted = await processPhotos(files, photos, lang, problems);

  const email = (input.email ?? '').trim().toLowerCase();
  const isConfirmedAddress =
    email !== '' &&
    (await db
      .select({ hash: reportConfirmedAddresses.emailHash })
      .from(reportConfirmedAddresses)
      .where(eq(reportConfirmedAddresses.emailHash, sha256Hex(email)))
      .then((rows) => rows.length > 0));
  // A report from a new e-mail address waits for its confirmation link before it goes on the public map
  // (the case is routed at once either way). Reports without an address are limited per IP by the route;
  // an API client answers for its own (its key).
  const awaitsConfirmation = email !== '' && !isConfirmedAddress && input.channel === 'web';
  const confirmToken = awaitsConfirmation ? randomBytes(24).toString('base64url') : null;
  const open311Token = input.channel === 'api' ? randomBytes(12).toString('base64url') : null;
  const publishedAt = awaitsConfirmation ? null : now;

  try {
    const row = await openCase(
      context,
      {
        serviceCode: input.serviceCode.trim(),
        channel: input.channel,
        applicantType: 'person',
        applicantName: (input.name ?? '').trim(),
        applicantPhone: input.phone,
        applicantEmail: email === '' ? undefined : email,
        applicantLang: lang,
        // The §8 notice is on the form beside the contact fields; sending the report is the consent.
        consent: true,
        subject: service === null ? undefined : service.nameZh,
        description: input.description,
        formData: input.formData,
        districtCode: place.districtCode,
        address: input.address,
        latitude: input.latitude,
        longitude: input.longitude,
      },
      { kind: 'applicant' },
      {
        knownProblems: problems,
        inTransaction: async (tx, caseRow) => {
          await tx.insert(fieldReports).values({
            caseId: caseRow.id,
            villageCode: place.villageCode,
            showName: input.showName,
            publishedAt,
            confirmTokenHash: confirmToken === null ? null : sha256Hex(confirmToken),
            clientName: input.clientName ?? null,
            open311Token,
          });
          for (const [index, photo] of accepted.entries()) {
            await addReportPhoto(
              tx,
              files,
              photo,
              { caseId: caseRow.id, role: 'report', position: index + 1, staffId: null },
              now,
            );
          }
          if (confirmToken !== null) {
            const serviceName = lang === 'en' ? (service?.nameEn ?? '') : (service?.nameZh ?? '');
            await queueReportConfirmation(tx, context, caseRow, confirmToken, serviceName);
          }
          if (options.inTransaction !== undefined) await options.inTransaction(tx, caseRow);
        },
      },
    );
    return {
      row,
      serviceNameZh: service?.nameZh ?? '',
      serviceNameEn: service?.nameEn ?? '',
      publishedAt,
      awaitsConfirmation,
      photoCount: accepted.length,
      open311Token,
    };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'VALIDATION_FAILED')
      throw new DomainError('VALIDATION_FAILED', reportText(lang, 'invalidReport'), {
        // Without a known category the case core cannot tell this is a report, and asks for the name and a
        // contact an application needs; a report never does.
        problems: (error.problems ?? problems).filter(
          (problem) =>
            !(
              problem.code === 'required' &&
              (problem.field === 'applicantName' || problem.field === 'applicantPhone')
            ),
        ),
      });
    throw error;
  }
}
