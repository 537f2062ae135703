import { Type } from 'typebox';
import type { AppInstance } from '../http/app-types.ts';
import { DomainError } from '../http/errors.ts';
import { loadKaohsiungGeography } from './geo-data.ts';
import { createLocator, InvalidCoordinatesError, type Locator } from './locate.ts';

const LocateQuery = Type.Object({
  lon: Type.Number({ minimum: -180, maximum: 180, description: 'longitude, WGS 84' }),
  lat: Type.Number({ minimum: -90, maximum: 90, description: 'latitude, WGS 84' }),
});

const AreaName = Type.Object({ code: Type.String(), nameZh: Type.String(), nameEn: Type.String() });

const LocateResponse = Type.Union([
  Type.Object({
    inKaohsiung: Type.Literal(true),
    district: AreaName,
    village: Type.Union([AreaName, Type.Null()]),
  }),
  Type.Object({
    inKaohsiung: Type.Literal(false),
    reason: Type.Literal('outside-kaohsiung'),
    message: Type.String(),
  }),
]);

const outsideMessage = {
  'zh-TW': '這個位置不在高雄市轄區內，本局無法受理；請洽該地所屬縣市政府。',
  en: 'This point is outside Kaohsiung City; please contact the city or county where it is.',
} as const;

/**
 * `GET /api/geo/locate?lon=&lat=`: which Kaohsiung district and village a point is in — what a report
 * form needs to route a pin. The boundaries load on the first call (about 0.1 s), not at start-up.
 */
export async function geoRoutes(app: AppInstance): Promise<void> {
  let locator: Locator | null = null;
  app.get(
    '/api/geo/locate',
    {
      schema: {
        tags: ['geography'],
        summary:
          'The Kaohsiung district and village of a point, or a clear answer that it is outside Kaohsiung.',
        querystring: LocateQuery,
        response: { 200: LocateResponse },
      },
    },
    async (request) => {
      locator ??= createLocator(loadKaohsiungGeography());
      try {
        const result = locator.locate({ lon: request.query.lon, lat: request.query.lat });
        if (result.inKaohsiung) return result;
        return { ...result, message: outsideMessage[request.lang] };
      } catch (error) {
        if (error instanceof InvalidCoordinatesError) {
          throw new DomainError('VALIDATION_FAILED', error.message, {
            problems: [{ field: 'querystring', code: 'invalid_coordinates', message: error.message }],
          });
        }
        throw error;
      }
    },
  );
}
