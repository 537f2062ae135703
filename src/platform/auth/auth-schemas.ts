import { Type } from 'typebox';
import { staffRoles } from './principal.ts';

/**
 * Request and response schemas of the auth routes. The sign-in and code forms are read with the forms kit
 * (sign-in-form.ts, bodies `postedForm`): a mistake is answered by the page, never by a bare 400.
 */

const csrfField = Type.Optional(Type.String({ maxLength: 100 }));
const returnField = Type.Optional(Type.String({ maxLength: 2048 }));

export const SignInQuery = Type.Object({
  return: returnField,
  reason: Type.Optional(Type.String({ maxLength: 40 })),
});

export const VerifyQuery = Type.Object({ return: returnField });

export const SignOutBody = Type.Object({ _csrf: csrfField });

export const TwoFactorQuery = Type.Object({
  done: Type.Optional(Type.String({ maxLength: 10 })),
});

export const AuditLogQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  action: Type.String({ maxLength: 100, default: '' }),
  actor: Type.String({ maxLength: 320, default: '' }),
});

/** What GET /api/staff/session may return: the allow-list, nothing else leaves the server. */
export const StaffSessionResponse = Type.Object({
  staff: Type.Object({
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    displayName: Type.String(),
    role: Type.Enum(staffRoles),
    unitCode: Type.Union([Type.String(), Type.Null()]),
    hasTotp: Type.Boolean(),
  }),
  csrfToken: Type.String({
    description: 'Send it as the x-csrf-token header on POST, PUT, PATCH and DELETE.',
  }),
});
