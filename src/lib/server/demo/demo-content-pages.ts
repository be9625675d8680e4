import type { Kysely } from 'kysely';
import type { Localized } from '$lib/i18n/locales';
import type { Database } from '$lib/server/db/schema';
import { emptyItemData, writeLiveItem } from '$lib/server/content/content-items';
import { checkItemData, newItemKey } from '$lib/server/content/revisions.service';

/*
 * A page staff added (at /pages/<slug>), in the demo: written by the content
 * domain's own writer, as publishing would, in the seed's transaction. Not in
 * a menu: the demo's menus are the site's own links.
 */

export interface DemoCustomPage {
	slug: string;
	title: Localized;
	summary: Localized;
	body: Localized;
}

export const demoCustomPages: DemoCustomPage[] = [
	{
		slug: 'volunteer',
		title: { en: 'Volunteer with us', ne: 'हामीसँग स्वयंसेवा गर्नुहोस्', id: 'Jadi relawan bersama kami', es: 'Sé voluntaria o voluntario' },
		summary: {
			en: 'Help at our free public days: hanging work, welcoming visitors, translating.',
			ne: 'हाम्रा निःशुल्क सार्वजनिक दिनहरूमा सघाउनुहोस्: कृति झुण्ड्याउने, आगन्तुकलाई स्वागत गर्ने, अनुवाद गर्ने।',
			id: 'Bantu kami di hari-hari publik yang gratis: memasang karya, menyambut pengunjung, menerjemahkan.',
			es: 'Ayuda en nuestras jornadas públicas y gratuitas: colgar obras, recibir a la gente, traducir.'
		},
		body: {
			en: '<p>No experience needed. Write to us with the days you are free and what you like doing, and we will find a place for you.</p>',
			ne: '<p>अनुभव चाहिँदैन। तपाईं खाली हुने दिन र तपाईंलाई मन पर्ने काम लेखेर पठाउनुहोस्, हामी तपाईंका लागि ठाउँ खोज्नेछौँ।</p>',
			id: '<p>Tidak perlu pengalaman. Tulis kepada kami hari-hari Anda senggang dan apa yang Anda suka kerjakan, kami akan mencarikan tempat untuk Anda.</p>',
			es: '<p>No hace falta experiencia. Escríbenos con los días que tienes libres y lo que te gusta hacer, y te encontraremos un lugar.</p>'
		}
	}
];

export async function seedDemoCustomPages(trx: Kysely<Database>, now: string): Promise<void> {
	for (const page of demoCustomPages) {
		const data = { ...emptyItemData('custom_page'), title: page.title, slug: page.slug, summary: page.summary, body: page.body };
		await writeLiveItem(trx, 'custom_page', newItemKey(), checkItemData('custom_page', data), now);
	}
}
