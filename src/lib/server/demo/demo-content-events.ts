import type { DemoKindOrProgram } from './demo-archive.types';

/*
 * The kinds of event a fresh install starts with, as the initiative kinds are
 * seeded: staff rename, reorder, add or delete them under Site content.
 */
export const demoEventKinds: DemoKindOrProgram[] = [
	{ key: 'workshop', name: { en: 'Workshop', ne: 'कार्यशाला', id: 'Lokakarya', es: 'Taller' } },
	{ key: 'art-tour', name: { en: 'Art tour', ne: 'कला भ्रमण', id: 'Tur seni', es: 'Recorrido artístico' } },
	{ key: 'talk', name: { en: 'Talk or symposium', ne: 'वार्ता वा गोष्ठी', id: 'Diskusi atau simposium', es: 'Charla o simposio' } },
	{ key: 'launch', name: { en: 'Launch', ne: 'शुभारम्भ', id: 'Peluncuran', es: 'Lanzamiento' } },
	{ key: 'festival-day', name: { en: 'Festival day', ne: 'महोत्सवको दिन', id: 'Hari festival', es: 'Jornada de festival' } },
	{ key: 'open-studio', name: { en: 'Open studio', ne: 'खुला स्टुडियो', id: 'Studio terbuka', es: 'Estudio abierto' } },
	{ key: 'online-session', name: { en: 'Online session', ne: 'अनलाइन सत्र', id: 'Sesi daring', es: 'Sesión en línea' } }
];

/** One session of a demo event, planned as wall time in its own zone, some days from the seeding. */
export interface DemoSession {
	/** Days from the seeding day (negative: already happened). */
	inDays: number;
	/** Wall time where it happens, `HH:MM`. */
	starts: string;
	lengthMinutes: number;
	timeZone: string;
	online?: boolean;
	venueName?: string;
	venueAddress?: string;
	country?: string;
	latitude?: number;
	longitude?: number;
	directions?: Record<string, string>;
	capacity: number | null;
}

export interface DemoEvent {
	slug: string;
	kind: string;
	/** The archive's initiative it belongs to. */
	initiativeSlug?: string;
	title: Record<string, string> & { en: string };
	summary: Record<string, string> & { en: string };
	body: Record<string, string> & { en: string };
	organizer: string;
	access: { step_free: '' | 'yes' | 'no'; seating: '' | 'yes' | 'no'; sign_language: '' | 'yes' | 'no'; captions: '' | 'yes' | 'no'; quiet_space: '' | 'yes' | 'no'; languages: string[]; note: Record<string, string> & { en: string } };
	partyMax: number;
	questions: { label: Record<string, string> & { en: string }; required: boolean }[];
	sessions: DemoSession[];
}

/*
 * A few events as Micro Galleries runs them: free, small, on site and online,
 * in several time zones. Sessions are placed relative to the day the demo is
 * seeded, so a fresh install always has something coming up and one event in
 * the past. The paste-up workshop's address is fixed: tests open it.
 */
export const demoEvents: DemoEvent[] = [
	{
		slug: 'paste-up-workshop-patan',
		kind: 'workshop',
		initiativeSlug: 'patan-empower-2018',
		title: { en: 'Paste-up workshop in Patan', ne: 'पाटनमा पेस्ट-अप कार्यशाला', id: 'Lokakarya tempel poster di Patan', es: 'Taller de paste-up en Patan' },
		summary: {
			en: 'Design a poster about your neighbourhood, print it and wheat-paste it on a wall the owners have offered. Materials provided; no experience needed.',
			ne: 'आफ्नो टोलबारे पोस्टर बनाउनुहोस्, छाप्नुहोस् र घरधनीले दिएको भित्तामा लेईले टाँस्नुहोस्। सामग्री हामी दिन्छौँ; अनुभव चाहिँदैन।',
			id: 'Rancang poster tentang lingkunganmu, cetak, lalu tempel dengan lem tepung di dinding yang sudah diizinkan pemiliknya. Bahan disediakan; tidak perlu pengalaman.',
			es: 'Diseña un cartel sobre tu barrio, imprímelo y pégalo con engrudo en una pared que sus dueños han ofrecido. Materiales incluidos; no hace falta experiencia.'
		},
		body: {
			en: '<p>Two local artists show how a paste-up goes from a sketch to a wall: cutting, layering, mixing the wheat paste and choosing a spot where it will last. In the afternoon we paste the posters together on the walls around the courtyard.</p><p>Wear clothes that can get sticky. Children over ten are welcome with an adult.</p>',
			ne: '<p>दुई स्थानीय कलाकारले पेस्ट-अप स्केचदेखि भित्तासम्म कसरी पुग्छ देखाउनुहुन्छ: काट्ने, तह मिलाउने, लेई बनाउने र टिकाउ ठाउँ छान्ने। दिउँसो हामी सबै मिलेर चोक वरपरका भित्तामा पोस्टर टाँस्छौँ।</p><p>टाँसिए पनि हुने लुगा लगाएर आउनुहोस्। दस वर्षमाथिका बालबालिका अभिभावकसँग आउन सक्छन्।</p>',
			id: '<p>Dua seniman lokal menunjukkan perjalanan sebuah paste-up dari sketsa sampai ke dinding: memotong, menyusun lapisan, membuat lem tepung, dan memilih tempat yang awet. Siang harinya kita menempel poster bersama di dinding sekitar halaman.</p><p>Kenakan pakaian yang boleh kotor. Anak di atas sepuluh tahun boleh ikut bersama orang dewasa.</p>',
			es: '<p>Dos artistas locales muestran cómo un paste-up pasa del boceto a la pared: recortar, superponer capas, preparar el engrudo y elegir un sitio donde dure. Por la tarde pegamos juntos los carteles en las paredes alrededor del patio.</p><p>Ven con ropa que se pueda manchar. Mayores de diez años, bienvenidos con una persona adulta.</p>'
		},
		organizer: 'Micro Galleries Kathmandu team',
		access: {
			step_free: 'yes',
			seating: 'yes',
			sign_language: 'no',
			captions: '',
			quiet_space: 'yes',
			languages: ['ne', 'en'],
			note: {
				en: 'The courtyard is flat and paved; the toilets are up three steps.',
				ne: 'चोक समतल र ढुङ्गा बिछ्याइएको छ; शौचालय तीन खुड्किला माथि छ।',
				id: 'Halamannya datar dan berlapis batu; toilet ada di atas tiga anak tangga.',
				es: 'El patio es llano y empedrado; los baños están subiendo tres escalones.'
			}
		},
		partyMax: 3,
		questions: [
			{
				label: { en: 'Anything we should know about access?', ne: 'पहुँचबारे हामीले थाहा पाउनुपर्ने केही छ?', id: 'Ada hal tentang aksesibilitas yang perlu kami ketahui?', es: '¿Algo que debamos saber sobre accesibilidad?' },
				required: false
			}
		],
		sessions: [
			{
				inDays: 12,
				starts: '10:00',
				lengthMinutes: 300,
				timeZone: 'Asia/Kathmandu',
				venueName: 'Patan Museum courtyard',
				venueAddress: 'Mangal Bazar, Lalitpur',
				country: 'NP',
				latitude: 27.6727,
				longitude: 85.3253,
				directions: { en: 'Enter through the museum gate on Durbar Square.', ne: 'दरबार स्क्वायरतर्फको सङ्ग्रहालयको ढोकाबाट छिर्नुहोस्।', id: 'Masuk lewat gerbang museum di Durbar Square.', es: 'Entra por la puerta del museo en la plaza Durbar.' },
				capacity: 20
			},
			{
				inDays: 19,
				starts: '10:00',
				lengthMinutes: 300,
				timeZone: 'Asia/Kathmandu',
				venueName: 'Patan Museum courtyard',
				venueAddress: 'Mangal Bazar, Lalitpur',
				country: 'NP',
				latitude: 27.6727,
				longitude: 85.3253,
				capacity: 20
			}
		]
	},
	{
		slug: 'women-on-wall-online-launch',
		kind: 'launch',
		title: { en: 'Women on Wall: online launch', ne: 'वुमन अन वाल: अनलाइन शुभारम्भ', id: 'Women on Wall: peluncuran daring', es: 'Women on Wall: lanzamiento en línea' },
		summary: {
			en: 'Meet the artists of the new Women on Wall season, see their works and ask them questions. Two sessions, so that the Americas and Asia can both join at a friendly hour.',
			ne: 'वुमन अन वालको नयाँ सिजनका कलाकारसँग भेट्नुहोस्, उनीहरूका कृति हेर्नुहोस् र प्रश्न सोध्नुहोस्। अमेरिका र एसिया दुवैबाट सजिलो समयमा जोडिन सकियोस् भनेर दुई सत्र छन्।',
			id: 'Temui para seniman musim baru Women on Wall, lihat karya mereka, dan ajukan pertanyaan. Ada dua sesi agar Amerika dan Asia sama-sama bisa ikut pada jam yang nyaman.',
			es: 'Conoce a las artistas de la nueva temporada de Women on Wall, mira sus obras y hazles preguntas. Dos sesiones, para que América y Asia puedan unirse a una hora cómoda.'
		},
		body: {
			en: '<p>An hour with the artists: each shows the wall they are planning and talks about the women it is about. Captions are on; questions can be typed or asked aloud.</p>',
			ne: '<p>कलाकारसँग एक घण्टा: हरेकले आफूले योजना गरेको भित्ता देखाउनुहुन्छ र त्यसमा चित्रित महिलाबारे कुरा गर्नुहुन्छ। क्याप्सन खुला रहन्छ; प्रश्न लेखेर वा बोलेर सोध्न सकिन्छ।</p>',
			id: '<p>Satu jam bersama para seniman: masing-masing menunjukkan dinding yang direncanakan dan bercerita tentang perempuan yang digambarkan. Teks aktif; pertanyaan bisa diketik atau diucapkan.</p>',
			es: '<p>Una hora con las artistas: cada una muestra el muro que prepara y habla de las mujeres que retrata. Con subtítulos; las preguntas se pueden escribir o hacer en voz alta.</p>'
		},
		organizer: 'Micro Galleries',
		access: { step_free: '', seating: '', sign_language: 'no', captions: 'yes', quiet_space: '', languages: ['en', 'id'], note: { en: '' } },
		partyMax: 1,
		questions: [],
		sessions: [
			{ inDays: 9, starts: '19:00', lengthMinutes: 60, timeZone: 'America/New_York', online: true, capacity: 100 },
			{ inDays: 10, starts: '09:00', lengthMinutes: 60, timeZone: 'Asia/Bangkok', online: true, capacity: 100 }
		]
	},
	{
		slug: 'laneway-walls-art-tour-melbourne',
		kind: 'art-tour',
		title: { en: 'Laneway walls: an art tour in Melbourne', ne: 'गल्लीका भित्ता: मेलबर्नमा कला भ्रमण', id: 'Dinding gang: tur seni di Melbourne', es: 'Muros de callejón: recorrido artístico en Melbourne' },
		summary: {
			en: 'A slow walk through the city’s laneways with an artist who painted some of their walls: who made them, how, and why the city lets them stay.',
			ne: 'सहरका गल्लीहरूमा ती भित्तामध्ये केही चित्रित गर्ने कलाकारसँग बिस्तारै हिँडाइ: कसले, कसरी बनाए, र सहरले किन ती रहन दिन्छ।',
			id: 'Jalan santai menyusuri gang-gang kota bersama seniman yang melukis sebagian dindingnya: siapa pembuatnya, bagaimana, dan mengapa kota membiarkannya tetap ada.',
			es: 'Un paseo sin prisa por los callejones de la ciudad con una artista que pintó algunos de sus muros: quién los hizo, cómo y por qué la ciudad deja que sigan ahí.'
		},
		body: {
			en: '<p>About two kilometres on foot, with stops to sit. We meet at the steps of the library and finish near a tram stop.</p>',
			ne: '<p>करिब दुई किलोमिटर पैदल, बीचबीचमा बस्ने ठाउँसहित। हामी पुस्तकालयको खुड्किलामा भेट्छौँ र ट्राम बिसौनी नजिकै टुङ्ग्याउँछौँ।</p>',
			id: '<p>Sekitar dua kilometer berjalan kaki, dengan tempat berhenti untuk duduk. Kita bertemu di tangga perpustakaan dan selesai dekat halte trem.</p>',
			es: '<p>Unos dos kilómetros a pie, con paradas para sentarse. Nos encontramos en la escalinata de la biblioteca y terminamos cerca de una parada de tranvía.</p>'
		},
		organizer: 'Micro Galleries',
		access: {
			step_free: 'yes',
			seating: 'no',
			sign_language: 'no',
			captions: '',
			quiet_space: 'no',
			languages: ['en'],
			note: { en: 'The route avoids stairs; two laneways are cobbled.', es: 'La ruta evita escaleras; dos callejones son adoquinados.' }
		},
		partyMax: 4,
		questions: [],
		sessions: [
			{
				inDays: 16,
				starts: '14:00',
				lengthMinutes: 120,
				timeZone: 'Australia/Melbourne',
				venueName: 'State Library Victoria, front steps',
				venueAddress: '328 Swanston Street, Melbourne',
				country: 'AU',
				latitude: -37.8098,
				longitude: 144.9652,
				capacity: 15
			}
		]
	},
	{
		slug: 'climate-walls-talk-graz',
		kind: 'talk',
		initiativeSlug: 'graz-2019',
		title: { en: 'Walls that talk about climate: an evening in Graz', ne: 'जलवायुबारे बोल्ने भित्ता: ग्राजमा एक साँझ', id: 'Dinding yang bicara tentang iklim: malam di Graz', es: 'Muros que hablan del clima: una tarde en Graz' },
		summary: {
			en: 'Artists from the Graz programme showed what a small wall can do for a climate conversation in a neighbourhood.',
			ne: 'ग्राज कार्यक्रमका कलाकारले टोलमा जलवायुबारे कुराकानीका लागि सानो भित्ताले के गर्न सक्छ भनेर देखाए।',
			id: 'Para seniman program Graz menunjukkan apa yang bisa dilakukan sebuah dinding kecil untuk percakapan tentang iklim di lingkungan.',
			es: 'Artistas del programa de Graz mostraron lo que un muro pequeño puede aportar a una conversación sobre el clima en un barrio.'
		},
		body: { en: '<p>A talk and an open conversation, followed by tea in the courtyard.</p>', es: '<p>Una charla y una conversación abierta, seguidas de un té en el patio.</p>' },
		organizer: 'Micro Galleries',
		access: { step_free: 'yes', seating: 'yes', sign_language: 'no', captions: 'no', quiet_space: '', languages: ['de', 'en'], note: { en: '' } },
		partyMax: 2,
		questions: [],
		sessions: [
			{
				inDays: -40,
				starts: '18:30',
				lengthMinutes: 90,
				timeZone: 'Europe/Vienna',
				venueName: 'Courtyard gallery',
				venueAddress: 'Lendplatz, Graz',
				country: 'AT',
				latitude: 47.0737,
				longitude: 15.4339,
				capacity: 40
			}
		]
	}
];
