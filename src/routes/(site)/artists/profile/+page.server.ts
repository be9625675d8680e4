import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { app } from '$lib/server/app';
import { requestArtistLink } from '$lib/server/collective/artist-profile.service';
import { recordLinkRequest } from '$lib/server/collective/artist-throttle';
import { failWith, readSmallForm } from '$lib/server/platform/forms';

export const load: PageServerLoad = async () => ({});

export const actions = {
	/**
	 * An artist asks for a new private link. The answer is the same whether or not
	 * an artist has the address typed (and for a robot caught by the trap field),
	 * so the form tells no one who is in the collective.
	 */
	default: async ({ request, getClientAddress }) => {
		const { db, log, collective } = app();
		const form = await readSmallForm(request);
		const email = typeof form?.get('email') === 'string' ? String(form.get('email')).slice(0, 254) : '';
		if (!form) return fail(413, { email, error: m.artist_contact_unreadable(), sent: false });
		if (typeof form.get('website') === 'string' && String(form.get('website')).trim() !== '') return { email, error: null, sent: true };
		if (!(await recordLinkRequest(db, { email, ip: getClientAddress() })).allowed) {
			log.info('artist link request over the limits; refused');
			return fail(429, { email, error: m.artists_link_too_many(), sent: false });
		}
		try {
			await requestArtistLink(collective, email);
		} catch (thrown) {
			return failWith(thrown, () => ({ email, error: m.artist_error_email(), sent: false }));
		}
		return { email, error: null, sent: true };
	}
} satisfies Actions;
