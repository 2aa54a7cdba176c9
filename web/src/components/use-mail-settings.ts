import { api } from '../api/api-client.ts';
import type { MailSettings } from '../api/api-types.ts';
import { useLoad } from './use-load.ts';

/** Whether the server sends e-mail (never the password) and the user's own e-mail choices and calendar state. */
export function useMailSettings() {
  return useLoad(() => api.get<MailSettings>('/api/mail/settings'), []);
}
