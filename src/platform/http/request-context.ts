import type { StaffPrincipal } from '../auth/principal.ts';
import type { Lang } from '../web/i18n.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** From the URL: `/en/...` is English, everything else zh-TW. */
    lang: Lang;
    /** The signed-in staff member, or null. Set by the session hook. */
    staff: StaffPrincipal | null;
  }
}
