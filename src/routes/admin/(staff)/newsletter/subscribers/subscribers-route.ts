import { isLocale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { subscriberStatusFilters, type SubscriberFilters, type SubscriberStatusFilter } from '$lib/server/newsletter/subscriber-admin';
import { csvByteOrderMark } from '$lib/server/platform/csv';
import { attachmentResponse, csvContentType } from '$lib/server/platform/http/attachment-response';
import type { DomainErrorAnswers } from '$lib/server/platform/http/domain-errors';
import { searchTextFrom } from '$lib/server/platform/route-params';
import type { FilterValues } from './subscriber-filters';

/*
 * The subscriber list's filters, read from the query string the same way by the
 * page and by the CSV export, so the export holds exactly what the list shows.
 */


export function filterValuesOf(url: URL): FilterValues {
	const get = (name: string) => (url.searchParams.get(name) ?? '').trim();
	const status = get('status');
	const topic = get('topic').toLowerCase();
	const language = get('language');
	return {
		status: (subscriberStatusFilters as readonly string[]).includes(status) ? (status as SubscriberStatusFilter) : '',
		q: searchTextFrom(url, 'q', 100),
		topic: /^[a-z0-9-]{1,40}$/.test(topic) ? topic : '',
		language: isLocale(language) ? language : ''
	};
}

export function filtersOf(values: FilterValues): SubscriberFilters {
	return {
		...(values.status ? { status: values.status } : {}),
		...(values.q ? { search: values.q } : {}),
		...(values.topic ? { topic: values.topic } : {}),
		...(values.language ? { locale: values.language } : {})
	};
}


/** A body of CSV batches as a streamed response, with the byte-order mark spreadsheet programs need to read UTF-8. */
export function csvResponse(batches: AsyncGenerator<string>, fileName: string): Response {
	const encoder = new TextEncoder();
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode(csvByteOrderMark));
		},
		async pull(controller) {
			const next = await batches.next();
			if (next.done) controller.close();
			else controller.enqueue(encoder.encode(next.value));
		},
		async cancel() {
			await batches.return(undefined);
		}
	});
	return attachmentResponse(stream, csvContentType, fileName);
}

/** What an import's page and report answer when there is no such import (withDomainErrors). */
export const importAnswers: DomainErrorAnswers = {
	// Read when the error happens, so it is in the staff member's language.
	get notFound() {
		return m.nladmin_no_such_import();
	}
};
