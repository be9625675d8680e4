import type { Kysely } from 'kysely';
import type { Localized } from '$lib/i18n/locales';
import type { ArtistConsentPurpose, Database } from '$lib/server/db/schema';
import { indexArtist } from '$lib/server/collective/artist-search';
import { consentColumn, currentConsentText, hashEmail } from '$lib/server/collective/consent';
import { stringifyLocalized } from '$lib/server/shared/localized-text';

/*
 * The demo collective: twelve clearly fictional artists (monikers, not real
 * people), with bios in every language and the consent each gave, recorded in
 * the ledger as the artist's own word in the demo. One is listed nowhere but
 * allows its name in credits (grey-heron-studio), and one is a young artist
 * whose guardian agreed (little-kite). Other demo content refers to these slugs.
 */

export interface DemoArtist {
	slug: string;
	name: string;
	pronouns?: string;
	city: string;
	country: string;
	languages: string[];
	mediums: string[];
	locale: 'en' | 'ne' | 'id' | 'es';
	bio: Localized;
	links?: { kind: 'website' | 'social' | 'portfolio'; url: string }[];
	consent: ArtistConsentPurpose[];
	minor?: { guardianName: string };
	/** Initiatives (by slug) that credit the artist. */
	credited?: string[];
}

const everything: ArtistConsentPurpose[] = ['directory', 'city', 'contact', 'credit_name'];

export const demoArtists: DemoArtist[] = [
	{
		slug: 'lumen-moth',
		name: 'Lumen Moth',
		pronouns: 'they/them',
		city: 'Kathmandu',
		country: 'NP',
		languages: ['ne', 'en'],
		mediums: ['projection', 'light'],
		locale: 'ne',
		bio: {
			en: 'Lumen Moth throws slow light onto old brick after dark: projections that turn courtyards into places to linger.\n\nThey work with neighbours on what the walls should show.',
			ne: 'लुमेन मथ अँध्यारो भएपछि पुराना इँटाका पर्खालमा बिस्तारै बदलिने उज्यालो खसाल्छन्: चोकलाई बस्ने ठाउँ बनाउने प्रक्षेपणहरू।\n\nपर्खालमा के देखाउने भनेर उनी छिमेकीसँगै तय गर्छन्।',
			id: 'Lumen Moth memancarkan cahaya pelan ke dinding bata tua setelah gelap: proyeksi yang mengubah halaman menjadi tempat untuk berlama-lama.\n\nMereka menentukan bersama tetangga apa yang ditampilkan dinding.',
			es: 'Lumen Moth proyecta luz lenta sobre ladrillo viejo al caer la noche: proyecciones que convierten los patios en lugares donde quedarse.\n\nDecide con el vecindario qué deben mostrar las paredes.'
		},
		links: [{ kind: 'portfolio', url: 'https://lumen-moth.example.org/' }],
		consent: everything,
		credited: ['patan-empower-2018']
	},
	{
		slug: 'ink-and-ochre',
		name: 'Ink & Ochre',
		city: 'Patan',
		country: 'NP',
		languages: ['ne', 'new', 'en'],
		mediums: ['wheat-paste', 'print'],
		locale: 'ne',
		bio: {
			en: 'A two-person print studio pasting large woodcut prints on the lanes around the old market.',
			ne: 'पुरानो बजार वरपरका गल्लीमा ठूला काठछापा टाँस्ने दुई जनाको छापा स्टुडियो।',
			id: 'Studio cetak dua orang yang menempelkan cetakan cukil kayu besar di gang-gang sekitar pasar lama.',
			es: 'Un estudio de grabado de dos personas que pega grandes xilografías en los callejones del mercado antiguo.'
		},
		consent: everything,
		credited: ['patan-empower-2018']
	},
	{
		slug: 'kampung-kite',
		name: 'Kampung Kite',
		city: 'Denpasar',
		country: 'ID',
		languages: ['id', 'ban'],
		mediums: ['mural'],
		locale: 'id',
		bio: {
			en: 'Murals painted with whole streets: children choose the colours, elders tell the stories.',
			ne: 'पूरै टोलसँग मिलेर बनाइएका भित्तेचित्र: बालबालिकाले रङ छान्छन्, बुढापाकाले कथा सुनाउँछन्।',
			id: 'Mural yang dilukis bersama satu kampung: anak-anak memilih warna, para tetua bercerita.',
			es: 'Murales pintados con calles enteras: los niños eligen los colores, los mayores cuentan las historias.'
		},
		consent: everything,
		credited: ['denpasar-jakarta-2017']
	},
	{
		slug: 'dewi-tidepool',
		name: 'Dewi Tidepool',
		pronouns: 'she/her',
		city: 'Jakarta',
		country: 'ID',
		languages: ['id', 'en'],
		mediums: ['paper-cut', 'textile'],
		locale: 'id',
		bio: {
			en: 'Paper-cuts and stitched cloth about the sea coming into the city, hung in shop windows along the canal.',
			ne: 'सहरभित्र पस्ने समुद्रबारे कागज काटेर र कपडा सिलाएर बनाइएका कृति, नहर छेउका पसलका झ्यालमा झुन्ड्याइएका।',
			id: 'Guntingan kertas dan kain jahit tentang laut yang masuk ke kota, digantung di jendela toko di sepanjang kanal.',
			es: 'Papel recortado y tela cosida sobre el mar que entra en la ciudad, colgados en escaparates junto al canal.'
		},
		consent: [...everything, 'photo'],
		credited: ['denpasar-jakarta-2017']
	},
	{
		slug: 'loom-of-langa',
		name: 'Loom of Langa',
		city: 'Cape Town',
		country: 'ZA',
		languages: ['xh', 'en'],
		mediums: ['collage'],
		locale: 'en',
		bio: {
			en: 'Collages from posters, fabric and family photographs, pasted where the bus stops.',
			ne: 'पोस्टर, कपडा र पारिवारिक तस्बिरबाट बनेका कोलाज, बस रोकिने ठाउँमा टाँसिएका।',
			id: 'Kolase dari poster, kain, dan foto keluarga, ditempel di tempat bus berhenti.',
			es: 'Collages de carteles, tela y fotos de familia, pegados donde para el autobús.'
		},
		consent: everything,
		credited: ['langa-township-2016']
	},
	{
		slug: 'tai-hang-tinker',
		name: 'Tai Hang Tinker',
		city: 'Hong Kong',
		country: 'HK',
		languages: ['yue', 'en'],
		mediums: ['paper-cut', 'lanterns'],
		locale: 'en',
		bio: {
			en: 'Lanterns and paper-cuts made with the neighbourhood for the festival nights, then given away.',
			ne: 'चाडका रातका लागि छिमेकसँगै बनाइएका लालटिन र कागज कटाइ, पछि बाँडिने।',
			id: 'Lampion dan guntingan kertas yang dibuat bersama warga untuk malam festival, lalu dibagikan.',
			es: 'Farolillos y papel recortado hechos con el barrio para las noches de fiesta, y luego regalados.'
		},
		consent: everything,
		credited: ['tai-hang-wan-chai-2014']
	},
	{
		slug: 'paper-wren',
		name: 'Paper Wren',
		city: 'Nowra',
		country: 'AU',
		languages: ['en'],
		mediums: ['wheat-paste'],
		locale: 'en',
		bio: {
			en: 'Small birds drawn in ink and pasted low on laneway walls, at a child’s eye height.',
			ne: 'मसीले कोरिएका साना चराहरू, गल्लीका पर्खालमा बालबालिकाको आँखाको उचाइमा टाँसिएका।',
			id: 'Burung-burung kecil yang digambar dengan tinta dan ditempel rendah di dinding gang, setinggi mata anak-anak.',
			es: 'Pajaritos dibujados en tinta y pegados bajos en las paredes de los callejones, a la altura de los ojos de un niño.'
		},
		consent: everything,
		credited: ['nowra-laneways-2015']
	},
	{
		slug: 'grey-heron-studio',
		name: 'Grey Heron Studio',
		city: 'Graz',
		country: 'AT',
		languages: ['de', 'en'],
		mediums: ['window words', 'installation'],
		locale: 'en',
		bio: {
			en: 'Words cut in vinyl for empty shop windows.',
			ne: 'खाली पसलका झ्यालका लागि भिनाइलमा काटिएका शब्दहरू।',
			id: 'Kata-kata dipotong dari vinil untuk jendela toko yang kosong.',
			es: 'Palabras cortadas en vinilo para escaparates vacíos.'
		},
		// Not in the directory, but happy to be named in credits: the rule between the two.
		consent: ['credit_name'],
		credited: ['graz-2019']
	},
	{
		slug: 'laneway-lark',
		name: 'Laneway Lark',
		city: 'Melbourne',
		country: 'AU',
		languages: ['en'],
		mediums: ['mural'],
		locale: 'en',
		bio: {
			en: 'Large murals that change every season, painted over by the next artist on purpose.',
			ne: 'हरेक ऋतुमा बदलिने ठूला भित्तेचित्र, जानीजानी अर्को कलाकारले माथिबाट रङ्ग्याउने।',
			id: 'Mural besar yang berganti setiap musim, sengaja ditimpa oleh seniman berikutnya.',
			es: 'Grandes murales que cambian cada estación, pintados encima a propósito por la siguiente artista.'
		},
		consent: everything
	},
	{
		slug: 'monsoon-bloc',
		name: 'Monsoon Bloc',
		city: 'Bangkok',
		country: 'TH',
		languages: ['th', 'en'],
		mediums: ['projection'],
		locale: 'en',
		bio: {
			en: 'A collective projecting rain-season stories onto flood walls along the river.',
			ne: 'खोला किनारका बाढी रोक्ने पर्खालमा वर्षा ऋतुका कथा प्रक्षेपण गर्ने समूह।',
			id: 'Kolektif yang memproyeksikan kisah musim hujan ke tembok penahan banjir di tepi sungai.',
			es: 'Un colectivo que proyecta historias de la estación de lluvias sobre los muros de contención del río.'
		},
		consent: everything
	},
	{
		slug: 'colibri-ruido',
		name: 'Colibrí Ruido',
		city: 'Bogotá',
		country: 'CO',
		languages: ['es'],
		mediums: ['screen print'],
		locale: 'es',
		bio: {
			en: 'Screen prints in loud colours about the city’s birds, printed live at street markets.',
			ne: 'सहरका चराहरूबारे चर्का रङका स्क्रिन प्रिन्ट, सडक बजारमा प्रत्यक्ष छापिने।',
			id: 'Sablon berwarna mencolok tentang burung-burung kota, dicetak langsung di pasar jalanan.',
			es: 'Serigrafías de colores fuertes sobre las aves de la ciudad, impresas en vivo en los mercados callejeros.'
		},
		consent: everything
	},
	{
		slug: 'little-kite',
		name: 'Little Kite',
		city: 'Patan',
		country: 'NP',
		languages: ['ne'],
		mediums: ['drawing', 'wheat-paste'],
		locale: 'ne',
		bio: {
			en: 'A young artist who draws kites and the people who fly them, pasted up with help from the studio.',
			ne: 'चङ्गा र चङ्गा उडाउनेहरूको चित्र कोर्ने युवा कलाकार, स्टुडियोको सहयोगमा टाँसिएका।',
			id: 'Seniman muda yang menggambar layang-layang dan orang-orang yang menerbangkannya, ditempel dengan bantuan studio.',
			es: 'Una joven artista que dibuja cometas y a quienes las hacen volar, pegadas con ayuda del estudio.'
		},
		// Contact stays off for a young artist; the city is not shown.
		consent: ['directory', 'credit_name'],
		minor: { guardianName: 'A guardian of Little Kite' },
		credited: ['patan-empower-2018']
	}
];

/** Seeds the demo collective, after the archive (credits point at its initiatives). */
export async function seedDemoCollective(trx: Kysely<Database>, now: string, artists: readonly DemoArtist[] = demoArtists): Promise<void> {
	const { version } = await currentConsentText(trx);
	for (const artist of artists) {
		const email = `${artist.slug}@artists.example.org`;
		const consent = new Set<ArtistConsentPurpose>([...artist.consent, ...(artist.minor ? (['guardian'] as const) : [])]);
		const columns = Object.fromEntries([...consent].map((p) => [consentColumn(p), 1]));
		const { id } = await trx
			.insertInto('artist')
			.values({
				slug: artist.slug,
				name: artist.name,
				pronouns: artist.pronouns ?? '',
				city: artist.city,
				country: artist.country,
				languages: JSON.stringify(artist.languages),
				bio: stringifyLocalized(artist.bio),
				mediums: JSON.stringify(artist.mediums),
				links: JSON.stringify(artist.links ?? []),
				email,
				locale: artist.locale,
				minor: artist.minor ? 1 : 0,
				guardian_name: artist.minor?.guardianName ?? '',
				guardian_email: artist.minor ? `guardian.${artist.slug}@artists.example.org` : '',
				...columns,
				listed_at: consent.has('directory') ? now : null,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('artist_consent_event')
			.values(
				[...consent].map((purpose) => ({
					artist_id: id,
					email_hash: hashEmail(email),
					purpose,
					granted: 1,
					consent_text_version: version,
					given_by: purpose === 'guardian' ? ('guardian' as const) : ('artist' as const),
					method: 'demo',
					staff_user_id: null,
					at: now
				}))
			)
			.execute();
		await indexArtist(trx, id);
		for (const slug of artist.credited ?? []) {
			const initiative = await trx.selectFrom('initiative').select(['id', 'credits']).where('slug', '=', slug).executeTakeFirst();
			if (!initiative) continue;
			const credits = JSON.parse(initiative.credits) as Record<string, unknown>[];
			credits.push({ name: artist.name, role: 'artist', note: { en: '' }, artistId: id });
			await trx.updateTable('initiative').set({ credits: JSON.stringify(credits) }).where('id', '=', initiative.id).execute();
		}
	}
}
