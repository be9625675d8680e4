import type { ClientInit } from '@sveltejs/kit';
import { keepTypedInput } from '$lib/typed-before-hydration';
import { isLocale } from '$lib/i18n/locales';
import { defineCustomClientStrategy } from '$lib/paraglide/runtime';

// In the admin, the language is the one the server rendered the page in (the person's choice), not the address's.
defineCustomClientStrategy('custom-staff', {
	getLocale: () => {
		const lang = document.documentElement.lang;
		return isLocale(lang) ? lang : undefined;
	},
	// Changed only by saving one's preferences, which loads a whole new page.
	setLocale: () => {}
});

// What a person types while the page's JavaScript loads is kept through hydration ($lib/typed-before-hydration).
export const init: ClientInit = () => keepTypedInput();
