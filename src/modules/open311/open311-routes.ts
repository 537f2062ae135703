import { Type } from 'typebox';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { getCurrentServices, getService, listServices } from '../catalogue/index.ts';
import { open311DateTime, splitFormat, type XmlShape } from './open311-format.ts';
import { commonProblems, FileParams, localeOf, send, sendErrors } from './open311-http.ts';
import { open311Text } from './open311-messages.ts';
import {
  attributeFields,
  definitionShape,
  isOpen311Service,
  serviceDefinition,
  serviceEntry,
  servicesShape,
} from './open311-services.ts';

export { jurisdictionId } from './open311-http.ts';

/** What every Open311 read takes: the jurisdiction (optional: we serve one) and the language of names. */
const Open311Query = Type.Object({
  jurisdiction_id: Type.Optional(Type.String({ maxLength: 200 })),
  locale: Type.Optional(Type.String({ maxLength: 10 })),
});

/** The token of mySociety's service-request-updates extension, as its authors introduced it. */
export const updatesSpecification = 'https://www.mysociety.org/2013/02/20/open311-extended/';

const discoveryShape: XmlShape = {
  root: 'discovery',
  listEntries: { endpoints: 'endpoint', formats: 'format' },
};

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2), read side: discovery, the service list
 * and each service's definition, in JSON and XML. Outside the site: no cookies, no CSRF, open to any origin.
 */
export async function open311Routes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;

  /** The field-report services with their current version's details (fields, publication), in list order. */
  async function open311Services() {
    const services = (await listServices(db, { lang: 'zh-TW' })).filter(isOpen311Service);
    // One statement for all their details (a query per service cost 5–7 ms a render: issue 12).
    const details = new Map(
      (
        await getCurrentServices(
          db,
          services.map((service) => service.code),
        )
      ).map((detail) => [detail.code, detail]),
    );
    return services.flatMap((service) => {
      const detail = details.get(service.code);
      return detail ? [{ service, detail }] : [];
    });
  }

  for (const format of ['json', 'xml'] as const) {
    app.get(
      `/open311/discovery.${format}`,
      {
        schema: {
          tags: ['open311'],
          summary: `GeoReport v2 discovery (${format.toUpperCase()}): where the endpoint is and what it speaks.`,
        },
      },
      async (_request, reply) => {
        const origin = deps.config.publicBaseUrl;
        const latest = (await open311Services()).reduce<Date | null>(
          (newest, { detail }) =>
            newest === null || detail.publishedAt > newest ? detail.publishedAt : newest,
          null,
        );
        const changeset = open311DateTime(latest ?? new Date(0));
        return send(
          reply,
          format,
          200,
          {
            changeset,
            contact: open311Text('zh-TW', 'contact'),
            key_service: open311Text('zh-TW', 'keyService'),
            endpoints: [
              {
                specification: 'http://wiki.open311.org/GeoReport_v2',
                url: `${origin}/open311/v2`,
                changeset,
                type: 'production',
                formats: ['application/json', 'text/xml'],
              },
              // mySociety's extension (GET servicerequestupdates), at the same address: clients that do
              // not know its token pass over it, as discovery intends.
              {
                specification: updatesSpecification,
                url: `${origin}/open311/v2`,
                changeset,
                type: 'production',
                formats: ['application/json', 'text/xml'],
              },
            ],
          },
          discoveryShape,
        );
      },
    );
  }

  app.get(
    '/open311/v2/:file',
    {
      schema: {
        tags: ['open311'],
        summary: 'GeoReport v2 service list: services.json or services.xml (?jurisdiction_id=, ?locale=en).',
        params: FileParams,
        querystring: Open311Query,
      },
    },
    async (request, reply) => {
      const file = splitFormat(request.params.file);
      const format = file?.format ?? 'json';
      if (file?.name !== 'services')
        return sendErrors(reply, format, [{ code: 404, description: open311Text('en', 'noSuchEndpoint') }]);
      const problems = commonProblems(request.query);
      if (problems.length > 0) return sendErrors(reply, format, problems);
      const locale = localeOf(request.query);
      const entries = (await open311Services()).map(({ service, detail }) =>
        serviceEntry(service, attributeFields(detail).length > 0, locale),
      );
      return send(reply, format, 200, entries, servicesShape);
    },
  );

  app.get(
    '/open311/v2/services/:file',
    {
      schema: {
        tags: ['open311'],
        summary:
          'GeoReport v2 service definition: services/CODE.json or .xml, the service’s fields as attributes.',
        params: FileParams,
        querystring: Open311Query,
      },
    },
    async (request, reply) => {
      const file = splitFormat(request.params.file);
      const format = file?.format ?? 'json';
      if (!file)
        return sendErrors(reply, format, [{ code: 404, description: open311Text('en', 'noSuchEndpoint') }]);
      const problems = commonProblems(request.query);
      if (problems.length > 0) return sendErrors(reply, format, problems);
      const service = /^[a-z0-9-]{1,100}$/.test(file.name) ? await getService(db, { code: file.name }) : null;
      if (!service || !isOpen311Service(service))
        return sendErrors(reply, format, [
          { code: 404, description: open311Text('en', 'unknownService', { code: file.name.slice(0, 100) }) },
        ]);
      return send(reply, format, 200, serviceDefinition(service, localeOf(request.query)), definitionShape);
    },
  );
}
