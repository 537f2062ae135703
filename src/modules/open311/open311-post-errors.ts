/**
 * A filed request's problems as GeoReport v2 errors. The report intake (reports' submitReport, the case
 * core under it) lists every problem at once by its field and a stable code, in the reporter's language;
 * here each becomes an error naming the Open311 parameter (lat, address_string, attribute[size], media),
 * in English like every other Open311 error, with 404 for an unknown service_code ("404 - service_code
 * ... was not found") and 400 for the rest. Pure.
 */
import type { FieldProblem } from '../../platform/http/errors.ts';
import { fieldLimits } from '../../platform/web/components/field-limits.ts';
import type { Open311Error } from './open311-format.ts';
import { open311Text } from './open311-messages.ts';

type TextKey = Parameters<typeof open311Text>[1];

export interface PostContext {
  /** The service_code as sent (for "see services/CODE.json"). */
  serviceCode: string;
  /** address_id was sent: say why it cannot stand in for a location. */
  hasAddressId: boolean;
  /** address_string was sent. */
  hasAddressString: boolean;
  maxMedia: number;
}

const en = (key: TextKey, values?: Record<string, string | number>) => open311Text('en', key, values);

const photoKeys: Record<string, TextKey> = {
  photo_not_image: 'photoNotImage',
  photo_truncated: 'photoTruncated',
  photo_too_many_pixels: 'photoTooManyPixels',
  photo_animated: 'photoAnimated',
  photo_heic: 'photoHeic',
  photo_unsupported: 'photoUnsupported',
};

const attributeKeys: Record<string, TextKey> = {
  required: 'attributeRequired',
  not_choice: 'attributeNotChoice',
  not_number: 'attributeNotNumber',
  not_date: 'attributeNotDate',
  one_value: 'attributeOneValue',
};

/** The Open311 wording of one problem; the problem's own sentence for one not foreseen here. */
function describe(problem: FieldProblem, context: PostContext): Open311Error {
  const { field, code } = problem;
  const fallback = (parameter: string): Open311Error => ({
    code: 400,
    description: `${parameter}: ${problem.message}`,
  });
  if (field === 'serviceCode') {
    if (code === 'required') return { code: 400, description: en('serviceCodeRequired') };
    return { code: 404, description: en('unknownService', { code: context.serviceCode.slice(0, 100) }) };
  }
  if (field === 'latitude' || field === 'longitude') {
    if (code === 'incomplete') return { code: 400, description: en('latLongHalf') };
    if (code === 'invalid') return { code: 400, description: en('latLongInvalid') };
    if (code === 'outside_kaohsiung') return { code: 400, description: en('outsideKaohsiung') };
    return fallback('lat/long');
  }
  if (field === 'address' || field === 'districtCode') {
    if (context.hasAddressString) return { code: 400, description: en('addressNeedsDistrict') };
    if (context.hasAddressId) return { code: 400, description: en('addressIdUnsupported') };
    return { code: 400, description: en('locationRequired') };
  }
  if (field === 'description' && code === 'too_long')
    return { code: 400, description: en('descriptionTooLong', { limit: fieldLimits.longText }) };
  if (field === 'applicantName' && code === 'too_long') return { code: 400, description: en('nameTooLong') };
  if (field === 'applicantEmail' && code === 'invalid') return { code: 400, description: en('emailInvalid') };
  if (field === 'applicantPhone' && code === 'invalid') return { code: 400, description: en('phoneInvalid') };
  if (field.startsWith('formData.')) {
    const attribute = field.slice('formData.'.length);
    if (code === 'unknown')
      return {
        code: 400,
        description: en('attributeUnknown', { code: attribute, service: context.serviceCode.slice(0, 100) }),
      };
    const key = attributeKeys[code];
    return key === undefined
      ? fallback(`attribute[${attribute}]`)
      : { code: 400, description: en(key, { code: attribute }) };
  }
  if (field === 'photos' || field === 'media') {
    const key = photoKeys[code];
    if (key !== undefined) return { code: 400, description: en(key) };
    if (code === 'too_many_files')
      return { code: 400, description: en('tooManyMedia', { max: context.maxMedia }) };
    // The upload reader's own sentences (too large, empty, not an accepted type) are English already.
    return { code: 400, description: field === 'media' ? problem.message : `media: ${problem.message}` };
  }
  if (field === 'jurisdiction_id' || field === 'locale' || field === 'open311')
    return { code: 400, description: problem.message };
  return fallback(field === '' ? 'request' : field);
}

/**
 * Every problem as an Open311 error, each once, an unknown service first (its 404 is the answer's
 * status: nothing else about a request for a service that does not exist matters much).
 */
export function postErrors(problems: readonly FieldProblem[], context: PostContext): Open311Error[] {
  const seen = new Set<string>();
  const errors: Open311Error[] = [];
  for (const problem of problems) {
    const error = describe(problem, context);
    if (seen.has(error.description)) continue;
    seen.add(error.description);
    errors.push(error);
  }
  return [...errors.filter((error) => error.code === 404), ...errors.filter((error) => error.code !== 404)];
}
