/**
 * The catalogue's field-report services as GeoReport v2 describes them: the service list entry and the
 * service definition, whose attributes are the service's own form fields. Pure: the routes read the
 * catalogue and hand the services in.
 */
import type { FormField, ServiceDetail, ServiceSummary } from '../catalogue/index.ts';
import type { Open311Row, XmlShape } from './open311-format.ts';

export type Open311Locale = 'zh-TW' | 'en';

/** `services.xml`: `<services><service>…</service></services>`. */
export const servicesShape: XmlShape = { root: 'services', entry: 'service' };

/** `services/CODE.xml`: `<service_definition>` with `<attributes><attribute>` and `<values><value>`. */
export const definitionShape: XmlShape = {
  root: 'service_definition',
  listEntries: { attributes: 'attribute', values: 'value' },
};

/** Only what a citizen reports from the street is an Open311 service; applications and petitions are not. */
export function isOpen311Service(service: Pick<ServiceSummary, 'kind'>): boolean {
  return service.kind === 'field_report';
}

const pick = (locale: Open311Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

/**
 * One entry of the service list. `metadata` says whether the definition has attributes (every field report
 * service asks something of its own); `type` is realtime: a request gets its number at once.
 */
export function serviceEntry(
  service: ServiceSummary,
  hasAttributes: boolean,
  locale: Open311Locale,
): Open311Row {
  return {
    service_code: service.code,
    service_name: pick(locale, service.nameZh, service.nameEn),
    description: pick(locale, service.summaryZh, service.summaryEn),
    metadata: hasAttributes,
    type: 'realtime',
    keywords: service.serviceClassificationCode,
    group: pick(locale, service.unit.nameZh, service.unit.nameEn),
  };
}

/**
 * The form fields an Open311 client fills as attributes. The place (lat/long or address_string) and the
 * photo (media) are the request's own parameters, so location and file fields are not attributes.
 */
export function attributeFields(service: Pick<ServiceDetail, 'formFields'>): FormField[] {
  return service.formFields.filter((field) => field.type !== 'location' && field.type !== 'file');
}

const datatypes: Record<Exclude<FormField['type'], 'location' | 'file'>, string> = {
  text: 'string',
  number: 'number',
  date: 'datetime',
  choice: 'singlevaluelist',
};

/** The service definition: its code and, in the form's order, each field as an attribute. */
export function serviceDefinition(service: ServiceDetail, locale: Open311Locale): Open311Row {
  return {
    service_code: service.code,
    attributes: attributeFields(service).map((field, index) => ({
      variable: true,
      code: field.id,
      datatype:
        field.type === 'text' && field.isMultiline === true
          ? 'text'
          : datatypes[field.type as keyof typeof datatypes],
      required: field.isRequired,
      datatype_description: pick(locale, field.hintZh ?? '', field.hintEn ?? ''),
      order: index + 1,
      description: pick(locale, field.labelZh, field.labelEn),
      ...(field.type === 'choice'
        ? {
            values: field.options.map((option) => ({
              key: option.value,
              name: pick(locale, option.labelZh, option.labelEn),
            })),
          }
        : {}),
    })),
  };
}
