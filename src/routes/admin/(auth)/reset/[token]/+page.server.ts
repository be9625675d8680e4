import type { Actions, PageServerLoad } from './$types';
import { loadSetPassword, setPasswordAction } from '../../set-password-page';

export const load: PageServerLoad = (event) => loadSetPassword(event);
export const actions: Actions = { default: (event) => setPasswordAction(event) };
