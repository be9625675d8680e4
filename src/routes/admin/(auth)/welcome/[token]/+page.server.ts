import type { Actions, PageServerLoad } from './$types';
import { loadSetPassword, setPasswordAction } from '$lib/server/people/set-password-page';

export const load: PageServerLoad = (event) => loadSetPassword(event);
export const actions: Actions = { default: (event) => setPasswordAction(event) };
