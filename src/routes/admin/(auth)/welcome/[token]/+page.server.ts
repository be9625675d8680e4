import type { Actions, PageServerLoad } from './$types';
import { loadSetPassword, setPasswordAction } from '../../set-password-page';

// An invitation's first visit: the password, and the name, language and time zone the admin will use.
export const load: PageServerLoad = (event) => loadSetPassword(event, { welcome: true });
export const actions = { default: (event) => setPasswordAction(event, { welcome: true }) } satisfies Actions;
