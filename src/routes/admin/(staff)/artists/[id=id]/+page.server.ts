import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import type { ArtistConsentPurpose } from '$lib/server/db/schema';
import { inviteArtist, recordWithdrawal, setArtistHidden, updateArtist } from '$lib/server/collective/artist-admin';
import { artistById } from '$lib/server/collective/artist-profile.service';
import { artistCredit, isPublicProfile } from '$lib/server/collective/artist-visibility';
import { consentLedger, consentPurposes } from '$lib/server/collective/consent';
import { requirePermission } from '$lib/server/people/guard';
import { refusedIssues } from '$lib/server/platform/forms';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { countryOptions } from '$lib/server/shared/countries';
import { inputOf, portraitChoices, readArtistForm, staffIssues, valuesOfRow } from '../artist-form';
import { purposeWord } from '../purpose-words';
import { m } from '$lib/paraglide/messages';
import { listFormat } from '$lib/i18n/intl';

const answers = {
	// Read when the error is answered, in the language of that request.
	get notFound() {
		return m.library_artist_not_found();
	}
};


export const load = withDomainErrors(async ({ locals, url, params }) => {
	const staff = requirePermission(locals, url, 'collective.manage');
	const { db } = app();
	const row = await artistById(db, Number(params.id));
	const links = await db.selectFrom('artist_link').select(['created_at', 'expires_at', 'revoked_at', 'last_used_at']).where('artist_id', '=', row.id).orderBy('created_at', 'desc').limit(1).execute();
	return {
		artist: {
			id: row.id,
			slug: row.slug,
			name: row.name,
			public: isPublicProfile(row),
			hidden: Number(row.hidden) === 1,
			hiddenReason: row.hidden_reason,
			minor: Number(row.minor) === 1,
			credit: artistCredit(row),
			listedAt: row.listed_at,
			applicationId: row.application_id
		},
		consent: consentPurposes.map((p) => ({ purpose: p, granted: Number(row[`consent_${p}`]) === 1 })),
		ledger: await consentLedger(db, row.id),
		lastLink: links[0] ?? null,
		values: valuesOfRow(row),
		countries: countryOptions(staff.locale),
		photos: await portraitChoices(app().db),
		created: url.searchParams.has('created')
	};
}, answers) satisfies PageServerLoad;

export const actions = {
	save: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, 'collective.manage');
		const values = readArtistForm(await request.formData());
		try {
			await updateArtist(app().collective, staff, Number(params.id), inputOf(values));
		} catch (thrown) {
			const issues = refusedIssues(thrown);
			if (!issues) throw thrown;
			return fail(400, { values, errors: staffIssues(issues, staff.locale), done: null });
		}
		return { done: m.library_saved({}, { locale: staff.locale }) };
	}, answers),
	invite: withDomainErrors(async ({ locals, url, params }) => {
		const staff = requirePermission(locals, url, 'collective.manage');
		await inviteArtist(app().collective, staff, Number(params.id));
		return { done: m.library_artist_done_invited({}, { locale: staff.locale }) };
	}, answers),
	hide: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, 'collective.manage');
		const reason = String((await request.formData()).get('reason') ?? '');
		try {
			await setArtistHidden(app().collective, staff, Number(params.id), true, reason);
		} catch (thrown) {
			if (!refusedIssues(thrown)) throw thrown;
			return fail(400, { hideError: m.library_artist_hide_why({}, { locale: staff.locale }), done: null });
		}
		return { done: m.library_artist_done_hidden({}, { locale: staff.locale }) };
	}, answers),
	unhide: withDomainErrors(async ({ locals, url, params }) => {
		const staff = requirePermission(locals, url, 'collective.manage');
		await setArtistHidden(app().collective, staff, Number(params.id), false, '');
		return { done: m.library_artist_done_unhidden({}, { locale: staff.locale }) };
	}, answers),
	withdraw: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, 'collective.manage');
		const form = await request.formData();
		const purposes = form.getAll('purpose').filter((v): v is ArtistConsentPurpose => (consentPurposes as readonly unknown[]).includes(v));
		try {
			const changed = await recordWithdrawal(app().collective, staff, Number(params.id), purposes);
			const options = { locale: staff.locale };
			return {
				done:
					changed.length > 0
						? m.library_artist_done_withdrawn({ purposes: listFormat(staff.locale, { type: 'conjunction' }).format(changed.map((p) => purposeWord(p, staff.locale))) }, options)
						: m.library_artist_done_nothing({}, options)
			};
		} catch (thrown) {
			if (!refusedIssues(thrown)) throw thrown;
			return fail(400, { withdrawError: m.library_artist_tick_withdraw({}, { locale: staff.locale }), done: null });
		}
	}, answers)
} satisfies Actions;
