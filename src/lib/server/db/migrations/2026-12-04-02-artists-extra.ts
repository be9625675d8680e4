import type { Kysely } from 'kysely';

/*
 * The artists' consent text in every language the site speaks: version 2 says
 * what version 1 said, in Nepali, Indonesian and Spanish too, so an artist
 * agrees to a sentence in their own language and the ledger names which one.
 */
const texts = {
	directory: {
		en: 'List my profile in the public directory of artists, with my name, bio, practice, links and works.',
		ne: 'मेरो नाम, परिचय, अभ्यास, लिङ्क र कृतिसहित मेरो प्रोफाइल कलाकारहरूको सार्वजनिक सूचीमा राख्नुहोस्।',
		id: 'Tampilkan profil saya di direktori seniman publik, dengan nama, bio, praktik, tautan, dan karya saya.',
		es: 'Incluir mi perfil en el directorio público de artistas, con mi nombre, biografía, práctica, enlaces y obras.'
	},
	photo: {
		en: 'Show my portrait on my profile.',
		ne: 'मेरो प्रोफाइलमा मेरो तस्बिर देखाउनुहोस्।',
		id: 'Tampilkan potret saya di profil saya.',
		es: 'Mostrar mi retrato en mi perfil.'
	},
	city: {
		en: 'Show my city on my profile (the country is shown when the profile is listed).',
		ne: 'मेरो प्रोफाइलमा मेरो सहर देखाउनुहोस् (प्रोफाइल सूचीमा हुँदा देश देखाइन्छ)।',
		id: 'Tampilkan kota saya di profil saya (negara ditampilkan saat profil tercantum).',
		es: 'Mostrar mi ciudad en mi perfil (el país se muestra cuando el perfil está en el directorio).'
	},
	contact: {
		en: 'Let visitors write to me through a form on my profile. My address is never shown; I see theirs when I answer.',
		ne: 'आगन्तुकहरूलाई मेरो प्रोफाइलको फारमबाट मलाई लेख्न दिनुहोस्। मेरो ठेगाना कहिल्यै देखाइँदैन; जवाफ दिँदा म उनीहरूको ठेगाना देख्छु।',
		id: 'Izinkan pengunjung menulis kepada saya lewat formulir di profil saya. Alamat saya tidak pernah ditampilkan; saya melihat alamat mereka saat membalas.',
		es: 'Permitir que los visitantes me escriban con un formulario en mi perfil. Mi dirección nunca se muestra; veo la suya cuando respondo.'
	},
	credit_name: {
		en: 'Name me in credits of initiatives and exhibitions, even when my profile is not listed.',
		ne: 'मेरो प्रोफाइल सूचीमा नभए पनि पहल र प्रदर्शनीका श्रेयमा मेरो नाम लेख्नुहोस्।',
		id: 'Sebut nama saya dalam kredit inisiatif dan pameran, meskipun profil saya tidak tercantum.',
		es: 'Nombrarme en los créditos de iniciativas y exposiciones, aunque mi perfil no esté en el directorio.'
	},
	guardian: {
		en: 'I am the parent or guardian of this young artist and I agree to what is chosen here on their behalf.',
		ne: 'म यो युवा कलाकारको अभिभावक वा संरक्षक हुँ र यहाँ उनको तर्फबाट छानिएका कुरामा सहमत छु।',
		id: 'Saya orang tua atau wali seniman muda ini dan saya menyetujui pilihan di sini atas namanya.',
		es: 'Soy la madre, el padre o el tutor de esta persona artista menor de edad y acepto lo elegido aquí en su nombre.'
	}
};

export async function up(db: Kysely<any>): Promise<void> {
	await db.insertInto('artist_consent_text').values({ version: 2, texts: JSON.stringify(texts), created_at: new Date().toISOString() }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.deleteFrom('artist_consent_text').where('version', '=', 2).execute();
}
