import type { Kysely } from 'kysely';

/*
 * The newsletter's starting consent text and topics were seeded in English only,
 * so Nepali, Indonesian and Spanish forms showed them in English. This adds the
 * translations, but only to what staff have not changed: the consent text gets a
 * second version (the ledger points at versions, so the first stays as it was)
 * only while the seeded first version is still the latest, and a topic's name is
 * filled in only while it is still the seeded English one.
 */

const seededConsent = JSON.stringify({
	en: 'I would like to receive the newsletter. My address is used for nothing else, and I can leave at any time.'
});

const consent = {
	en: 'I would like to receive the newsletter. My address is used for nothing else, and I can leave at any time.',
	ne: 'म समाचारपत्र पाउन चाहन्छु। मेरो ठेगाना अरू कुनै काममा प्रयोग हुँदैन, र म जुनसुकै बेला छोड्न सक्छु।',
	id: 'Saya ingin menerima buletin. Alamat saya tidak dipakai untuk hal lain, dan saya bisa berhenti kapan saja.',
	es: 'Quiero recibir el boletín. Mi dirección no se usa para nada más y puedo darme de baja cuando quiera.'
};

const topics: Record<string, Record<string, string>> = {
	news: { en: 'News', ne: 'समाचार', id: 'Berita', es: 'Noticias' },
	'open-calls': { en: 'Open calls', ne: 'खुला आह्वान', id: 'Panggilan terbuka', es: 'Convocatorias abiertas' },
	events: { en: 'Events', ne: 'कार्यक्रमहरू', id: 'Acara', es: 'Eventos' }
};

export async function up(db: Kysely<any>): Promise<void> {
	const latest = await db
		.selectFrom('newsletter_consent_text')
		.select(['version', 'text'])
		.orderBy('version', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (latest && latest.version === 1 && latest.text === seededConsent) {
		await db
			.insertInto('newsletter_consent_text')
			.values({ version: 2, text: JSON.stringify(consent), created_at: new Date().toISOString() })
			.execute();
	}
	for (const [key, names] of Object.entries(topics)) {
		await db
			.updateTable('newsletter_topic')
			.set({ name: JSON.stringify(names) })
			.where('key', '=', key)
			.where('name', '=', JSON.stringify({ en: names.en }))
			.execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const [key, names] of Object.entries(topics)) {
		await db
			.updateTable('newsletter_topic')
			.set({ name: JSON.stringify({ en: names.en }) })
			.where('key', '=', key)
			.where('name', '=', JSON.stringify(names))
			.execute();
	}
	await db.deleteFrom('newsletter_consent_text').where('version', '=', 2).where('text', '=', JSON.stringify(consent)).execute();
}
