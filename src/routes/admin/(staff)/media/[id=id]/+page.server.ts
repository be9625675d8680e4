import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { editMediaText, getMedia } from '$lib/server/media/media.service';
import { picture } from '$lib/server/shared/picture';
import { requirePermission } from '$lib/server/people/guard';
import { fail } from '@sveltejs/kit';
import { localizedOf } from '$lib/server/platform/forms';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { actorOf, mediaTextFromForm, mediaTextValues, mediaAnswers, staffMediaIssues } from '../media-route';

export const load = withDomainErrors(async ({ locals, url, params }) => {
	requirePermission(locals, url, 'media.manage');
	const media = await getMedia(app().db, Number(params.id));
	return {
		media: {
			id: media.id,
			name: media.originalName,
			mimeType: media.mimeType,
			width: media.width,
			height: media.height,
			bytes: media.bytes,
			status: media.status,
			error: media.error,
			createdAt: media.createdAt,
			updatedAt: media.updatedAt,
			variants: media.variants.map((v) => ({ format: v.format, width: v.width, height: v.height, bytes: v.bytes }))
		},
		image: picture(media, 'en', { sizes: '(min-width: 44rem) 40rem, 100vw' }),
		values: mediaTextValues(media)
	};
}, mediaAnswers) satisfies PageServerLoad;

export const actions = {
	save: withDomainErrors(async ({ locals, url, params, request }) => {
		const staff = requirePermission(locals, url, 'media.manage');
		const id = Number(params.id);
		const values = mediaTextFromForm(await request.formData());
		try {
			await editMediaText(app().media, actorOf(staff), id, { alt: localizedOf(values, 'alt'), caption: localizedOf(values, 'caption') });
		} catch (e) {
			const issues = staffMediaIssues(e, staff.locale);
			if (!issues) throw e;
			return fail(400, { issues, values });
		}
		return { saved: true };
	}, mediaAnswers)
} satisfies Actions;
