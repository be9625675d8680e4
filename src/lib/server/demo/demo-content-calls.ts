import type { DemoCall } from './demo-content.types';

/*
 * Three demo calls modeled on how the organization runs its call outs: artists
 * for the Guerrilla Gallery Kit (climate edition), hosts for the Project/Forward
 * micro moving-image festival, and volunteers. Dates are days from the moment
 * of seeding, at 23:59 in the call's zone, so a fresh start always shows two open
 * calls and one that has closed and is being reviewed. Applicants, e-mail
 * addresses and reviewers are invented; every address is at example.org.
 */

const consent = {
	en: 'I agree that Micro Galleries keeps what I send in this application to review it and to write to me about this call. It is erased when the retention period after the deadline ends, or earlier if I ask.',
	es: 'Acepto que Micro Galleries guarde lo que envío en esta solicitud para revisarla y escribirme sobre esta convocatoria. Se borra al terminar el periodo de conservación posterior a la fecha límite, o antes si lo pido.',
	id: 'Saya setuju Micro Galleries menyimpan isi lamaran ini untuk meninjaunya dan menghubungi saya tentang panggilan ini. Data dihapus ketika masa penyimpanan setelah batas waktu berakhir, atau lebih cepat jika saya memintanya.',
	ne: 'यो आवेदनमा पठाएका कुराहरू समीक्षा गर्न र यस आह्वानबारे मलाई सम्पर्क गर्न माइक्रो ग्यालरिजले राख्न सक्छ भन्नेमा म सहमत छु। अन्तिम मितिपछिको संरक्षण अवधि सकिएपछि, वा मैले अनुरोध गरेमा त्योभन्दा अघि नै, यी मेटाइन्छन्।'
};

export const demoCalls: DemoCall[] = [
	{
		slug: 'guerrilla-gallery-kit-climate',
		kind: 'artists',
		title: {
			en: 'Guerrilla Gallery Kit: climate edition',
			es: 'Guerrilla Gallery Kit: edición clima',
			id: 'Guerrilla Gallery Kit: edisi iklim',
			ne: 'गुरिल्ला ग्यालरी किट: जलवायु संस्करण'
		},
		summary: {
			en: 'We are looking for 100 artworks about climate disruption, to be printed and wheat-pasted in public places on several continents on Earth Day, and shown online.',
			es: 'Buscamos 100 obras sobre la crisis climática para imprimirlas y pegarlas en espacios públicos de varios continentes el Día de la Tierra, y mostrarlas en línea.',
			id: 'Kami mencari 100 karya seni tentang krisis iklim untuk dicetak dan ditempel di ruang publik di beberapa benua pada Hari Bumi, serta dipamerkan secara daring.',
			ne: 'पृथ्वी दिवसमा विभिन्न महादेशका सार्वजनिक स्थलमा छापेर टाँस्न र अनलाइन देखाउन जलवायु संकटसम्बन्धी १०० कलाकृति खोजिरहेका छौँ।'
		},
		description: {
			en: '<p>The Guerrilla Gallery Kit turns walls, fences and shutters into open-air galleries for a day. For this edition, artists respond to climate disruption: what it changes where they live, and what people there do about it.</p><p>Chosen works are printed at poster size and wheat-pasted by local teams in five places around the world on Earth Day, then shown in an online exhibition. There is no fee to apply, and every artist is credited.</p><ul><li>Any medium that prints well: painting, drawing, photography, collage, digital work, text.</li><li>Up to three works per person, one application each.</li></ul>',
			es: '<p>El Guerrilla Gallery Kit convierte muros, vallas y persianas en galerías al aire libre por un día. En esta edición, los artistas responden a la crisis climática: qué cambia donde viven y qué hace la gente al respecto.</p><p>Las obras elegidas se imprimen en tamaño póster y equipos locales las pegan en cinco lugares del mundo el Día de la Tierra; después se muestran en una exposición en línea. Presentarse es gratis y cada artista aparece con su nombre.</p><ul><li>Cualquier técnica que se pueda imprimir bien: pintura, dibujo, fotografía, collage, obra digital, texto.</li><li>Hasta tres obras por persona, una solicitud por obra.</li></ul>',
			id: '<p>Guerrilla Gallery Kit mengubah tembok, pagar, dan rolling door menjadi galeri terbuka selama sehari. Pada edisi ini, para seniman menanggapi krisis iklim: apa yang berubah di tempat mereka tinggal, dan apa yang dilakukan warga di sana.</p><p>Karya terpilih dicetak seukuran poster dan ditempel oleh tim lokal di lima tempat di dunia pada Hari Bumi, lalu dipamerkan dalam pameran daring. Tidak ada biaya pendaftaran, dan setiap seniman dicantumkan namanya.</p><ul><li>Media apa pun yang bagus jika dicetak: lukisan, gambar, fotografi, kolase, karya digital, teks.</li><li>Hingga tiga karya per orang, satu lamaran untuk setiap karya.</li></ul>',
			ne: '<p>गुरिल्ला ग्यालरी किटले एक दिनका लागि पर्खाल, बार र सटरलाई खुला ग्यालरीमा बदल्छ। यस संस्करणमा कलाकारहरूले जलवायु संकटबारे आफ्नो अभिव्यक्ति दिन्छन्: उनीहरू बस्ने ठाउँमा के बदलिँदैछ, र त्यहाँका मानिसहरू के गरिरहेका छन्।</p><p>छानिएका कलाकृति पोस्टरको आकारमा छापिन्छन् र पृथ्वी दिवसमा संसारका पाँच ठाउँमा स्थानीय टोलीले टाँस्छन्, त्यसपछि अनलाइन प्रदर्शनीमा देखाइन्छन्। आवेदन निःशुल्क छ र हरेक कलाकारको नाम उल्लेख गरिन्छ।</p><ul><li>राम्रोसँग छापिने जुनसुकै माध्यम: चित्र, रेखाचित्र, फोटो, कोलाज, डिजिटल कला, पाठ।</li><li>एक जनाले बढीमा तीनवटा कृति, हरेक कृतिका लागि एउटा आवेदन।</li></ul>'
		},
		eligibility: {
			en: '<p>Artists of any age and from any country. Under-served artists, and artists from places living with climate disruption now, are especially welcome.</p>',
			es: '<p>Artistas de cualquier edad y país. Son especialmente bienvenidos los artistas con menos oportunidades y quienes viven en lugares que ya sufren la crisis climática.</p>',
			id: '<p>Seniman dari segala usia dan negara. Kami sangat menyambut seniman yang jarang mendapat kesempatan, dan seniman dari tempat yang kini merasakan krisis iklim.</p>',
			ne: '<p>जुनसुकै उमेर र देशका कलाकार। कम अवसर पाएका कलाकार र अहिले नै जलवायु संकट भोगिरहेका ठाउँका कलाकारलाई विशेष स्वागत छ।</p>'
		},
		consentText: consent,
		timeZone: 'Australia/Sydney',
		opensInDays: -14,
		deadlineInDays: 56,
		maxSubmissionsPerPerson: 3,
		retentionDays: 730,
		blindReview: true,
		fields: [
			{
				key: 'artwork_title',
				type: 'short_text',
				required: true,
				label: { en: 'Title of the artwork', es: 'Título de la obra', id: 'Judul karya', ne: 'कलाकृतिको शीर्षक' },
				options: { maxLength: 150 }
			},
			{
				key: 'description',
				type: 'long_text',
				required: true,
				label: { en: 'About the work', es: 'Sobre la obra', id: 'Tentang karya', ne: 'कृतिबारे' },
				help: {
					en: 'What it shows and how it speaks about climate disruption.',
					es: 'Qué muestra y cómo habla de la crisis climática.',
					id: 'Apa yang ditampilkan dan bagaimana karya ini berbicara tentang krisis iklim.',
					ne: 'यसले के देखाउँछ र जलवायु संकटबारे कसरी बोल्छ।'
				},
				options: { maxWords: 150 }
			},
			{
				key: 'image_link',
				type: 'url',
				required: true,
				label: { en: 'Link to a high-resolution image', es: 'Enlace a una imagen en alta resolución', id: 'Tautan ke gambar resolusi tinggi', ne: 'उच्च रिजोलुसनको तस्बिरको लिङ्क' },
				help: {
					en: 'At least 3000 pixels on the long side, so it prints well at poster size. A shared folder is fine.',
					es: 'Al menos 3000 píxeles en el lado largo, para que se imprima bien en tamaño póster. Sirve una carpeta compartida.',
					id: 'Minimal 3000 piksel di sisi terpanjang agar bagus dicetak seukuran poster. Folder bersama juga boleh.',
					ne: 'पोस्टरको आकारमा राम्रोसँग छापिन लामो भागमा कम्तीमा ३००० पिक्सेल। साझा फोल्डर पनि हुन्छ।'
				}
			},
			{
				key: 'preview',
				type: 'file',
				label: { en: 'A preview of the work', es: 'Una vista previa de la obra', id: 'Pratinjau karya', ne: 'कृतिको पूर्वावलोकन' },
				help: {
					en: 'Optional: a photo or a scan of the work.',
					es: 'Opcional: una foto o un escaneo de la obra.',
					id: 'Opsional: foto atau pindaian karya.',
					ne: 'ऐच्छिक: कृतिको फोटो वा स्क्यान।'
				},
				options: { allowedTypes: ['image/jpeg', 'image/png', 'image/heic'], maxBytes: 10 * 1024 * 1024, maxFiles: 1 }
			},
			{
				key: 'moniker',
				type: 'short_text',
				required: true,
				contact: true,
				label: { en: 'Name or moniker, as it should appear', es: 'Nombre o seudónimo, tal como debe aparecer', id: 'Nama atau alias yang akan dicantumkan', ne: 'देखिनुपर्ने नाम वा उपनाम' },
				options: { maxLength: 100 }
			},
			{
				key: 'country',
				type: 'country',
				required: true,
				label: { en: 'Where you live', es: 'Dónde vives', id: 'Tempat tinggal Anda', ne: 'तपाईं बस्ने ठाउँ' }
			},
			{
				key: 'bio',
				type: 'long_text',
				label: { en: 'Short bio', es: 'Biografía breve', id: 'Biografi singkat', ne: 'छोटो परिचय' },
				options: { maxWords: 80 }
			},
			{
				key: 'links',
				type: 'url',
				contact: true,
				label: { en: 'Website or social media', es: 'Sitio web o redes sociales', id: 'Situs web atau media sosial', ne: 'वेबसाइट वा सामाजिक सञ्जाल' }
			}
		],
		criteria: [
			{ label: { en: 'Artistic strength', es: 'Fuerza artística', id: 'Kekuatan artistik', ne: 'कलात्मक शक्ति' }, weight: 40 },
			{ label: { en: 'Speaks to climate disruption', es: 'Habla de la crisis climática', id: 'Berbicara tentang krisis iklim', ne: 'जलवायु संकटसँगको सम्बन्ध' }, weight: 30 },
			{ label: { en: 'Reads well on a wall', es: 'Se lee bien en un muro', id: 'Mudah dibaca di tembok', ne: 'पर्खालमा प्रस्ट देखिने' }, weight: 20 },
			{ label: { en: 'A local voice', es: 'Una voz local', id: 'Suara lokal', ne: 'स्थानीय स्वर' }, weight: 10 }
		],
		applications: [
			{
				name: 'Sita Maharjan',
				email: 'sita.maharjan@example.org',
				locale: 'ne',
				submittedInDays: -9,
				answers: {
					artwork_title: 'नदीले सम्झन्छ (The river remembers)',
					description:
						'A woodcut print of the Bagmati at Patan, with the flood lines of the last ten monsoons carved into the riverbank steps. Neighbours marked the heights for me with chalk.',
					image_link: 'https://files.example.org/sita/river-remembers-hires.jpg',
					moniker: 'Sita M.',
					country: 'NP',
					bio: 'Printmaker in Lalitpur, working with neighbourhood women’s groups.',
					links: 'https://sita.example.org'
				},
				scores: [
					{ reviewer: 'demo-reviewer-a', scores: [5, 5, 4, 5], comment: 'Strong, simple image; the chalk marks make it local.' },
					{ reviewer: 'demo-reviewer-b', scores: [4, 5, 4, 5] }
				],
				shortlisted: true
			},
			{
				name: 'Ayu Lestari',
				email: 'ayu.lestari@example.org',
				locale: 'id',
				submittedInDays: -6,
				answers: {
					artwork_title: 'Laut naik, kampung bertahan',
					description:
						'Ilustrasi digital tentang kampung nelayan di pesisir utara Jakarta: rumah-rumah yang ditinggikan setiap tahun, dan anak-anak yang bermain di atas tanggul.',
					image_link: 'https://files.example.org/ayu/laut-naik.png',
					moniker: 'ayulestari',
					country: 'ID',
					bio: 'Ilustrator dan pendidik seni di Jakarta Utara.'
				},
				scores: [
					{ reviewer: 'demo-reviewer-a', scores: [4, 5, 3, 5] },
					{ reviewer: 'demo-reviewer-b', scores: [3, 4, 2, 4], comment: 'Too much detail to read from across the street.' }
				]
			},
			{
				name: 'Mateo Rojas',
				email: 'mateo.rojas@example.org',
				locale: 'es',
				submittedInDays: -3,
				answers: {
					artwork_title: 'Glaciar en préstamo',
					description: 'Fotografía de un glaciar andino impresa sobre papel que se deshace con la lluvia: la obra desaparece en la pared igual que el hielo en la montaña.',
					image_link: 'https://files.example.org/mateo/glaciar.tif',
					moniker: 'Mateo Rojas',
					country: 'CL',
					bio: 'Fotógrafo de Santiago; documenta los cambios en la cordillera desde 2015.',
					links: 'https://mateo.example.org'
				},
				scores: [{ reviewer: 'demo-reviewer-a', scores: [5, 4, 5, 3] }]
			},
			{
				name: 'Thandi Nkosi',
				email: 'thandi.nkosi@example.org',
				locale: 'en',
				submittedInDays: -1,
				answers: {
					artwork_title: 'Queue for water',
					description: 'A line of painted buckets that runs the length of the wall, one for every day of the last drought restrictions in Cape Town.',
					image_link: 'https://files.example.org/thandi/queue.jpg',
					moniker: 'T. Nkosi',
					country: 'ZA'
				},
				scores: []
			}
		]
	},
	{
		slug: 'project-forward-hosts',
		kind: 'hosts',
		title: {
			en: 'Project/Forward: host a screening',
			es: 'Project/Forward: organiza una proyección',
			id: 'Project/Forward: jadilah tuan rumah pemutaran',
			ne: 'प्रोजेक्ट/फरवार्ड: प्रदर्शनको आयोजना गर्नुहोस्'
		},
		summary: {
			en: 'Have a projector, a small speaker and a place in your community? Screen the Project/Forward micro festival of moving-image art where you are.',
			es: '¿Tienes un proyector, un altavoz pequeño y un lugar en tu comunidad? Proyecta allí el microfestival de imagen en movimiento Project/Forward.',
			id: 'Punya proyektor, pengeras suara kecil, dan tempat di lingkungan Anda? Putarlah festival mikro seni gambar bergerak Project/Forward di sana.',
			ne: 'प्रोजेक्टर, सानो स्पिकर र आफ्नो समुदायमा एउटा ठाउँ छ? प्रोजेक्ट/फरवार्ड गतिशील चित्रकलाको सूक्ष्म महोत्सव त्यहीँ देखाउनुहोस्।'
		},
		description: {
			en: '<p>Project/Forward is a micro festival of short moving-image works by artists from around the world. Hosts anywhere screen the programme on the same weekend: on a wall in a laneway, in a school hall, in a shop after closing time.</p><p>We send you the programme, a simple guide and posters to print. You bring the place, the equipment and your neighbours. Screenings are free for everyone.</p>',
			es: '<p>Project/Forward es un microfestival de obras breves de imagen en movimiento de artistas de todo el mundo. Anfitriones de cualquier lugar proyectan el programa el mismo fin de semana: en la pared de un callejón, en el salón de una escuela, en una tienda después del cierre.</p><p>Te enviamos el programa, una guía sencilla y carteles para imprimir. Tú pones el lugar, el equipo y a tus vecinos. Las proyecciones son gratuitas para todos.</p>',
			id: '<p>Project/Forward adalah festival mikro karya gambar bergerak pendek dari seniman di seluruh dunia. Tuan rumah di mana pun memutar programnya pada akhir pekan yang sama: di tembok gang, di aula sekolah, di toko setelah jam tutup.</p><p>Kami mengirimkan program, panduan sederhana, dan poster untuk dicetak. Anda menyediakan tempat, peralatan, dan mengajak tetangga. Pemutaran gratis untuk semua orang.</p>',
			ne: '<p>प्रोजेक्ट/फरवार्ड संसारभरका कलाकारका छोटा गतिशील चित्रकृतिहरूको सूक्ष्म महोत्सव हो। जुनसुकै ठाउँका आयोजकले एउटै सप्ताहान्तमा कार्यक्रम देखाउँछन्: गल्लीको पर्खालमा, विद्यालयको हलमा, पसल बन्द भएपछि पसलभित्र।</p><p>हामी कार्यक्रम, सजिलो निर्देशिका र छाप्न मिल्ने पोस्टर पठाउँछौँ। तपाईं ठाउँ, उपकरण र छिमेकीहरू ल्याउनुहोस्। प्रदर्शन सबैका लागि निःशुल्क हुन्छ।</p>'
		},
		eligibility: {},
		consentText: consent,
		timeZone: 'Asia/Jakarta',
		opensInDays: -7,
		deadlineInDays: 35,
		maxSubmissionsPerPerson: 1,
		retentionDays: 365,
		blindReview: false,
		fields: [
			{
				key: 'host_name',
				type: 'short_text',
				required: true,
				label: { en: 'Your name or organisation', es: 'Tu nombre u organización', id: 'Nama Anda atau organisasi', ne: 'तपाईंको नाम वा संस्था' }
			},
			{ key: 'city', type: 'short_text', required: true, label: { en: 'Town or city', es: 'Pueblo o ciudad', id: 'Kota', ne: 'सहर वा गाउँ' } },
			{ key: 'country', type: 'country', required: true, label: { en: 'Country', es: 'País', id: 'Negara', ne: 'देश' } },
			{
				key: 'venue',
				type: 'single_choice',
				required: true,
				label: { en: 'Where would you screen?', es: '¿Dónde proyectarías?', id: 'Di mana Anda akan memutar?', ne: 'कहाँ देखाउनुहुन्छ?' },
				options: {
					choices: [
						{ value: 'outdoor_wall', label: { en: 'An outdoor wall', es: 'Una pared al aire libre', id: 'Tembok luar ruangan', ne: 'बाहिरको पर्खाल' } },
						{ value: 'community_hall', label: { en: 'A community hall', es: 'Un salón comunitario', id: 'Balai warga', ne: 'सामुदायिक भवन' } },
						{ value: 'school', label: { en: 'A school', es: 'Una escuela', id: 'Sekolah', ne: 'विद्यालय' } },
						{ value: 'shop_cafe', label: { en: 'A shop or café', es: 'Una tienda o un café', id: 'Toko atau kafe', ne: 'पसल वा क्याफे' } },
						{ value: 'other', label: { en: 'Somewhere else', es: 'Otro lugar', id: 'Tempat lain', ne: 'अन्य ठाउँ' } }
					]
				}
			},
			{
				key: 'equipment',
				type: 'multiple_choice',
				label: { en: 'What do you have already?', es: '¿Qué tienes ya?', id: 'Apa yang sudah Anda miliki?', ne: 'तपाईंसँग के के छ?' },
				options: {
					choices: [
						{ value: 'projector', label: { en: 'A projector', es: 'Un proyector', id: 'Proyektor', ne: 'प्रोजेक्टर' } },
						{ value: 'speaker', label: { en: 'A speaker', es: 'Un altavoz', id: 'Pengeras suara', ne: 'स्पिकर' } },
						{ value: 'screen', label: { en: 'A screen or a white wall', es: 'Una pantalla o una pared blanca', id: 'Layar atau tembok putih', ne: 'पर्दा वा सेतो पर्खाल' } },
						{ value: 'power', label: { en: 'Electricity on site', es: 'Electricidad en el lugar', id: 'Listrik di lokasi', ne: 'त्यहीँ बिजुली' } }
					]
				}
			},
			{
				key: 'audience',
				type: 'number',
				required: true,
				label: { en: 'How many people do you expect?', es: '¿Cuántas personas esperas?', id: 'Berapa orang yang Anda perkirakan hadir?', ne: 'कति जना आउने अनुमान छ?' },
				options: { min: 5, max: 5000, integer: true }
			},
			{
				key: 'preferred_date',
				type: 'date',
				label: { en: 'Preferred screening date', es: 'Fecha preferida para la proyección', id: 'Tanggal pemutaran yang diinginkan', ne: 'प्रदर्शनको रोजेको मिति' }
			},
			{
				key: 'plan',
				type: 'long_text',
				required: true,
				label: { en: 'Tell us about the place and who will come', es: 'Cuéntanos sobre el lugar y quién vendrá', id: 'Ceritakan tentang tempatnya dan siapa yang akan datang', ne: 'ठाउँ र को को आउनेछन् भन्नेबारे भन्नुहोस्' },
				options: { maxWords: 200 }
			}
		],
		criteria: [
			{ label: { en: 'Reaches people who rarely see art', es: 'Llega a quien rara vez ve arte', id: 'Menjangkau warga yang jarang melihat seni', ne: 'कला कमै देख्नेहरूसम्म पुग्ने' }, weight: 40 },
			{ label: { en: 'Feasible as planned', es: 'Viable tal como se plantea', id: 'Dapat dilaksanakan sesuai rencana', ne: 'योजनाअनुसार सम्भव' }, weight: 35 },
			{ label: { en: 'The place itself', es: 'El lugar en sí', id: 'Tempatnya sendiri', ne: 'ठाउँ आफैँ' }, weight: 25 }
		],
		applications: [
			{
				name: 'Rina Wulandari',
				email: 'kampung.kreatif@example.org',
				locale: 'id',
				submittedInDays: -4,
				answers: {
					host_name: 'Kolektif Kampung Kreatif',
					city: 'Jakarta',
					country: 'ID',
					venue: 'outdoor_wall',
					equipment: ['projector', 'speaker', 'power'],
					audience: '120',
					plan: 'Kami akan memutar di tembok balai RW yang menghadap lapangan. Warga biasa berkumpul di sana setiap Sabtu malam; anak-anak muda kampung membantu memasang peralatan.'
				},
				scores: [{ reviewer: 'demo-reviewer-b', scores: [5, 4, 4] }]
			},
			{
				name: 'James Whitfield',
				email: 'laneway.friends@example.org',
				locale: 'en',
				submittedInDays: -2,
				answers: {
					host_name: 'Friends of the Nowra Laneways',
					city: 'Nowra',
					country: 'AU',
					venue: 'shop_cafe',
					equipment: ['projector'],
					audience: '40',
					plan: 'A café on Junction Court lends us its back wall after closing. We need a speaker, and we will ask the library for one.'
				},
				scores: []
			}
		]
	},
	{
		slug: 'volunteers-skills',
		kind: 'volunteers',
		title: {
			en: 'Volunteer with us: share your skills',
			es: 'Hazte voluntario: comparte tus habilidades',
			id: 'Menjadi relawan: bagikan keahlian Anda',
			ne: 'स्वयंसेवक बन्नुहोस्: आफ्नो सीप बाँड्नुहोस्'
		},
		summary: {
			en: 'Design, translation, web, social media, photography, logistics: a few hours a month from anywhere help take free art to more places.',
			es: 'Diseño, traducción, web, redes sociales, fotografía, logística: unas horas al mes desde cualquier lugar ayudan a llevar arte gratuito a más sitios.',
			id: 'Desain, penerjemahan, web, media sosial, fotografi, logistik: beberapa jam per bulan dari mana pun membantu membawa seni gratis ke lebih banyak tempat.',
			ne: 'डिजाइन, अनुवाद, वेब, सामाजिक सञ्जाल, फोटोग्राफी, व्यवस्थापन: जहाँबाट पनि महिनामा केही घण्टाले निःशुल्क कला थप ठाउँसम्म पुर्‍याउन मद्दत गर्छ।'
		},
		description: {
			en: '<p>Our team is small and spread over many time zones. Volunteers help with what a festival needs before, during and after it happens, mostly online and sometimes on site.</p>',
			es: '<p>Nuestro equipo es pequeño y está repartido en muchas zonas horarias. Los voluntarios ayudan con lo que un festival necesita antes, durante y después, casi siempre en línea y a veces en el lugar.</p>',
			id: '<p>Tim kami kecil dan tersebar di banyak zona waktu. Relawan membantu kebutuhan festival sebelum, selama, dan sesudahnya, kebanyakan secara daring dan kadang di lokasi.</p>',
			ne: '<p>हाम्रो टोली सानो छ र धेरै समय क्षेत्रमा छरिएको छ। स्वयंसेवकहरूले महोत्सवअघि, महोत्सवका बेला र पछि चाहिने काममा सघाउँछन्, प्रायः अनलाइन र कहिलेकाहीँ घटनास्थलमै।</p>'
		},
		eligibility: {
			en: '<p>Anyone aged 18 or over, anywhere.</p>',
			es: '<p>Cualquier persona mayor de 18 años, desde cualquier lugar.</p>',
			id: '<p>Siapa pun yang berusia 18 tahun ke atas, dari mana pun.</p>',
			ne: '<p>१८ वर्ष वा सोभन्दा माथिका जोकोही, जहाँबाट पनि।</p>'
		},
		consentText: consent,
		timeZone: 'Europe/Madrid',
		opensInDays: -60,
		deadlineInDays: -10,
		maxSubmissionsPerPerson: 1,
		retentionDays: 365,
		blindReview: false,
		fields: [
			{
				key: 'skills',
				type: 'multiple_choice',
				required: true,
				label: { en: 'What could you help with?', es: '¿Con qué podrías ayudar?', id: 'Apa yang bisa Anda bantu?', ne: 'तपाईं केमा सघाउन सक्नुहुन्छ?' },
				options: {
					choices: [
						{ value: 'design', label: { en: 'Graphic design', es: 'Diseño gráfico', id: 'Desain grafis', ne: 'ग्राफिक डिजाइन' } },
						{ value: 'translation', label: { en: 'Translation', es: 'Traducción', id: 'Penerjemahan', ne: 'अनुवाद' } },
						{ value: 'web', label: { en: 'Web and tech', es: 'Web y tecnología', id: 'Web dan teknologi', ne: 'वेब र प्रविधि' } },
						{ value: 'social', label: { en: 'Social media', es: 'Redes sociales', id: 'Media sosial', ne: 'सामाजिक सञ्जाल' } },
						{ value: 'photo_video', label: { en: 'Photo and video', es: 'Foto y vídeo', id: 'Foto dan video', ne: 'फोटो र भिडियो' } },
						{ value: 'logistics', label: { en: 'Events and logistics', es: 'Eventos y logística', id: 'Acara dan logistik', ne: 'कार्यक्रम र व्यवस्थापन' } }
					],
					maxChoices: 3
				}
			},
			{
				key: 'languages',
				type: 'short_text',
				required: true,
				label: { en: 'Languages you speak', es: 'Idiomas que hablas', id: 'Bahasa yang Anda kuasai', ne: 'तपाईंले बोल्ने भाषाहरू' }
			},
			{
				key: 'hours',
				type: 'number',
				required: true,
				label: { en: 'Hours a month you could give', es: 'Horas al mes que podrías dedicar', id: 'Jam per bulan yang bisa Anda berikan', ne: 'महिनामा दिन सक्ने घण्टा' },
				options: { min: 1, max: 80, integer: true }
			},
			{ key: 'country', type: 'country', required: true, label: { en: 'Where you live', es: 'Dónde vives', id: 'Tempat tinggal Anda', ne: 'तपाईं बस्ने ठाउँ' } },
			{
				key: 'remote',
				type: 'yes_no',
				required: true,
				label: {
					en: 'Can you work online with people in other time zones?',
					es: '¿Puedes trabajar en línea con personas de otras zonas horarias?',
					id: 'Bisakah Anda bekerja daring dengan orang di zona waktu lain?',
					ne: 'के तपाईं अर्को समय क्षेत्रका मानिससँग अनलाइन काम गर्न सक्नुहुन्छ?'
				}
			},
			{
				key: 'motivation',
				type: 'long_text',
				required: true,
				label: { en: 'Why would you like to volunteer?', es: '¿Por qué te gustaría ser voluntario?', id: 'Mengapa Anda ingin menjadi relawan?', ne: 'तपाईं किन स्वयंसेवक बन्न चाहनुहुन्छ?' },
				options: { maxWords: 150 }
			},
			{
				key: 'cv',
				type: 'file',
				label: { en: 'CV or portfolio (optional)', es: 'CV o portafolio (opcional)', id: 'CV atau portofolio (opsional)', ne: 'बायोडाटा वा पोर्टफोलियो (ऐच्छिक)' },
				options: { allowedTypes: ['application/pdf'], maxBytes: 5 * 1024 * 1024, maxFiles: 1 }
			}
		],
		criteria: [
			{ label: { en: 'Skills we need now', es: 'Habilidades que necesitamos ahora', id: 'Keahlian yang kami butuhkan sekarang', ne: 'अहिले चाहिएका सीप' }, weight: 50 },
			{ label: { en: 'Availability', es: 'Disponibilidad', id: 'Ketersediaan waktu', ne: 'उपलब्धता' }, weight: 30 },
			{ label: { en: 'Motivation', es: 'Motivación', id: 'Motivasi', ne: 'उत्प्रेरणा' }, weight: 20 }
		],
		applications: [
			{
				name: 'Lucía Fernández',
				email: 'lucia.fernandez@example.org',
				locale: 'es',
				submittedInDays: -30,
				answers: {
					skills: ['translation', 'social'],
					languages: 'español, inglés, catalán',
					hours: '10',
					country: 'ES',
					remote: 'yes',
					motivation: 'Traduzco textos de arte desde hace años y me gustaría que las convocatorias lleguen a más artistas hispanohablantes.'
				},
				scores: [
					{ reviewer: 'demo-reviewer-a', scores: [5, 4, 5] },
					{ reviewer: 'demo-reviewer-b', scores: [5, 3, 4] }
				],
				shortlisted: true,
				decision: 'accepted'
			},
			{
				name: 'Bikash Tamang',
				email: 'bikash.tamang@example.org',
				locale: 'ne',
				submittedInDays: -22,
				answers: {
					skills: ['photo_video', 'logistics'],
					languages: 'नेपाली, तामाङ, अंग्रेजी',
					hours: '6',
					country: 'NP',
					remote: 'no',
					motivation: 'पाटनमा भएको कार्यक्रममा सहभागी भएँ। अर्को पटक काठमाडौँमा हुने कार्यक्रमको फोटो र व्यवस्थापनमा सघाउन चाहन्छु।'
				},
				scores: [
					{ reviewer: 'demo-reviewer-a', scores: [4, 2, 5] },
					{ reviewer: 'demo-reviewer-b', scores: [3, 3, 5] }
				],
				decision: 'waitlisted'
			},
			{
				name: 'Dewi Anggraini',
				email: 'dewi.anggraini@example.org',
				locale: 'id',
				submittedInDays: -15,
				answers: {
					skills: ['design', 'web'],
					languages: 'Bahasa Indonesia, Inggris, Bali',
					hours: '12',
					country: 'ID',
					remote: 'yes',
					motivation: 'Saya desainer web di Denpasar dan ingin membantu membuat materi festival yang ringan dibuka di ponsel.'
				},
				scores: [{ reviewer: 'demo-reviewer-b', scores: [4, 5, 3], comment: 'Could also help with the Bahasa translations.' }]
			}
		]
	}
];
