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

const answers = { notFound: 'There is no artist with this number.' };

export const load = withDomainErrors(async ({ locals, url, params }) => {
	requirePermission(locals, url, 'collective.manage');
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
		countries: countryOptions('en'),
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
			return fail(400, { values, errors: staffIssues(issues), done: null });
		}
		return { done: 'Saved.' };
	}, answers),
	invite: withDomainErrors(async ({ locals, url, params }) => {
		const staff = requirePermission(locals, url, 'collective.manage');
		await inviteArtist(app().collective, staff, Number(params.id));
		return { done: 'A new private link is on its way to the artist, in their language. Older links no longer work.' };
	}, answers),
	hide: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, 'collective.manage');
		const reason = String((await request.formData()).get('reason') ?? '');
		try {
			await setArtistHidden(app().collective, staff, Number(params.id), true, reason);
		} catch (thrown) {
			if (!refusedIssues(thrown)) throw thrown;
			return fail(400, { hideError: 'Say why, for the record.', done: null });
		}
		return { done: 'Hidden: the profile is off the site.' };
	}, answers),
	unhide: withDomainErrors(async ({ locals, url, params }) => {
		const staff = requirePermission(locals, url, 'collective.manage');
		await setArtistHidden(app().collective, staff, Number(params.id), false, '');
		return { done: 'No longer hidden: the artist’s own consent decides again.' };
	}, answers),
	withdraw: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, 'collective.manage');
		const form = await request.formData();
		const purposes = form.getAll('purpose').filter((v): v is ArtistConsentPurpose => (consentPurposes as readonly unknown[]).includes(v));
		try {
			const changed = await recordWithdrawal(app().collective, staff, Number(params.id), purposes);
			return { done: changed.length > 0 ? `Withdrawal recorded: ${changed.join(', ')}.` : 'Nothing to withdraw: the artist had not agreed to these.' };
		} catch (thrown) {
			if (!refusedIssues(thrown)) throw thrown;
			return fail(400, { withdrawError: 'Tick what the artist withdraws.', done: null });
		}
	}, answers)
} satisfies Actions;
