import type { Actions, PageServerLoad } from './$types';
import { loadSetPassword, setPasswordAction } from '../../set-password-page';

export const load: PageServerLoad = (event) => loadSetPassword(event);
export const actions = { default: (event) => setPasswordAction(event) } satisfies Actions;
