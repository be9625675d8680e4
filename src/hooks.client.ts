import type { ClientInit } from '@sveltejs/kit';
import { keepTypedInput } from '$lib/typed-before-hydration';

// What a person types while the page's JavaScript loads is kept through hydration ($lib/typed-before-hydration).
export const init: ClientInit = () => keepTypedInput();
