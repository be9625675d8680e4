import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { app } from '$lib/server/app';
import { createCheckout } from '$lib/server/donations/checkout.service';
import { donationFormInput, type DonationFormIssues } from '$lib/server/donations/donation-form';
import { getDonationSettings } from '$lib/server/donations/donation-settings';
import {
	donateErrorMessages,
	donateFormOptions,
	donatePageContent,
	otherWaysText
} from '$lib/server/donations/donate-page';
import { readSmallForm, refusedIssues } from '$lib/server/platform/forms';
import { isConfigured, stripeFor } from '$lib/server/donations/stripe-client';

export const load: PageServerLoad = async () => {
	const locale = getLocale();
	const { db, config } = app();
	const [settings, content] = await Promise.all([getDonationSettings(db), donatePageContent(db, locale)]);
	const configured = isConfigured(config);
	return {
		configured,
		otherWays: configured ? null : otherWaysText(settings, locale),
		form: configured ? donateFormOptions(settings, locale) : null,
		...content
	};
};

/** The fields a refused form shows again, exactly as typed. */
const keptFields = ['amount', 'custom_amount', 'currency', 'kind', 'campaign', 'name', 'email', 'message', 'wall_consent'] as const;

export const actions = {
	default: async ({ request }) => {
		const locale = getLocale();
		const { db, config, log } = app();
		const stripe = stripeFor(config);
		if (!stripe) return fail(503, { values: {}, errors: {}, problem: m.donate_error_unavailable() });
		const form = await readSmallForm(request);
		if (!form) return fail(413, { values: {}, errors: {}, problem: m.donate_error_too_large() });

		const settings = await getDonationSettings(db);
		const input = donationFormInput(form);
		const values = Object.fromEntries(keptFields.map((f) => [f, input[f] ?? ''])) as Record<(typeof keptFields)[number], string>;
		// A typed amount wins over a chosen preset (typing is the more deliberate act);
		// a preset is in the presets' currency, whatever the currency list says (see +page.svelte).
		const request_ = { ...input };
		if ((input.custom_amount ?? '').trim() !== '') request_.amount = 'other';
		else if (input.amount && input.amount !== 'other') request_.currency = settings.currencies[0];

		let url: string;
		try {
			({ url } = await createCheckout(db, stripe, request_, { origin: config.origin, locale }));
		} catch (error) {
			const issues = refusedIssues(error);
			if (issues) {
				const errors = donateErrorMessages(issues as DonationFormIssues, settings, (request_.currency ?? '').toUpperCase(), locale);
				return fail(400, { values, errors, problem: null });
			}
			log.error({ err: error }, 'stripe checkout failed');
			return fail(502, { values, errors: {}, problem: m.donate_error_unavailable() });
		}
		// To Stripe's page; the amount recorded later is the one Stripe charged (webhook).
		redirect(303, url);
	}
} satisfies Actions;
