import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { acceptedMimeTypes } from '$lib/server/platform/images/image-processing';
import { createMediaFromUpload, listMedia } from '$lib/server/media/media.service';
import { requirePermission } from '$lib/server/people/guard';
import { idFrom, pageFrom } from '$lib/server/platform/route-params';
import { localizedOf } from '$lib/server/platform/forms';
import { adminUrls } from '$lib/admin/urls';
import {
	actorOf,
	isBodyTooLarge,
	mediaTextFromForm,
	staffMediaIssues,
	thumbnailOf,
	uploadForm,
	uploadRules,
	type MediaTextValues
} from './media-route';

const perPage = 24;

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requirePermission(locals, url, 'media.manage');
	const list = await listMedia(app().db, { page: pageFrom(url), perPage, status: 'all' });
	return {
		page: list.page,
		pageCount: list.pageCount,
		total: list.total,
		items: list.items.map((media) => ({
			id: media.id,
			name: media.originalName,
			alt: media.alt.en,
			status: media.status,
			error: media.error,
			bytes: media.bytes,
			createdAt: media.createdAt,
			thumbnail: thumbnailOf(media)
		})),
		// File endings too: some systems do not name HEIC photos by their type, and their pickers would hide them.
		accept: [...acceptedMimeTypes, '.heic', '.heif'].join(','),
		rules: uploadRules(staff.locale),
		uploaded: idFrom(url.searchParams.get('uploaded')) ?? null,
		deleted: url.searchParams.has('deleted')
	};
};

export const actions = {
	upload: async ({ locals, url, request }) => {
		const staff = requirePermission(locals, url, 'media.manage');
		let form: FormData;
		try {
			form = await request.formData();
		} catch (e) {
			// Over the server's body limit, nothing of the form can be read, the typed text neither.
			if (isBodyTooLarge(e)) return fail(413, { issues: { file: uploadRules(staff.locale).tooLarge }, values: null, textLost: true });
			throw e;
		}
		const values: MediaTextValues = mediaTextFromForm(form);
		const { file } = uploadForm.read(form);
		let id: number;
		try {
			const media = await createMediaFromUpload(app().media, actorOf(staff), {
				bytes: file ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(0),
				originalName: file ? file.name : '',
				alt: localizedOf(values, 'alt'),
				caption: localizedOf(values, 'caption')
			});
			id = media.id;
		} catch (e) {
			const issues = staffMediaIssues(e, staff.locale);
			if (!issues) throw e;
			return fail(400, { issues, values, textLost: false });
		}
		// After a post, a page of its own: reloading it does not upload the photo again.
		redirect(303, `${adminUrls.media.list}?uploaded=${id}`);
	}
} satisfies Actions;
