/**
 * The site search over a large archive: fills the index with `documents`
 * documents of generated text in the four languages (every item in English,
 * about half also in Spanish, a third in Indonesian, a third in Nepali), then
 * runs ~300 varied queries as readers of each language type them (common and
 * rare words, parts of words, two-letter words, several words, nothing found,
 * operators) and times each call of searchDocuments, snippets included.
 *
 * Run: npx tsx scripts/bench-search.ts (DOCUMENTS=…; TEST_DATABASE_URL=postgres://…
 * for PostgreSQL, a fresh database is made and dropped on that server).
 */
import { pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import type { Locale } from '../src/lib/i18n/locales.ts';
import type { Database } from '../src/lib/server/db/schema.ts';
import { replaceSearchDocuments, searchDocuments, type SearchDocumentInput, type SearchKind } from '../src/lib/server/db/search.ts';
import { createTestDatabase } from '../src/lib/server/db/test-database.ts';

const words: Record<Locale, string[]> = {
	en: `art artist artists mural murals wall walls street city community festival workshop workshops residency
		painting paintings paint painted projection film cinema light lantern paper poster posters wheat paste
		women youth children school neighbours neighbourhood river temple square market music dance theatre
		photography photographs exhibition gallery museum archive history memory climate water earth forest
		mountain valley village public space together open call application programme week weeks month year
		local international collective volunteers partners host hosts talk talks symposium think tank virtual
		online tour tours map maps story stories voice voices colour colours brick stone clay textile craft
		printing screen print zine zines book books reading writing poetry song songs garden gardens food
		kitchen table bridge road bus station night evening morning summer winter monsoon festival festivals`.split(/\s+/),
	es: `arte artista artistas mural murales pared paredes calle ciudad comunidad festival taller talleres
		residencia pintura pinturas pintar pintado proyección proyecciones película películas cine luz linterna
		papel cartel carteles mujeres jóvenes niños escuela vecinos barrio río templo plaza mercado música danza
		teatro fotografía exposición galería museo archivo historia memoria clima agua tierra bosque montaña
		valle pueblo espacio público juntos convocatoria abierta solicitud programa semana mes año local
		internacional colectivo voluntarios socios charla charlas simposio virtual recorrido mapa relato relatos
		voz voces color colores ladrillo piedra arcilla textil artesanía impresión serigrafía libro libros
		lectura escritura poesía canción jardín comida cocina mesa puente camino noche tarde mañana verano
		invierno`.split(/\s+/),
	id: `seni kesenian seniman mural dinding jalan jalanan kota komunitas festival lokakarya residensi lukisan
		melukis lukis dilukis proyeksi film bioskop cahaya lentera kertas poster perempuan pemuda anak sekolah
		tetangga kampung sungai candi alun pasar musik tari teater fotografi pameran galeri museum arsip sejarah
		ingatan iklim air tanah hutan gunung lembah desa ruang publik bersama panggilan terbuka pendaftaran
		program minggu bulan tahun lokal internasional kolektif relawan mitra tuan rumah diskusi simposium
		virtual tur peta cerita suara warna bata batu tanah liat tekstil kerajinan cetak sablon buku bacaan
		tulisan puisi lagu kebun makanan dapur meja jembatan malam sore pagi kemarau hujan berkesenian pelukis`.split(/\s+/),
	ne: `कला कलाकार कलाकारहरू भित्तिचित्र पर्खाल सडक शहर समुदाय महोत्सव कार्यशाला आवासीय चित्र चित्रकला
		प्रक्षेपण चलचित्र उज्यालो बत्ती कागज पोस्टर महिला युवा बालबालिका विद्यालय छिमेकी टोल नदी मन्दिर चोक
		बजार संगीत नृत्य नाटक फोटो प्रदर्शनी ग्यालेरी संग्रहालय अभिलेख इतिहास सम्झना जलवायु पानी माटो वन
		पहाड उपत्यका गाउँ सार्वजनिक ठाउँ सँगै खुला आह्वान आवेदन कार्यक्रम हप्ता महिना वर्ष स्थानीय
		अन्तर्राष्ट्रिय सामूहिक स्वयंसेवक साझेदार आयोजक वार्ता गोष्ठी भर्चुअल भ्रमण नक्सा कथा आवाज रङ
		इँटा ढुङ्गा हस्तकला छपाइ किताब पढाइ लेखन कविता गीत बगैंचा खाना भान्सा टेबल पुल बाटो रात साँझ
		बिहान गर्मी जाडो बर्खा घर पाटन काठमाडौं भक्तपुर`.split(/\s+/)
};

/** The words every sentence is full of, most common first. */
const functionWords: Record<Locale, string[]> = {
	en: 'the and of in a to with for on from by at about after between during before across'.split(' '),
	es: 'de la el en y los con las para del por un una al sobre entre después durante antes'.split(' '),
	id: 'dan di yang ke dari untuk dengan pada dalam oleh sebagai tentang antara setelah selama sebelum'.split(' '),
	ne: 'र मा को का की ले लाई बाट पनि यो त्यो हो छ भयो गरे'.split(' ')
};

/**
 * Made-up names and rare words, a few thousand per language, from syllables of
 * its script: real text draws most of its words from a long tail like this, so
 * that a topical word is in a fraction of the documents, not in all of them.
 */
function rareWords(locale: Locale, count: number): string[] {
	const next = random(locale.charCodeAt(0) * 31 + locale.charCodeAt(1));
	const latin = 'ka ri to man su le ba ng ta ra pa ti no wa se di ro lu me sa na ya gu bo'.split(' ');
	const devanagari = 'क कि ला रा मा नि ती सु प हे दी बा गो रु ने या श ठ भ ज्ञ'.split(' ');
	const syllables = locale === 'ne' ? devanagari : latin;
	const list = new Set<string>();
	while (list.size < count) {
		const length = 2 + Math.floor(next() * 3);
		list.add(Array.from({ length }, () => syllables[Math.floor(next() * syllables.length)]).join(''));
	}
	return [...list];
}

/** Each language's words by how common they are: function words, then topical words, then the long tail. */
const vocabulary: Record<Locale, string[]> = Object.fromEntries(
	(['en', 'ne', 'id', 'es'] as const).map((locale) => [locale, [...functionWords[locale], ...words[locale], ...rareWords(locale, 3000)]])
) as Record<Locale, string[]>;

/** A small deterministic generator (mulberry32), so two runs index the same text. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Words drawn as in real text (Zipf: the word of rank r about 1/r as often as the first). */
function phrase(next: () => number, list: string[], count: number): string {
	const picked: string[] = [];
	for (let i = 0; i < count; i++) picked.push(list[Math.floor(Math.exp(next() * Math.log(list.length + 1))) - 1]!);
	return picked.join(' ');
}

function sentences(next: () => number, locale: Locale, wordCount: number): string {
	const stop = locale === 'ne' ? '।' : '.';
	const parts: string[] = [];
	for (let left = wordCount; left > 0; ) {
		const length = Math.min(left, 8 + Math.floor(next() * 14));
		const sentence = phrase(next, vocabulary[locale], length);
		parts.push(sentence.charAt(0).toUpperCase() + sentence.slice(1) + stop);
		left -= length;
	}
	return parts.join(' ');
}

const kinds: SearchKind[] = ['initiative', 'initiative', 'story', 'story', 'call', 'page'];

async function fill(db: Kysely<Database>, documents: number): Promise<number> {
	const next = random(42);
	let written = 0;
	let items = 0;
	while (written < documents) {
		await db.transaction().execute(async (trx) => {
			for (let i = 0; i < 200 && written < documents; i++, items++) {
				const kind = kinds[items % kinds.length]!;
				const key = `item-${items}`;
				const path = `/${kind}s/${key}`;
				const bodyWords = 60 + Math.floor(next() * 240);
				const docs: SearchDocumentInput[] = [];
				for (const [locale, share] of [['en', 1], ['es', 0.5], ['id', 0.35], ['ne', 0.35]] as const) {
					if (next() >= share || written + docs.length >= documents) continue;
					docs.push({ locale, title: phrase(next, vocabulary[locale].slice(functionWords[locale].length), 2 + Math.floor(next() * 5)), text: sentences(next, locale, bodyWords), path });
				}
				await replaceSearchDocuments(trx, kind, key, docs);
				written += docs.length;
			}
		});
	}
	return items;
}

/** What readers type: mostly topical words, one to three, some names, parts of words, function words, nonsense. */
function queries(count: number): Array<{ query: string; locale: Locale }> {
	const next = random(7);
	const locales: Locale[] = ['en', 'en', 'ne', 'id', 'es'];
	const hostile = ['"', 'NEAR(', 'a OR', '*', '-', 'mural AND (', '?!', 'x'.repeat(5000)];
	const list: Array<{ query: string; locale: Locale }> = [];
	for (let i = 0; i < count; i++) {
		const locale = locales[i % locales.length]!;
		const topical = words[locale];
		const word = () => topical[Math.floor(next() * topical.length)]!;
		const shape = i % 10;
		let query: string;
		if (shape === 0) query = hostile[(i / 10) % hostile.length]!;
		else if (shape === 1) query = `${word()} ${word()}`;
		else if (shape === 2) query = `${word()} ${word()} ${word()}`;
		else if (shape === 3) query = Array.from(word()).slice(0, 4).join('');
		else if (shape === 4) query = `zzq${i}`;
		else if (shape === 5) query = functionWords[locale][Math.floor(next() * functionWords[locale].length)]!;
		else if (shape === 6) query = vocabulary[locale][Math.floor(next() * vocabulary[locale].length)]!; // a name or rare word
		else query = word();
		list.push({ query, locale });
	}
	return list;
}

function percentile(sorted: number[], share: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
}

export interface SearchBenchResult {
	documents: number;
	items: number;
	queries: number;
	fillSeconds: number;
	p50: number;
	p95: number;
	max: number;
	slowest: Array<{ query: string; locale: Locale; ms: number; total: number }>;
}

export async function benchSearch(options: { db: Kysely<Database>; documents?: number; queries?: number }): Promise<SearchBenchResult> {
	const documents = options.documents ?? 10_000;
	const started = performance.now();
	const items = await fill(options.db, documents);
	const fillSeconds = (performance.now() - started) / 1000;

	const list = queries(options.queries ?? 300);
	for (const { query, locale } of list.slice(0, 20)) await searchDocuments(options.db, { query, locale, limit: 10, offset: 0 });

	const timings: Array<{ query: string; locale: Locale; ms: number; total: number }> = [];
	for (const [index, { query, locale }] of list.entries()) {
		const offset = index % 7 === 0 ? 10 : 0;
		const before = performance.now();
		const { total } = await searchDocuments(options.db, { query, locale, limit: 10, offset });
		timings.push({ query: query.slice(0, 40), locale, ms: performance.now() - before, total });
	}
	const sorted = timings.map((timing) => timing.ms).sort((a, b) => a - b);
	return {
		documents,
		items,
		queries: timings.length,
		fillSeconds,
		p50: percentile(sorted, 0.5),
		p95: percentile(sorted, 0.95),
		max: sorted.at(-1) ?? 0,
		slowest: timings.sort((a, b) => b.ms - a.ms).slice(0, 5)
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const handle = await createTestDatabase();
	try {
		const result = await benchSearch({ db: handle.db, documents: Number(process.env.DOCUMENTS ?? 10_000) });
		const ms = (value: number) => `${value.toFixed(1)} ms`;
		console.log(`search on ${handle.dialect}: ${result.documents} documents (${result.items} items) filled in ${result.fillSeconds.toFixed(1)} s`);
		console.log(`${result.queries} queries: p50 ${ms(result.p50)}, p95 ${ms(result.p95)}, max ${ms(result.max)}`);
		for (const slow of result.slowest) console.log(`  ${ms(slow.ms)}  ${slow.locale}  ${JSON.stringify(slow.query)} (${slow.total} items)`);
	} finally {
		await handle.dispose();
	}
}
