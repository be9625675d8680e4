import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { app } from '$lib/server/app';
import { formField, formSchema, readSmallForm } from '$lib/server/platform/forms';
import { requestDonorLink } from '$lib/server/donations/donor-links';
import { refuseUnlessDonationsOpen } from '../donations-closed';

const emailSchema = z.email().max(254);
const linkForm = formSchema({ email: formField.trimmed(300) });

export const load: PageServerLoad = () => {
	refuseUnlessDonationsOpen();
};

export const actions = {
	/** Always the same answer, whether or not the address gives monthly. */
	default: async ({ request }) => {
		refuseUnlessDonationsOpen();
		const form = await readSmallForm(request, 4096);
		if (!form) return fail(413, { email: '', error: m.donate_error_too_large(), sent: false });
		const { email } = linkForm.read(form);
		if (!emailSchema.safeParse(email).success) return fail(400, { email, error: m.donate_error_email_invalid(), sent: false });
		const { donations, log } = app();
		const outcome = await requestDonorLink(donations, { email });
		log.info({ outcome }, 'donor link requested');
		return { email: '', error: null, sent: true };
	}
} satisfies Actions;
