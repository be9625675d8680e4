import type { Localized } from '$lib/i18n/locales';
import type { DemoArtworkStyle, DemoInitiative, DemoKindOrProgram, DemoPhoto, DemoStory } from './demo-archive.types';

/*
 * The demo archive: initiatives the organization really ran, told in our own
 * words, and stories about them. Facts from its public material are kept as
 * they are (places, dates where known, "about 20 local artists"); where that
 * material is silent, years and numbers are modest guesses, and groups are
 * described rather than named, so no real person or body is put to words they
 * did not say. Headcounts add up to far less than the organization's own total.
 */

export const demoKinds: DemoKindOrProgram[] = [
	{ key: 'festival', name: { en: 'Festival', ne: 'महोत्सव', id: 'Festival', es: 'Festival' } },
	{ key: 'intervention', name: { en: 'Intervention', ne: 'सार्वजनिक हस्तक्षेप', id: 'Intervensi', es: 'Intervención' } },
	{ key: 'workshop', name: { en: 'Workshop', ne: 'कार्यशाला', id: 'Lokakarya', es: 'Taller' } },
	{ key: 'art_tour', name: { en: 'Art tour', ne: 'कला भ्रमण', id: 'Tur seni', es: 'Recorrido artístico' } },
	{ key: 'symposium', name: { en: 'Symposium or talk', ne: 'गोष्ठी वा वार्ता', id: 'Simposium atau diskusi', es: 'Simposio o charla' } },
	{ key: 'residency', name: { en: 'Residency', ne: 'रेसिडेन्सी', id: 'Residensi', es: 'Residencia' } },
	{ key: 'virtual_program', name: { en: 'Virtual program', ne: 'भर्चुअल कार्यक्रम', id: 'Program virtual', es: 'Programa virtual' } },
	{ key: 'think_tank', name: { en: 'Think-tank', ne: 'विचार मञ्च', id: 'Forum gagasan', es: 'Laboratorio de ideas' } },
	{ key: 'mural', name: { en: 'Mural or wheat-paste', ne: 'भित्ते चित्र वा टाँसिएको पोस्टर', id: 'Mural atau poster tempel', es: 'Mural o cartel pegado' } },
	{ key: 'projection', name: { en: 'Projection', ne: 'प्रोजेक्सन', id: 'Proyeksi', es: 'Proyección' } }
];

export const demoPrograms: DemoKindOrProgram[] = [
	{ key: 'mg_live', name: { en: 'MG Live', ne: 'एमजी लाइभ', id: 'MG Live', es: 'MG Live' } },
	{ key: 'women_on_wall', name: { en: 'Women on Wall', ne: 'वुमन अन वाल', id: 'Women on Wall', es: 'Women on Wall' } },
	{ key: 'guerrilla_gallery_kit', name: { en: 'Guerrilla Gallery Kit', ne: 'गुरिल्ला ग्यालरी किट', id: 'Guerrilla Gallery Kit', es: 'Guerrilla Gallery Kit' } },
	{ key: 'project_forward', name: { en: 'Project/Forward', ne: 'प्रोजेक्ट/फरवार्ड', id: 'Project/Forward', es: 'Project/Forward' } },
	{ key: 'thresholds', name: { en: 'Thresholds', ne: 'थ्रेसहोल्ड्स', id: 'Thresholds', es: 'Thresholds' } }
];

/** Figure labels that many initiatives share. */
const label = {
	artists: { en: 'Artists', ne: 'कलाकार', id: 'Seniman', es: 'Artistas' },
	localArtists: { en: 'Local artists', ne: 'स्थानीय कलाकार', id: 'Seniman lokal', es: 'Artistas locales' },
	artworks: { en: 'Artworks shown', ne: 'प्रदर्शित कलाकृति', id: 'Karya yang dipamerkan', es: 'Obras expuestas' },
	murals: { en: 'Murals painted', ne: 'बनाइएका भित्ते चित्र', id: 'Mural yang dilukis', es: 'Murales pintados' },
	visitors: { en: 'Visitors', ne: 'दर्शक', id: 'Pengunjung', es: 'Visitantes' },
	workshops: { en: 'Workshops', ne: 'कार्यशाला', id: 'Lokakarya', es: 'Talleres' },
	workshopParticipants: { en: 'Workshop participants', ne: 'कार्यशालाका सहभागी', id: 'Peserta lokakarya', es: 'Participantes en talleres' },
	screenings: { en: 'Screenings', ne: 'प्रदर्शन', id: 'Pemutaran', es: 'Proyecciones' },
	onlineVisitors: { en: 'Online visitors', ne: 'अनलाइन दर्शक', id: 'Pengunjung daring', es: 'Visitantes en línea' }
} satisfies Record<string, Localized>;

/** Every demo picture is drawn for the demo, so they share one credit. */
function photo(key: string, style: DemoArtworkStyle, seed: number, alt: Localized, caption: Localized): DemoPhoto {
	return { key, style, seed, alt, caption, credit: 'Demo image' };
}

const hongKong: DemoInitiative = {
	slug: 'tai-hang-wan-chai-2014',
	kind: 'intervention',
	title: {
		en: 'Tai Hang and Wan Chai: galleries in the gaps',
		ne: 'ताई हाङ र वान चाई: साँघुरा ठाउँमा ग्यालरी',
		id: 'Tai Hang dan Wan Chai: galeri di sela-sela kota',
		es: 'Tai Hang y Wan Chai: galerías en los huecos'
	},
	summary: {
		en: 'One of our first journeys: small artworks tucked into the stairways, shutters and side streets of two old Hong Kong neighbourhoods, joined up by free walks.',
		ne: 'हाम्रा सुरुका यात्रामध्ये एक: हङकङका दुई पुराना टोलका भर्याङ, सटर र साँघुरा गल्लीमा राखिएका साना कलाकृति, जसलाई निःशुल्क पैदल भ्रमणले जोडे।',
		id: 'Salah satu perjalanan pertama kami: karya-karya kecil yang diselipkan di tangga, rolling door, dan gang dua kawasan lama Hong Kong, dirangkai lewat jalan kaki bersama yang gratis.',
		es: 'Uno de nuestros primeros viajes: pequeñas obras escondidas en escaleras, persianas y callejuelas de dos barrios antiguos de Hong Kong, unidas por paseos gratuitos.'
	},
	body: {
		en: `<p>Tai Hang and Wan Chai sit side by side on Hong Kong Island, yet feel like different worlds: one a village of low buildings and family workshops, the other a dense district of markets, offices and steep stairways. We set out to show that even a city with no spare space has gaps where art can live.</p>
<p>Local and visiting artists worked in the places people pass without looking: the shutter of a shop that opens late, the landing of a public stair, a blank wall behind a bus stop. Shopkeepers lent their shutters and walls, and several asked for their work to stay.</p>
<p>Each evening a volunteer led a free walk from one neighbourhood to the other, so visitors saw the two as one route rather than two separate places. Many of the ideas we still use, from borrowed shutters to walks that link a trail of works, were first tried here.</p>`,
		ne: `<p>ताई हाङ र वान चाई हङकङ टापुमा एकअर्काको छेउमै छन्, तर दुवैको संसार फरक लाग्छ: एउटा होचा घर र पारिवारिक कारखानाको गाउँजस्तो टोल, अर्को बजार, कार्यालय र ठाडा भर्याङले भरिएको घना बस्ती। खाली ठाउँ नै नभएको सहरमा पनि कला बस्न सक्ने कुनाकाप्चा हुन्छन् भन्ने देखाउन हामी त्यहाँ पुगेका थियौँ।</p>
<p>स्थानीय र बाहिरबाट आएका कलाकारहरूले मानिसहरू नहेरी गुज्रिने ठाउँहरूमा काम गरे: ढिलो खुल्ने पसलको सटर, सार्वजनिक भर्याङको बिसौनी, बस बिसौनीपछाडिको खाली पर्खाल। पसलेहरूले आफ्ना सटर र पर्खाल दिए, र कतिपयले त कलाकृति त्यहीँ रहिरहोस् भनेर आग्रह गरे।</p>
<p>हरेक साँझ एक जना स्वयंसेवकले एउटा टोलबाट अर्को टोलसम्म निःशुल्क पैदल भ्रमण गराए, जसले गर्दा दर्शकले दुवै टोललाई छुट्टाछुट्टै ठाउँ नभई एउटै बाटोका रूपमा देखे। सापटी लिइएका सटरदेखि कलाकृतिको लहर जोड्ने पैदल भ्रमणसम्म, हामीले अहिले पनि प्रयोग गर्ने धेरै विचार पहिलोपटक यहीँ परीक्षण गरिएका थिए।</p>`,
		id: `<p>Tai Hang dan Wan Chai bersebelahan di Pulau Hong Kong, tetapi terasa seperti dua dunia: yang satu seperti desa dengan bangunan rendah dan bengkel keluarga, yang lain kawasan padat penuh pasar, kantor, dan tangga curam. Kami datang untuk menunjukkan bahwa kota yang nyaris tak punya ruang kosong pun masih punya celah tempat seni bisa hidup.</p>
<p>Seniman lokal dan tamu berkarya di tempat-tempat yang biasa dilewati tanpa dilihat: rolling door toko yang buka siang, bordes tangga umum, tembok kosong di balik halte bus. Para pemilik toko meminjamkan pintu dan tembok mereka, dan beberapa meminta karyanya dibiarkan tetap di sana.</p>
<p>Setiap sore seorang relawan memandu jalan kaki gratis dari satu kawasan ke kawasan lain, sehingga pengunjung melihat keduanya sebagai satu rute, bukan dua tempat terpisah. Banyak gagasan yang masih kami pakai, dari meminjam rolling door sampai jalan kaki yang merangkai karya, pertama kali dicoba di sini.</p>`,
		es: `<p>Tai Hang y Wan Chai están uno junto al otro en la isla de Hong Kong, pero parecen mundos distintos: uno, un pueblo de edificios bajos y talleres familiares; el otro, un barrio denso de mercados, oficinas y escaleras empinadas. Fuimos a demostrar que hasta una ciudad sin un metro libre tiene huecos donde el arte puede vivir.</p>
<p>Artistas locales y visitantes trabajaron en los lugares por los que la gente pasa sin mirar: la persiana de una tienda que abre tarde, el rellano de una escalera pública, una pared vacía detrás de una parada de autobús. Los comerciantes prestaron sus persianas y paredes, y varios pidieron que la obra se quedara.</p>
<p>Cada tarde, una persona voluntaria guiaba un paseo gratuito de un barrio al otro, para que el público viera los dos como un solo recorrido y no como lugares separados. Muchas de las ideas que todavía usamos, de las persianas prestadas a los paseos que enlazan una ruta de obras, se probaron aquí por primera vez.</p>`
	},
	startDate: '2014-03-14',
	endDate: '2014-03-23',
	places: [
		{ name: 'Tai Hang side streets', city: 'Hong Kong', country: 'HK', latitude: 22.28, longitude: 114.19 },
		{ name: 'Wan Chai stairways and markets', city: 'Hong Kong', country: 'HK', latitude: 22.28, longitude: 114.17 }
	],
	figures: [
		{ label: label.artists, value: 26, source: 'Project records' },
		{ label: label.artworks, value: 40, source: 'Project records' },
		{
			label: { en: 'People on the evening walks', ne: 'साँझको पैदल भ्रमणमा सहभागी', id: 'Peserta jalan kaki sore', es: 'Personas en los paseos de la tarde' },
			value: 640,
			source: 'Volunteer headcount',
			participants: true
		}
	],
	credits: [
		{
			name: 'Hong Kong and visiting artists',
			role: 'artist',
			note: { en: 'Twenty-six artists in all', ne: 'जम्मा छब्बीस जना कलाकार', id: 'Dua puluh enam seniman', es: 'Veintiséis artistas en total' }
		},
		{ name: 'Tai Hang shopkeepers', role: 'host', note: { en: 'Lent shutters and walls', ne: 'सटर र पर्खाल सापटी दिए', id: 'Meminjamkan rolling door dan tembok', es: 'Prestaron persianas y paredes' } },
		{ name: 'Wan Chai neighbourhood volunteers', role: 'partner', note: { en: 'Led the evening walks', ne: 'साँझको पैदल भ्रमण गराए', id: 'Memandu jalan kaki sore', es: 'Guiaron los paseos de la tarde' } }
	],
	photos: [
		photo(
			'hk-shutter',
			'mural',
			1401,
			{
				en: 'A rolled-down shop shutter painted with red and gold horizontal bands crossed by a thin green diagonal',
				ne: 'रातो र सुनौला तेर्सा पट्टामाथि पातलो हरियो छड्के रेखा कोरिएको, तल झारिएको पसलको सटर',
				id: 'Rolling door toko yang tertutup, dicat pita-pita merah dan emas mendatar dengan satu garis diagonal hijau tipis',
				es: 'Una persiana de tienda bajada, pintada con franjas horizontales rojas y doradas que cruza una fina diagonal verde'
			},
			{
				en: 'A borrowed shutter in Tai Hang, painted for the nights the shop stays closed.',
				ne: 'ताई हाङमा सापटी लिइएको सटर, पसल बन्द रहने रातहरूका लागि रङ्गाइएको।',
				id: 'Rolling door pinjaman di Tai Hang, dilukis untuk malam-malam saat toko tutup.',
				es: 'Una persiana prestada en Tai Hang, pintada para las noches en que la tienda está cerrada.'
			}
		),
		photo(
			'hk-stairway',
			'wheatpaste',
			1402,
			{
				en: 'Overlapping paper posters in pale blue, grey and black, pasted in a stepped row up a stairway wall',
				ne: 'भर्याङको पर्खालमा खुड्किलाझैँ लहरमा टाँसिएका, एकमाथि अर्को खप्टिएका फिक्का नीलो, खैरो र कालो कागजका पोस्टर',
				id: 'Poster kertas biru pucat, abu-abu, dan hitam yang saling menumpuk, ditempel berjenjang di dinding tangga',
				es: 'Carteles de papel azul pálido, gris y negro que se superponen, pegados en escalera a lo largo del muro de unos peldaños'
			},
			{
				en: 'Posters climbing a public stair in Wan Chai.',
				ne: 'वान चाईको सार्वजनिक भर्याङ चढ्दै गएका पोस्टरहरू।',
				id: 'Poster yang menaiki tangga umum di Wan Chai.',
				es: 'Carteles que suben por una escalera pública de Wan Chai.'
			}
		)
	]
};

const nowra: DemoInitiative = {
	slug: 'nowra-laneways-2015',
	kind: 'festival',
	program: 'mg_live',
	title: {
		en: 'Nowra laneways: a town centre turned gallery',
		ne: 'नाउराका गल्ली: ग्यालरी बनेको सहरको केन्द्र',
		id: 'Gang-gang Nowra: pusat kota yang menjadi galeri',
		es: 'Los callejones de Nowra: un centro urbano convertido en galería'
	},
	summary: {
		en: 'The quiet laneways of a struggling town centre in New South Wales became free open-air galleries, with about twenty local artists beside guests from across Australia and overseas.',
		ne: 'न्यु साउथ वेल्सको सुस्ताउँदै गएको सहर केन्द्रका सुनसान गल्लीहरू निःशुल्क खुला ग्यालरी बने, जहाँ करिब बीस जना स्थानीय कलाकारले देशभर र विदेशका अतिथि कलाकारसँगै काम गरे।',
		id: 'Gang-gang sepi di pusat kota yang sedang lesu di New South Wales menjadi galeri terbuka gratis, dengan sekitar dua puluh seniman lokal bersama seniman tamu dari seluruh Australia dan mancanegara.',
		es: 'Los callejones tranquilos de un centro urbano en apuros, en Nueva Gales del Sur, se convirtieron en galerías gratuitas al aire libre, con unos veinte artistas locales junto a invitados de toda Australia y del extranjero.'
	},
	body: {
		en: `<p>Like many regional towns, Nowra had a centre that people drove past on their way to the shopping mall. Empty shopfronts and service lanes made the heart of town feel forgotten. Our MG Live festival set out to give people a reason to walk those lanes again.</p>
<p>An open expression of interest invited artists from the region to take part, and about twenty local artists were chosen. They worked alongside artists from other parts of Australia and from overseas, painting walls, pasting up large prints and filling empty windows.</p>
<h2>What the festival held</h2>
<ul>
<li>Murals and wheat-pasted works along the town-centre laneways</li>
<li>Free workshops for children and families</li>
<li>Guided art walks, artist talks and live music in the evenings</li>
</ul>
<p>Traders along the lanes reported more people on foot during the festival, and several works stayed up for years afterwards. It showed us how much free public art can do for a town centre that has lost its confidence.</p>`,
		ne: `<p>धेरै क्षेत्रीय सहरझैँ, नाउराको केन्द्र पनि यस्तो थियो जसलाई मानिसहरू सपिङ मलतिर जाँदा गाडीबाटै नाघेर जान्थे। खाली पसल र पछाडिका साँघुरा गल्लीले सहरको मुटु नै बिर्सिएजस्तो देखिन्थ्यो। हाम्रो एमजी लाइभ महोत्सवको उद्देश्य मानिसहरूलाई फेरि ती गल्लीमा हिँड्ने कारण दिनु थियो।</p>
<p>खुला आवेदनमार्फत क्षेत्रका कलाकारलाई सहभागी हुन निम्तो दिइयो, र करिब बीस जना स्थानीय कलाकार छानिए। उनीहरूले अस्ट्रेलियाका अन्य भाग र विदेशबाट आएका कलाकारसँगै पर्खालमा चित्र कोरे, ठूला प्रिन्ट टाँसे र खाली झ्यालहरू भरिदिए।</p>
<h2>महोत्सवमा के-के भयो</h2>
<ul>
<li>सहर केन्द्रका गल्लीभरि भित्ते चित्र र टाँसिएका कलाकृति</li>
<li>बालबालिका र परिवारका लागि निःशुल्क कार्यशाला</li>
<li>साँझपख कला भ्रमण, कलाकार वार्ता र प्रत्यक्ष सङ्गीत</li>
</ul>
<p>महोत्सवका बेला गल्लीछेउका व्यापारीहरूले पैदल हिँड्ने मानिस बढेको बताए, र कतिपय कलाकृति त वर्षौँसम्म त्यहीँ रहे। आत्मविश्वास गुमाएको सहर केन्द्रका लागि निःशुल्क सार्वजनिक कलाले कति धेरै गर्न सक्छ भन्ने कुरा हामीले यहीँ देख्यौँ।</p>`,
		id: `<p>Seperti banyak kota daerah, pusat kota Nowra biasa dilewati begitu saja oleh orang yang berkendara menuju mal. Etalase kosong dan gang servis membuat jantung kota terasa terlupakan. Festival MG Live kami ingin memberi orang alasan untuk kembali menyusuri gang-gang itu.</p>
<p>Panggilan terbuka mengundang seniman dari wilayah tersebut untuk ikut serta, dan sekitar dua puluh seniman lokal terpilih. Mereka berkarya bersama seniman dari bagian lain Australia dan dari luar negeri: melukis tembok, menempel cetakan besar, dan mengisi jendela-jendela kosong.</p>
<h2>Isi festival</h2>
<ul>
<li>Mural dan karya tempel di sepanjang gang pusat kota</li>
<li>Lokakarya gratis untuk anak-anak dan keluarga</li>
<li>Tur seni berpemandu, bincang seniman, dan musik langsung di malam hari</li>
</ul>
<p>Para pedagang di sepanjang gang melihat lebih banyak pejalan kaki selama festival, dan beberapa karya bertahan bertahun-tahun sesudahnya. Dari sini kami belajar betapa besar pengaruh seni publik gratis bagi pusat kota yang kehilangan rasa percaya dirinya.</p>`,
		es: `<p>Como tantos pueblos del interior, Nowra tenía un centro por el que la gente pasaba en coche camino del centro comercial. Los locales vacíos y los callejones de servicio hacían que el corazón del pueblo pareciera olvidado. Nuestro festival MG Live quiso dar a la gente un motivo para volver a recorrer esos callejones a pie.</p>
<p>Una convocatoria abierta invitó a artistas de la región a participar, y se eligió a unos veinte artistas locales. Trabajaron junto a artistas de otras partes de Australia y del extranjero: pintaron muros, pegaron grandes impresiones y llenaron escaparates vacíos.</p>
<h2>Qué hubo en el festival</h2>
<ul>
<li>Murales y obras pegadas a lo largo de los callejones del centro</li>
<li>Talleres gratuitos para niñas, niños y familias</li>
<li>Recorridos guiados, charlas de artistas y música en vivo por las tardes</li>
</ul>
<p>Los comerciantes de los callejones notaron más gente a pie durante el festival, y varias obras siguieron en su sitio durante años. Nos enseñó todo lo que el arte público gratuito puede hacer por un centro que ha perdido la confianza en sí mismo.</p>`
	},
	theme: {
		en: 'Laneways as galleries',
		ne: 'ग्यालरी बनेका गल्ली',
		id: 'Gang sebagai galeri',
		es: 'Los callejones como galería'
	},
	startDate: '2015-10-09',
	endDate: '2015-10-18',
	places: [{ name: 'Town-centre laneways', city: 'Nowra', country: 'AU', latitude: -34.88, longitude: 150.6 }],
	figures: [
		{ label: label.localArtists, value: 20, source: 'Expression of interest selection' },
		{
			label: { en: 'National and overseas artists', ne: 'देशभर र विदेशका कलाकार', id: 'Seniman nasional dan mancanegara', es: 'Artistas nacionales y extranjeros' },
			value: 8,
			source: 'Festival programme'
		},
		{ label: label.murals, value: 14, source: 'Festival report 2015' },
		{ label: label.visitors, value: 5200, source: 'Volunteer counts on the laneway walks', participants: true }
	],
	credits: [
		{
			name: 'Twenty local artists',
			role: 'artist',
			note: { en: 'Chosen through an open expression of interest', ne: 'खुला आवेदनमार्फत छानिएका', id: 'Dipilih lewat panggilan terbuka', es: 'Elegidos mediante una convocatoria abierta' }
		},
		{ name: 'Guest artists from across Australia and overseas', role: 'artist' },
		{ name: 'Nowra town-centre traders', role: 'host', note: { en: 'Offered walls and shopfronts', ne: 'पर्खाल र पसलका झ्याल दिए', id: 'Menyediakan tembok dan etalase', es: 'Ofrecieron muros y escaparates' } },
		{ name: 'Regional arts volunteers', role: 'partner' }
	],
	photos: [
		photo(
			'nowra-laneway-wall',
			'mural',
			1501,
			{
				en: 'A long laneway wall painted with rolling orange and teal waves under a band of pale yellow',
				ne: 'फिक्का पहेँलो पट्टामुनि सुन्तला र टिल रङका लहराउँदा छालले रङ्गाइएको गल्लीको लामो पर्खाल',
				id: 'Tembok gang yang panjang, dilukis gelombang oranye dan hijau toska di bawah pita kuning pucat',
				es: 'Un largo muro de callejón pintado con olas naranjas y verde azulado bajo una franja amarillo pálido'
			},
			{
				en: 'A service lane in Nowra, painted during the festival.',
				ne: 'महोत्सवका बेला रङ्गाइएको नाउराको एउटा गल्ली।',
				id: 'Gang servis di Nowra yang dilukis selama festival.',
				es: 'Un callejón de servicio de Nowra, pintado durante el festival.'
			}
		),
		photo(
			'nowra-paste-up',
			'wheatpaste',
			1502,
			{
				en: 'Large black-and-white prints of leaf shapes pasted side by side on a brick wall, edges slightly torn',
				ne: 'इँटाको पर्खालमा छेउछेउमा टाँसिएका, किनारा अलिअलि च्यातिएका पातको आकारका ठूला कालो-सेतो प्रिन्ट',
				id: 'Cetakan besar hitam-putih berbentuk daun yang ditempel berdampingan di tembok bata, tepinya sedikit sobek',
				es: 'Grandes impresiones en blanco y negro con formas de hojas, pegadas una junto a otra sobre un muro de ladrillo, con los bordes algo rotos'
			},
			{
				en: 'Paste-ups by local artists beside a car park.',
				ne: 'पार्किङछेउ स्थानीय कलाकारले टाँसेका कृति।',
				id: 'Karya tempel seniman lokal di samping tempat parkir.',
				es: 'Carteles de artistas locales junto a un aparcamiento.'
			}
		),
		photo(
			'nowra-family-workshop',
			'paper-cut',
			1503,
			{
				en: 'Cut-paper shapes in bright pink, yellow and blue layered into a small street scene',
				ne: 'चम्किलो गुलाबी, पहेँलो र नीलो कागज काटेर तहतह मिलाई बनाइएको सानो सडक दृश्य',
				id: 'Potongan kertas merah muda, kuning, dan biru cerah yang disusun berlapis menjadi pemandangan jalan kecil',
				es: 'Formas de papel recortado en rosa, amarillo y azul vivos, superpuestas en una pequeña escena callejera'
			},
			{
				en: 'Made at a free family workshop on the festival weekend.',
				ne: 'महोत्सवको सप्ताहान्तमा परिवारहरूका लागि भएको निःशुल्क कार्यशालामा बनाइएको।',
				id: 'Dibuat dalam lokakarya keluarga gratis di akhir pekan festival.',
				es: 'Hecho en un taller gratuito para familias durante el fin de semana del festival.'
			}
		)
	]
};

const langa: DemoInitiative = {
	slug: 'langa-township-2016',
	kind: 'mural',
	title: {
		en: 'Langa Township: walls that tell the neighbourhood’s story',
		ne: 'लाङ्गा टाउनसिप: बस्तीको कथा भन्ने पर्खालहरू',
		id: 'Langa Township: tembok yang bercerita tentang kampungnya',
		es: 'Langa Township: muros que cuentan la historia del barrio'
	},
	summary: {
		en: 'In one of Cape Town’s oldest townships, residents, young people and artists painted murals together, starting from the stories people wanted to see on their own streets.',
		ne: 'केप टाउनको सबैभन्दा पुराना टाउनसिपमध्ये एकमा स्थानीय बासिन्दा, युवा र कलाकारहरूले मिलेर भित्ते चित्र बनाए, जसको सुरुवात मानिसहरूले आफ्नै गल्लीमा हेर्न चाहेका कथाबाट भयो।',
		id: 'Di salah satu township tertua di Cape Town, warga, anak muda, dan seniman melukis mural bersama, berangkat dari kisah-kisah yang ingin warga lihat di jalan mereka sendiri.',
		es: 'En uno de los townships más antiguos de Ciudad del Cabo, vecinos, jóvenes y artistas pintaron murales juntos, a partir de las historias que la gente quería ver en sus propias calles.'
	},
	body: {
		en: `<p>Langa has a long history and a strong sense of community, but few of its walls spoke about either. Before any paint was bought, we spent the first days listening: at a community arts centre, on street corners and in the homes of people who offered to host the artists.</p>
<p>Those conversations became sketches, and the sketches became murals. Young people from the neighbourhood worked beside local and visiting artists in free workshops, learning to scale a drawing up to a wall and to mix colours that last in the sun.</p>
<p>The murals are about Langa as its residents see it: family, music, the journey to school, the hopes of the next generation. A community member later told us the walls made people stop and talk to each other again. For us that is the whole point.</p>`,
		ne: `<p>लाङ्गाको इतिहास लामो छ र त्यहाँको सामुदायिक भावना बलियो छ, तर त्यहाँका पर्खालले यी दुवैबारे विरलै केही भन्थे। रङ किन्नुअघि नै, हामीले सुरुका दिनहरू सुन्नमै बितायौँ: एउटा सामुदायिक कला केन्द्रमा, गल्लीका मोडमा, र कलाकारलाई आफ्नो घरमा राख्न तयार भएका मानिसहरूको घरमा।</p>
<p>ती कुराकानी रेखाचित्र बने, र रेखाचित्र भित्ते चित्र। टोलका युवाहरूले निःशुल्क कार्यशालामा स्थानीय र बाहिरबाट आएका कलाकारसँगै काम गरे, सानो चित्रलाई पर्खालको आकारमा ठूलो बनाउन र घाममा नओइलाउने रङ मिसाउन सिके।</p>
<p>यी भित्ते चित्रमा बासिन्दाले देखेको लाङ्गा छ: परिवार, सङ्गीत, विद्यालय जाने बाटो, र अर्को पुस्ताका सपना। पछि एक जना स्थानीय बासिन्दाले हामीलाई भने, यी पर्खालले मानिसहरूलाई रोकिएर फेरि एकअर्कासँग कुरा गर्न लगाए। हाम्रो लागि यही नै सबैभन्दा ठूलो कुरा हो।</p>`,
		id: `<p>Langa punya sejarah panjang dan rasa kebersamaan yang kuat, tetapi hanya sedikit temboknya yang bercerita tentang keduanya. Sebelum membeli cat, kami menghabiskan hari-hari pertama untuk mendengarkan: di sebuah pusat seni komunitas, di sudut-sudut jalan, dan di rumah warga yang bersedia menampung para seniman.</p>
<p>Percakapan itu menjadi sketsa, dan sketsa menjadi mural. Anak-anak muda dari lingkungan itu bekerja berdampingan dengan seniman lokal dan tamu dalam lokakarya gratis, belajar memperbesar gambar ke ukuran tembok dan mencampur warna yang tahan terik matahari.</p>
<p>Mural-mural itu bercerita tentang Langa sebagaimana warganya melihatnya: keluarga, musik, perjalanan ke sekolah, harapan generasi berikutnya. Seorang warga kemudian bercerita kepada kami bahwa tembok-tembok itu membuat orang berhenti dan kembali saling menyapa. Bagi kami, itulah intinya.</p>`,
		es: `<p>Langa tiene una larga historia y un fuerte sentido de comunidad, pero pocas de sus paredes hablaban de ninguna de las dos cosas. Antes de comprar pintura, pasamos los primeros días escuchando: en un centro comunitario de arte, en las esquinas y en las casas de quienes se ofrecieron a alojar a los artistas.</p>
<p>Esas conversaciones se convirtieron en bocetos, y los bocetos en murales. Jóvenes del barrio trabajaron junto a artistas locales y visitantes en talleres gratuitos, y aprendieron a llevar un dibujo a la escala de un muro y a mezclar colores que aguanten el sol.</p>
<p>Los murales hablan de Langa tal como la ven sus vecinos: la familia, la música, el camino a la escuela, las esperanzas de la siguiente generación. Un vecino nos contó después que las paredes hacían que la gente se detuviera y volviera a hablar entre sí. Para nosotros, de eso se trata.</p>`
	},
	startDate: '2016-09-12',
	endDate: '2016-09-24',
	places: [{ name: 'Community spaces in Langa', city: 'Cape Town', country: 'ZA', latitude: -33.94, longitude: 18.53 }],
	figures: [
		{ label: label.artists, value: 16, source: 'Project records' },
		{ label: label.murals, value: 9, source: 'Project records' },
		{ label: label.workshopParticipants, value: 240, source: 'Workshop sign-in sheets', participants: true },
		{ label: label.visitors, value: 1300, source: 'Host estimate', participants: true }
	],
	credits: [
		{ name: 'Langa artists and young creatives', role: 'artist' },
		{ name: 'Visiting artists of the MG International Artist Collective', role: 'artist' },
		{
			name: 'A community arts centre in Langa',
			role: 'host',
			note: { en: 'Lead local organisation', ne: 'प्रमुख स्थानीय संस्था', id: 'Organisasi lokal utama', es: 'Organización local principal' }
		},
		{ name: 'Langa host families', role: 'partner', note: { en: 'Welcomed the visiting artists', ne: 'बाहिरबाट आएका कलाकारलाई घरमा राखे', id: 'Menampung seniman tamu', es: 'Acogieron a los artistas visitantes' } }
	],
	photos: [
		photo(
			'langa-mural',
			'mural',
			1601,
			{
				en: 'A wide wall painted with interlocking circles in ochre, deep blue and white, with a bright green stripe along the bottom',
				ne: 'गेरु, गाढा नीलो र सेता एकअर्कामा गाँसिएका गोलाहरू र फेदमा चम्किलो हरियो धर्सा भएको चौडा पर्खाल',
				id: 'Tembok lebar yang dilukis lingkaran-lingkaran bertaut berwarna oker, biru tua, dan putih, dengan garis hijau terang di bagian bawah',
				es: 'Un muro ancho pintado con círculos entrelazados en ocre, azul intenso y blanco, con una franja verde brillante en la base'
			},
			{
				en: 'One of the murals designed with residents in Langa.',
				ne: 'लाङ्गामा बासिन्दासँग मिलेर डिजाइन गरिएका भित्ते चित्रमध्ये एउटा।',
				id: 'Salah satu mural yang dirancang bersama warga Langa.',
				es: 'Uno de los murales diseñados con los vecinos de Langa.'
			}
		),
		photo(
			'langa-youth-workshop',
			'paper-cut',
			1602,
			{
				en: 'Stacked cut-paper figures in red, black and yellow, standing in a row against a sky-blue sheet',
				ne: 'आकाशे नीलो कागजको पृष्ठभूमिमा लहरै उभिएका, रातो, कालो र पहेँलो कागज काटेर तहतह मिलाइएका आकृति',
				id: 'Figur-figur potongan kertas merah, hitam, dan kuning yang disusun berlapis, berdiri berjajar di atas lembar biru langit',
				es: 'Figuras de papel recortado en rojo, negro y amarillo, superpuestas y de pie en fila sobre una hoja azul cielo'
			},
			{
				en: 'A design from the youth workshop, before it went up on a wall.',
				ne: 'युवा कार्यशालामा बनेको डिजाइन, पर्खालमा पुग्नुअघि।',
				id: 'Rancangan dari lokakarya anak muda, sebelum dipindahkan ke tembok.',
				es: 'Un diseño del taller juvenil, antes de pasar al muro.'
			}
		)
	]
};

const indonesia: DemoInitiative = {
	slug: 'denpasar-jakarta-2017',
	kind: 'festival',
	program: 'mg_live',
	title: {
		en: 'Denpasar and Jakarta: a kampung in colour',
		ne: 'देनपसार र जकार्ता: रङ्गिएको काम्पुङ',
		id: 'Denpasar dan Jakarta: kampung penuh warna',
		es: 'Denpasar y Yakarta: un kampung lleno de color'
	},
	summary: {
		en: 'Two cities, one festival: gatherings with artists in Denpasar, Bali, and a Jakarta kampung transformed by residents together with about fifty artists from around the world.',
		ne: 'दुई सहर, एउटै महोत्सव: बालीको देनपसारमा कलाकारहरूको जमघट, र जकार्ताको एउटा काम्पुङ, जसलाई बासिन्दाले संसारभरका करिब पचास कलाकारसँग मिलेर नयाँ रूप दिए।',
		id: 'Dua kota, satu festival: pertemuan seniman di Denpasar, Bali, dan sebuah kampung di Jakarta yang berubah wajah berkat warganya bersama sekitar lima puluh seniman dari berbagai penjuru dunia.',
		es: 'Dos ciudades, un festival: encuentros con artistas en Denpasar (Bali) y un kampung de Yakarta transformado por sus vecinos junto a unos cincuenta artistas de todo el mundo.'
	},
	body: {
		en: `<p>We began in Denpasar, where local artists and collectives hosted the first days: studio visits, talks and a small open-air show in a neighbourhood meeting space. It was a chance for artists arriving from abroad to learn from Balinese artists before starting work together.</p>
<p>In Jakarta the festival moved into a kampung: a tight-knit neighbourhood of narrow lanes, small houses and shared courtyards. About fifty artists from around the world worked there with residents for two weeks. Walls, doors, steps and water tanks were painted, and the lanes filled with children following the work.</p>
<p>Several teams paired Indonesian women artists with women artists from other countries, a way of working that later fed into our Women on Wall program. When the festival ended, the paint stayed, and so did the friendships between the artists and the families who had welcomed them.</p>`,
		ne: `<p>हामीले देनपसारबाट सुरु गर्यौँ, जहाँ स्थानीय कलाकार र कलाकार समूहले पहिलो दिनहरूको आतिथ्य गरे: स्टुडियो भ्रमण, वार्ता, र टोलको एउटा भेला हुने ठाउँमा सानो खुला प्रदर्शनी। विदेशबाट आएका कलाकारहरूका लागि यो सँगै काम थाल्नुअघि बालीका कलाकारबाट सिक्ने मौका थियो।</p>
<p>जकार्तामा महोत्सव एउटा काम्पुङमा सर्यो: साँघुरा गल्ली, साना घर र साझा आँगन भएको, एकअर्कासँग नजिकले गाँसिएको बस्ती। संसारभरका करिब पचास कलाकारले त्यहाँ दुई हप्तासम्म बासिन्दासँग मिलेर काम गरे। पर्खाल, ढोका, खुड्किला र पानीका ट्याङ्की रङ्गिए, र कलाकारको पछि लाग्ने बालबालिकाले गल्ली भरिए।</p>
<p>केही टोलमा इन्डोनेसियाली महिला कलाकारलाई अन्य देशका महिला कलाकारसँग जोडी बनाइयो, र काम गर्ने यही तरिका पछि हाम्रो वुमन अन वाल कार्यक्रमको आधार बन्यो। महोत्सव सकियो, तर रङ रह्यो, र कलाकार तथा उनीहरूलाई स्वागत गर्ने परिवारबीचको मित्रता पनि रह्यो।</p>`,
		id: `<p>Kami memulai di Denpasar, tempat seniman dan kolektif setempat menjadi tuan rumah hari-hari pertama: kunjungan studio, diskusi, dan pameran terbuka kecil di balai pertemuan warga. Bagi seniman yang datang dari luar negeri, ini kesempatan belajar dari seniman Bali sebelum mulai berkarya bersama.</p>
<p>Di Jakarta, festival pindah ke sebuah kampung: permukiman rapat dengan gang sempit, rumah-rumah kecil, dan halaman bersama. Sekitar lima puluh seniman dari berbagai penjuru dunia berkarya di sana bersama warga selama dua minggu. Tembok, pintu, anak tangga, dan tandon air dilukis, dan gang-gang dipenuhi anak-anak yang mengikuti para seniman bekerja.</p>
<p>Beberapa tim memasangkan seniman perempuan Indonesia dengan seniman perempuan dari negara lain, cara kerja yang kelak menjadi dasar program Women on Wall kami. Ketika festival usai, catnya tetap tinggal, begitu pula persahabatan antara para seniman dan keluarga yang menyambut mereka.</p>`,
		es: `<p>Empezamos en Denpasar, donde artistas y colectivos locales nos acogieron los primeros días: visitas a talleres, charlas y una pequeña muestra al aire libre en un espacio de reunión del barrio. Para los artistas llegados de fuera fue la ocasión de aprender de los artistas balineses antes de trabajar juntos.</p>
<p>En Yakarta, el festival se trasladó a un kampung: un barrio muy unido de callejones estrechos, casas pequeñas y patios compartidos. Unos cincuenta artistas de todo el mundo trabajaron allí con los vecinos durante dos semanas. Se pintaron paredes, puertas, escalones y depósitos de agua, y los callejones se llenaron de niños que seguían el trabajo.</p>
<p>Varios equipos unieron a artistas indonesias con artistas de otros países, una forma de trabajar que después alimentó nuestro programa Women on Wall. Cuando terminó el festival, la pintura se quedó, y también las amistades entre los artistas y las familias que los habían recibido.</p>`
	},
	startDate: '2017-08-05',
	endDate: '2017-08-20',
	places: [
		{ name: 'Neighbourhood meeting space', city: 'Denpasar', country: 'ID', latitude: -8.65, longitude: 115.22 },
		{ name: 'Kampung lanes and courtyards', city: 'Jakarta', country: 'ID', latitude: -6.2, longitude: 106.85 }
	],
	figures: [
		{ label: label.artists, value: 50, source: 'Festival report 2017' },
		{
			label: { en: 'Countries the artists came from', ne: 'कलाकारहरू आएका देश', id: 'Negara asal seniman', es: 'Países de origen de los artistas' },
			value: 14,
			source: 'Festival report 2017'
		},
		{ label: label.murals, value: 38, source: 'Festival report 2017' },
		{ label: label.visitors, value: 7400, source: 'Host and volunteer estimates', participants: true }
	],
	credits: [
		{ name: 'About fifty artists from around the world', role: 'artist' },
		{
			name: 'Indonesian and visiting women artists',
			role: 'artist',
			note: { en: 'Worked in mixed pairs', ne: 'मिश्रित जोडी बनाएर काम गरे', id: 'Berkarya dalam pasangan lintas negara', es: 'Trabajaron en parejas mixtas' }
		},
		{ name: 'Kampung residents’ association, Jakarta', role: 'host' },
		{ name: 'Artist collectives in Denpasar', role: 'partner' }
	],
	photos: [
		photo(
			'kampung-lane',
			'mural',
			1701,
			{
				en: 'A narrow lane whose walls and steps are painted in stripes of turquoise, coral and sunflower yellow',
				ne: 'फिरोजी, मुगा रङ र सूर्यमुखी पहेँलो धर्साले रङ्गिएका पर्खाल र खुड्किला भएको साँघुरो गल्ली',
				id: 'Gang sempit yang tembok dan anak tangganya dicat garis-garis toska, koral, dan kuning bunga matahari',
				es: 'Un callejón estrecho con paredes y escalones pintados a rayas turquesa, coral y amarillo girasol'
			},
			{
				en: 'A lane in the Jakarta kampung after two weeks of painting.',
				ne: 'दुई हप्ताको रङ्गाइपछि जकार्ताको काम्पुङको एउटा गल्ली।',
				id: 'Sebuah gang di kampung Jakarta setelah dua minggu melukis.',
				es: 'Un callejón del kampung de Yakarta tras dos semanas de pintura.'
			}
		),
		photo(
			'kampung-water-tank',
			'mural',
			1702,
			{
				en: 'A round water tank covered in a pattern of small magenta and lime leaves on a dark blue ground',
				ne: 'गाढा नीलो पृष्ठभूमिमा साना म्याजेन्टा र कागती-हरिया पातको बुट्टाले ढाकिएको गोलो पानी ट्याङ्की',
				id: 'Tandon air bundar yang tertutup motif daun-daun kecil magenta dan hijau limau di atas dasar biru tua',
				es: 'Un depósito de agua redondo cubierto de un motivo de pequeñas hojas magenta y verde lima sobre fondo azul oscuro'
			},
			{
				en: 'Even the water tanks joined in.',
				ne: 'पानीका ट्याङ्की पनि रङ्गिन बने।',
				id: 'Tandon air pun ikut berwarna.',
				es: 'Hasta los depósitos de agua se sumaron.'
			}
		),
		photo(
			'denpasar-evening',
			'projection',
			1703,
			{
				en: 'Soft circles of violet and amber light overlapping on a pale wall at night',
				ne: 'राति फिक्का पर्खालमा एकअर्कामा खप्टिएका बैजनी र एम्बर रङका मधुरा प्रकाश-गोला',
				id: 'Lingkaran cahaya ungu dan kuning kecokelatan yang lembut, saling tumpang tindih di dinding pucat pada malam hari',
				es: 'Círculos suaves de luz violeta y ámbar que se superponen sobre una pared clara de noche'
			},
			{
				en: 'An evening gathering with artists in Denpasar.',
				ne: 'देनपसारमा कलाकारहरूसँगको साँझको जमघट।',
				id: 'Pertemuan sore bersama para seniman di Denpasar.',
				es: 'Un encuentro nocturno con artistas en Denpasar.'
			}
		)
	]
};

const patanPlace = { name: 'Courtyards and squares of old Patan', city: 'Lalitpur', country: 'NP', latitude: 27.67, longitude: 85.32 };
const patanCollective = 'Local artists’ collective, Patan';

const patan: DemoInitiative = {
	slug: 'patan-empower-2018',
	kind: 'festival',
	program: 'mg_live',
	title: {
		en: 'Patan 2018: Empower!',
		ne: 'पाटन २०१८: सशक्तीकरण!',
		id: 'Patan 2018: Empower!',
		es: 'Patan 2018: Empower!'
	},
	summary: {
		en: 'For two weeks the courtyards of Patan, in the Kathmandu Valley, filled with projections, live music and murals made by more than a hundred creatives with a local partner collective.',
		ne: 'दुई हप्तासम्म काठमाडौं उपत्यकाको पाटनका चोक र आँगनहरू एउटा स्थानीय साझेदार समूहसँग मिलेर सयभन्दा बढी सिर्जनशील व्यक्तिले बनाएका प्रोजेक्सन, प्रत्यक्ष सङ्गीत र भित्ते चित्रले भरिए।',
		id: 'Selama dua minggu, pelataran-pelataran Patan di Lembah Kathmandu dipenuhi proyeksi, musik langsung, dan mural karya lebih dari seratus pekerja kreatif bersama sebuah kolektif mitra setempat.',
		es: 'Durante dos semanas, los patios de Patan, en el valle de Katmandú, se llenaron de proyecciones, música en vivo y murales creados por más de cien creativos junto a un colectivo local.'
	},
	body: {
		en: `<p>Patan is a city of courtyards, temples and craft workshops, and of neighbours who have rebuilt a great deal since the 2015 earthquake. We came at the invitation of a local artists’ collective, who chose the theme: <strong>Empower!</strong> Empowering whom, and how, was the question every artist was asked to answer.</p>
<p>From 23 November to 7 December 2018, more than a hundred creatives from Nepal and abroad took part. By day they painted murals on walls offered by families and shopkeepers; by night, images were projected onto brick facades while musicians played in the squares.</p>
<h2>Within the festival</h2>
<ul>
<li>A Women on Wall project, in which women artists painted together for gender equality</li>
<li>A residency on climate disruption, in which artists worked with scientists and activists</li>
<li>Free workshops, talks and walking tours, open to everyone</li>
</ul>
<p>Everything was free, and the local collective led the way throughout: they knew which walls mattered, which neighbours to ask first and how the city would want to be shown.</p>`,
		ne: `<p>पाटन चोक, मन्दिर र हस्तकलाका कार्यशालाहरूको सहर हो, अनि सन् २०१५ को भूकम्पपछि धेरै कुरा फेरि उभ्याएका छिमेकीहरूको पनि। हामी एउटा स्थानीय कलाकार समूहको निम्तोमा त्यहाँ पुगेका थियौँ, र विषय पनि उनीहरूले नै छाने: <strong>सशक्तीकरण!</strong> कसलाई, र कसरी सशक्त बनाउने? हरेक कलाकारले यही प्रश्नको उत्तर खोज्नुपर्थ्यो।</p>
<p>सन् २०१८ को २३ नोभेम्बरदेखि ७ डिसेम्बरसम्म नेपाल र विदेशका सयभन्दा बढी सिर्जनशील व्यक्ति सहभागी भए। दिउँसो उनीहरूले परिवार र पसलेहरूले दिएका पर्खालमा भित्ते चित्र कोरे; राति इँटाका अग्लो भित्तामा चित्रहरू प्रोजेक्ट गरिए भने चोकहरूमा सङ्गीतकारहरूले बजाए।</p>
<h2>महोत्सवभित्र</h2>
<ul>
<li>वुमन अन वाल परियोजना, जसमा महिला कलाकारहरूले लैङ्गिक समानताका लागि सँगै चित्र कोरे</li>
<li>जलवायु संकटसम्बन्धी रेसिडेन्सी, जसमा कलाकारहरूले वैज्ञानिक र अभियन्तासँग काम गरे</li>
<li>सबैका लागि खुला, निःशुल्क कार्यशाला, वार्ता र पैदल भ्रमण</li>
</ul>
<p>सबै कार्यक्रम निःशुल्क थिए, र सुरुदेखि अन्त्यसम्म स्थानीय समूहले नै बाटो देखायो: कुन पर्खालको महत्त्व छ, पहिले कुन छिमेकीलाई सोध्ने, र सहरलाई कसरी देखाउँदा सहरवासीलाई मन पर्छ भन्ने उनीहरूलाई नै थाहा थियो।</p>`,
		id: `<p>Patan adalah kota pelataran, kuil, dan bengkel kerajinan, juga kota para tetangga yang telah membangun kembali banyak hal sejak gempa 2015. Kami datang atas undangan sebuah kolektif seniman setempat, yang juga memilih temanya: <strong>Empower!</strong> Memberdayakan siapa, dan bagaimana, adalah pertanyaan yang harus dijawab setiap seniman.</p>
<p>Dari 23 November hingga 7 Desember 2018, lebih dari seratus pekerja kreatif dari Nepal dan luar negeri ikut serta. Siang hari mereka melukis mural di tembok yang dipinjamkan keluarga dan pemilik toko; malam hari, gambar diproyeksikan ke fasad bata sementara para musisi bermain di alun-alun.</p>
<h2>Di dalam festival</h2>
<ul>
<li>Proyek Women on Wall, tempat para seniman perempuan melukis bersama untuk kesetaraan gender</li>
<li>Residensi tentang krisis iklim, tempat seniman bekerja bersama ilmuwan dan aktivis</li>
<li>Lokakarya, diskusi, dan tur jalan kaki gratis yang terbuka untuk semua</li>
</ul>
<p>Semuanya gratis, dan kolektif setempat memimpin sejak awal hingga akhir: mereka tahu tembok mana yang bermakna, tetangga mana yang perlu ditanya lebih dulu, dan bagaimana kota itu ingin ditampilkan.</p>`,
		es: `<p>Patan es una ciudad de patios, templos y talleres artesanos, y de vecinos que han reconstruido muchísimo desde el terremoto de 2015. Llegamos invitados por un colectivo local de artistas, que eligió el lema: <strong>Empower!</strong> ¿Empoderar a quién, y cómo? Esa era la pregunta que cada artista debía responder.</p>
<p>Del 23 de noviembre al 7 de diciembre de 2018 participaron más de cien creativos de Nepal y de otros países. De día pintaban murales en paredes cedidas por familias y comerciantes; de noche se proyectaban imágenes sobre las fachadas de ladrillo mientras los músicos tocaban en las plazas.</p>
<h2>Dentro del festival</h2>
<ul>
<li>Un proyecto de Women on Wall, en el que artistas mujeres pintaron juntas por la igualdad de género</li>
<li>Una residencia sobre la crisis climática, en la que artistas trabajaron con científicos y activistas</li>
<li>Talleres, charlas y recorridos a pie gratuitos y abiertos a todo el mundo</li>
</ul>
<p>Todo fue gratuito, y el colectivo local marcó el camino de principio a fin: sabía qué paredes importaban, a qué vecinos preguntar primero y cómo quería la ciudad que se la mostrara.</p>`
	},
	theme: {
		en: 'Empower!',
		ne: 'सशक्तीकरण!',
		id: 'Empower! (Berdaya!)',
		es: 'Empower! (¡Empoderar!)'
	},
	startDate: '2018-11-23',
	endDate: '2018-12-07',
	places: [patanPlace],
	figures: [
		{
			label: { en: 'Creatives taking part', ne: 'सहभागी सिर्जनशील व्यक्ति', id: 'Pekerja kreatif yang terlibat', es: 'Creativos participantes' },
			value: 108,
			source: 'Festival report 2018'
		},
		{ label: label.murals, value: 12, source: 'Festival report 2018' },
		{
			label: { en: 'Nights of projections and live music', ne: 'प्रोजेक्सन र प्रत्यक्ष सङ्गीतका रात', id: 'Malam proyeksi dan musik langsung', es: 'Noches de proyecciones y música en vivo' },
			value: 10,
			source: 'Festival programme'
		},
		{ label: label.visitors, value: 11500, source: 'Partner collective estimate', participants: true }
	],
	credits: [
		{ name: 'More than a hundred creatives from Nepal and abroad', role: 'artist' },
		{ name: 'Musicians of the Kathmandu Valley', role: 'artist' },
		{
			name: patanCollective,
			role: 'partner',
			note: { en: 'Lead local partner; chose the theme', ne: 'प्रमुख स्थानीय साझेदार; विषय छानेको समूह', id: 'Mitra lokal utama; memilih tema', es: 'Socio local principal; eligió el lema' }
		},
		{ name: 'Families and shopkeepers around Patan’s courtyards', role: 'host', note: { en: 'Offered their walls', ne: 'आफ्ना पर्खाल दिए', id: 'Meminjamkan tembok mereka', es: 'Cedieron sus paredes' } }
	],
	photos: [
		photo(
			'patan-projection',
			'projection',
			1801,
			{
				en: 'Beams of magenta and cyan light projected as overlapping triangles onto a dark brick facade',
				ne: 'अँध्यारो इँटाको अग्रभागमा एकअर्कामा खप्टिएका त्रिकोणका रूपमा प्रोजेक्ट गरिएका म्याजेन्टा र सायन प्रकाशका किरण',
				id: 'Berkas cahaya magenta dan sian yang diproyeksikan sebagai segitiga-segitiga bertumpuk ke fasad bata yang gelap',
				es: 'Haces de luz magenta y cian proyectados como triángulos superpuestos sobre una fachada oscura de ladrillo'
			},
			{
				en: 'A night of projections in a Patan courtyard.',
				ne: 'पाटनको एउटा चोकमा प्रोजेक्सनको रात।',
				id: 'Malam proyeksi di sebuah pelataran di Patan.',
				es: 'Una noche de proyecciones en un patio de Patan.'
			}
		),
		photo(
			'patan-mural',
			'mural',
			1802,
			{
				en: 'A wall painted with a large sun of concentric saffron and crimson rings above wavy indigo lines',
				ne: 'लहरदार गाढा नीला रेखामाथि केसरी र गाढा राता एककेन्द्रीय घेराले बनेको ठूलो सूर्य कोरिएको पर्खाल',
				id: 'Tembok yang dilukis matahari besar dari cincin-cincin konsentris kunyit dan merah tua di atas garis-garis nila yang bergelombang',
				es: 'Una pared pintada con un gran sol de anillos concéntricos azafrán y carmesí sobre líneas onduladas añil'
			},
			{
				en: 'One of the twelve murals painted for Empower!',
				ne: 'सशक्तीकरण! का लागि बनाइएका बाह्र भित्ते चित्रमध्ये एउटा।',
				id: 'Salah satu dari dua belas mural yang dilukis untuk Empower!',
				es: 'Uno de los doce murales pintados para Empower!'
			}
		),
		photo(
			'patan-workshop',
			'paper-cut',
			1803,
			{
				en: 'Cut-paper prayer-flag shapes in blue, white, red, green and yellow strung diagonally across a cream sheet',
				ne: 'क्रिम रङको कागजमाथि छड्के टाँगिएका, नीलो, सेतो, रातो, हरियो र पहेँलो कागज काटेर बनाइएका ध्वजाजस्ता आकृति',
				id: 'Potongan kertas berbentuk bendera doa berwarna biru, putih, merah, hijau, dan kuning yang direntangkan miring di atas lembar krem',
				es: 'Formas de papel recortado como banderas de oración, en azul, blanco, rojo, verde y amarillo, tendidas en diagonal sobre una hoja crema'
			},
			{
				en: 'Made in a free children’s workshop during the festival.',
				ne: 'महोत्सवका बेला बालबालिकाको निःशुल्क कार्यशालामा बनेको।',
				id: 'Dibuat dalam lokakarya anak gratis selama festival.',
				es: 'Hecho en un taller infantil gratuito durante el festival.'
			}
		)
	]
};

const patanWomenOnWall: DemoInitiative = {
	slug: 'patan-women-on-wall-2018',
	kind: 'mural',
	program: 'women_on_wall',
	title: {
		en: 'Women on Wall in Patan',
		ne: 'पाटनमा वुमन अन वाल',
		id: 'Women on Wall di Patan',
		es: 'Women on Wall en Patan'
	},
	summary: {
		en: 'Within the Empower! festival, women artists from Nepal and other countries painted collaborative murals for gender equality, after talking with women from the neighbourhood.',
		ne: 'सशक्तीकरण! महोत्सवभित्रै, नेपाल र अन्य देशका महिला कलाकारहरूले टोलका महिलाहरूसँग कुराकानी गरेपछि लैङ्गिक समानताका लागि मिलेर भित्ते चित्र बनाए।',
		id: 'Dalam festival Empower!, seniman perempuan dari Nepal dan negara lain melukis mural kolaboratif untuk kesetaraan gender, setelah berbincang dengan para perempuan di lingkungan itu.',
		es: 'Dentro del festival Empower!, artistas de Nepal y de otros países pintaron murales colaborativos por la igualdad de género, después de conversar con mujeres del barrio.'
	},
	body: {
		en: `<p>Women on Wall brings women artists together to paint for gender equality, and Patan was one of its first homes. The artists began not with a design but with an afternoon of conversation with women from the neighbourhood: about work, safety, school and the things they were proud of.</p>
<p>From those conversations came three walls, each painted by a mixed team of Nepali and visiting artists. No single artist signed a wall; every mural belongs to the group that made it, and to the women whose words shaped it.</p>
<p>Open painting sessions let anyone pick up a brush for the background layers, and many of those who did were girls from nearby schools. The way of working tried here later grew into the program’s collaborative murals in other countries.</p>`,
		ne: `<p>वुमन अन वालले महिला कलाकारहरूलाई लैङ्गिक समानताका लागि सँगै चित्र कोर्न एकै ठाउँमा ल्याउँछ, र पाटन यसको सुरुका घरमध्ये एक थियो। कलाकारहरूले डिजाइनबाट होइन, टोलका महिलाहरूसँग एक दिउँसोको कुराकानीबाट काम सुरु गरे: काम, सुरक्षा, विद्यालय र आफूलाई गर्व लाग्ने कुराहरूबारे।</p>
<p>ती कुराकानीबाट तीनवटा पर्खाल जन्मिए, र हरेकलाई नेपाली र बाहिरबाट आएका कलाकारको मिश्रित टोलले रङ्गायो। कुनै पनि पर्खालमा एक्लो कलाकारको हस्ताक्षर छैन; हरेक भित्ते चित्र त्यसलाई बनाउने समूहको हो, र त्यसलाई आकार दिने शब्द बोल्ने महिलाहरूको पनि।</p>
<p>खुला चित्रकला सत्रमा जो कोहीले पनि पृष्ठभूमिका तह रङ्गाउन ब्रस समात्न पाए, र त्यसो गर्नेमध्ये धेरैजसो नजिकैका विद्यालयका छात्राहरू थिए। यहाँ परीक्षण गरिएको काम गर्ने तरिका पछि अन्य देशमा यस कार्यक्रमका सहकार्यमूलक भित्ते चित्रमा विकसित भयो।</p>`,
		id: `<p>Women on Wall mempertemukan seniman perempuan untuk melukis demi kesetaraan gender, dan Patan adalah salah satu rumah pertamanya. Para seniman tidak memulai dengan rancangan, melainkan dengan satu sore berbincang bersama perempuan di lingkungan itu: tentang pekerjaan, rasa aman, sekolah, dan hal-hal yang mereka banggakan.</p>
<p>Dari percakapan itu lahir tiga tembok, masing-masing dilukis oleh tim campuran seniman Nepal dan tamu. Tak ada satu tembok pun yang ditandatangani satu seniman; setiap mural milik kelompok yang membuatnya, dan milik para perempuan yang kata-katanya membentuknya.</p>
<p>Sesi melukis terbuka memberi siapa saja kesempatan memegang kuas untuk lapisan latar, dan banyak di antaranya siswi dari sekolah-sekolah terdekat. Cara kerja yang dicoba di sini kemudian berkembang menjadi mural kolaboratif program ini di negara-negara lain.</p>`,
		es: `<p>Women on Wall reúne a artistas mujeres para pintar por la igualdad de género, y Patan fue uno de sus primeros hogares. Las artistas no empezaron con un diseño, sino con una tarde de conversación con mujeres del barrio: sobre el trabajo, la seguridad, la escuela y aquello de lo que se sentían orgullosas.</p>
<p>De esas conversaciones salieron tres muros, cada uno pintado por un equipo mixto de artistas nepalíes y visitantes. Ningún muro lleva la firma de una sola artista: cada mural pertenece al grupo que lo hizo y a las mujeres cuyas palabras le dieron forma.</p>
<p>En las sesiones abiertas cualquiera podía tomar un pincel para las capas de fondo, y muchas de quienes lo hicieron eran chicas de escuelas cercanas. La forma de trabajar que se probó aquí creció después hasta los murales colaborativos del programa en otros países.</p>`
	},
	theme: {
		en: 'Painting for gender equality',
		ne: 'लैङ्गिक समानताका लागि चित्रकला',
		id: 'Melukis untuk kesetaraan gender',
		es: 'Pintar por la igualdad de género'
	},
	startDate: '2018-11-25',
	endDate: '2018-12-05',
	places: [{ ...patanPlace, name: 'Courtyard walls in Patan' }],
	figures: [
		{ label: { en: 'Women artists', ne: 'महिला कलाकार', id: 'Seniman perempuan', es: 'Artistas mujeres' }, value: 11, source: 'Project records' },
		{ label: { en: 'Walls painted', ne: 'रङ्गाइएका पर्खाल', id: 'Tembok yang dilukis', es: 'Muros pintados' }, value: 3, source: 'Project records' },
		{
			label: { en: 'People at the open painting sessions', ne: 'खुला चित्रकला सत्रका सहभागी', id: 'Peserta sesi melukis terbuka', es: 'Personas en las sesiones abiertas de pintura' },
			value: 180,
			source: 'Volunteer headcount',
			participants: true
		}
	],
	credits: [
		{ name: 'Nepali and visiting women artists', role: 'artist', note: { en: 'Worked as one team', ne: 'एउटै टोल बनेर काम गरे', id: 'Berkarya sebagai satu tim', es: 'Trabajaron como un solo equipo' } },
		{ name: patanCollective, role: 'partner' },
		{ name: 'Women of the neighbourhood', role: 'partner', note: { en: 'Their conversations shaped the walls', ne: 'उनीहरूका कुराकानीले पर्खालको रूप दिए', id: 'Percakapan mereka membentuk mural', es: 'Sus conversaciones dieron forma a los muros' } },
		{ name: 'Households who offered their walls', role: 'host' }
	],
	photos: [
		photo(
			'wow-patan-wall',
			'mural',
			1811,
			{
				en: 'A tall wall painted with many hands in warm browns and pinks reaching up towards a band of turquoise',
				ne: 'फिरोजी पट्टातिर माथि पुग्न खोजिरहेका, न्यानो खैरो र गुलाबी रङका धेरै हातहरू कोरिएको अग्लो पर्खाल',
				id: 'Tembok tinggi yang dilukis banyak tangan berwarna cokelat hangat dan merah muda, menjangkau ke arah pita toska',
				es: 'Una pared alta pintada con muchas manos en marrones y rosas cálidos que se alzan hacia una franja turquesa'
			},
			{
				en: 'The largest of the three Women on Wall murals in Patan.',
				ne: 'पाटनका तीनवटा वुमन अन वाल भित्ते चित्रमध्ये सबैभन्दा ठूलो।',
				id: 'Mural terbesar dari tiga mural Women on Wall di Patan.',
				es: 'El mayor de los tres murales de Women on Wall en Patan.'
			}
		),
		photo(
			'wow-patan-detail',
			'mural',
			1812,
			{
				en: 'A close view of painted marigold flowers in orange and yellow over a deep plum background',
				ne: 'गाढा बैजनी पृष्ठभूमिमाथि सुन्तला र पहेँलो रङमा कोरिएका सयपत्री फूलको नजिकको दृश्य',
				id: 'Tampak dekat bunga marigold yang dilukis oranye dan kuning di atas latar ungu plum yang pekat',
				es: 'Una vista de cerca de flores de cempasúchil pintadas en naranja y amarillo sobre un fondo ciruela oscuro'
			},
			{
				en: 'A detail painted during an open session.',
				ne: 'खुला सत्रमा कोरिएको एउटा अंश।',
				id: 'Detail yang dilukis dalam sesi terbuka.',
				es: 'Un detalle pintado en una sesión abierta.'
			}
		)
	]
};

const patanResidency: DemoInitiative = {
	slug: 'patan-climate-residency-2018',
	kind: 'residency',
	title: {
		en: 'Climate disruption residency, Patan',
		ne: 'जलवायु संकटसम्बन्धी रेसिडेन्सी, पाटन',
		id: 'Residensi krisis iklim, Patan',
		es: 'Residencia sobre la crisis climática, Patan'
	},
	summary: {
		en: 'During Empower!, a small group of artists lived and worked alongside climate scientists and activists for two weeks, and shared what they made with the public.',
		ne: 'सशक्तीकरण! का बेला कलाकारहरूको एउटा सानो समूहले दुई हप्तासम्म जलवायु वैज्ञानिक र अभियन्तासँगै बसेर काम गर्यो, र आफूले बनाएका कुरा जनतासँग बाँड्यो।',
		id: 'Selama Empower!, sekelompok kecil seniman tinggal dan berkarya bersama ilmuwan iklim dan aktivis selama dua minggu, lalu membagikan hasil karya mereka kepada publik.',
		es: 'Durante Empower!, un pequeño grupo de artistas vivió y trabajó dos semanas junto a científicos del clima y activistas, y compartió con el público lo que creó.'
	},
	body: {
		en: `<p>In the Himalaya, climate disruption is not a forecast: glaciers retreat, rains arrive at the wrong time and farmers change what they plant. The residency asked what artists can add to what scientists measure and what activists demand.</p>
<p>Resident artists from Nepal and abroad spent their mornings with researchers and community campaigners, reading data, visiting a river and a farm on the edge of the valley, and listening. In the afternoons they worked in a shared studio, where anyone was welcome to look in.</p>
<blockquote>We were not asked to illustrate the science, but to find a way for people to feel it.</blockquote>
<p>The residency ended with a public sharing during the festival’s last weekend: drawings, sound pieces, a projection and a set of posters later pasted up around the city. Some of the pairings between artists and scientists continued long after the residency.</p>`,
		ne: `<p>हिमालयमा जलवायु संकट कुनै पूर्वानुमान होइन: हिमनदी पछि हट्दैछन्, पानी बेमौसममा पर्छ, र किसानले लगाउने बाली फेर्दैछन्। वैज्ञानिकले नाप्ने र अभियन्ताले माग्ने कुरामा कलाकारले के थप्न सक्छ भन्ने प्रश्न यो रेसिडेन्सीले सोध्यो।</p>
<p>नेपाल र विदेशका रेसिडेन्ट कलाकारहरूले बिहानको समय अनुसन्धानकर्ता र सामुदायिक अभियन्तासँग बिताए: तथ्याङ्क पढे, उपत्यकाको किनारको एउटा नदी र खेत पुगे, र ध्यान दिएर सुने। दिउँसो उनीहरूले एउटा साझा स्टुडियोमा काम गरे, जहाँ जो कोही पनि चियाउन आउन सक्थे।</p>
<blockquote>हामीलाई विज्ञानको चित्र बनाउन भनिएको थिएन, मानिसहरूले त्यसलाई महसुस गर्न सक्ने बाटो खोज्न भनिएको थियो।</blockquote>
<p>रेसिडेन्सी महोत्सवको अन्तिम सप्ताहान्तमा सार्वजनिक प्रस्तुतिसँगै सकियो: रेखाचित्र, ध्वनि कृति, एउटा प्रोजेक्सन, र पछि सहरभरि टाँसिएका पोस्टरहरूको शृङ्खला। कलाकार र वैज्ञानिकका केही जोडीले रेसिडेन्सी सकिएको धेरैपछिसम्म सँगै काम गरिरहे।</p>`,
		id: `<p>Di Himalaya, krisis iklim bukan ramalan: gletser menyusut, hujan datang tidak pada waktunya, dan petani mengganti tanaman mereka. Residensi ini bertanya apa yang bisa ditambahkan seniman pada apa yang diukur ilmuwan dan dituntut aktivis.</p>
<p>Seniman residen dari Nepal dan luar negeri menghabiskan pagi bersama peneliti dan pegiat komunitas: membaca data, mengunjungi sungai dan ladang di tepi lembah, dan mendengarkan. Siang harinya mereka berkarya di studio bersama yang terbuka bagi siapa saja yang ingin melihat.</p>
<blockquote>Kami tidak diminta menggambarkan sainsnya, tetapi mencari cara agar orang bisa merasakannya.</blockquote>
<p>Residensi ditutup dengan presentasi publik pada akhir pekan terakhir festival: gambar, karya bunyi, sebuah proyeksi, dan serangkaian poster yang kemudian ditempel di berbagai sudut kota. Beberapa pasangan seniman dan ilmuwan terus bekerja sama lama setelah residensi usai.</p>`,
		es: `<p>En el Himalaya, la crisis climática no es un pronóstico: los glaciares retroceden, las lluvias llegan a destiempo y los agricultores cambian lo que siembran. La residencia se preguntó qué pueden añadir los artistas a lo que miden los científicos y a lo que reclaman los activistas.</p>
<p>Artistas residentes de Nepal y de fuera pasaban las mañanas con investigadores y activistas comunitarios: leían datos, visitaban un río y una granja en el borde del valle, y escuchaban. Por las tardes trabajaban en un estudio compartido al que cualquiera podía asomarse.</p>
<blockquote>No nos pidieron ilustrar la ciencia, sino encontrar la manera de que la gente la sintiera.</blockquote>
<p>La residencia terminó con una presentación pública el último fin de semana del festival: dibujos, piezas sonoras, una proyección y una serie de carteles que después se pegaron por la ciudad. Algunas parejas de artistas y científicos siguieron colaborando mucho después.</p>`
	},
	theme: {
		en: 'Climate disruption',
		ne: 'जलवायु संकट',
		id: 'Krisis iklim',
		es: 'La crisis climática'
	},
	startDate: '2018-11-23',
	endDate: '2018-12-07',
	places: [{ ...patanPlace, name: 'Shared residency studio, Patan' }],
	figures: [
		{ label: { en: 'Resident artists', ne: 'रेसिडेन्ट कलाकार', id: 'Seniman residen', es: 'Artistas residentes' }, value: 9, source: 'Residency records' },
		{
			label: { en: 'Scientists and activists', ne: 'वैज्ञानिक र अभियन्ता', id: 'Ilmuwan dan aktivis', es: 'Científicos y activistas' },
			value: 7,
			source: 'Residency records'
		},
		{
			label: { en: 'People at the public sharing', ne: 'सार्वजनिक प्रस्तुतिमा सहभागी', id: 'Pengunjung presentasi publik', es: 'Personas en la presentación pública' },
			value: 320,
			source: 'Host headcount',
			participants: true
		}
	],
	credits: [
		{ name: 'Nine resident artists from Nepal and abroad', role: 'artist' },
		{ name: 'Climate and glacier researchers', role: 'partner', note: { en: 'Shared data and field visits', ne: 'तथ्याङ्क र स्थलगत भ्रमणमा साथ दिए', id: 'Berbagi data dan kunjungan lapangan', es: 'Compartieron datos y visitas de campo' } },
		{ name: 'Community climate activists', role: 'partner' },
		{ name: patanCollective, role: 'host' }
	],
	photos: [
		photo(
			'residency-studio-wall',
			'wheatpaste',
			1821,
			{
				en: 'Posters of stacked blue and white horizontal lines that thin out towards the top, pasted in a grid on a plaster wall',
				ne: 'माथितिर जाँदा पातलिँदै जाने नीला र सेता तेर्सा रेखाका पोस्टरहरू, पलस्तर गरिएको पर्खालमा जालीझैँ टाँसिएका',
				id: 'Poster-poster bergaris mendatar biru dan putih yang makin menipis ke atas, ditempel berkotak-kotak di dinding plester',
				es: 'Carteles de líneas horizontales azules y blancas apiladas que se adelgazan hacia arriba, pegados en cuadrícula sobre una pared enlucida'
			},
			{
				en: 'Posters from the residency, pasted up after the public sharing.',
				ne: 'सार्वजनिक प्रस्तुतिपछि टाँसिएका रेसिडेन्सीका पोस्टर।',
				id: 'Poster dari residensi, ditempel setelah presentasi publik.',
				es: 'Carteles de la residencia, pegados tras la presentación pública.'
			}
		),
		photo(
			'residency-projection',
			'projection',
			1822,
			{
				en: 'A slow gradient of white to deep blue light projected across a rough stone wall, with a thin gold line near the bottom',
				ne: 'खस्रो ढुङ्गाको पर्खालभरि सेतोबाट गाढा नीलोमा बिस्तारै फेरिँदै गएको प्रकाश, फेदनेर पातलो सुनौलो रेखासहित',
				id: 'Gradasi perlahan cahaya putih ke biru tua yang diproyeksikan melintasi dinding batu kasar, dengan garis emas tipis di dekat bagian bawah',
				es: 'Un lento degradado de luz blanca a azul profundo proyectado sobre un muro de piedra rugosa, con una fina línea dorada cerca de la base'
			},
			{
				en: 'A projection made with a glacier researcher’s data.',
				ne: 'हिमनदी अनुसन्धानकर्ताको तथ्याङ्कबाट बनाइएको प्रोजेक्सन।',
				id: 'Proyeksi yang dibuat dari data seorang peneliti gletser.',
				es: 'Una proyección hecha con los datos de una investigadora de glaciares.'
			}
		)
	]
};

const graz: DemoInitiative = {
	slug: 'graz-2019',
	kind: 'symposium',
	title: {
		en: 'Graz: who is the street for?',
		ne: 'ग्राज: सडक कसका लागि?',
		id: 'Graz: untuk siapa jalanan itu?',
		es: 'Graz: ¿para quién es la calle?'
	},
	summary: {
		en: 'A weekend of free talks and conversations on art in public space, with words placed in shop windows around the centre of Graz while the talks went on.',
		ne: 'सार्वजनिक स्थानमा कलाबारे निःशुल्क वार्ता र छलफलको एक सप्ताहान्त, जतिबेला ग्राजको केन्द्रका पसलका झ्यालमा शब्दहरू राखिएका थिए।',
		id: 'Akhir pekan berisi diskusi dan percakapan gratis tentang seni di ruang publik, sementara kata-kata dipajang di jendela toko di sekitar pusat kota Graz.',
		es: 'Un fin de semana de charlas y conversaciones gratuitas sobre el arte en el espacio público, mientras se colocaban palabras en escaparates del centro de Graz.'
	},
	body: {
		en: `<p>Graz has a lively cultural life, and, like many European cities, long debates about who public space is for: residents, visitors, businesses, young people with nowhere to go. We were invited to bring those debates out of meeting rooms and into the street.</p>
<p>Over one weekend, artists, researchers and residents spoke in a courtyard in the centre, in short talks followed by long conversations. Several talks looked back at what we had learned in Nowra, Langa and Patan, and asked what would be different here.</p>
<p>At the same time, short phrases written by participants appeared in shop windows around the old town, with shopkeepers’ permission: questions and wishes about the city, readable from the pavement. Some stayed up for weeks, and people kept sending us photos of them.</p>`,
		ne: `<p>ग्राजको सांस्कृतिक जीवन जीवन्त छ, र धेरै युरोपेली सहरझैँ सार्वजनिक स्थान कसका लागि हो भन्ने लामो बहस पनि चलिरहन्छ: बासिन्दा, पर्यटक, व्यवसाय, वा जाने ठाउँ नभएका युवाहरूका लागि? ती बहसहरूलाई बैठक कोठाबाट निकालेर सडकमा ल्याउन हामीलाई निम्तो दिइएको थियो।</p>
<p>एक सप्ताहान्तभरि कलाकार, अनुसन्धानकर्ता र बासिन्दाहरूले सहरको केन्द्रको एउटा आँगनमा छोटा वार्ता दिए, र त्यसपछि लामो छलफल भयो। केही वार्तामा नाउरा, लाङ्गा र पाटनमा हामीले सिकेका कुरा फर्केर हेरिए, र यहाँ के फरक हुन्छ भनेर सोधियो।</p>
<p>सँगसँगै, सहभागीहरूले लेखेका छोटा वाक्यहरू पसलेहरूको अनुमतिमा पुरानो सहरका पसलका झ्यालमा देखा परे: सहरबारेका प्रश्न र इच्छाहरू, जुन पेटीबाटै पढ्न सकिन्थ्यो। केही त हप्तौँसम्म रहे, र मानिसहरूले तिनका फोटो हामीलाई पठाइरहे।</p>`,
		id: `<p>Graz punya kehidupan budaya yang hidup, dan seperti banyak kota Eropa, perdebatan panjang tentang untuk siapa ruang publik itu: warga, wisatawan, pelaku usaha, atau anak muda yang tak punya tempat untuk pergi. Kami diundang untuk membawa perdebatan itu keluar dari ruang rapat dan turun ke jalan.</p>
<p>Selama satu akhir pekan, seniman, peneliti, dan warga berbicara di sebuah pelataran di pusat kota, dalam presentasi singkat yang disusul percakapan panjang. Beberapa presentasi menengok kembali pelajaran kami di Nowra, Langa, dan Patan, lalu bertanya apa yang akan berbeda di sini.</p>
<p>Pada saat yang sama, kalimat-kalimat pendek tulisan para peserta muncul di jendela toko di sekitar kota tua, atas izin pemiliknya: pertanyaan dan harapan tentang kota, yang bisa dibaca dari trotoar. Sebagian bertahan berminggu-minggu, dan orang-orang terus mengirimi kami fotonya.</p>`,
		es: `<p>Graz tiene una vida cultural muy activa y, como tantas ciudades europeas, largos debates sobre para quién es el espacio público: vecinos, visitantes, comercios, jóvenes sin adónde ir. Nos invitaron a sacar esos debates de las salas de reuniones y llevarlos a la calle.</p>
<p>Durante un fin de semana, artistas, investigadores y vecinos hablaron en un patio del centro, en charlas breves seguidas de largas conversaciones. Varias charlas repasaron lo aprendido en Nowra, Langa y Patan, y se preguntaron qué sería distinto aquí.</p>
<p>Al mismo tiempo, frases breves escritas por los participantes aparecieron en escaparates del casco antiguo, con permiso de los comerciantes: preguntas y deseos sobre la ciudad, legibles desde la acera. Algunas siguieron allí durante semanas, y la gente nos seguía enviando fotos.</p>`
	},
	startDate: '2019-06-07',
	endDate: '2019-06-09',
	places: [{ name: 'A courtyard in the city centre', city: 'Graz', country: 'AT', latitude: 47.07, longitude: 15.44 }],
	figures: [
		{ label: { en: 'Talks', ne: 'वार्ता', id: 'Presentasi', es: 'Charlas' }, value: 9, source: 'Symposium programme' },
		{
			label: { en: 'Shop windows with words', ne: 'शब्द राखिएका पसलका झ्याल', id: 'Jendela toko berisi kata-kata', es: 'Escaparates con palabras' },
			value: 22,
			source: 'Volunteer log'
		},
		{ label: { en: 'People at the talks', ne: 'वार्तामा सहभागी', id: 'Peserta diskusi', es: 'Asistentes a las charlas' }, value: 380, source: 'Host headcount', participants: true }
	],
	credits: [
		{ name: 'Artists and researchers from Austria and abroad', role: 'artist' },
		{ name: 'An independent cultural association in Graz', role: 'host' },
		{ name: 'Shopkeepers of the old town', role: 'partner', note: { en: 'Lent their windows', ne: 'आफ्ना झ्याल सापटी दिए', id: 'Meminjamkan jendela mereka', es: 'Prestaron sus escaparates' } }
	],
	photos: [
		photo(
			'graz-window',
			'window-words',
			1901,
			{
				en: 'A shop window with short lines of white hand-lettered words on the glass, against a dim green interior',
				ne: 'भित्र मधुरो हरियो देखिने पसलको झ्याल, जसको सिसामा सेता हातले लेखिएका छोटा शब्दका हरफहरू छन्',
				id: 'Jendela toko dengan baris-baris pendek kata bertulisan tangan putih di kaca, berlatar interior hijau temaram',
				es: 'Un escaparate con breves líneas de palabras blancas escritas a mano sobre el cristal, ante un interior verde en penumbra'
			},
			{
				en: 'A question about the city, in a window in the old town.',
				ne: 'पुरानो सहरको एउटा झ्यालमा सहरबारेको एउटा प्रश्न।',
				id: 'Sebuah pertanyaan tentang kota, di jendela di kota tua.',
				es: 'Una pregunta sobre la ciudad, en un escaparate del casco antiguo.'
			}
		),
		photo(
			'graz-courtyard-talk',
			'paper-cut',
			1902,
			{
				en: 'Cut-paper speech bubbles in grey, mustard and brick red, overlapping on a white sheet',
				ne: 'सेतो कागजमाथि एकअर्कामा खप्टिएका, खैरो, तोरी-पहेँलो र इँटा-रातो कागज काटेर बनाइएका बोलीका बुलबुला',
				id: 'Potongan kertas berbentuk balon kata berwarna abu-abu, kuning mustard, dan merah bata, saling bertumpuk di atas lembar putih',
				es: 'Bocadillos de papel recortado en gris, mostaza y rojo ladrillo, superpuestos sobre una hoja blanca'
			},
			{
				en: 'The symposium’s poster, cut by hand.',
				ne: 'हातैले काटेर बनाइएको गोष्ठीको पोस्टर।',
				id: 'Poster simposium, dipotong dengan tangan.',
				es: 'El cartel del simposio, recortado a mano.'
			}
		)
	]
};

const womenOnWallLaunch: DemoInitiative = {
	slug: 'women-on-wall-online-launch-2021',
	kind: 'virtual_program',
	program: 'women_on_wall',
	title: {
		en: 'Women on Wall: the online launch',
		ne: 'वुमन अन वाल: अनलाइन सुरुवात',
		id: 'Women on Wall: peluncuran daring',
		es: 'Women on Wall: el lanzamiento en línea'
	},
	summary: {
		en: 'Women on Wall was launched online as a parallel event of a UN Commission on the Status of Women forum, timed so that audiences in New York and in Bangkok could both join.',
		ne: 'वुमन अन वाल संयुक्त राष्ट्रसंघको महिलाको स्थितिसम्बन्धी आयोगको एउटा फोरमको समानान्तर कार्यक्रमका रूपमा अनलाइन सुरु भयो, जसको समय न्युयोर्क र बैंकक दुवैतिरका दर्शक सहभागी हुन सक्ने गरी मिलाइएको थियो।',
		id: 'Women on Wall diluncurkan secara daring sebagai acara paralel sebuah forum Komisi PBB tentang Status Perempuan, dengan waktu yang diatur agar penonton di New York dan Bangkok sama-sama bisa bergabung.',
		es: 'Women on Wall se lanzó en línea como evento paralelo de un foro de la Comisión de la Condición Jurídica y Social de la Mujer de la ONU, con un horario pensado para que pudiera seguirlo el público de Nueva York y de Bangkok.'
	},
	body: {
		en: `<p>When travel stopped, Women on Wall did not. The program’s collaborative murals for gender equality had begun on walls in Patan; its launch as a program of its own happened on screens, as a parallel event of a UN Commission on the Status of Women forum.</p>
<p>The event was announced with one time for New York and one for Bangkok: an evening in one city, the next morning in the other. That choice mattered, because many of the artists and audiences we work with live in Asia and rarely find such forums scheduled for them.</p>
<p>Women artists from several countries showed murals they had painted together, talked about working across languages and time zones, and answered questions from the audience. The recording stayed online afterwards, and many more people watched it in the weeks that followed.</p>`,
		ne: `<p>यात्रा रोकिँदा पनि वुमन अन वाल रोकिएन। लैङ्गिक समानताका लागि यस कार्यक्रमका सहकार्यमूलक भित्ते चित्र पाटनका पर्खालमा सुरु भएका थिए; छुट्टै कार्यक्रमका रूपमा यसको सुरुवात भने स्क्रिनमा भयो, संयुक्त राष्ट्रसंघको महिलाको स्थितिसम्बन्धी आयोगको एउटा फोरमको समानान्तर कार्यक्रमका रूपमा।</p>
<p>कार्यक्रमको समय न्युयोर्क र बैंकक दुवैका लागि छुट्टाछुट्टै घोषणा गरिएको थियो: एउटा सहरमा साँझ, अर्कोमा भोलिपल्ट बिहान। यो निर्णय महत्त्वपूर्ण थियो, किनकि हामीसँग काम गर्ने धेरै कलाकार र दर्शक एसियामा बस्छन्, र यस्ता फोरमको समय विरलै उनीहरूलाई सुहाउने गरी राखिन्छ।</p>
<p>विभिन्न देशका महिला कलाकारहरूले सँगै बनाएका भित्ते चित्र देखाए, भाषा र समय क्षेत्र नाघेर काम गर्ने अनुभव सुनाए, र दर्शकका प्रश्नको जवाफ दिए। रेकर्डिङ पछि पनि अनलाइन रह्यो, र त्यसपछिका हप्ताहरूमा अझ धेरै मानिसले हेरे।</p>`,
		id: `<p>Ketika perjalanan terhenti, Women on Wall tidak ikut berhenti. Mural kolaboratif program ini untuk kesetaraan gender bermula di tembok-tembok Patan; peluncurannya sebagai program tersendiri justru terjadi di layar, sebagai acara paralel sebuah forum Komisi PBB tentang Status Perempuan.</p>
<p>Acara ini diumumkan dengan dua waktu, satu untuk New York dan satu untuk Bangkok: malam hari di kota yang satu, pagi berikutnya di kota yang lain. Pilihan itu penting, karena banyak seniman dan penonton kami tinggal di Asia dan jarang mendapati forum semacam ini dijadwalkan untuk mereka.</p>
<p>Seniman perempuan dari beberapa negara menampilkan mural yang mereka lukis bersama, bercerita tentang bekerja lintas bahasa dan zona waktu, dan menjawab pertanyaan penonton. Rekamannya tetap tersedia daring, dan jauh lebih banyak orang menontonnya pada minggu-minggu berikutnya.</p>`,
		es: `<p>Cuando se dejó de viajar, Women on Wall no se detuvo. Los murales colaborativos del programa por la igualdad de género habían empezado en muros de Patan; su lanzamiento como programa propio ocurrió en pantallas, como evento paralelo de un foro de la Comisión de la Condición Jurídica y Social de la Mujer de la ONU.</p>
<p>El evento se anunció con una hora para Nueva York y otra para Bangkok: la tarde en una ciudad, la mañana siguiente en la otra. Esa elección importaba, porque muchas de las artistas y del público con quienes trabajamos viven en Asia y rara vez encuentran estos foros en un horario pensado para ellos.</p>
<p>Artistas de varios países mostraron murales que habían pintado juntas, hablaron de trabajar entre idiomas y husos horarios, y respondieron a las preguntas del público. La grabación siguió en línea, y muchas más personas la vieron en las semanas siguientes.</p>`
	},
	theme: {
		en: 'Collaborative murals for gender equality',
		ne: 'लैङ्गिक समानताका लागि सहकार्यमूलक भित्ते चित्र',
		id: 'Mural kolaboratif untuk kesetaraan gender',
		es: 'Murales colaborativos por la igualdad de género'
	},
	startDate: '2021-03-18',
	places: [{ name: 'Online', city: '', country: '', latitude: null, longitude: null, virtual: true }],
	figures: [
		{ label: { en: 'Artists presenting', ne: 'प्रस्तुति दिने कलाकार', id: 'Seniman yang tampil', es: 'Artistas que presentaron' }, value: 6, source: 'Event programme' },
		{ label: { en: 'Live audience', ne: 'प्रत्यक्ष दर्शक', id: 'Penonton langsung', es: 'Público en directo' }, value: 410, source: 'Webinar attendance report', participants: true },
		{
			label: { en: 'Views of the recording', ne: 'रेकर्डिङ हेरिएको सङ्ख्या', id: 'Penayangan rekaman', es: 'Reproducciones de la grabación' },
			value: 2600,
			source: 'Video platform statistics, first three months',
			participants: true
		}
	],
	credits: [
		{ name: 'Women on Wall artists from several countries', role: 'artist' },
		{ name: 'Parallel-event programme of the CSW NGO forum', role: 'host' },
		{ name: 'Volunteer captioners and translators', role: 'partner' }
	],
	photos: [
		photo(
			'wow-launch-screen',
			'window-words',
			2101,
			{
				en: 'A grid of small warm-coloured rectangles, like video tiles, with a line of bold white words across the middle',
				ne: 'भिडियोका टायलजस्ता साना न्यानो रङका आयतहरूको जाली, बीचमा मोटा सेता शब्दको एउटा हरफ',
				id: 'Kisi-kisi persegi panjang kecil berwarna hangat seperti ubin video, dengan sebaris kata putih tebal di tengahnya',
				es: 'Una cuadrícula de pequeños rectángulos de colores cálidos, como ventanas de vídeo, con una línea de palabras blancas en negrita en el centro'
			},
			{
				en: 'The launch brought artists from several countries onto one screen.',
				ne: 'सुरुवात कार्यक्रमले विभिन्न देशका कलाकारलाई एउटै स्क्रिनमा ल्यायो।',
				id: 'Peluncuran ini menghadirkan seniman dari beberapa negara dalam satu layar.',
				es: 'El lanzamiento reunió en una sola pantalla a artistas de varios países.'
			}
		),
		photo(
			'wow-launch-words',
			'window-words',
			2102,
			{
				en: 'Lavender and gold words of different sizes scattered across a dark night-blue field',
				ne: 'गाढा रात्रि-नीलो पृष्ठभूमिभरि छरिएका फरक-फरक आकारका ल्याभेन्डर र सुनौला शब्दहरू',
				id: 'Kata-kata lavender dan emas berbagai ukuran yang tersebar di bidang biru malam yang gelap',
				es: 'Palabras lavanda y doradas de distintos tamaños repartidas sobre un fondo azul noche'
			},
			{
				en: 'Words from the audience, gathered during the launch.',
				ne: 'सुरुवात कार्यक्रमका बेला दर्शकबाट सङ्कलन गरिएका शब्द।',
				id: 'Kata-kata dari penonton, dikumpulkan selama peluncuran.',
				es: 'Palabras del público, reunidas durante el lanzamiento.'
			}
		)
	]
};

const projectForward: DemoInitiative = {
	slug: 'project-forward-2022',
	kind: 'projection',
	program: 'project_forward',
	title: {
		en: 'Project/Forward 2022',
		ne: 'प्रोजेक्ट/फरवार्ड २०२२',
		id: 'Project/Forward 2022',
		es: 'Project/Forward 2022'
	},
	summary: {
		en: 'A micro festival of moving-image art, screened over one weekend by volunteer hosts on five continents with a projector, a small speaker and a place in their community.',
		ne: 'गतिशील दृश्यकलाको सानो महोत्सव, जसलाई पाँच महादेशका स्वयंसेवी आयोजकहरूले एउटा प्रोजेक्टर, सानो स्पिकर र आफ्नो समुदायको एउटा ठाउँमा एकै सप्ताहान्तमा देखाए।',
		id: 'Festival mikro seni gambar bergerak yang diputar dalam satu akhir pekan oleh tuan rumah relawan di lima benua, bermodal proyektor, pengeras suara kecil, dan satu tempat di komunitas mereka.',
		es: 'Un microfestival de imagen en movimiento que anfitriones voluntarios de cinco continentes proyectaron un mismo fin de semana, con un proyector, un altavoz pequeño y un lugar en su comunidad.'
	},
	body: {
		en: `<p>Project/Forward is built on a simple exchange. Moving-image artists send in short works before a deadline; hosts anywhere who have a projector, a small speaker and a place in their community apply to screen them. We put the programme together and send it out, and the hosts do the rest.</p>
<p>In 2022 the programme of short works was screened over one September weekend in five places: on a café wall by a lake, in a neighbourhood hall, on a hillside stairway, in a community centre and in a school hall. Every screening was free.</p>
<ul>
<li>Works from artists on every inhabited continent, none longer than five minutes</li>
<li>A printable poster and a one-page guide for each host</li>
<li>A short conversation after each screening, led by the host</li>
</ul>
<p>The hosts told us afterwards what worked and what did not, and their advice has shaped every edition since.</p>`,
		ne: `<p>प्रोजेक्ट/फरवार्ड एउटा सरल आदानप्रदानमा आधारित छ। गतिशील दृश्यकलाका कलाकारहरूले अन्तिम मितिअघि छोटा कृति पठाउँछन्; प्रोजेक्टर, सानो स्पिकर र आफ्नो समुदायमा एउटा ठाउँ भएका जुनसुकै ठाउँका आयोजकले ती देखाउन आवेदन दिन्छन्। हामी कार्यक्रम तयार पारेर पठाउँछौँ, बाँकी काम आयोजकहरू आफैँ गर्छन्।</p>
<p>सन् २०२२ मा छोटा कृतिहरूको कार्यक्रम सेप्टेम्बरको एउटै सप्ताहान्तमा पाँच ठाउँमा देखाइयो: तालछेउको एउटा क्याफेको पर्खालमा, टोलको एउटा हलमा, पहाडको भिरालो भर्याङमा, एउटा सामुदायिक केन्द्रमा र एउटा विद्यालयको हलमा। हरेक प्रदर्शन निःशुल्क थियो।</p>
<ul>
<li>मानिस बस्ने हरेक महादेशका कलाकारका कृति, कुनै पनि पाँच मिनेटभन्दा लामो होइन</li>
<li>हरेक आयोजकका लागि छाप्न मिल्ने पोस्टर र एक पानाको निर्देशिका</li>
<li>हरेक प्रदर्शनपछि आयोजकले नै चलाएको छोटो छलफल</li>
</ul>
<p>आयोजकहरूले पछि के काम गर्यो र के गरेन भनेर हामीलाई सुनाए, र उनीहरूको सल्लाहले त्यसपछिका हरेक संस्करणलाई आकार दिएको छ।</p>`,
		id: `<p>Project/Forward berdiri di atas pertukaran sederhana. Seniman gambar bergerak mengirimkan karya pendek sebelum batas waktu; tuan rumah di mana saja yang punya proyektor, pengeras suara kecil, dan tempat di komunitasnya mendaftar untuk memutarnya. Kami menyusun program dan mengirimkannya, selebihnya dikerjakan tuan rumah.</p>
<p>Pada 2022, program karya pendek diputar dalam satu akhir pekan bulan September di lima tempat: di dinding kafe tepi danau, di balai warga, di tangga lereng bukit, di pusat komunitas, dan di aula sekolah. Semua pemutaran gratis.</p>
<ul>
<li>Karya seniman dari setiap benua berpenghuni, tak satu pun lebih dari lima menit</li>
<li>Poster siap cetak dan panduan satu halaman untuk setiap tuan rumah</li>
<li>Obrolan singkat setelah setiap pemutaran, dipandu tuan rumah</li>
</ul>
<p>Setelahnya, para tuan rumah bercerita kepada kami apa yang berhasil dan apa yang tidak, dan saran mereka membentuk setiap edisi sejak itu.</p>`,
		es: `<p>Project/Forward se basa en un intercambio sencillo. Artistas de la imagen en movimiento envían obras breves antes de una fecha límite; anfitriones de cualquier lugar con un proyector, un altavoz pequeño y un espacio en su comunidad solicitan proyectarlas. Nosotros armamos el programa y lo enviamos, y los anfitriones hacen el resto.</p>
<p>En 2022, el programa de obras breves se proyectó un mismo fin de semana de septiembre en cinco lugares: en la pared de un café junto a un lago, en un salón de barrio, en una escalera de ladera, en un centro comunitario y en el salón de una escuela. Todas las proyecciones fueron gratuitas.</p>
<ul>
<li>Obras de artistas de todos los continentes habitados, ninguna de más de cinco minutos</li>
<li>Un cartel para imprimir y una guía de una página para cada anfitrión</li>
<li>Una breve conversación después de cada proyección, moderada por el anfitrión</li>
</ul>
<p>Después, los anfitriones nos contaron qué funcionó y qué no, y sus consejos han dado forma a cada edición desde entonces.</p>`
	},
	startDate: '2022-09-23',
	endDate: '2022-09-25',
	places: [
		{ name: 'Lakeside café wall', city: 'Pokhara', country: 'NP', latitude: 28.21, longitude: 83.99 },
		{ name: 'Neighbourhood hall', city: 'Oaxaca', country: 'MX', latitude: 17.06, longitude: -96.73 },
		{ name: 'Hillside stairway', city: 'Valparaíso', country: 'CL', latitude: -33.05, longitude: -71.62 },
		{ name: 'Community centre', city: 'Manchester', country: 'GB', latitude: 53.48, longitude: -2.24 },
		{ name: 'School hall', city: 'Nairobi', country: 'KE', latitude: -1.29, longitude: 36.82 }
	],
	figures: [
		{
			label: { en: 'Moving-image works', ne: 'गतिशील दृश्यकृति', id: 'Karya gambar bergerak', es: 'Obras de imagen en movimiento' },
			value: 21,
			source: 'Festival programme'
		},
		{ label: label.screenings, value: 5, source: 'Host reports' },
		{ label: { en: 'Audience', ne: 'दर्शक', id: 'Penonton', es: 'Público' }, value: 540, source: 'Host headcounts', participants: true }
	],
	credits: [
		{ name: 'Moving-image artists from around the world', role: 'artist' },
		{
			name: 'Five volunteer hosts',
			role: 'host',
			note: {
				en: 'A café, a neighbourhood hall, a stairway, a community centre and a school',
				ne: 'एउटा क्याफे, टोलको हल, एउटा भर्याङ, सामुदायिक केन्द्र र एउटा विद्यालय',
				id: 'Sebuah kafe, balai warga, tangga, pusat komunitas, dan sekolah',
				es: 'Un café, un salón de barrio, una escalera, un centro comunitario y una escuela'
			}
		},
		{ name: 'MG International Artist Collective', role: 'partner', note: { en: 'Selected the programme', ne: 'कार्यक्रम छनोट गर्यो', id: 'Memilih program', es: 'Seleccionó el programa' } }
	],
	photos: [
		photo(
			'pf-stairway',
			'projection',
			2201,
			{
				en: 'A rectangle of flickering teal and orange light projected across a flight of concrete steps at dusk',
				ne: 'साँझपख कंक्रिटका खुड्किलाभरि प्रोजेक्ट गरिएको, झिलिमिली टिल र सुन्तला प्रकाशको आयत',
				id: 'Persegi cahaya toska dan oranye yang berkedip, diproyeksikan melintasi deretan anak tangga beton saat senja',
				es: 'Un rectángulo de luz verde azulada y naranja parpadeante proyectado sobre unos escalones de hormigón al anochecer'
			},
			{
				en: 'A screening on a hillside stairway.',
				ne: 'पहाडको भिरालो भर्याङमा भएको प्रदर्शन।',
				id: 'Pemutaran di tangga lereng bukit.',
				es: 'Una proyección en una escalera de ladera.'
			}
		),
		photo(
			'pf-hall',
			'projection',
			2202,
			{
				en: 'A pale screen glowing with blurred shapes in rose and sea green, above rows of dark silhouettes',
				ne: 'अँध्यारा छायाकृतिका लहरमाथि गुलाबी र समुद्री हरियो धमिला आकृतिले चम्किरहेको फिक्का पर्दा',
				id: 'Layar pucat yang berpendar dengan bentuk-bentuk kabur merah mawar dan hijau laut, di atas deretan siluet gelap',
				es: 'Una pantalla clara que brilla con formas borrosas en rosa y verde mar, sobre filas de siluetas oscuras'
			},
			{
				en: 'A full neighbourhood hall on the festival weekend.',
				ne: 'महोत्सवको सप्ताहान्तमा खचाखच भरिएको टोलको हल।',
				id: 'Balai warga yang penuh pada akhir pekan festival.',
				es: 'Un salón de barrio lleno el fin de semana del festival.'
			}
		),
		photo(
			'pf-poster',
			'wheatpaste',
			2203,
			{
				en: 'A printed poster of a slanted yellow frame on a black ground, pasted on a corrugated metal fence',
				ne: 'कालो पृष्ठभूमिमा छड्के पहेँलो फ्रेम भएको छापिएको पोस्टर, जस्ताको बारमा टाँसिएको',
				id: 'Poster cetak berbingkai kuning miring di atas dasar hitam, ditempel di pagar seng bergelombang',
				es: 'Un cartel impreso con un marco amarillo inclinado sobre fondo negro, pegado en una valla de chapa ondulada'
			},
			{
				en: 'Each host printed the festival poster for their own street.',
				ne: 'हरेक आयोजकले आफ्नै गल्लीका लागि महोत्सवको पोस्टर छापे।',
				id: 'Setiap tuan rumah mencetak poster festival untuk jalannya sendiri.',
				es: 'Cada anfitrión imprimió el cartel del festival para su propia calle.'
			}
		)
	],
	callSlugs: ['project-forward-hosts']
};

const guerrillaGalleryKit: DemoInitiative = {
	slug: 'guerrilla-gallery-kit-climate-2024',
	kind: 'mural',
	program: 'guerrilla_gallery_kit',
	title: {
		en: 'Guerrilla Gallery Kit: climate edition',
		ne: 'गुरिल्ला ग्यालरी किट: जलवायु संस्करण',
		id: 'Guerrilla Gallery Kit: edisi iklim',
		es: 'Guerrilla Gallery Kit: edición clima'
	},
	summary: {
		en: 'One hundred artworks about climate disruption, chosen through an open call, printed and wheat-pasted in five places around the world on Earth Day 2024, and shown online.',
		ne: 'खुला आह्वानबाट छानिएका, जलवायु संकटबारेका सयवटा कलाकृति, जसलाई सन् २०२४ को पृथ्वी दिवसमा छापेर संसारका पाँच ठाउँमा टाँसियो र अनलाइन पनि देखाइयो।',
		id: 'Seratus karya seni tentang krisis iklim, dipilih lewat panggilan terbuka, dicetak dan ditempel di lima tempat di dunia pada Hari Bumi 2024, serta dipamerkan secara daring.',
		es: 'Cien obras sobre la crisis climática, elegidas en una convocatoria abierta, impresas y pegadas en cinco lugares del mundo el Día de la Tierra de 2024, y mostradas en línea.'
	},
	body: {
		en: `<p>The Guerrilla Gallery Kit is an exhibition anyone can put up: a set of printed works, a bucket of paste and a wall someone is willing to lend. For the climate edition we asked artists everywhere for works about climate disruption: what it is changing where they live, and what people there are doing about it.</p>
<p>From the submissions, one hundred works were chosen. On Earth Day, 22 April 2024, local teams pasted them up in five places on four continents, on hoardings, fences, shutters and stairway walls lent for the day. The same hundred works opened as an online exhibition, so people could see the whole collection wherever they were.</p>
<h2>Where the works went up</h2>
<ul>
<li>Singapore, on a hoarding lent by a community arts space</li>
<li>Kathmandu, on a market wall</li>
<li>Cape Town, along a construction fence</li>
<li>Lisbon, on the walls of a public stairway</li>
<li>Mexico City, on the wall of a community garden</li>
</ul>
<p>Paper and paste do not last, and that is part of the point: the works weathered in sun and rain over the following weeks, while the online exhibition kept them all together.</p>`,
		ne: `<p>गुरिल्ला ग्यालरी किट जो कोहीले पनि लगाउन सक्ने प्रदर्शनी हो: छापिएका कृतिको एउटा सेट, एक बाल्टिन लेई, र सापटी दिन तयार कसैको एउटा पर्खाल। जलवायु संस्करणका लागि हामीले संसारभरका कलाकारसँग जलवायु संकटबारेका कृति मागेका थियौँ: उनीहरू बस्ने ठाउँमा यसले के बदलिरहेको छ, र त्यहाँका मानिसहरू यसबारे के गरिरहेका छन्।</p>
<p>पठाइएका कृतिमध्ये सयवटा छानिए। सन् २०२४ को अप्रिल २२, पृथ्वी दिवसका दिन स्थानीय टोलहरूले तिनलाई चार महादेशका पाँच ठाउँमा, एक दिनका लागि सापटी पाइएका घेराबार, बार, सटर र भर्याङका पर्खालमा टाँसे। यिनै सय कृति अनलाइन प्रदर्शनीमा पनि खुला भए, ताकि मानिसहरूले जहाँसुकैबाट पूरै सङ्ग्रह हेर्न सकून्।</p>
<h2>कृतिहरू कहाँ टाँसिए</h2>
<ul>
<li>सिङ्गापुर, एउटा सामुदायिक कला केन्द्रले सापटी दिएको घेराबारमा</li>
<li>काठमाडौं, एउटा बजारको पर्खालमा</li>
<li>केप टाउन, निर्माणस्थलको बारभरि</li>
<li>लिस्बन, एउटा सार्वजनिक भर्याङका पर्खालमा</li>
<li>मेक्सिको सिटी, एउटा सामुदायिक बगैँचाको पर्खालमा</li>
</ul>
<p>कागज र लेई लामो समय टिक्दैनन्, र त्यो पनि यसको अर्थकै एउटा अंश हो: त्यसपछिका हप्ताहरूमा कृतिहरू घाम र पानीमा खिइँदै गए, तर अनलाइन प्रदर्शनीले ती सबैलाई एकै ठाउँमा जोगाइराख्यो।</p>`,
		id: `<p>Guerrilla Gallery Kit adalah pameran yang bisa dipasang siapa saja: satu set karya cetak, seember lem, dan tembok yang rela dipinjamkan seseorang. Untuk edisi iklim, kami meminta seniman di mana pun mengirimkan karya tentang krisis iklim: apa yang diubahnya di tempat mereka tinggal, dan apa yang dilakukan warga di sana.</p>
<p>Dari semua kiriman, seratus karya terpilih. Pada Hari Bumi, 22 April 2024, tim-tim lokal menempelnya di lima tempat di empat benua, pada papan proyek, pagar, rolling door, dan dinding tangga yang dipinjamkan untuk hari itu. Seratus karya yang sama dibuka sebagai pameran daring, sehingga orang bisa melihat seluruh koleksi dari mana pun.</p>
<h2>Tempat karya ditempel</h2>
<ul>
<li>Singapura, di papan proyek yang dipinjamkan sebuah ruang seni komunitas</li>
<li>Kathmandu, di tembok sebuah pasar</li>
<li>Cape Town, di sepanjang pagar proyek konstruksi</li>
<li>Lisbon, di dinding tangga umum</li>
<li>Kota Meksiko, di tembok sebuah kebun komunitas</li>
</ul>
<p>Kertas dan lem tidak bertahan lama, dan justru itu bagian dari maknanya: karya-karya itu memudar oleh panas dan hujan dalam minggu-minggu berikutnya, sementara pameran daring menyimpan semuanya bersama.</p>`,
		es: `<p>El Guerrilla Gallery Kit es una exposición que cualquiera puede montar: un juego de obras impresas, un cubo de engrudo y una pared que alguien esté dispuesto a prestar. Para la edición clima pedimos a artistas de todo el mundo obras sobre la crisis climática: qué está cambiando donde viven y qué hace la gente al respecto.</p>
<p>De todas las propuestas se eligieron cien obras. El Día de la Tierra, el 22 de abril de 2024, equipos locales las pegaron en cinco lugares de cuatro continentes, sobre vallas de obra, cercas, persianas y muros de escaleras prestados para ese día. Las mismas cien obras se inauguraron como exposición en línea, para que se pudiera ver la colección completa desde cualquier lugar.</p>
<h2>Dónde se pegaron las obras</h2>
<ul>
<li>Singapur, en una valla prestada por un espacio de arte comunitario</li>
<li>Katmandú, en la pared de un mercado</li>
<li>Ciudad del Cabo, a lo largo de la valla de una obra</li>
<li>Lisboa, en los muros de una escalera pública</li>
<li>Ciudad de México, en la pared de un huerto comunitario</li>
</ul>
<p>El papel y el engrudo no duran, y eso también forma parte de la idea: las obras se fueron gastando con el sol y la lluvia en las semanas siguientes, mientras la exposición en línea las mantenía juntas.</p>`
	},
	theme: {
		en: 'Climate disruption',
		ne: 'जलवायु संकट',
		id: 'Krisis iklim',
		es: 'La crisis climática'
	},
	startDate: '2024-04-22',
	endDate: '2024-05-31',
	places: [
		{ name: 'Hoarding at a community arts space', city: 'Singapore', country: 'SG', latitude: 1.29, longitude: 103.85 },
		{ name: 'Market wall', city: 'Kathmandu', country: 'NP', latitude: 27.71, longitude: 85.32 },
		{ name: 'Construction fence', city: 'Cape Town', country: 'ZA', latitude: -33.92, longitude: 18.42 },
		{ name: 'Public stairway', city: 'Lisbon', country: 'PT', latitude: 38.72, longitude: -9.14 },
		{ name: 'Community garden wall', city: 'Mexico City', country: 'MX', latitude: 19.43, longitude: -99.13 },
		{ name: 'Online exhibition', city: '', country: '', latitude: null, longitude: null, virtual: true }
	],
	figures: [
		{ label: label.artworks, value: 100, source: 'Open call results 2024' },
		{
			label: { en: 'Countries the artists live in', ne: 'कलाकार बस्ने देश', id: 'Negara tempat tinggal seniman', es: 'Países donde viven los artistas' },
			value: 37,
			source: 'Open call results 2024'
		},
		{
			label: { en: 'People at the paste-ups', ne: 'पोस्टर टाँस्ने ठाउँमा आएका मानिस', id: 'Orang yang hadir saat penempelan', es: 'Personas en las pegadas' },
			value: 620,
			source: 'Local team counts',
			participants: true
		},
		{ label: label.onlineVisitors, value: 16800, source: 'Website statistics, April–May 2024', participants: true }
	],
	credits: [
		{ name: 'Artists chosen through the open call', role: 'artist' },
		{ name: 'Five local paste-up teams', role: 'partner' },
		{
			name: 'People who lent walls, fences and hoardings',
			role: 'host',
			note: { en: 'For one day, or as long as the paper lasted', ne: 'एक दिनका लागि, वा कागज टिकुन्जेल', id: 'Untuk sehari, atau selama kertasnya bertahan', es: 'Por un día, o mientras durara el papel' }
		}
	],
	photos: [
		photo(
			'ggk-hoarding',
			'wheatpaste',
			2401,
			{
				en: 'A long hoarding covered edge to edge with posters in greens, ochres and one bright red, slightly wrinkled from the paste',
				ne: 'किनारादेखि किनारासम्म हरियो, गेरु र एउटा चम्किलो रातो रङका पोस्टरले ढाकिएको लामो घेराबार, लेईले गर्दा अलिअलि खुम्चिएको',
				id: 'Papan proyek panjang yang tertutup rapat poster-poster hijau, oker, dan satu merah menyala, sedikit berkerut karena lem',
				es: 'Una larga valla cubierta de punta a punta con carteles verdes, ocres y uno rojo intenso, algo arrugados por el engrudo'
			},
			{
				en: 'The Singapore paste-up on Earth Day.',
				ne: 'पृथ्वी दिवसमा सिङ्गापुरमा टाँसिएका कृति।',
				id: 'Penempelan di Singapura pada Hari Bumi.',
				es: 'La pegada de Singapur el Día de la Tierra.'
			}
		),
		photo(
			'ggk-stairway',
			'wheatpaste',
			2402,
			{
				en: 'Square posters in blues and sandy yellows pasted in a stepped line beside a stone stairway',
				ne: 'ढुङ्गाको भर्याङछेउ खुड्किलाझैँ लहरमा टाँसिएका नीला र बलौटे पहेँला वर्गाकार पोस्टर',
				id: 'Poster-poster persegi biru dan kuning pasir yang ditempel berjenjang di samping tangga batu',
				es: 'Carteles cuadrados en azules y amarillos arena pegados en escalera junto a unos peldaños de piedra'
			},
			{
				en: 'Climate works climbing a public stairway in Lisbon.',
				ne: 'लिस्बनको सार्वजनिक भर्याङ चढ्दै गएका जलवायुसम्बन्धी कृति।',
				id: 'Karya-karya iklim menaiki tangga umum di Lisbon.',
				es: 'Obras sobre el clima subiendo por una escalera pública de Lisboa.'
			}
		),
		photo(
			'ggk-weathered',
			'wheatpaste',
			2403,
			{
				en: 'Torn and faded poster layers in pale green and grey, with patches of bare wall showing through',
				ne: 'च्यातिएका र फिका भएका फिक्का हरियो र खैरो पोस्टरका तह, बीचबीचमा नाङ्गो पर्खाल देखिने',
				id: 'Lapisan poster hijau pucat dan abu-abu yang sobek dan pudar, dengan bagian tembok polos yang terlihat di sela-selanya',
				es: 'Capas de carteles rotos y desvaídos en verde pálido y gris, con trozos de pared desnuda asomando'
			},
			{
				en: 'The same wall in Cape Town, a month after Earth Day.',
				ne: 'पृथ्वी दिवसको एक महिनापछि केप टाउनको त्यही पर्खाल।',
				id: 'Tembok yang sama di Cape Town, sebulan setelah Hari Bumi.',
				es: 'El mismo muro de Ciudad del Cabo, un mes después del Día de la Tierra.'
			}
		),
		photo(
			'ggk-online',
			'window-words',
			2404,
			{
				en: 'A grid of one hundred tiny coloured squares on white, with a few words in dark green across the top',
				ne: 'सेतो पृष्ठभूमिमा सयवटा साना रङ्गीन वर्गको जाली, माथिपट्टि गाढा हरियो रङमा केही शब्द',
				id: 'Kisi seratus persegi kecil berwarna di atas putih, dengan beberapa kata hijau tua di bagian atas',
				es: 'Una cuadrícula de cien cuadraditos de colores sobre blanco, con unas pocas palabras en verde oscuro en la parte superior'
			},
			{
				en: 'All one hundred works together in the online exhibition.',
				ne: 'अनलाइन प्रदर्शनीमा सबै सय कृति एकै ठाउँमा।',
				id: 'Seratus karya bersama-sama dalam pameran daring.',
				es: 'Las cien obras juntas en la exposición en línea.'
			}
		)
	],
	callSlugs: ['guerrilla-gallery-kit-climate']
};

const thresholds: DemoInitiative = {
	slug: 'thresholds-2025-26',
	kind: 'think_tank',
	program: 'thresholds',
	title: {
		en: 'Thresholds: Creating at the Edge of Change',
		ne: 'थ्रेसहोल्ड्स: परिवर्तनको छेउमा सिर्जना',
		id: 'Thresholds: Berkarya di Tepi Perubahan',
		es: 'Thresholds: crear al borde del cambio'
	},
	summary: {
		en: 'Our program for 2025–2026: artists and communities living through change meet online and in person to make work, think together and mentor the next generation of creative change-makers.',
		ne: 'सन् २०२५–२०२६ को हाम्रो कार्यक्रम: परिवर्तन भोगिरहेका कलाकार र समुदायहरू अनलाइन र आमनेसामने भेटेर कृति बनाउँछन्, सँगै सोच्छन्, र सिर्जनशील परिवर्तनकर्ताको अर्को पुस्तालाई मार्गदर्शन गर्छन्।',
		id: 'Program kami untuk 2025–2026: seniman dan komunitas yang sedang mengalami perubahan bertemu secara daring dan langsung untuk berkarya, berpikir bersama, dan mendampingi generasi berikutnya penggerak perubahan kreatif.',
		es: 'Nuestro programa para 2025–2026: artistas y comunidades que viven el cambio se reúnen en línea y en persona para crear, pensar juntos y acompañar a la próxima generación de agentes de cambio creativo.'
	},
	body: {
		en: `<p>A threshold is the moment before a step: a door half open, a coastline that moves, a generation about to take over. Thresholds gathers artists who live and work at such edges, where climate, cities and communities are changing faster than anyone planned for.</p>
<p>The program works in two ways at once. Online, a think-tank of artists, organisers and mentors meets every month, across time zones, to share work in progress and to ask hard questions about what art can and cannot do. In person, small gatherings take place with local partners in places we know well, where new work is made with the people it is about.</p>
<ul>
<li>Monthly online think-tank sessions, open to the public as recordings</li>
<li>Pairings of artists from different countries to make new work together</li>
<li>Mentoring for emerging creative change-makers</li>
<li>Local gatherings in the Kathmandu Valley and on the coast of Jakarta</li>
</ul>
<p>Thresholds runs until the end of 2026. What it makes will be shared here as it happens.</p>`,
		ne: `<p>सँघार भनेको एउटा पाइलाअघिको क्षण हो: आधा खुलेको ढोका, सर्दै गरेको समुद्री किनार, जिम्मेवारी लिन लागेको नयाँ पुस्ता। थ्रेसहोल्ड्सले यस्तै किनारमा बस्ने र काम गर्ने कलाकारहरूलाई एकै ठाउँमा ल्याउँछ, जहाँ जलवायु, सहर र समुदाय कसैले सोचेभन्दा छिटो बदलिँदैछन्।</p>
<p>यो कार्यक्रम एकैसाथ दुई तरिकाले चल्छ। अनलाइनमा कलाकार, आयोजक र मार्गदर्शकहरूको एउटा विचार मञ्च हरेक महिना समय क्षेत्र नाघेर भेला हुन्छ, बन्दै गरेका कृति बाँड्छ, र कलाले के गर्न सक्छ र के सक्दैन भन्ने कठिन प्रश्न सोध्छ। आमनेसामने भने हामीले राम्ररी चिनेका ठाउँहरूमा स्थानीय साझेदारसँग साना भेला हुन्छन्, जहाँ जसका बारेमा कृति हो, उनीहरूसँगै त्यो बनाइन्छ।</p>
<ul>
<li>हरेक महिनाको अनलाइन विचार मञ्च, जसको रेकर्डिङ सबैका लागि खुला हुन्छ</li>
<li>सँगै नयाँ कृति बनाउन फरक देशका कलाकारहरूको जोडी</li>
<li>उदीयमान सिर्जनशील परिवर्तनकर्ताहरूका लागि मार्गदर्शन</li>
<li>काठमाडौं उपत्यका र जकार्ताको समुद्री किनारमा स्थानीय भेला</li>
</ul>
<p>थ्रेसहोल्ड्स सन् २०२६ को अन्त्यसम्म चल्छ। यसले बनाएका कुरा बन्दै जाँदा यहीँ बाँडिनेछन्।</p>`,
		id: `<p>Ambang adalah saat sebelum melangkah: pintu yang setengah terbuka, garis pantai yang bergeser, generasi yang bersiap mengambil alih. Thresholds mempertemukan seniman yang tinggal dan berkarya di tepian seperti itu, tempat iklim, kota, dan komunitas berubah lebih cepat daripada yang pernah direncanakan siapa pun.</p>
<p>Program ini berjalan dengan dua cara sekaligus. Secara daring, sebuah forum gagasan berisi seniman, penggerak, dan mentor bertemu setiap bulan lintas zona waktu untuk berbagi karya yang sedang dikerjakan dan mengajukan pertanyaan sulit tentang apa yang bisa dan tidak bisa dilakukan seni. Secara langsung, pertemuan-pertemuan kecil diadakan bersama mitra lokal di tempat-tempat yang kami kenal baik, tempat karya baru dibuat bersama orang-orang yang dikisahkannya.</p>
<ul>
<li>Sesi forum gagasan daring setiap bulan, rekamannya terbuka untuk publik</li>
<li>Pasangan seniman dari negara berbeda yang membuat karya baru bersama</li>
<li>Pendampingan bagi penggerak perubahan kreatif yang sedang tumbuh</li>
<li>Pertemuan lokal di Lembah Kathmandu dan di pesisir Jakarta</li>
</ul>
<p>Thresholds berlangsung hingga akhir 2026. Hasilnya akan dibagikan di sini seiring berjalannya program.</p>`,
		es: `<p>Un umbral es el instante antes de dar un paso: una puerta entreabierta, una costa que se mueve, una generación a punto de tomar el relevo. Thresholds reúne a artistas que viven y trabajan en esos bordes, donde el clima, las ciudades y las comunidades cambian más deprisa de lo que nadie había previsto.</p>
<p>El programa funciona de dos maneras a la vez. En línea, un laboratorio de ideas de artistas, organizadores y mentores se reúne cada mes, entre husos horarios, para compartir obra en proceso y hacerse preguntas difíciles sobre lo que el arte puede y no puede hacer. En persona, se celebran pequeños encuentros con socios locales en lugares que conocemos bien, donde la obra nueva se hace con las personas de quienes trata.</p>
<ul>
<li>Sesiones mensuales del laboratorio de ideas en línea, con grabaciones abiertas al público</li>
<li>Parejas de artistas de distintos países que crean obra nueva juntos</li>
<li>Mentorías para agentes de cambio creativo emergentes</li>
<li>Encuentros locales en el valle de Katmandú y en la costa de Yakarta</li>
</ul>
<p>Thresholds sigue en marcha hasta finales de 2026. Lo que vaya creando se compartirá aquí a medida que suceda.</p>`
	},
	theme: {
		en: 'Creating at the edge of change',
		ne: 'परिवर्तनको छेउमा सिर्जना',
		id: 'Berkarya di tepi perubahan',
		es: 'Crear al borde del cambio'
	},
	startDate: '2025-03-01',
	endDate: '2026-12-15',
	places: [
		{ name: 'Online think-tank', city: '', country: '', latitude: null, longitude: null, virtual: true },
		{ name: 'Riverside studio', city: 'Lalitpur', country: 'NP', latitude: 27.67, longitude: 85.32 },
		{ name: 'A coastal neighbourhood', city: 'Jakarta', country: 'ID', latitude: -6.12, longitude: 106.88 }
	],
	figures: [
		{ label: { en: 'Artists in the cohort', ne: 'समूहका कलाकार', id: 'Seniman dalam angkatan', es: 'Artistas del grupo' }, value: 24, source: 'Program records' },
		{
			label: { en: 'Online think-tank sessions', ne: 'अनलाइन विचार मञ्चका सत्र', id: 'Sesi forum gagasan daring', es: 'Sesiones del laboratorio en línea' },
			value: 18,
			source: 'Program records, to October 2026'
		},
		{
			label: { en: 'People at sessions and gatherings', ne: 'सत्र र भेलामा सहभागी', id: 'Peserta sesi dan pertemuan', es: 'Personas en sesiones y encuentros' },
			value: 2750,
			source: 'Attendance records, to October 2026',
			participants: true
		}
	],
	credits: [
		{ name: 'Artists of the Thresholds cohort', role: 'artist' },
		{
			name: 'Emerging creative change-makers',
			role: 'artist',
			note: { en: 'Mentored through the program', ne: 'कार्यक्रममार्फत मार्गदर्शन पाएका', id: 'Didampingi melalui program', es: 'Acompañados con mentorías del programa' }
		},
		{ name: patanCollective, role: 'host' },
		{ name: 'A coastal community organisation, Jakarta', role: 'host' },
		{ name: 'Volunteer mentors from the MG International Artist Collective', role: 'partner' }
	],
	photos: [
		photo(
			'thresholds-doorway',
			'paper-cut',
			2501,
			{
				en: 'A cut-paper doorway in deep blue, half open, with layers of orange and pale yellow paper glowing behind it',
				ne: 'गाढा नीलो कागज काटेर बनाइएको आधा खुला ढोका, जसपछाडि सुन्तला र फिक्का पहेँलो कागजका तह चम्किरहेका छन्',
				id: 'Pintu dari potongan kertas biru tua yang setengah terbuka, dengan lapisan kertas oranye dan kuning pucat yang berpendar di belakangnya',
				es: 'Una puerta de papel recortado en azul intenso, entreabierta, con capas de papel naranja y amarillo pálido que brillan detrás'
			},
			{
				en: 'The image chosen for the Thresholds program.',
				ne: 'थ्रेसहोल्ड्स कार्यक्रमका लागि छानिएको चित्र।',
				id: 'Gambar yang dipilih untuk program Thresholds.',
				es: 'La imagen elegida para el programa Thresholds.'
			}
		),
		photo(
			'thresholds-coast',
			'projection',
			2502,
			{
				en: 'Horizontal bands of blue and grey light projected low across a wall, like a rising waterline',
				ne: 'बढ्दो पानीको सतहजस्तै पर्खालको तल्लो भागभरि प्रोजेक्ट गरिएका नीला र खैरा प्रकाशका तेर्सा पट्टा',
				id: 'Pita-pita cahaya biru dan abu-abu mendatar yang diproyeksikan rendah di dinding, seperti garis air yang naik',
				es: 'Franjas horizontales de luz azul y gris proyectadas en la parte baja de un muro, como una línea de agua que sube'
			},
			{
				en: 'Work in progress from the gathering on the Jakarta coast.',
				ne: 'जकार्ताको समुद्री किनारको भेलामा बन्दै गरेको कृति।',
				id: 'Karya yang sedang dikerjakan dari pertemuan di pesisir Jakarta.',
				es: 'Obra en proceso del encuentro en la costa de Yakarta.'
			}
		),
		photo(
			'thresholds-online',
			'window-words',
			2503,
			{
				en: 'A single line of small white words running across a charcoal background towards a thin bright doorway of light',
				ne: 'कोइला-कालो पृष्ठभूमिमा उज्यालोको पातलो ढोकातिर बढिरहेको साना सेता शब्दको एउटै हरफ',
				id: 'Sebaris kata-kata putih kecil yang melintas di atas latar arang menuju celah pintu cahaya yang tipis dan terang',
				es: 'Una sola línea de pequeñas palabras blancas que cruza un fondo gris carbón hacia una estrecha puerta de luz'
			},
			{
				en: 'From a monthly online think-tank session.',
				ne: 'मासिक अनलाइन विचार मञ्चको एउटा सत्रबाट।',
				id: 'Dari sesi bulanan forum gagasan daring.',
				es: 'De una sesión mensual del laboratorio de ideas en línea.'
			}
		)
	],
	callSlugs: ['volunteers-skills']
};

export const demoInitiatives: DemoInitiative[] = [
	hongKong,
	nowra,
	langa,
	indonesia,
	patan,
	patanWomenOnWall,
	patanResidency,
	graz,
	womenOnWallLaunch,
	projectForward,
	guerrillaGalleryKit,
	thresholds
];

const team = 'The Micro Galleries team';

const residencyDiary: DemoStory = {
	slug: 'climate-residency-diary',
	title: {
		en: 'Diary of a residency: two weeks with scientists in Patan',
		ne: 'रेसिडेन्सीको दैनिकी: पाटनमा वैज्ञानिकहरूसँग दुई हप्ता',
		id: 'Catatan harian residensi: dua minggu bersama ilmuwan di Patan',
		es: 'Diario de una residencia: dos semanas con científicos en Patan'
	},
	standfirst: {
		en: 'The artists of the climate disruption residency kept a shared notebook. Here are a few pages from it, lightly edited.',
		ne: 'जलवायु संकटसम्बन्धी रेसिडेन्सीका कलाकारहरूले एउटा साझा कापी राखेका थिए। त्यसका केही पाना, थोरै सम्पादन गरेर, यहाँ छन्।',
		id: 'Para seniman residensi krisis iklim menulis di satu buku catatan bersama. Berikut beberapa halamannya, dengan sedikit suntingan.',
		es: 'Los artistas de la residencia sobre la crisis climática llevaron un cuaderno compartido. Aquí van algunas de sus páginas, apenas editadas.'
	},
	body: {
		en: `<p><strong>Day one.</strong> We met the researchers in the studio before the paint had even been unpacked. One of them brought a folder of photographs of the same glacier, taken years apart. Nobody spoke for a while. We had come to make art about climate disruption; it was a relief to start by simply looking.</p>
<p><strong>Day four.</strong> A morning at a farm on the edge of the valley. The farmer showed us where the spring used to be and where it is now. The activists with us talked less about data and more about who gets heard when decisions are made. Back in the studio, three of us started a set of posters that are only lines: one line for every year of records.</p>
<p><strong>Day nine.</strong> The studio doors stay open in the afternoons, and people keep coming in. Children from the lane now check on the posters every day. A shopkeeper asked if he could have one for his shutter. We said yes, of course.</p>
<p><strong>Day fourteen.</strong> The public sharing filled the courtyard. We showed drawings, a sound piece made from recordings at the river, and a projection built from the glacier photographs. Some of us will keep working with the scientists we met. All of us will keep the notebook.</p>`,
		ne: `<p><strong>पहिलो दिन।</strong> रङका डब्बा खोल्नुअघि नै हामीले स्टुडियोमा अनुसन्धानकर्ताहरूलाई भेट्यौँ। तीमध्ये एक जनाले एउटै हिमनदीका, वर्षौँको फरकमा खिचिएका फोटोको फाइल ल्याएका थिए। केही बेर कोही बोलेन। हामी जलवायु संकटबारे कला बनाउन आएका थियौँ; सुरुमा केवल हेर्न पाउँदा मनै हलुका भयो।</p>
<p><strong>चौथो दिन।</strong> उपत्यकाको किनारको एउटा खेतमा बिहान बितायौँ। किसानले पहिले मूल कहाँ थियो र अहिले कहाँ छ भनेर देखाए। हामीसँग आएका अभियन्ताले तथ्याङ्कभन्दा बढी निर्णय गर्दा कसको कुरा सुनिन्छ भन्नेबारे कुरा गरे। स्टुडियो फर्केपछि हामीमध्ये तीन जनाले रेखाहरू मात्र भएका पोस्टरको शृङ्खला सुरु गर्यौँ: अभिलेख भएको हरेक वर्षका लागि एउटा रेखा।</p>
<p><strong>नवौँ दिन।</strong> दिउँसो स्टुडियोका ढोका खुलै रहन्छन्, र मानिसहरू आइरहन्छन्। गल्लीका केटाकेटी अब हरेक दिन पोस्टर हेर्न आउँछन्। एक जना पसलेले आफ्नो सटरका लागि एउटा पाउन सकिन्छ कि भनेर सोधे। हामीले भन्यौँ, किन नपाउनु!</p>
<p><strong>चौधौँ दिन।</strong> सार्वजनिक प्रस्तुतिले चोक नै भरियो। हामीले रेखाचित्र, नदीमा गरिएको रेकर्डिङबाट बनेको ध्वनि कृति, र हिमनदीका फोटोबाट बनेको प्रोजेक्सन देखायौँ। हामीमध्ये केहीले यहाँ भेटिएका वैज्ञानिकसँग काम जारी राख्नेछौँ। कापी भने हामी सबैले जोगाएर राख्नेछौँ।</p>`,
		id: `<p><strong>Hari pertama.</strong> Kami bertemu para peneliti di studio bahkan sebelum cat dibongkar. Salah satu dari mereka membawa map berisi foto-foto gletser yang sama, diambil bertahun-tahun terpisah. Untuk sesaat tak ada yang bicara. Kami datang untuk membuat seni tentang krisis iklim; rasanya lega bisa memulai dengan sekadar melihat.</p>
<p><strong>Hari keempat.</strong> Pagi di sebuah ladang di tepi lembah. Petaninya menunjukkan di mana mata air dulu berada dan di mana sekarang. Para aktivis yang ikut lebih sedikit bicara soal data dan lebih banyak soal siapa yang didengar ketika keputusan dibuat. Kembali di studio, tiga dari kami memulai serangkaian poster yang hanya berisi garis: satu garis untuk setiap tahun catatan.</p>
<p><strong>Hari kesembilan.</strong> Pintu studio tetap terbuka setiap siang, dan orang-orang terus berdatangan. Anak-anak dari gang sebelah kini memeriksa poster-poster itu setiap hari. Seorang pemilik toko bertanya apakah ia boleh memiliki satu untuk rolling door-nya. Tentu saja boleh.</p>
<p><strong>Hari keempat belas.</strong> Presentasi publik memenuhi pelataran. Kami menampilkan gambar, karya bunyi dari rekaman di sungai, dan proyeksi yang disusun dari foto-foto gletser. Sebagian dari kami akan terus bekerja dengan para ilmuwan yang kami temui. Kami semua akan menyimpan buku catatan itu.</p>`,
		es: `<p><strong>Día uno.</strong> Conocimos a los investigadores en el estudio antes incluso de desembalar la pintura. Uno de ellos trajo una carpeta con fotos del mismo glaciar tomadas con años de diferencia. Nadie habló durante un rato. Habíamos venido a hacer arte sobre la crisis climática; fue un alivio empezar simplemente mirando.</p>
<p><strong>Día cuatro.</strong> Una mañana en una granja al borde del valle. El agricultor nos enseñó dónde estaba antes el manantial y dónde está ahora. Los activistas que venían con nosotros hablaron menos de datos y más de a quién se escucha cuando se toman decisiones. De vuelta en el estudio, tres de nosotros empezamos una serie de carteles hechos solo de líneas: una línea por cada año de registros.</p>
<p><strong>Día nueve.</strong> Por las tardes las puertas del estudio siguen abiertas y la gente no deja de entrar. Los niños del callejón vienen cada día a ver cómo van los carteles. Un comerciante preguntó si podía quedarse uno para su persiana. Le dijimos que sí, claro.</p>
<p><strong>Día catorce.</strong> La presentación pública llenó el patio. Mostramos dibujos, una pieza sonora hecha con grabaciones del río y una proyección construida con las fotos del glaciar. Algunos seguiremos trabajando con los científicos que conocimos. Todos conservaremos el cuaderno.</p>`
	},
	author: 'Residency participants',
	publishedOn: '2018-12-20',
	tags: ['climate', 'residency', 'nepal'],
	initiativeSlugs: ['patan-climate-residency-2018', 'patan-empower-2018'],
	photo: photo(
		'story-residency-notebook',
		'paper-cut',
		3001,
		{
			en: 'Torn paper strips in white and several blues laid in rows like a mountain range, with a small red square near the top',
			ne: 'पर्वतशृङ्खलाजस्तै लहरमा राखिएका सेता र विभिन्न नीला रङका च्यातिएका कागजका पट्टी, माथिपट्टि एउटा सानो रातो वर्गसहित',
			id: 'Sobekan kertas putih dan beberapa warna biru yang disusun berderet seperti barisan pegunungan, dengan persegi merah kecil di dekat bagian atas',
			es: 'Tiras de papel rasgado en blanco y varios azules, dispuestas en filas como una cordillera, con un pequeño cuadrado rojo cerca de la parte superior'
		},
		{
			en: 'A page from the residency’s shared notebook.',
			ne: 'रेसिडेन्सीको साझा कापीको एउटा पाना।',
			id: 'Satu halaman dari buku catatan bersama residensi.',
			es: 'Una página del cuaderno compartido de la residencia.'
		}
	)
};

const patanLookBack: DemoStory = {
	slug: 'looking-back-at-patan-2018',
	title: {
		en: 'Looking back at Empower!, Patan 2018',
		ne: 'फर्केर हेर्दा: सशक्तीकरण!, पाटन २०१८',
		id: 'Menengok kembali Empower!, Patan 2018',
		es: 'Mirando atrás: Empower!, Patan 2018'
	},
	standfirst: {
		en: 'Two weeks, more than a hundred creatives and a city of courtyards. What we learned from one of our largest festivals, and what stays with us.',
		ne: 'दुई हप्ता, सयभन्दा बढी सिर्जनशील व्यक्ति र चोकहरूको एउटा सहर। हाम्रा सबैभन्दा ठूला महोत्सवमध्ये एकबाट हामीले के सिक्यौँ, र के मनमा बसिरह्यो।',
		id: 'Dua minggu, lebih dari seratus pekerja kreatif, dan sebuah kota pelataran. Pelajaran dari salah satu festival terbesar kami, dan apa yang terus kami ingat.',
		es: 'Dos semanas, más de cien creativos y una ciudad de patios. Lo que aprendimos en uno de nuestros festivales más grandes, y lo que nos llevamos.'
	},
	body: {
		en: `<p>Two months after the last projection was switched off in Patan, the paint on the walls has dried and settled into the city. This is a good moment to look back at Empower!, which ran from 23 November to 7 December 2018 with our partner collective in the Kathmandu Valley.</p>
<p>More than a hundred creatives took part, from Nepal and from abroad. Murals went up on walls offered by families and shopkeepers; projections and live music turned courtyards into evening gathering places; free workshops and walks brought in people who would never have entered a gallery.</p>
<h2>Three things we learned</h2>
<ul>
<li>Let the local partner lead. The collective chose the theme, the walls and the pace, and the festival was better for it.</li>
<li>Make room inside a festival. The Women on Wall project and the climate residency each had their own space and rhythm, and both reached people the main programme did not.</li>
<li>Night changes everything. The projections drew whole families out after dark, and many came back by day to see the murals.</li>
</ul>
<p>Thank you to everyone in Patan who lent a wall, cooked a meal, carried a ladder or simply stopped to talk. We hope to come back.</p>`,
		ne: `<p>पाटनमा अन्तिम प्रोजेक्सन बन्द भएको दुई महिनापछि, पर्खालका रङ सुकेर सहरमै घुलमिल भइसकेका छन्। काठमाडौं उपत्यकाको हाम्रो साझेदार समूहसँग सन् २०१८ को २३ नोभेम्बरदेखि ७ डिसेम्बरसम्म चलेको सशक्तीकरण! महोत्सवलाई फर्केर हेर्ने यो राम्रो समय हो।</p>
<p>नेपाल र विदेशका सयभन्दा बढी सिर्जनशील व्यक्ति सहभागी भए। परिवार र पसलेहरूले दिएका पर्खालमा भित्ते चित्र बने; प्रोजेक्सन र प्रत्यक्ष सङ्गीतले चोकहरूलाई साँझको जमघट थलो बनाए; निःशुल्क कार्यशाला र पैदल भ्रमणले कहिल्यै ग्यालरी नछिरेका मानिसहरूलाई पनि जोडे।</p>
<h2>हामीले सिकेका तीन कुरा</h2>
<ul>
<li>स्थानीय साझेदारलाई नेतृत्व गर्न दिनुहोस्। विषय, पर्खाल र गति समूहले नै छान्यो, र त्यसैले महोत्सव अझ राम्रो भयो।</li>
<li>महोत्सवभित्रै ठाउँ छुट्याउनुहोस्। वुमन अन वाल परियोजना र जलवायु रेसिडेन्सी दुवैको आफ्नै ठाउँ र लय थियो, र दुवैले मुख्य कार्यक्रम नपुगेका मानिससम्म पुगे।</li>
<li>रातले सबै कुरा बदलिदिन्छ। प्रोजेक्सनले अँध्यारो भएपछि पूरै परिवारलाई घरबाहिर निकाल्यो, र धेरैजना भित्ते चित्र हेर्न दिउँसो फेरि आए।</li>
</ul>
<p>पर्खाल दिने, खाना पकाउने, भर्याङ बोक्ने वा केवल रोकिएर कुरा गर्ने पाटनका सबैलाई धन्यवाद। हामी फेरि आउने आशा गर्छौँ।</p>`,
		id: `<p>Dua bulan setelah proyeksi terakhir di Patan dimatikan, cat di tembok-tembok telah kering dan menyatu dengan kota. Ini saat yang tepat untuk menengok kembali Empower!, yang berlangsung dari 23 November hingga 7 Desember 2018 bersama kolektif mitra kami di Lembah Kathmandu.</p>
<p>Lebih dari seratus pekerja kreatif dari Nepal dan luar negeri ikut serta. Mural bermunculan di tembok yang dipinjamkan keluarga dan pemilik toko; proyeksi dan musik langsung mengubah pelataran menjadi tempat berkumpul di malam hari; lokakarya dan jalan kaki gratis mengajak orang-orang yang tak pernah masuk galeri.</p>
<h2>Tiga hal yang kami pelajari</h2>
<ul>
<li>Biarkan mitra lokal memimpin. Kolektif itu memilih tema, tembok, dan ritmenya, dan festival pun menjadi lebih baik.</li>
<li>Beri ruang di dalam festival. Proyek Women on Wall dan residensi iklim masing-masing punya ruang dan ritme sendiri, dan keduanya menjangkau orang-orang yang tak terjangkau program utama.</li>
<li>Malam hari mengubah segalanya. Proyeksi mengajak seluruh keluarga keluar rumah setelah gelap, dan banyak yang kembali siang hari untuk melihat mural.</li>
</ul>
<p>Terima kasih kepada semua warga Patan yang meminjamkan tembok, memasak, mengangkat tangga, atau sekadar berhenti untuk mengobrol. Kami berharap bisa kembali.</p>`,
		es: `<p>Dos meses después de que se apagara la última proyección en Patan, la pintura de los muros se ha secado y se ha asentado en la ciudad. Es un buen momento para mirar atrás a Empower!, que se celebró del 23 de noviembre al 7 de diciembre de 2018 con nuestro colectivo socio en el valle de Katmandú.</p>
<p>Participaron más de cien creativos de Nepal y de fuera. Aparecieron murales en paredes cedidas por familias y comerciantes; las proyecciones y la música en vivo convirtieron los patios en lugares de encuentro por la noche; los talleres y paseos gratuitos atrajeron a gente que nunca habría entrado en una galería.</p>
<h2>Tres cosas que aprendimos</h2>
<ul>
<li>Dejar que el socio local lleve la iniciativa. El colectivo eligió el lema, las paredes y el ritmo, y el festival salió ganando.</li>
<li>Hacer sitio dentro del festival. El proyecto de Women on Wall y la residencia sobre el clima tuvieron cada uno su espacio y su ritmo, y ambos llegaron a gente a la que no llegaba el programa principal.</li>
<li>La noche lo cambia todo. Las proyecciones sacaron a familias enteras a la calle al oscurecer, y muchas volvieron de día a ver los murales.</li>
</ul>
<p>Gracias a todas las personas de Patan que prestaron una pared, cocinaron, cargaron una escalera o simplemente se pararon a conversar. Esperamos volver.</p>`
	},
	author: team,
	publishedOn: '2019-02-14',
	tags: ['festival', 'murals', 'projections', 'nepal'],
	initiativeSlugs: ['patan-empower-2018', 'patan-women-on-wall-2018', 'patan-climate-residency-2018'],
	photo: photo(
		'story-patan-courtyard',
		'projection',
		3002,
		{
			en: 'Warm amber and rose circles of light projected onto a brick wall, with a dark lattice pattern crossing them',
			ne: 'इँटाको पर्खालमा प्रोजेक्ट गरिएका न्याना एम्बर र गुलाबी प्रकाश-गोला, जसमाथि अँध्यारो जालीको बुट्टा काटिएको छ',
			id: 'Lingkaran cahaya kuning kecokelatan dan merah mawar yang hangat, diproyeksikan ke tembok bata dan dilintasi pola kisi gelap',
			es: 'Círculos de luz cálida ámbar y rosa proyectados sobre un muro de ladrillo, atravesados por un dibujo oscuro de celosía'
		},
		{
			en: 'A courtyard in Patan on one of the festival’s last nights.',
			ne: 'महोत्सवका अन्तिम रातमध्ये एकमा पाटनको एउटा चोक।',
			id: 'Sebuah pelataran di Patan pada salah satu malam terakhir festival.',
			es: 'Un patio de Patan en una de las últimas noches del festival.'
		}
	)
};

const womenOnWallRecap: DemoStory = {
	slug: 'women-on-wall-launch-recap',
	title: {
		en: 'Women on Wall is launched, from New York to Bangkok',
		ne: 'न्युयोर्कदेखि बैंककसम्म: वुमन अन वालको सुरुवात',
		id: 'Women on Wall diluncurkan, dari New York hingga Bangkok',
		es: 'Women on Wall despega, de Nueva York a Bangkok'
	},
	standfirst: {
		en: 'Our program of collaborative murals for gender equality had its online launch as a parallel event of a UN Commission on the Status of Women forum. Here is how it went.',
		ne: 'लैङ्गिक समानताका लागि सहकार्यमूलक भित्ते चित्रको हाम्रो कार्यक्रम संयुक्त राष्ट्रसंघको महिलाको स्थितिसम्बन्धी आयोगको एउटा फोरमको समानान्तर कार्यक्रमका रूपमा अनलाइन सुरु भयो। कस्तो रह्यो, यहाँ पढ्नुहोस्।',
		id: 'Program mural kolaboratif kami untuk kesetaraan gender diluncurkan secara daring sebagai acara paralel sebuah forum Komisi PBB tentang Status Perempuan. Begini jalannya.',
		es: 'Nuestro programa de murales colaborativos por la igualdad de género se lanzó en línea como evento paralelo de un foro de la Comisión de la Condición Jurídica y Social de la Mujer de la ONU. Así fue.'
	},
	body: {
		en: `<p>Women on Wall started on real walls: in Patan in 2018, women artists from Nepal and abroad painted together after long conversations with women from the neighbourhood. This month the program had its official launch, on screens this time, as a parallel event of a UN Commission on the Status of Women forum.</p>
<p>We gave the event two times, one for New York and one for Bangkok. It meant a late evening for some of us and an early morning for others, but it also meant that artists and audiences across Asia could join live rather than watch a recording the next day. Many of them did.</p>
<p>Six women artists from several countries showed murals they had made together and talked honestly about the work: painting in a language you do not speak, deciding together what a wall should say, and keeping a collaboration alive across time zones when you cannot travel.</p>
<p>The recording is online, with captions made by volunteers. If you are a woman artist who would like to paint with others, or a community with a wall and a story to tell, we would love to hear from you.</p>`,
		ne: `<p>वुमन अन वाल साँच्चिकैका पर्खालबाट सुरु भएको हो: सन् २०१८ मा पाटनमा नेपाल र विदेशका महिला कलाकारहरूले टोलका महिलासँग लामो कुराकानीपछि सँगै चित्र कोरेका थिए। यस महिना कार्यक्रमको औपचारिक सुरुवात भयो, यसपटक स्क्रिनमा, संयुक्त राष्ट्रसंघको महिलाको स्थितिसम्बन्धी आयोगको एउटा फोरमको समानान्तर कार्यक्रमका रूपमा।</p>
<p>हामीले कार्यक्रमको दुईवटा समय दियौँ, एउटा न्युयोर्कका लागि र अर्को बैंककका लागि। यसको अर्थ हामीमध्ये कसैका लागि अबेर राति र कसैका लागि बिहानै सबेरै थियो, तर यसले एसियाभरका कलाकार र दर्शकलाई भोलिपल्ट रेकर्डिङ हेर्नुको सट्टा प्रत्यक्ष सहभागी हुने मौका पनि दियो। धेरैले त्यो मौका लिए।</p>
<p>विभिन्न देशका छ जना महिला कलाकारले सँगै बनाएका भित्ते चित्र देखाए र कामबारे खुलेर कुरा गरे: आफूलाई नआउने भाषामा चित्र कोर्नु, पर्खालले के भन्नुपर्छ भनेर सँगै निर्णय गर्नु, र यात्रा गर्न नसकिने बेला समय क्षेत्र नाघेर सहकार्य जीवित राख्नु।</p>
<p>स्वयंसेवकहरूले बनाएको उपशीर्षकसहित रेकर्डिङ अनलाइन उपलब्ध छ। तपाईं अरूसँग मिलेर चित्र कोर्न चाहने महिला कलाकार हुनुहुन्छ, वा तपाईंको समुदायसँग एउटा पर्खाल र भन्नुपर्ने एउटा कथा छ भने, हामीलाई खबर गर्नुहोस्।</p>`,
		id: `<p>Women on Wall berawal di tembok sungguhan: di Patan pada 2018, seniman perempuan dari Nepal dan luar negeri melukis bersama setelah percakapan panjang dengan para perempuan di lingkungan itu. Bulan ini program tersebut resmi diluncurkan, kali ini di layar, sebagai acara paralel sebuah forum Komisi PBB tentang Status Perempuan.</p>
<p>Kami memberi acara ini dua waktu, satu untuk New York dan satu untuk Bangkok. Artinya larut malam bagi sebagian dari kami dan pagi buta bagi yang lain, tetapi juga berarti seniman dan penonton di seluruh Asia bisa bergabung langsung, bukan menonton rekaman keesokan harinya. Banyak yang melakukannya.</p>
<p>Enam seniman perempuan dari beberapa negara menampilkan mural yang mereka buat bersama dan berbicara jujur tentang prosesnya: melukis dalam bahasa yang tidak dikuasai, memutuskan bersama apa yang harus disampaikan sebuah tembok, dan menjaga kolaborasi tetap hidup lintas zona waktu ketika tak bisa bepergian.</p>
<p>Rekamannya tersedia daring, dengan teks yang dibuat para relawan. Jika Anda seniman perempuan yang ingin melukis bersama yang lain, atau komunitas yang punya tembok dan kisah untuk diceritakan, kami ingin mendengar dari Anda.</p>`,
		es: `<p>Women on Wall empezó en muros de verdad: en Patan, en 2018, artistas de Nepal y de otros países pintaron juntas tras largas conversaciones con mujeres del barrio. Este mes el programa tuvo su lanzamiento oficial, esta vez en pantallas, como evento paralelo de un foro de la Comisión de la Condición Jurídica y Social de la Mujer de la ONU.</p>
<p>Anunciamos el evento con dos horarios, uno para Nueva York y otro para Bangkok. Para algunas de nosotras fue muy tarde y para otras muy temprano, pero así artistas y público de toda Asia pudieron conectarse en directo en lugar de ver una grabación al día siguiente. Y muchas lo hicieron.</p>
<p>Seis artistas de varios países mostraron murales que habían hecho juntas y hablaron con franqueza del trabajo: pintar en un idioma que no hablas, decidir entre todas qué debe decir un muro y mantener viva una colaboración entre husos horarios cuando no se puede viajar.</p>
<p>La grabación está en línea, con subtítulos hechos por voluntarias y voluntarios. Si eres una artista que quiere pintar con otras, o una comunidad con una pared y una historia que contar, nos encantará saber de ti.</p>`
	},
	author: team,
	publishedOn: '2021-03-26',
	tags: ['gender', 'murals', 'online'],
	initiativeSlugs: ['women-on-wall-online-launch-2021', 'patan-women-on-wall-2018'],
	photo: photo(
		'story-wow-launch',
		'window-words',
		3003,
		{
			en: 'Two clusters of bold words, one in coral and one in teal, facing each other across a pale grey field',
			ne: 'फिक्का खैरो पृष्ठभूमिमा एकअर्कातिर फर्किएका मोटा शब्दका दुई झुप्पा, एउटा मुगा रङमा र अर्को टिल रङमा',
			id: 'Dua gugus kata tebal, satu berwarna koral dan satu toska, saling berhadapan di atas bidang abu-abu pucat',
			es: 'Dos grupos de palabras en negrita, uno en coral y otro en verde azulado, enfrentados sobre un fondo gris pálido'
		},
		{
			en: 'One evening in New York, one morning in Bangkok.',
			ne: 'न्युयोर्कमा एउटा साँझ, बैंककमा एउटा बिहान।',
			id: 'Satu malam di New York, satu pagi di Bangkok.',
			es: 'Una tarde en Nueva York, una mañana en Bangkok.'
		}
	)
};

const projectForwardHosts: DemoStory = {
	slug: 'what-project-forward-hosts-learned',
	title: {
		en: 'A projector, a speaker and a wall: what our hosts learned',
		ne: 'एउटा प्रोजेक्टर, एउटा स्पिकर र एउटा पर्खाल: आयोजकहरूले के सिके',
		id: 'Proyektor, pengeras suara, dan tembok: pelajaran dari para tuan rumah',
		es: 'Un proyector, un altavoz y una pared: lo que aprendieron nuestros anfitriones'
	},
	standfirst: {
		en: 'Five volunteer hosts screened Project/Forward in September. We asked them what worked, what did not, and what they would tell the next hosts.',
		ne: 'सेप्टेम्बरमा पाँच जना स्वयंसेवी आयोजकले प्रोजेक्ट/फरवार्ड देखाए। के काम गर्यो, के गरेन, र अर्को पालाका आयोजकलाई उनीहरू के भन्न चाहन्छन् भनेर हामीले सोध्यौँ।',
		id: 'Lima tuan rumah relawan memutar Project/Forward pada bulan September. Kami bertanya apa yang berhasil, apa yang tidak, dan apa pesan mereka untuk tuan rumah berikutnya.',
		es: 'Cinco anfitriones voluntarios proyectaron Project/Forward en septiembre. Les preguntamos qué funcionó, qué no y qué les dirían a los próximos anfitriones.'
	},
	body: {
		en: `<p>Project/Forward only works because of its hosts. This year five of them, on a café wall by a lake, in a neighbourhood hall, on a hillside stairway, in a community centre and in a school hall, screened the same programme of short moving-image works over one weekend. Afterwards each sent us a few lines about the night.</p>
<h2>What they would tell the next hosts</h2>
<ul>
<li>Test everything the day before, at the same hour. A wall that looks dark at noon can be lit by a street lamp at night.</li>
<li>Sound matters more than picture. A small speaker close to the audience beats a big one far away.</li>
<li>Put the poster up a week early, and ask the people who walk past to bring someone.</li>
<li>Leave time to talk afterwards. Several hosts said the conversation was the best part.</li>
</ul>
<p>The stairway screening had to move twenty metres when the neighbours’ washing turned out to hang right across the projection. The school hall ran out of chairs and the children sat on the floor. At the café, people who had come for coffee stayed for the whole programme.</p>
<p>We have turned their advice into a new version of the host guide. If you have a projector, a small speaker and a place in your community, the next edition is waiting for you.</p>`,
		ne: `<p>प्रोजेक्ट/फरवार्ड आयोजकहरूकै कारण सम्भव हुन्छ। यस वर्ष तीमध्ये पाँच जनाले, तालछेउको क्याफेको पर्खालमा, टोलको हलमा, पहाडको भिरालो भर्याङमा, सामुदायिक केन्द्रमा र विद्यालयको हलमा, एउटै सप्ताहान्तमा छोटा गतिशील दृश्यकृतिहरूको एउटै कार्यक्रम देखाए। त्यसपछि हरेकले त्यो रातबारे हामीलाई केही हरफ लेखेर पठाए।</p>
<h2>अर्को पालाका आयोजकलाई उनीहरूको सल्लाह</h2>
<ul>
<li>सबै कुरा एक दिनअघि, त्यही समयमा जाँच्नुहोस्। दिउँसो अँध्यारो देखिने पर्खाल राति सडक बत्तीले उज्यालो भइदिन सक्छ।</li>
<li>दृश्यभन्दा आवाज बढी महत्त्वपूर्ण हुन्छ। टाढाको ठूलो स्पिकरभन्दा दर्शकको नजिक राखिएको सानो स्पिकर राम्रो।</li>
<li>पोस्टर एक हप्ताअघि नै टाँस्नुहोस्, र बाटो हिँड्नेहरूलाई कसैलाई साथमा लिएर आउन भन्नुहोस्।</li>
<li>पछि कुरा गर्ने समय छुट्याउनुहोस्। धेरै आयोजकका अनुसार छलफल नै सबैभन्दा राम्रो भाग थियो।</li>
</ul>
<p>छिमेकीका सुकाइएका लुगा ठ्याक्कै प्रोजेक्सनकै बीचमा झुन्डिएको थाहा भएपछि भर्याङको प्रदर्शन बीस मिटर सार्नुपर्यो। विद्यालयको हलमा कुर्सी पुगेनन् र बालबालिका भुइँमै बसे। क्याफेमा कफी पिउन आएकाहरू पूरै कार्यक्रम सकिएसम्म बसे।</p>
<p>उनीहरूको सल्लाहलाई हामीले आयोजक निर्देशिकाको नयाँ संस्करणमा समेटेका छौँ। तपाईंसँग प्रोजेक्टर, सानो स्पिकर र आफ्नो समुदायमा एउटा ठाउँ छ भने, अर्को संस्करण तपाईंलाई पर्खिरहेको छ।</p>`,
		id: `<p>Project/Forward hanya bisa berjalan berkat para tuan rumahnya. Tahun ini lima di antara mereka, di dinding kafe tepi danau, di balai warga, di tangga lereng bukit, di pusat komunitas, dan di aula sekolah, memutar program karya gambar bergerak pendek yang sama dalam satu akhir pekan. Sesudahnya, masing-masing mengirimi kami beberapa baris tentang malam itu.</p>
<h2>Pesan mereka untuk tuan rumah berikutnya</h2>
<ul>
<li>Uji semuanya sehari sebelumnya, pada jam yang sama. Tembok yang tampak gelap di siang hari bisa tersorot lampu jalan di malam hari.</li>
<li>Suara lebih penting daripada gambar. Pengeras suara kecil yang dekat dengan penonton lebih baik daripada yang besar tetapi jauh.</li>
<li>Tempel poster seminggu sebelumnya, dan ajak orang yang lewat untuk membawa teman.</li>
<li>Sisakan waktu untuk mengobrol sesudahnya. Beberapa tuan rumah bilang percakapan itulah bagian terbaiknya.</li>
</ul>
<p>Pemutaran di tangga harus pindah dua puluh meter ketika ternyata jemuran tetangga tergantung tepat di tengah proyeksi. Aula sekolah kehabisan kursi, dan anak-anak duduk di lantai. Di kafe, orang-orang yang datang untuk minum kopi bertahan sampai program selesai.</p>
<p>Saran mereka sudah kami tuangkan ke dalam versi baru panduan tuan rumah. Jika Anda punya proyektor, pengeras suara kecil, dan tempat di komunitas Anda, edisi berikutnya menunggu Anda.</p>`,
		es: `<p>Project/Forward solo funciona gracias a sus anfitriones. Este año, cinco de ellos, en la pared de un café junto a un lago, en un salón de barrio, en una escalera de ladera, en un centro comunitario y en el salón de una escuela, proyectaron el mismo programa de obras breves de imagen en movimiento durante un fin de semana. Después, cada uno nos escribió unas líneas sobre su noche.</p>
<h2>Lo que les dirían a los próximos anfitriones</h2>
<ul>
<li>Probarlo todo el día anterior, a la misma hora. Una pared que parece oscura a mediodía puede quedar iluminada por una farola de noche.</li>
<li>El sonido importa más que la imagen. Un altavoz pequeño cerca del público es mejor que uno grande lejos.</li>
<li>Colgar el cartel una semana antes y pedir a quien pase que venga acompañado.</li>
<li>Dejar tiempo para hablar después. Varios anfitriones dijeron que la conversación fue lo mejor.</li>
</ul>
<p>La proyección de la escalera tuvo que moverse veinte metros cuando resultó que la ropa tendida de los vecinos colgaba justo en medio de la imagen. En la escuela se acabaron las sillas y los niños se sentaron en el suelo. En el café, quienes habían ido a tomar algo se quedaron hasta el final del programa.</p>
<p>Hemos convertido sus consejos en una nueva versión de la guía para anfitriones. Si tienes un proyector, un altavoz pequeño y un lugar en tu comunidad, la próxima edición te espera.</p>`
	},
	author: 'Project/Forward hosts and the Micro Galleries team',
	publishedOn: '2022-11-08',
	tags: ['projection', 'hosts', 'film'],
	initiativeSlugs: ['project-forward-2022'],
	photo: photo(
		'story-pf-washing-line',
		'projection',
		3004,
		{
			en: 'A bright rectangle of violet and lime light on a wall, crossed by the dark outline of a line of hanging shapes',
			ne: 'पर्खालमा बैजनी र कागती-हरियो प्रकाशको चम्किलो आयत, जसलाई झुन्डिएका आकृतिहरूको अँध्यारो रूपरेखाले काटेको छ',
			id: 'Persegi cahaya ungu dan hijau limau yang terang di dinding, dilintasi garis bentuk-bentuk gelap yang tergantung',
			es: 'Un rectángulo brillante de luz violeta y verde lima sobre una pared, atravesado por la silueta oscura de una hilera de formas colgadas'
		},
		{
			en: 'The stairway screening, before it moved twenty metres.',
			ne: 'बीस मिटर सर्नुअघिको भर्याङको प्रदर्शन।',
			id: 'Pemutaran di tangga, sebelum pindah dua puluh meter.',
			es: 'La proyección de la escalera, antes de moverse veinte metros.'
		}
	)
};

const guerrillaCallOut: DemoStory = {
	slug: 'guerrilla-gallery-kit-climate-call-out',
	title: {
		en: 'Call out: 100 artworks about climate disruption, for walls around the world',
		ne: 'आह्वान: जलवायु संकटबारे १०० कलाकृति, संसारभरका पर्खालका लागि',
		id: 'Panggilan: 100 karya seni tentang krisis iklim, untuk tembok-tembok di seluruh dunia',
		es: 'Convocatoria: 100 obras sobre la crisis climática, para muros de todo el mundo'
	},
	standfirst: {
		en: 'The Guerrilla Gallery Kit is back, and this time it is about climate. Send us your work: the chosen pieces will be wheat-pasted in five places on Earth Day and shown online.',
		ne: 'गुरिल्ला ग्यालरी किट फेरि आएको छ, र यसपटकको विषय जलवायु हो। आफ्नो कृति पठाउनुहोस्: छानिएका कृति पृथ्वी दिवसमा पाँच ठाउँमा टाँसिनेछन् र अनलाइन देखाइनेछन्।',
		id: 'Guerrilla Gallery Kit kembali, dan kali ini tentang iklim. Kirimkan karya Anda: karya terpilih akan ditempel di lima tempat pada Hari Bumi dan dipamerkan secara daring.',
		es: 'Vuelve el Guerrilla Gallery Kit, y esta vez trata del clima. Envíanos tu obra: las piezas elegidas se pegarán en cinco lugares el Día de la Tierra y se mostrarán en línea.'
	},
	body: {
		en: `<p>Climate disruption is already changing the places we live in: the rains, the heat, the rivers, the food. For this edition of the Guerrilla Gallery Kit we are looking for one hundred artworks that show what it changes where you are, and what people around you are doing about it.</p>
<p>The chosen works will be printed at poster size and wheat-pasted by local teams in five places around the world on Earth Day, 22 April. The same hundred works will open as an online exhibition on the same day, so anyone, anywhere, can see them all.</p>
<h2>What we ask for</h2>
<ul>
<li>A title and a short description of the work</li>
<li>A link to a high-resolution image that will print well at poster size</li>
<li>Your name or moniker, where you are, a short bio and your links</li>
</ul>
<p>Any medium that prints well is welcome: painting, drawing, photography, collage, digital work, text. Taking part is free, every artist is credited, and artists from places already living with climate disruption are especially welcome. Submissions close in the middle of March.</p>`,
		ne: `<p>जलवायु संकटले हामी बस्ने ठाउँहरू बदलिसकेको छ: वर्षा, गर्मी, नदी, खाना। गुरिल्ला ग्यालरी किटको यस संस्करणका लागि हामी यस्ता सयवटा कलाकृति खोजिरहेका छौँ, जसले तपाईं बस्ने ठाउँमा यसले के बदलिरहेको छ, र तपाईंवरपरका मानिसहरू यसबारे के गरिरहेका छन् भन्ने देखाऊन्।</p>
<p>छानिएका कृति पोस्टरको आकारमा छापिनेछन् र अप्रिल २२, पृथ्वी दिवसका दिन संसारका पाँच ठाउँमा स्थानीय टोलहरूले लेईले टाँस्नेछन्। सोही दिन यिनै सय कृति अनलाइन प्रदर्शनीमा पनि खुला हुनेछन्, ताकि जोकोहीले जहाँसुकैबाट ती सबै हेर्न सकून्।</p>
<h2>हामीलाई के चाहिन्छ</h2>
<ul>
<li>कृतिको शीर्षक र छोटो विवरण</li>
<li>पोस्टरको आकारमा राम्रोसँग छापिने उच्च रिजोलुसनको तस्बिरको लिङ्क</li>
<li>तपाईंको नाम वा उपनाम, तपाईं कहाँ हुनुहुन्छ, छोटो परिचय र तपाईंका लिङ्क</li>
</ul>
<p>राम्रोसँग छापिने जुनसुकै माध्यमलाई स्वागत छ: चित्र, रेखाचित्र, फोटो, कोलाज, डिजिटल कला, पाठ। सहभागिता निःशुल्क छ, हरेक कलाकारको नाम उल्लेख गरिन्छ, र अहिले नै जलवायु संकट भोगिरहेका ठाउँका कलाकारलाई विशेष स्वागत छ। कृति पठाउने अन्तिम समय मार्चको मध्यसम्म हो।</p>`,
		id: `<p>Krisis iklim sudah mengubah tempat-tempat kita tinggal: hujan, panas, sungai, makanan. Untuk edisi Guerrilla Gallery Kit kali ini, kami mencari seratus karya seni yang menunjukkan apa yang diubahnya di tempat Anda, dan apa yang dilakukan orang-orang di sekitar Anda.</p>
<p>Karya terpilih akan dicetak seukuran poster dan ditempel oleh tim lokal di lima tempat di dunia pada Hari Bumi, 22 April. Seratus karya yang sama akan dibuka sebagai pameran daring pada hari yang sama, sehingga siapa pun, di mana pun, bisa melihat semuanya.</p>
<h2>Yang kami minta</h2>
<ul>
<li>Judul dan deskripsi singkat karya</li>
<li>Tautan ke gambar resolusi tinggi yang bagus dicetak seukuran poster</li>
<li>Nama atau alias Anda, lokasi, biografi singkat, dan tautan Anda</li>
</ul>
<p>Media apa pun yang bagus jika dicetak kami sambut: lukisan, gambar, fotografi, kolase, karya digital, teks. Ikut serta gratis, setiap seniman dicantumkan namanya, dan seniman dari tempat yang sudah merasakan krisis iklim sangat kami nantikan. Pengiriman ditutup pada pertengahan Maret.</p>`,
		es: `<p>La crisis climática ya está cambiando los lugares donde vivimos: las lluvias, el calor, los ríos, la comida. Para esta edición del Guerrilla Gallery Kit buscamos cien obras que muestren qué está cambiando donde estás y qué hace al respecto la gente de tu entorno.</p>
<p>Las obras elegidas se imprimirán en tamaño póster y equipos locales las pegarán en cinco lugares del mundo el Día de la Tierra, el 22 de abril. Ese mismo día, las cien obras se inaugurarán en una exposición en línea, para que cualquiera pueda verlas todas desde cualquier sitio.</p>
<h2>Qué pedimos</h2>
<ul>
<li>Un título y una breve descripción de la obra</li>
<li>Un enlace a una imagen en alta resolución que se imprima bien en tamaño póster</li>
<li>Tu nombre o seudónimo, dónde estás, una biografía breve y tus enlaces</li>
</ul>
<p>Cualquier técnica que se imprima bien es bienvenida: pintura, dibujo, fotografía, collage, obra digital, texto. Participar es gratis, cada artista aparece con su nombre, y son especialmente bienvenidos quienes viven en lugares que ya sufren la crisis climática. El plazo termina a mediados de marzo.</p>`
	},
	author: team,
	publishedOn: '2024-01-29',
	tags: ['climate', 'callout', 'wheatpaste'],
	initiativeSlugs: ['guerrilla-gallery-kit-climate-2024'],
	photo: photo(
		'story-ggk-bucket',
		'wheatpaste',
		3005,
		{
			en: 'Half-pasted posters in rust, olive and sky blue on a rough wall, one corner still curling away from it',
			ne: 'खस्रो पर्खालमा आधा टाँसिएका खिया-रातो, जैतुनी हरियो र आकाशे नीला पोस्टर, एउटा कुना अझै पर्खालबाट मुर्रिएर छुट्टिएको',
			id: 'Poster-poster berwarna karat, hijau zaitun, dan biru langit yang setengah tertempel di tembok kasar, satu sudutnya masih melengkung terlepas',
			es: 'Carteles a medio pegar en óxido, verde oliva y azul cielo sobre un muro rugoso, con una esquina aún despegándose'
		},
		{
			en: 'Paper, paste and a borrowed wall: all a Guerrilla Gallery needs.',
			ne: 'कागज, लेई र सापटी लिइएको पर्खाल: गुरिल्ला ग्यालरीलाई चाहिने यत्ति हो।',
			id: 'Kertas, lem, dan tembok pinjaman: hanya itu yang dibutuhkan Guerrilla Gallery.',
			es: 'Papel, engrudo y una pared prestada: no hace falta más para una Guerrilla Gallery.'
		}
	)
};

const thresholdsClosingSeason: DemoStory = {
	slug: 'thresholds-closing-season',
	title: {
		en: 'Thresholds: the closing season, and how to take part',
		ne: 'थ्रेसहोल्ड्स: अन्तिम चरण, र कसरी सहभागी हुने',
		id: 'Thresholds: musim penutup, dan cara ikut serta',
		es: 'Thresholds: la última temporada y cómo participar'
	},
	standfirst: {
		en: 'Our 2025–2026 program enters its last months with gatherings in the Kathmandu Valley and on the Jakarta coast, and a final online session open to everyone.',
		ne: 'हाम्रो सन् २०२५–२०२६ को कार्यक्रम काठमाडौं उपत्यका र जकार्ताको समुद्री किनारका भेला, र सबैका लागि खुला अन्तिम अनलाइन सत्रसहित आफ्ना अन्तिम महिनामा प्रवेश गर्दैछ।',
		id: 'Program 2025–2026 kami memasuki bulan-bulan terakhirnya dengan pertemuan di Lembah Kathmandu dan pesisir Jakarta, serta satu sesi daring terakhir yang terbuka untuk semua.',
		es: 'Nuestro programa 2025–2026 entra en sus últimos meses con encuentros en el valle de Katmandú y en la costa de Yakarta, y una última sesión en línea abierta a todo el mundo.'
	},
	body: {
		en: `<p>Since March 2025, Thresholds: Creating at the Edge of Change has brought together artists who live where change is arriving fastest. Its online think-tank has met every month across time zones, artists from different countries have been paired to make new work together, and emerging creative change-makers have been mentored by members of our collective.</p>
<p>In the coming weeks the program comes back to the ground. In the Kathmandu Valley, artists will work with our partner collective on the banks of a river that floods more often than it used to. On the Jakarta coast, they will work with a community organisation in a neighbourhood where the sea is getting closer every year.</p>
<h2>How to take part</h2>
<ul>
<li>Come to a gathering if you live nearby: every session is free</li>
<li>Watch the recordings of the think-tank sessions, open to everyone</li>
<li>Join the final online session in December, where the cohort will show what they made</li>
</ul>
<p>Thresholds ends with 2026, but what it started will not. We will share the work here as it is made, and we would love to hear what change looks like where you are.</p>`,
		ne: `<p>सन् २०२५ को मार्चदेखि, थ्रेसहोल्ड्स: परिवर्तनको छेउमा सिर्जना कार्यक्रमले परिवर्तन सबैभन्दा छिटो आइरहेका ठाउँमा बस्ने कलाकारहरूलाई एकै ठाउँमा ल्याएको छ। यसको अनलाइन विचार मञ्च हरेक महिना समय क्षेत्र नाघेर भेला भएको छ, फरक देशका कलाकारहरू जोडी बनेर नयाँ कृति बनाइरहेका छन्, र हाम्रो समूहका सदस्यहरूले उदीयमान सिर्जनशील परिवर्तनकर्ताहरूलाई मार्गदर्शन गरिरहेका छन्।</p>
<p>आउँदा हप्ताहरूमा कार्यक्रम फेरि जमिनमा फर्किँदैछ। काठमाडौं उपत्यकामा कलाकारहरूले हाम्रो साझेदार समूहसँग मिलेर पहिलेभन्दा धेरैपटक बाढी आउन थालेको एउटा नदीको किनारमा काम गर्नेछन्। जकार्ताको समुद्री किनारमा, हरेक वर्ष समुद्र झन् नजिक आइरहेको एउटा बस्तीमा, उनीहरू एउटा सामुदायिक संस्थासँग काम गर्नेछन्।</p>
<h2>कसरी सहभागी हुने</h2>
<ul>
<li>नजिकै बस्नुहुन्छ भने भेलामा आउनुहोस्: हरेक सत्र निःशुल्क छ</li>
<li>विचार मञ्चका सत्रहरूको रेकर्डिङ हेर्नुहोस्, जुन सबैका लागि खुला छ</li>
<li>डिसेम्बरको अन्तिम अनलाइन सत्रमा सामेल हुनुहोस्, जहाँ समूहले आफूले बनाएका कृति देखाउनेछ</li>
</ul>
<p>थ्रेसहोल्ड्स सन् २०२६ सँगै सकिन्छ, तर यसले सुरु गरेका कुरा सकिँदैनन्। कृतिहरू बन्दै जाँदा हामी यहीँ बाँड्नेछौँ, र तपाईं बस्ने ठाउँमा परिवर्तन कस्तो देखिन्छ, त्यो सुन्न हामी उत्सुक छौँ।</p>`,
		id: `<p>Sejak Maret 2025, Thresholds: Berkarya di Tepi Perubahan telah mempertemukan seniman yang tinggal di tempat-tempat yang paling cepat didatangi perubahan. Forum gagasan daringnya bertemu setiap bulan lintas zona waktu, seniman dari negara berbeda dipasangkan untuk membuat karya baru bersama, dan para penggerak perubahan kreatif yang sedang tumbuh didampingi oleh anggota kolektif kami.</p>
<p>Dalam beberapa minggu ke depan, program ini kembali turun ke lapangan. Di Lembah Kathmandu, para seniman akan berkarya bersama kolektif mitra kami di tepi sungai yang kini lebih sering banjir daripada dulu. Di pesisir Jakarta, mereka akan bekerja dengan sebuah organisasi komunitas di kampung yang setiap tahun makin didekati laut.</p>
<h2>Cara ikut serta</h2>
<ul>
<li>Datanglah ke pertemuan jika Anda tinggal di dekatnya: setiap sesi gratis</li>
<li>Tonton rekaman sesi forum gagasan yang terbuka untuk semua</li>
<li>Ikuti sesi daring terakhir pada bulan Desember, saat angkatan ini menampilkan karya mereka</li>
</ul>
<p>Thresholds berakhir bersama tahun 2026, tetapi apa yang dimulainya tidak. Kami akan membagikan karya-karyanya di sini seiring pembuatannya, dan kami ingin mendengar seperti apa perubahan di tempat Anda.</p>`,
		es: `<p>Desde marzo de 2025, Thresholds: crear al borde del cambio ha reunido a artistas que viven donde el cambio llega más deprisa. Su laboratorio de ideas en línea se ha reunido cada mes entre husos horarios, artistas de distintos países han formado parejas para crear obra nueva juntos, y agentes de cambio creativo emergentes han recibido mentorías de miembros de nuestro colectivo.</p>
<p>En las próximas semanas el programa vuelve al terreno. En el valle de Katmandú, los artistas trabajarán con nuestro colectivo socio a orillas de un río que se desborda más a menudo que antes. En la costa de Yakarta, trabajarán con una organización comunitaria en un barrio al que el mar se acerca un poco más cada año.</p>
<h2>Cómo participar</h2>
<ul>
<li>Ven a un encuentro si vives cerca: todas las sesiones son gratuitas</li>
<li>Mira las grabaciones de las sesiones del laboratorio de ideas, abiertas a todo el mundo</li>
<li>Únete a la última sesión en línea, en diciembre, donde el grupo mostrará lo que ha creado</li>
</ul>
<p>Thresholds termina con 2026, pero lo que ha puesto en marcha no. Compartiremos aquí la obra a medida que se haga, y nos encantará saber cómo se ve el cambio donde tú estás.</p>`
	},
	author: team,
	publishedOn: '2026-09-14',
	tags: ['thresholds', 'climate', 'mentoring'],
	initiativeSlugs: ['thresholds-2025-26'],
	photo: photo(
		'story-thresholds-river',
		'mural',
		3006,
		{
			en: 'A wall painted with broad brown and slate-blue bands that rise and fall like a river, with one thin white line across them',
			ne: 'नदीझैँ उठ्ने र झर्ने चौडा खैरा र स्लेट-नीला पट्टाले रङ्गिएको पर्खाल, जसलाई एउटा पातलो सेतो रेखाले छेडेको छ',
			id: 'Tembok yang dilukis pita-pita lebar cokelat dan biru batu tulis yang naik turun seperti sungai, dilintasi satu garis putih tipis',
			es: 'Un muro pintado con anchas franjas marrones y azul pizarra que suben y bajan como un río, cruzadas por una fina línea blanca'
		},
		{
			en: 'A first sketch on the wall of the riverside studio.',
			ne: 'नदीछेउको स्टुडियोको पर्खालमा पहिलो स्केच।',
			id: 'Sketsa pertama di dinding studio tepi sungai.',
			es: 'Un primer boceto en la pared del estudio junto al río.'
		}
	)
};

export const demoStories: DemoStory[] = [residencyDiary, patanLookBack, womenOnWallRecap, projectForwardHosts, guerrillaCallOut, thresholdsClosingSeason];
