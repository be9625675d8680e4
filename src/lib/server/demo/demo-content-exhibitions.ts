import type { Localized } from '$lib/i18n/locales';
import type { ArtworkLicence } from '$lib/server/exhibitions/artwork-licences';
import type { DemoArtworkStyle } from './demo-artworks';

/*
 * The demo's works and its two virtual exhibitions, in four languages: "Climate,
 * pasted", the wheat-paste posters of the Guerrilla Gallery Kit's climate
 * edition (2024), and "Night light", curated by the collective member
 * lumen-moth. Each work's picture is drawn (demo-artworks.ts); its alt text
 * says what the drawing shows, not what the work stands for.
 */

export interface DemoWork {
	key: string;
	style: DemoArtworkStyle;
	seed: number;
	/** Artists by their profile's address; one missing from the collective is left out. */
	artists: string[];
	title: Localized;
	year: number;
	medium: Localized;
	dimensions: string;
	alt: Localized;
	description: Localized;
	caption: Localized;
	credit: string;
	licence: ArtworkLicence;
	section: string;
}

export interface DemoExhibition {
	slug: string;
	title: Localized;
	summary: Localized;
	curatorialText: Localized;
	curators: string[];
	curatorNames: string;
	/** Days from the seed's day; null with `permanent`. */
	opensInDays: number | null;
	opensOn: string | null;
	closesInDays: number | null;
	permanent: boolean;
	initiativeSlug: string | null;
	sections: { key: string; title: Localized }[];
	works: DemoWork[];
}

const pasteMedium: Localized = { en: 'Wheat-paste poster on brick', ne: 'इँटाको भित्तामा लेई टाँसिएको पोस्टर', id: 'Poster tempel dengan lem tepung di dinding bata', es: 'Cartel pegado con engrudo sobre ladrillo' };
const pasteAlt = (colours: Localized): Localized => ({
	en: `Layers of torn paper posters pasted on a wall, in ${colours.en}, with large block letters and peeling edges.`,
	ne: `भित्तामा टाँसिएका च्यातिएका कागजी पोस्टरका तहहरू, ${colours.ne} रङमा, ठूला अक्षर र उप्किएका किनारासहित।`,
	id: `Lapisan poster kertas sobek yang ditempel di dinding, berwarna ${colours.id}, dengan huruf balok besar dan tepi yang mengelupas.`,
	es: `Capas de carteles de papel rasgados pegados en una pared, en ${colours.es}, con grandes letras de molde y bordes despegados.`
});

const climateWorks: DemoWork[] = [
	{
		key: 'climate-rising-tide',
		style: 'wheatpaste',
		seed: 2401,
		artists: ['ink-and-ochre'],
		title: { en: 'Rising tide', ne: 'बढ्दो ज्वार', id: 'Pasang naik', es: 'Marea creciente' },
		year: 2024,
		medium: pasteMedium,
		dimensions: '120 × 84 cm',
		alt: pasteAlt({ en: 'ochre and deep blue', ne: 'गेरु र गाढा नीलो', id: 'oker dan biru tua', es: 'ocre y azul profundo' }),
		description: {
			en: 'A poster about the sea coming further inland every year. The blue band rises across the sheet like a water mark on a house.',
			ne: 'हरेक वर्ष समुद्र झन् भित्र पस्दै गरेकोबारे पोस्टर। नीलो पट्टी घरको भित्तामा पानीको चिन्हझैं कागजभरि उक्लन्छ।',
			id: 'Poster tentang laut yang setiap tahun masuk makin jauh ke daratan. Pita biru naik melintasi kertas seperti bekas air di dinding rumah.',
			es: 'Un cartel sobre el mar que cada año entra más tierra adentro. La franja azul sube por el pliego como la marca del agua en una casa.'
		},
		caption: { en: 'Pasted in Jakarta on Earth Day 2024.', ne: 'सन् २०२४ को पृथ्वी दिवसमा जकार्तामा टाँसिएको।', id: 'Ditempel di Jakarta pada Hari Bumi 2024.', es: 'Pegado en Yakarta el Día de la Tierra de 2024.' },
		credit: 'Courtesy of the artist',
		licence: 'cc-by-4.0',
		section: 'water'
	},
	{
		key: 'climate-monsoon-late',
		style: 'wheatpaste',
		seed: 2402,
		artists: ['monsoon-bloc'],
		title: { en: 'The monsoon is late', ne: 'मनसुन ढिलो छ', id: 'Musim hujan terlambat', es: 'El monzón llega tarde' },
		year: 2024,
		medium: pasteMedium,
		dimensions: '100 × 70 cm',
		alt: pasteAlt({ en: 'grey and green', ne: 'खैरो र हरियो', id: 'abu-abu dan hijau', es: 'gris y verde' }),
		description: {
			en: 'Farmers’ words about rains that come at the wrong time, set in large letters over fields drawn as stripes.',
			ne: 'गलत समयमा आउने वर्षाबारे किसानका शब्दहरू, धर्साजस्तै कोरिएका खेतमाथि ठूला अक्षरमा।',
			id: 'Kata-kata petani tentang hujan yang datang di waktu yang salah, ditulis dengan huruf besar di atas ladang yang digambar sebagai garis-garis.',
			es: 'Palabras de campesinos sobre lluvias que llegan a destiempo, en letras grandes sobre campos dibujados como franjas.'
		},
		caption: { en: 'Pasted in Patan on a lent shutter.', ne: 'पाटनमा सापटी पाइएको सटरमा टाँसिएको।', id: 'Ditempel di Patan pada rolling door pinjaman.', es: 'Pegado en Patan sobre una persiana prestada.' },
		credit: 'Courtesy of the artists',
		licence: 'cc-by-sa-4.0',
		section: 'water'
	},
	{
		key: 'climate-last-glacier',
		style: 'wheatpaste',
		seed: 2403,
		artists: ['grey-heron-studio'],
		title: { en: 'Last glacier', ne: 'अन्तिम हिमनदी', id: 'Gletser terakhir', es: 'El último glaciar' },
		year: 2024,
		medium: pasteMedium,
		dimensions: '84 × 59 cm',
		alt: pasteAlt({ en: 'white and pale blue', ne: 'सेतो र फिक्का नीलो', id: 'putih dan biru muda', es: 'blanco y azul pálido' }),
		description: {
			en: 'A glacier drawn from a photograph of 1990 and again from one of 2023, pasted one over the other so that the gap shows.',
			ne: 'सन् १९९० र २०२३ का तस्बिरबाट कोरिएको एउटै हिमनदी, बीचको फरक देखियोस् भनेर एकमाथि अर्को टाँसिएको।',
			id: 'Sebuah gletser digambar dari foto tahun 1990 dan dari foto tahun 2023, ditempel bertumpuk sehingga selisihnya terlihat.',
			es: 'Un glaciar dibujado a partir de una foto de 1990 y otra de 2023, pegadas una sobre otra para que se vea la diferencia.'
		},
		caption: { en: '', ne: '', id: '', es: '' },
		credit: 'Courtesy of the artist',
		licence: 'cc-by-nc-4.0',
		section: 'water'
	},
	{
		key: 'climate-shade-trees',
		style: 'wheatpaste',
		seed: 2404,
		artists: ['kampung-kite', 'little-kite'],
		title: { en: 'Plant shade', ne: 'छहारी रोप', id: 'Tanam teduh', es: 'Planta sombra' },
		year: 2024,
		medium: pasteMedium,
		dimensions: '120 × 84 cm',
		alt: pasteAlt({ en: 'leaf green and yellow', ne: 'पातजस्तो हरियो र पहेंलो', id: 'hijau daun dan kuning', es: 'verde hoja y amarillo' }),
		description: {
			en: 'A call to plant trees along hot streets, made with a neighbourhood’s children, who drew the leaves.',
			ne: 'तातो सडकछेउ रूख रोप्ने आह्वान, टोलका बालबालिकासँग मिलेर बनाइएको; पातहरू उनीहरूले कोरेका हुन्।',
			id: 'Ajakan menanam pohon di sepanjang jalan yang panas, dibuat bersama anak-anak kampung yang menggambar daun-daunnya.',
			es: 'Una llamada a plantar árboles en las calles calurosas, hecha con los niños de un barrio, que dibujaron las hojas.'
		},
		caption: { en: 'Made in a workshop with children.', ne: 'बालबालिकासँगको कार्यशालामा बनाइएको।', id: 'Dibuat dalam lokakarya bersama anak-anak.', es: 'Hecho en un taller con niños.' },
		credit: 'Courtesy of the artists',
		licence: 'cc-by-4.0',
		section: 'streets'
	},
	{
		key: 'climate-heat-map',
		style: 'wheatpaste',
		seed: 2405,
		artists: ['laneway-lark'],
		title: { en: 'Heat map', ne: 'तापको नक्सा', id: 'Peta panas', es: 'Mapa de calor' },
		year: 2024,
		medium: pasteMedium,
		dimensions: '150 × 100 cm',
		alt: pasteAlt({ en: 'red and orange', ne: 'रातो र सुन्तला', id: 'merah dan jingga', es: 'rojo y naranja' }),
		description: {
			en: 'The laneways of a city drawn by how hot they get in summer, from readings the artist took with neighbours.',
			ne: 'छिमेकीसँग मिलेर लिइएका नापका आधारमा, गर्मीमा कति तात्छन् भनेर कोरिएका सहरका गल्लीहरू।',
			id: 'Gang-gang sebuah kota digambar menurut seberapa panasnya di musim panas, dari pengukuran yang dilakukan seniman bersama tetangga.',
			es: 'Los callejones de una ciudad dibujados según cuánto se calientan en verano, a partir de mediciones que la artista tomó con sus vecinos.'
		},
		caption: { en: '', ne: '', id: '', es: '' },
		credit: 'Courtesy of the artist',
		licence: 'all-rights-reserved',
		section: 'streets'
	},
	{
		key: 'climate-bus-stop',
		style: 'wheatpaste',
		seed: 2406,
		artists: ['colibri-ruido'],
		title: { en: 'Waiting for the bus, waiting for change', ne: 'बसको पर्खाइ, परिवर्तनको पर्खाइ', id: 'Menunggu bus, menunggu perubahan', es: 'Esperando el bus, esperando el cambio' },
		year: 2024,
		medium: pasteMedium,
		dimensions: '100 × 70 cm',
		alt: pasteAlt({ en: 'magenta and black', ne: 'म्याजेन्टा र कालो', id: 'magenta dan hitam', es: 'magenta y negro' }),
		description: {
			en: 'Pasted at a bus stop: a poster asking for more buses and fewer cars, in the words of the people who wait there every morning.',
			ne: 'बस बिसौनीमा टाँसिएको: बिहानै त्यहाँ पर्खने मानिसहरूका शब्दमा, बढी बस र कम कार माग्ने पोस्टर।',
			id: 'Ditempel di halte bus: poster yang meminta lebih banyak bus dan lebih sedikit mobil, dengan kata-kata orang yang menunggu di sana setiap pagi.',
			es: 'Pegado en una parada de autobús: un cartel que pide más autobuses y menos coches, con las palabras de quienes esperan allí cada mañana.'
		},
		caption: { en: 'Pasted in Bogotá.', ne: 'बोगोटामा टाँसिएको।', id: 'Ditempel di Bogotá.', es: 'Pegado en Bogotá.' },
		credit: 'Courtesy of the artist',
		licence: 'cc-by-sa-4.0',
		section: 'streets'
	},
	{
		key: 'climate-seed-bank',
		style: 'wheatpaste',
		seed: 2407,
		artists: ['loom-of-langa'],
		title: { en: 'Seed bank', ne: 'बीउ बैंक', id: 'Bank benih', es: 'Banco de semillas' },
		year: 2024,
		medium: pasteMedium,
		dimensions: '84 × 59 cm',
		alt: pasteAlt({ en: 'brown and gold', ne: 'खैरो र सुनौलो', id: 'cokelat dan emas', es: 'marrón y dorado' }),
		description: {
			en: 'Patterns from woven baskets that hold seeds kept from one harvest to the next, as a reminder of what a community saves.',
			ne: 'एक बालीदेखि अर्को बालीसम्म राखिने बीउ सङ्गाल्ने बुनेका डालाका बुट्टाहरू, समुदायले के जोगाउँछ भन्ने सम्झना।',
			id: 'Pola dari keranjang anyaman tempat benih disimpan dari satu panen ke panen berikutnya, sebagai pengingat akan apa yang dijaga sebuah komunitas.',
			es: 'Dibujos de cestas tejidas que guardan semillas de una cosecha a la siguiente, como recuerdo de lo que una comunidad conserva.'
		},
		caption: { en: '', ne: '', id: '', es: '' },
		credit: 'Courtesy of the artist',
		licence: 'cc-by-4.0',
		section: 'futures'
	},
	{
		key: 'climate-repair-shop',
		style: 'wheatpaste',
		seed: 2408,
		artists: ['tai-hang-tinker'],
		title: { en: 'Repair, don’t replace', ne: 'फेर्नु होइन, मर्मत गर', id: 'Perbaiki, jangan ganti', es: 'Repara, no reemplaces' },
		year: 2024,
		medium: pasteMedium,
		dimensions: '120 × 84 cm',
		alt: pasteAlt({ en: 'teal and cream', ne: 'निलो-हरियो र क्रिम', id: 'hijau kebiruan dan krem', es: 'verde azulado y crema' }),
		description: {
			en: 'Tools of a neighbourhood repair shop drawn life-size: a tribute to the people who keep things working instead of throwing them away.',
			ne: 'टोलको मर्मत पसलका औजारहरू वास्तविक आकारमा: चिज फाल्नुको सट्टा चलाइरहने मानिसहरूप्रति सम्मान।',
			id: 'Perkakas bengkel reparasi kampung digambar seukuran aslinya: penghormatan bagi orang-orang yang membuat barang tetap berfungsi alih-alih membuangnya.',
			es: 'Las herramientas de un taller de reparación de barrio dibujadas a tamaño real: un homenaje a quienes mantienen las cosas funcionando en lugar de tirarlas.'
		},
		caption: { en: 'Pasted in Hong Kong.', ne: 'हङकङमा टाँसिएको।', id: 'Ditempel di Hong Kong.', es: 'Pegado en Hong Kong.' },
		credit: 'Courtesy of the artist',
		licence: 'cc0-1.0',
		section: 'futures'
	}
];

const nightWork = (
	key: string,
	style: DemoArtworkStyle,
	seed: number,
	artists: string[],
	title: Localized,
	medium: Localized,
	alt: Localized,
	description: Localized,
	section: string
): DemoWork => ({ key, style, seed, artists, title, year: 2025, medium, dimensions: 'Variable', alt, description, caption: { en: '', ne: '', id: '', es: '' }, credit: 'Courtesy of the artist', licence: 'cc-by-nc-4.0', section });

const projection: Localized = { en: 'Light projection on a wall', ne: 'भित्तामा प्रकाश प्रक्षेपण', id: 'Proyeksi cahaya di dinding', es: 'Proyección de luz sobre un muro' };
const paperCut: Localized = { en: 'Cut paper lit from behind', ne: 'पछाडिबाट उज्याल्याइएको काटिएको कागज', id: 'Kertas potong yang disinari dari belakang', es: 'Papel recortado iluminado desde atrás' };
const projectionAlt = (colours: Localized): Localized => ({
	en: `Soft beams and circles of ${colours.en} light projected on a dark wall at night.`,
	ne: `राति अँध्यारो भित्तामा प्रक्षेपित ${colours.ne} प्रकाशका कोमल किरण र घेराहरू।`,
	id: `Berkas dan lingkaran cahaya ${colours.id} yang lembut diproyeksikan ke dinding gelap pada malam hari.`,
	es: `Haces y círculos suaves de luz ${colours.es} proyectados sobre un muro oscuro de noche.`
});
const paperAlt = (colours: Localized): Localized => ({
	en: `Layered paper cut into leaf and wave shapes, glowing ${colours.en} where light comes through.`,
	ne: `पात र छालको आकारमा काटिएका कागजका तहहरू, उज्यालो छिर्ने ठाउँमा ${colours.ne} चम्किरहेका।`,
	id: `Lapisan kertas yang dipotong berbentuk daun dan ombak, berpendar ${colours.id} di tempat cahaya menembus.`,
	es: `Capas de papel recortadas en forma de hojas y olas, que brillan en ${colours.es} donde pasa la luz.`
});

const nightWorks: DemoWork[] = [
	nightWork('night-moth-signal', 'projection', 3101, ['lumen-moth'], { en: 'Moth signal', ne: 'पुतलीको सङ्केत', id: 'Sinyal ngengat', es: 'Señal de polilla' }, projection, projectionAlt({ en: 'amber', ne: 'एम्बर', id: 'kuning sawo', es: 'ámbar' }), {
		en: 'A slow pulse of light on a courtyard wall, timed to the breathing of the people who sat and watched it.',
		ne: 'आँगनको भित्तामा प्रकाशको मन्द धड्कन, बसेर हेर्ने मानिसहरूको सासको लयमा मिलाइएको।',
		id: 'Denyut cahaya yang pelan di dinding halaman, diatur mengikuti napas orang-orang yang duduk menontonnya.',
		es: 'Un pulso lento de luz en el muro de un patio, al ritmo de la respiración de quienes se sentaban a mirarlo.'
	}, 'dusk'),
	nightWork('night-tide-window', 'paper-cut', 3102, ['dewi-tidepool'], { en: 'Tide window', ne: 'ज्वारको झ्याल', id: 'Jendela pasang', es: 'Ventana de marea' }, paperCut, paperAlt({ en: 'blue', ne: 'नीलो', id: 'biru', es: 'azul' }), {
		en: 'A box of cut paper lit from inside, showing the shoreline of a fishing village as it was, is, and may become.',
		ne: 'माछा मार्ने गाउँको किनार पहिले कस्तो थियो, अहिले कस्तो छ र भोलि कस्तो होला भनेर देखाउने, भित्रबाट उज्याल्याइएको काटिएको कागजको बाकस।',
		id: 'Kotak dari kertas potong yang disinari dari dalam, menunjukkan garis pantai sebuah kampung nelayan dulu, kini, dan nanti.',
		es: 'Una caja de papel recortado iluminada por dentro que muestra la orilla de un pueblo pesquero como fue, como es y como puede llegar a ser.'
	}, 'dusk'),
	nightWork('night-paper-birds', 'paper-cut', 3103, ['paper-wren'], { en: 'Paper birds', ne: 'कागजका चराहरू', id: 'Burung kertas', es: 'Pájaros de papel' }, paperCut, paperAlt({ en: 'warm yellow', ne: 'न्यानो पहेंलो', id: 'kuning hangat', es: 'amarillo cálido' }), {
		en: 'Birds cut from newspaper that reported on the city’s lost wetlands, lit so their shadows fly across the room.',
		ne: 'सहरका हराएका सिमसारबारे छापिएका पत्रिकाबाट काटिएका चराहरू, तिनका छाया कोठाभरि उडून् भनेर उज्याल्याइएका।',
		id: 'Burung-burung yang dipotong dari koran yang memberitakan hilangnya lahan basah kota, disinari sehingga bayangannya terbang melintasi ruangan.',
		es: 'Pájaros recortados de periódicos que informaron sobre los humedales perdidos de la ciudad, iluminados para que sus sombras vuelen por la sala.'
	}, 'dusk'),
	nightWork('night-window-words', 'window-words', 3104, ['laneway-lark'], { en: 'Words for the night shift', ne: 'रात्रि पालीका लागि शब्दहरू', id: 'Kata-kata untuk sif malam', es: 'Palabras para el turno de noche' }, { en: 'Vinyl letters in lit windows', ne: 'उज्याला झ्यालमा भिनाइल अक्षर', id: 'Huruf vinil di jendela yang menyala', es: 'Letras de vinilo en ventanas iluminadas' }, {
		en: 'Large letters in a row of lit windows at night, each window holding one word.',
		ne: 'राति उज्याला झ्यालहरूको लहरमा ठूला अक्षरहरू, हरेक झ्यालमा एउटा शब्द।',
		id: 'Huruf-huruf besar di deretan jendela yang menyala pada malam hari, setiap jendela berisi satu kata.',
		es: 'Letras grandes en una fila de ventanas iluminadas de noche, una palabra en cada ventana.'
	}, {
		en: 'Messages written with nurses, drivers and cleaners who work while the city sleeps, shown in the windows of a closed office.',
		ne: 'सहर सुतेका बेला काम गर्ने नर्स, चालक र सफाइकर्मीसँग मिलेर लेखिएका सन्देशहरू, बन्द कार्यालयका झ्यालमा देखाइएका।',
		id: 'Pesan yang ditulis bersama perawat, sopir, dan petugas kebersihan yang bekerja saat kota tidur, ditampilkan di jendela kantor yang tutup.',
		es: 'Mensajes escritos con enfermeras, conductores y limpiadoras que trabajan mientras la ciudad duerme, mostrados en las ventanas de una oficina cerrada.'
	}, 'night'),
	nightWork('night-river-light', 'projection', 3105, ['lumen-moth', 'grey-heron-studio'], { en: 'River light', ne: 'नदीको उज्यालो', id: 'Cahaya sungai', es: 'Luz de río' }, projection, projectionAlt({ en: 'green and violet', ne: 'हरियो र बैजनी', id: 'hijau dan ungu', es: 'verde y violeta' }), {
		en: 'The course of a buried river projected along the street that now covers it, for one night each month.',
		ne: 'अहिले सडकले छोपेको, पुरिएको नदीको बाटो त्यही सडकमा प्रक्षेपण गरिएको, हरेक महिनाको एक रात।',
		id: 'Alur sungai yang terkubur diproyeksikan di sepanjang jalan yang kini menutupinya, satu malam setiap bulan.',
		es: 'El curso de un río enterrado proyectado a lo largo de la calle que hoy lo cubre, una noche al mes.'
	}, 'night'),
	nightWork('night-kite-stars', 'paper-cut', 3106, ['kampung-kite'], { en: 'Kites after dark', ne: 'अँध्यारोपछिका चङ्गाहरू', id: 'Layang-layang selepas gelap', es: 'Cometas al anochecer' }, paperCut, paperAlt({ en: 'red and white', ne: 'रातो र सेतो', id: 'merah dan putih', es: 'rojo y blanco' }), {
		en: 'Paper kites with small lights, flown by children on a festival night, photographed as trails against the sky.',
		ne: 'चाडको रात बालबालिकाले उडाएका साना बत्ती भएका कागजी चङ्गाहरू, आकाशमा रेखाजस्तै खिचिएका।',
		id: 'Layang-layang kertas dengan lampu kecil, diterbangkan anak-anak pada malam festival, dipotret sebagai jejak cahaya di langit.',
		es: 'Cometas de papel con pequeñas luces, que los niños hicieron volar una noche de fiesta, fotografiadas como estelas en el cielo.'
	}, 'night')
];

export const demoExhibitions: DemoExhibition[] = [
	{
		slug: 'climate-pasted',
		title: { en: 'Climate, pasted', ne: 'जलवायु, टाँसिएको', id: 'Iklim, ditempel', es: 'Clima, pegado' },
		summary: {
			en: 'Eight wheat-paste posters from the Guerrilla Gallery Kit’s climate edition, pasted on walls around the world on Earth Day 2024.',
			ne: 'गुरिल्ला ग्यालरी किटको जलवायु संस्करणका आठवटा लेई-टाँस पोस्टर, सन् २०२४ को पृथ्वी दिवसमा संसारभरका भित्तामा टाँसिएका।',
			id: 'Delapan poster tempel dari Guerrilla Gallery Kit edisi iklim, ditempel di dinding-dinding di seluruh dunia pada Hari Bumi 2024.',
			es: 'Ocho carteles pegados con engrudo de la edición clima del Guerrilla Gallery Kit, pegados en muros de todo el mundo el Día de la Tierra de 2024.'
		},
		curatorialText: {
			en: '<p>A poster on a wall lasts as long as the weather lets it. These works were made to be rained on, faded by the sun and pasted over: a fitting life for work about climate disruption.</p><p>Walk through them one at a time, in the order they were pasted on the day.</p>',
			ne: '<p>भित्तामा टाँसिएको पोस्टर मौसमले दिएसम्म मात्र टिक्छ। यी कृतिहरू पानीले भिज्न, घामले फिका हुन र माथिबाट अर्को टाँसिन बनाइएका हुन्: जलवायु संकटबारेको कामका लागि सुहाउँदो जीवन।</p><p>यिनलाई त्यस दिन टाँसिएकै क्रममा, एक-एक गर्दै हेर्नुहोस्।</p>',
			id: '<p>Poster di dinding bertahan selama cuaca mengizinkan. Karya-karya ini dibuat untuk kehujanan, memudar oleh matahari, dan ditimpa poster lain: kehidupan yang pas bagi karya tentang krisis iklim.</p><p>Jelajahi satu per satu, sesuai urutan penempelannya pada hari itu.</p>',
			es: '<p>Un cartel en un muro dura lo que el tiempo le permite. Estas obras se hicieron para mojarse con la lluvia, desteñirse al sol y quedar tapadas por otras: una vida apropiada para obras sobre la crisis climática.</p><p>Recórrelas una a una, en el orden en que se pegaron aquel día.</p>'
		},
		curators: [],
		curatorNames: 'The Guerrilla Gallery Kit team',
		opensInDays: null,
		opensOn: '2024-04-22',
		closesInDays: null,
		permanent: true,
		initiativeSlug: 'guerrilla-gallery-kit-climate-2024',
		sections: [
			{ key: 'water', title: { en: 'Water', ne: 'पानी', id: 'Air', es: 'Agua' } },
			{ key: 'streets', title: { en: 'Streets', ne: 'सडकहरू', id: 'Jalanan', es: 'Calles' } },
			{ key: 'futures', title: { en: 'Futures', ne: 'भविष्यहरू', id: 'Masa depan', es: 'Futuros' } }
		],
		works: climateWorks
	},
	{
		slug: 'night-light',
		title: { en: 'Night light', ne: 'रातको उज्यालो', id: 'Cahaya malam', es: 'Luz de noche' },
		summary: {
			en: 'Six works of light, paper and shadow, chosen by the collective member lumen-moth.',
			ne: 'सामूहिकका सदस्य lumen-moth ले छानेका प्रकाश, कागज र छायाका छवटा कृति।',
			id: 'Enam karya cahaya, kertas, dan bayangan, dipilih oleh anggota kolektif lumen-moth.',
			es: 'Seis obras de luz, papel y sombra, elegidas por lumen-moth, integrante del colectivo.'
		},
		curatorialText: {
			en: '<p>Cities change at night: other people are out, other walls are seen. I asked artists of the collective for work that is only whole in the dark.</p>',
			ne: '<p>रातमा सहर फेरिन्छ: अरू नै मानिस बाहिर हुन्छन्, अरू नै भित्ता देखिन्छन्। मैले सामूहिकका कलाकारहरूसँग अँध्यारोमा मात्र पूरा हुने काम मागें।</p>',
			id: '<p>Kota berubah pada malam hari: orang-orang lain keluar, dinding-dinding lain terlihat. Saya meminta para seniman kolektif karya yang baru utuh dalam gelap.</p>',
			es: '<p>Las ciudades cambian de noche: sale otra gente, se ven otros muros. Pedí a artistas del colectivo obras que solo están completas en la oscuridad.</p>'
		},
		curators: ['lumen-moth'],
		curatorNames: '',
		opensInDays: -20,
		opensOn: null,
		closesInDays: 70,
		permanent: false,
		initiativeSlug: null,
		sections: [
			{ key: 'dusk', title: { en: 'Dusk', ne: 'साँझ', id: 'Senja', es: 'Atardecer' } },
			{ key: 'night', title: { en: 'Night', ne: 'रात', id: 'Malam', es: 'Noche' } }
		],
		works: nightWorks
	}
];
