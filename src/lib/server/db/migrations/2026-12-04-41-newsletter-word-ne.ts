import type { Kysely } from 'kysely';

/*
 * Nepali has two words for the newsletter: the site says न्युजलेटर, while the
 * consent text seeded in Nepali said समाचारपत्र (a printed newspaper, to most
 * readers). The consent box now says न्युजलेटर too: a third version, added only
 * while the seeded second one is still the latest (staff may have written their
 * own since; the ledger keeps pointing at the versions people agreed to).
 */

const seeded = {
	en: 'I would like to receive the newsletter. My address is used for nothing else, and I can leave at any time.',
	ne: 'म समाचारपत्र पाउन चाहन्छु। मेरो ठेगाना अरू कुनै काममा प्रयोग हुँदैन, र म जुनसुकै बेला छोड्न सक्छु।',
	id: 'Saya ingin menerima buletin. Alamat saya tidak dipakai untuk hal lain, dan saya bisa berhenti kapan saja.',
	es: 'Quiero recibir el boletín. Mi dirección no se usa para nada más y puedo darme de baja cuando quiera.'
};

const consent = { ...seeded, ne: 'म न्युजलेटर पाउन चाहन्छु। मेरो ठेगाना अरू कुनै काममा प्रयोग हुँदैन, र म जुनसुकै बेला छोड्न सक्छु।' };

export async function up(db: Kysely<any>): Promise<void> {
	const latest = await db.selectFrom('newsletter_consent_text').select(['version', 'text']).orderBy('version', 'desc').limit(1).executeTakeFirst();
	if (!latest || latest.version !== 2 || latest.text !== JSON.stringify(seeded)) return;
	await db
		.insertInto('newsletter_consent_text')
		.values({ version: 3, text: JSON.stringify(consent), created_at: new Date().toISOString() })
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.deleteFrom('newsletter_consent_text').where('version', '=', 3).where('text', '=', JSON.stringify(consent)).execute();
}
