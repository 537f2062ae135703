import { fieldLimits } from './field-limits.ts';
import { field, type Words } from './read-form.ts';

/**
 * A staff member's e-mail address, required, checked with isEmailFormatValid's rule
 * (platform/auth/staff-email.ts) so that the form lists a malformed address with its other problems;
 * `message` is what the page says then.
 */
export function staffEmailField(message: Words) {
  return field.text({
    maxLength: fieldLimits.email,
    isRequired: true,
    pattern: { source: '^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$', message },
  });
}
