import type { StaffPrincipal } from '../auth/principal.ts';
import type { Lang } from '../web/i18n.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** From the URL: `/en/...` is English, everything else zh-TW. */
    lang: Lang;
    /** The signed-in staff member, or null. Set by the session hook. */
    staff: StaffPrincipal | null;
    /**
     * The citizen signed in to "My cases" (the citizens module's hook, on pages a browser asks for), so the
     * header can say so and offer to sign out. Absent for anyone else.
     */
    citizen?: { readonly email: string };
  }
}
