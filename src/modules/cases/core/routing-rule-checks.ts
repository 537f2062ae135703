import type { FieldProblem } from '../../../platform/http/errors.ts';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import { type Lang, translator } from '../../../platform/web/i18n.ts';

/**
 * The rules a routing rule must meet (issue 17 §4), as a pure function of what the database said: every
 * problem at once, in the user's language. The pages, the CLI and the tests share it; routing-rules.ts
 * gathers the facts and writes.
 *
 * Refused, and why:
 * - an unknown service, district (a code that is not one of Kaohsiung's districts) or unit: the request is
 *   wrong (VALIDATION_FAILED, 400);
 * - a rule for the same service and district already exists (a new rule: change that one instead), the unit
 *   no longer takes cases (inactive), or the rule would send the cases to the unit that already gets them
 *   without it (the service's unit, or the service's all-districts rule): the request is fine but conflicts
 *   with what is kept (CONFLICT, 409). A rule that changes nothing would only hide, in the list, where
 *   cases really go; removing the rule is the way back to the default.
 */

/** A thing the page names: its code and its names in both languages. */
export interface Named {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface RoutingRuleDraft {
  /** '' (as every code here): not chosen. */
  serviceCode: string;
  /** Null: every district. */
  districtCode: string | null;
  unitCode: string;
  note: string;
}

/** What the database holds about a draft rule. */
export interface RoutingRuleFacts {
  draft: RoutingRuleDraft;
  /** The service's current version (its unit), or null when there is no such service. */
  service: (Named & { unitCode: string }) | null;
  /** The district named, or null when the draft names none (every district) or one that is unknown. */
  district: Named | null;
  unit: (Named & { isActive: boolean }) | null;
  /** Another rule for the same service and district (a new rule's conflict). */
  existing: { id: string; unit: Named } | null;
  /** Where the service's new cases go without this rule, and whether an all-districts rule says so. */
  fallback: { unit: Named; isAllDistrictsRule: boolean } | null;
}

/** Problem codes that are a conflict with what is kept (409) rather than a mistake in the request (400). */
export const routingConflictCodes: ReadonlySet<string> = new Set([
  'rule_exists',
  'unit_inactive',
  'same_unit',
]);

export const routingCheckText = translator({
  'zh-TW': {
    allDistricts: '全區',
    invalid: '分文規則有問題，請依下列說明修正。',
    conflict: '這條分文規則與現有設定衝突，未儲存。',
    chooseService: '請選擇申辦項目',
    chooseDistrict: '請選擇行政區，或選「全區」',
    chooseUnit: '請選擇改分單位',
    unknownService: '沒有這個申辦項目（{code}）',
    unknownDistrict: '「{code}」不是高雄市的行政區，請從清單選擇',
    unknownUnit: '沒有這個單位（{code}）',
    unitInactive: '{unit}已停止收案，請選擇其他單位',
    ruleExists: '「{service}」在{district}已有分文規則（分往{unit}），請修改那條規則',
    sameUnit:
      '「{service}」在{district}的新案件原本就分往{unit}（{why}），這條規則不會改變分文；要回到預設，請刪除規則',
    whyService: '該項目的承辦單位',
    whyAllDistricts: '該項目的全區規則',
    noteTooLong: '說明最多 {limit} 個字',
    forbidden: '您只能設定本單位申辦項目的分文規則。',
    notFound: '找不到這條分文規則，可能已被刪除。',
    changedMeanwhile: '這條規則剛被其他人改為分往{unit}，請看過最新內容後再送出。',
  },
  en: {
    allDistricts: 'all districts',
    invalid: 'There is a problem with the routing rule; see each item below.',
    conflict: 'The routing rule conflicts with the rules kept and was not saved.',
    chooseService: 'Choose a service',
    chooseDistrict: 'Choose a district, or “all districts”',
    chooseUnit: 'Choose the unit',
    unknownService: 'There is no service "{code}"',
    unknownDistrict: '"{code}" is not a district of Kaohsiung City: choose one from the list',
    unknownUnit: 'There is no unit "{code}"',
    unitInactive: '{unit} no longer takes cases: choose another unit',
    ruleExists: '"{service}" already has a routing rule for {district} (to {unit}): change that rule instead',
    sameUnit:
      'New "{service}" cases in {district} already go to {unit} ({why}): this rule would change nothing; to go back to the default, remove the rule',
    whyService: 'the service’s own unit',
    whyAllDistricts: 'the service’s all-districts rule',
    noteTooLong: 'The note can be up to {limit} characters',
    forbidden: 'You may only set routing rules for your own unit’s services.',
    notFound: 'There is no such routing rule; it may have been removed.',
    changedMeanwhile:
      'Someone else has just changed this rule to send cases to {unit}: check the latest version and send it again.',
  },
});

/** A thing's name in the page's language. */
export function nameIn(lang: Lang, thing: { nameZh: string; nameEn: string }): string {
  return lang === 'en' ? thing.nameEn : thing.nameZh;
}

/** The district a rule names, or 「全區」 / "all districts". */
export function districtWords(lang: Lang, district: { nameZh: string; nameEn: string } | null): string {
  return district === null ? routingCheckText(lang, 'allDistricts') : nameIn(lang, district);
}

/** Every problem of a draft rule at once, and whether any is a conflict (409) rather than a mistake. */
export function routingRuleProblems(
  facts: RoutingRuleFacts,
  lang: Lang,
): { problems: FieldProblem[]; isConflict: boolean } {
  const { draft } = facts;
  const text = (key: Parameters<typeof routingCheckText>[1], values?: Record<string, string | number>) =>
    routingCheckText(lang, key, values);
  const problems: FieldProblem[] = [];
  const serviceName = facts.service === null ? draft.serviceCode : nameIn(lang, facts.service);
  const districtName = districtWords(lang, facts.district);
  if (draft.serviceCode === '')
    problems.push({ field: 'service', code: 'required', message: text('chooseService') });
  else if (facts.service === null)
    problems.push({
      field: 'service',
      code: 'unknown_service',
      message: text('unknownService', { code: draft.serviceCode }),
    });
  if (draft.districtCode === '')
    problems.push({ field: 'district', code: 'required', message: text('chooseDistrict') });
  else if (draft.districtCode !== null && facts.district === null)
    problems.push({
      field: 'district',
      code: 'unknown_district',
      message: text('unknownDistrict', { code: draft.districtCode }),
    });
  else if (facts.existing !== null && facts.service !== null)
    problems.push({
      field: 'district',
      code: 'rule_exists',
      message: text('ruleExists', {
        service: serviceName,
        district: districtName,
        unit: nameIn(lang, facts.existing.unit),
      }),
    });
  if (draft.unitCode === '') problems.push({ field: 'unit', code: 'required', message: text('chooseUnit') });
  else if (facts.unit === null)
    problems.push({
      field: 'unit',
      code: 'unknown_unit',
      message: text('unknownUnit', { code: draft.unitCode }),
    });
  else if (!facts.unit.isActive)
    problems.push({
      field: 'unit',
      code: 'unit_inactive',
      message: text('unitInactive', { unit: nameIn(lang, facts.unit) }),
    });
  else if (
    facts.fallback !== null &&
    facts.fallback.unit.code === facts.unit.code &&
    (draft.districtCode === null || facts.district !== null)
  )
    problems.push({
      field: 'unit',
      code: 'same_unit',
      message: text('sameUnit', {
        service: serviceName,
        district: districtName,
        unit: nameIn(lang, facts.unit),
        why: text(facts.fallback.isAllDistrictsRule ? 'whyAllDistricts' : 'whyService'),
      }),
    });
  if (draft.note.length > fieldLimits.longText)
    problems.push({
      field: 'note',
      code: 'too_long',
      message: text('noteTooLong', { limit: fieldLimits.longText }),
    });
  return { problems, isConflict: problems.some((problem) => routingConflictCodes.has(problem.code)) };
}

/**
 * Where a service's new case in a district goes, given the service's rules: the district's own rule, else
 * the all-districts rule, else the service's unit (the intake's routeCase reads the same order).
 */
export function unitForCase(
  rules: readonly { districtCode: string | null; unitCode: string }[],
  serviceUnitCode: string,
  districtCode: string | null,
): string {
  const exact = districtCode === null ? undefined : rules.find((rule) => rule.districtCode === districtCode);
  const everywhere = rules.find((rule) => rule.districtCode === null);
  return (exact ?? everywhere)?.unitCode ?? serviceUnitCode;
}

/**
 * The unit a rule's cases go to without it: for a district's rule, the service's all-districts rule if there
 * is one; otherwise (and for the all-districts rule itself) the service's own unit.
 */
export function fallbackUnitCode(
  otherRules: readonly { districtCode: string | null; unitCode: string }[],
  serviceUnitCode: string,
  districtCode: string | null,
): { unitCode: string; isAllDistrictsRule: boolean } {
  const everywhere =
    districtCode === null ? undefined : otherRules.find((rule) => rule.districtCode === null);
  return everywhere === undefined
    ? { unitCode: serviceUnitCode, isAllDistrictsRule: false }
    : { unitCode: everywhere.unitCode, isAllDistrictsRule: true };
}
