import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Static, TObject } from 'typebox';
import type { AppInstance } from '../../../platform/http/app-types.ts';
import { postedForm } from '../../../platform/web/components/read-form.ts';
import { forEachLanguage, type Lang } from '../../../platform/web/i18n.ts';

/**
 * How management control registers its staff pages and forms: in both languages, behind the route's guard
 * (requireStaff), hidden from the API's documentation, the params and query checked by their schemas. A form's
 * body is any posted form: submitControlForm (control-forms.ts) reads it.
 */

/** The route's guard: requireStaff with the roles that may use it. */
type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/** What a route declares: its guard and the schemas of its params and query (none: an empty object). */
interface ControlRoute<Params extends TObject, Query extends TObject> {
  preHandler: Guard;
  params?: Params;
  querystring?: Query;
}

/** The request a page's handler gets: its params and query as declared. */
export type PageRequest<Params, Query> = FastifyRequest<{ Params: Params; Querystring: Query }>;

/** The request a form's handler gets: its params as declared, the posted form as its body. */
export type FormRequest<Params> = FastifyRequest<{ Params: Params; Body: Static<typeof postedForm> }>;

type Handler<Request> = (request: Request, reply: FastifyReply, lang: Lang) => Promise<FastifyReply>;

/** The route's schema: only what it declares. */
function schemaOf(route: ControlRoute<TObject, TObject>) {
  return {
    hide: true,
    ...(route.params === undefined ? {} : { params: route.params }),
    ...(route.querystring === undefined ? {} : { querystring: route.querystring }),
  };
}

/** A staff page (GET) of management control, in both languages. */
export function controlPage<Params extends TObject = TObject, Query extends TObject = TObject>(
  app: AppInstance,
  path: string,
  route: ControlRoute<Params, Query>,
  handle: Handler<PageRequest<Static<Params>, Static<Query>>>,
): void {
  forEachLanguage(path, (url, lang) => {
    app.get(url, { preHandler: route.preHandler, schema: schemaOf(route) }, (request, reply) =>
      handle(request as PageRequest<Static<Params>, Static<Query>>, reply, lang),
    );
  });
}

/** A staff form's POST of management control, in both languages: its body is any posted form. */
export function controlForm<Params extends TObject = TObject>(
  app: AppInstance,
  path: string,
  route: Omit<ControlRoute<Params, TObject>, 'querystring'>,
  handle: Handler<FormRequest<Static<Params>>>,
): void {
  forEachLanguage(path, (url, lang) => {
    app.post(
      url,
      { preHandler: route.preHandler, schema: { ...schemaOf(route), body: postedForm } },
      (request, reply) => handle(request as FormRequest<Static<Params>>, reply, lang),
    );
  });
}
