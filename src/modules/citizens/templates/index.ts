import { defineTopic } from '../../../platform/notify/template-kit.ts';
import { citizenSignInLink } from './citizen-sign-in-link.ts';

/** Every message the citizen account sends. */
export const citizenTopics = {
  signInLink: defineTopic('citizen.sign_in_link', citizenSignInLink),
} as const;
