/**
 * A posted GeoReport v2 request read into what the report intake takes: the parameters (form-encoded or
 * multipart, sent once or repeated), `attribute[CODE]` answers, the reporter's name from first_name and
 * last_name, the coordinates, and the district an `address_string` names (an address without a point
 * needs its district to be routed). Pure: no database, no request.
 */
import type { FieldProblem } from '../../platform/http/errors.ts';

export type PostedValue = string | readonly string[] | undefined;
export type PostedFields = Readonly<Record<string, PostedValue>>;

/** A parameter's value: the first one sent, trimmed; '' when absent. */
export function postedValue(fields: PostedFields, name: string): string {
  const value = Object.hasOwn(fields, name) ? fields[name] : undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

const attributePattern = /^attribute\[([^\]]{1,100})\](\[\])?$/;

/**
 * `attribute[CODE]=value` (and `attribute[CODE][]=value`, the multivaluelist form) as form answers by field
 * id. Our services have no multi-value attribute, so an attribute given two different values is a problem.
 */
export function postedAttributes(fields: PostedFields): {
  answers: Record<string, string>;
  problems: FieldProblem[];
} {
  const values = new Map<string, string[]>();
  for (const [name, value] of Object.entries(fields)) {
    const match = attributePattern.exec(name);
    if (!match?.[1]) continue;
    const list = values.get(match[1]) ?? [];
    for (const item of Array.isArray(value) ? value : [value])
      if (typeof item === 'string' && item.trim() !== '') list.push(item.trim());
    values.set(match[1], list);
  }
  const answers: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  for (const [code, list] of values) {
    const distinct = [...new Set(list)];
    if (distinct.length > 1)
      problems.push({
        field: `formData.${code}`,
        code: 'one_value',
        message: `attribute[${code}] takes one value.`,
      });
    if (distinct[0] !== undefined) answers[code] = distinct[0];
  }
  return { answers, problems };
}

const han = /\p{Script=Han}/u;

/** The reporter's name as people write it: 王小明 (family name first, no space) or John Smith. */
export function reporterName(firstName: string, lastName: string): string {
  if (firstName === '' || lastName === '') return `${lastName}${firstName}`;
  return han.test(firstName) && han.test(lastName) ? `${lastName}${firstName}` : `${firstName} ${lastName}`;
}

/** A coordinate as sent: a number, or NaN for anything else (the intake then says it is not a point). */
export function coordinate(text: string): number | undefined {
  if (text === '') return undefined;
  return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

export interface DistrictName {
  code: string;
  nameZh: string;
  nameEn: string;
}

/**
 * The Kaohsiung district an address names, by its Chinese name (苓雅區) or its English one (Lingya
 * District, Lingya Dist.), the earliest in the text when it names several; null when it names none.
 */
export function districtOfAddress(address: string, districts: readonly DistrictName[]): string | null {
  const lower = address.toLowerCase();
  let best: { code: string; at: number } | null = null;
  for (const district of districts) {
    const english = district.nameEn.toLowerCase().replace(/ district$/, '');
    const candidates = [
      address.indexOf(district.nameZh),
      ...[`${english} district`, `${english} dist`].map((name) => lower.indexOf(name)),
    ].filter((at) => at >= 0);
    const at = Math.min(...candidates);
    if (candidates.length > 0 && (best === null || at < best.at)) best = { code: district.code, at };
  }
  return best?.code ?? null;
}
