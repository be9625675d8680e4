import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { adminUrls } from '$lib/admin/urls';
import { app } from '$lib/server/app';
import { applicationOffer, carriedFields, createArtist, createArtistFromApplication, type CarriedField } from '$lib/server/collective/artist-admin';
import { requirePermission } from '$lib/server/people/guard';
import { refusedIssues } from '$lib/server/platform/forms';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { idFrom } from '$lib/server/platform/route-params';
import { countryOptions } from '$lib/server/shared/countries';
import { emptyValues, inputOf, portraitChoices, readArtistForm, staffIssues } from '../artist-form';
import { m } from '$lib/paraglide/messages';

const answers = {
	// Read when the error is answered, in the language of that request.
	get notFound() {
		return m.library_artist_no_application();
	}
};

/** A new profile by hand; with `?application=<id>`, from an accepted application, carrying over what staff tick. */
export const load = withDomainErrors(async ({ locals, url }) => {
	const staff = requirePermission(locals, url, 'collective.manage');
	const applicationId = idFrom(url.searchParams.get('application'));
	const offer = applicationId ? await applicationOffer(app().db, applicationId) : null;
	return { values: emptyValues(), countries: countryOptions(staff.locale), photos: await portraitChoices(app().db), offer };
}, answers) satisfies PageServerLoad;

export const actions = {
	create: async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'collective.manage');
		const values = readArtistForm(await request.formData());
		let id: number;
		try {
			id = await createArtist(app().collective, staff, inputOf(values));
		} catch (thrown) {
			const issues = refusedIssues(thrown);
			if (!issues) throw thrown;
			return fail(400, { values, errors: staffIssues(issues, staff.locale) });
		}
		redirect(303, `${adminUrls.artists.artist(id)}?created=1`);
	},
	fromApplication: withDomainErrors(async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'collective.manage');
		const form = await request.formData();
		const applicationId = idFrom(form.get('application'));
		if (!applicationId) return fail(400, { values: emptyValues(), errors: { application: m.library_artist_choose_application({}, { locale: staff.locale }) } });
		const carried = form.getAll('carry').filter((v): v is CarriedField => (carriedFields as readonly unknown[]).includes(v));
		let id: number;
		try {
			id = await createArtistFromApplication(app().collective, staff, applicationId, carried);
		} catch (thrown) {
			const issues = refusedIssues(thrown);
			if (!issues) throw thrown;
			return fail(400, { values: emptyValues(), errors: staffIssues(issues, staff.locale) });
		}
		redirect(303, `${adminUrls.artists.artist(id)}?created=1`);
	}, answers)
} satisfies Actions;
