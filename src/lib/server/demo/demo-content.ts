import { demoCalls } from './demo-content-calls';
import type { DemoContent } from './demo-content.types';

/**
 * Demo content written into an empty database on first start, so a fresh
 * install shows a complete site in every language. Staff edit or replace all of
 * it from the admin; the e-mail address and social links are placeholders.
 * Testimonials are invented examples attributed to no real, named person.
 */
export const demoContent: DemoContent = {
	organization: {
		name: 'Micro Galleries',
		tagline: {
			en: 'Small creative acts, big change',
			ne: 'साना सिर्जनात्मक कदम, ठूला परिवर्तन',
			id: 'Aksi kreatif kecil, perubahan besar',
			es: 'Pequeños actos creativos, grandes cambios'
		},
		intro: {
			en: 'Micro Galleries is a free, independent arts initiative. We bring art, artists and communities together in public and virtual spaces, wherever the need is greatest.',
			ne: 'Micro Galleries एउटा निःशुल्क र स्वतन्त्र कला अभियान हो। हामी सार्वजनिक र भर्चुअल स्थानहरूमा कला, कलाकार र समुदायलाई एकै ठाउँमा ल्याउँछौँ, त्यो पनि जहाँ आवश्यकता सबैभन्दा बढी छ, त्यहीँ।',
			id: 'Micro Galleries adalah inisiatif seni yang gratis dan independen. Kami mempertemukan seni, seniman, dan komunitas di ruang publik dan ruang virtual, di mana pun kebutuhannya paling besar.',
			es: 'Micro Galleries es una iniciativa artística gratuita e independiente. Reunimos arte, artistas y comunidades en espacios públicos y virtuales, allí donde más falta hace.'
		},
		email: 'hello@example.org',
		location: {
			en: 'A distributed team working from many time zones',
			ne: 'विभिन्न समय क्षेत्रबाट काम गर्ने, संसारभर छरिएको टोली',
			id: 'Tim yang tersebar dan bekerja dari berbagai zona waktu',
			es: 'Un equipo repartido que trabaja desde muchas zonas horarias'
		},
		foundedYear: 2013,
		socialLinks: [
			{ label: 'Instagram', url: 'https://www.instagram.com/' },
			{ label: 'Facebook', url: 'https://www.facebook.com/' }
		],
		// The demo archive holds a few of the 38 initiatives: the totals are pinned from the
		// organization's own count, and the years are counted from the founding year.
		figures: {
			initiatives: 38,
			countries: 30,
			years: 0,
			participants: 2200000,
			asOfYear: 2025,
			source: {
				en: 'Micro Galleries’ own count, 2025',
				ne: 'माइक्रो ग्यालरिजको आफ्नै गणना, २०२५',
				id: 'Hitungan Micro Galleries sendiri, 2025',
				es: 'Recuento propio de Micro Galleries, 2025'
			}
		}
	},

	pages: {
		home: {
			title: {
				en: 'Small acts of art, big ripples of change',
				ne: 'कलाका साना कदम, परिवर्तनका ठूला लहर',
				id: 'Langkah seni yang kecil, gelombang perubahan yang besar',
				es: 'Pequeños gestos de arte, grandes olas de cambio'
			},
			summary: {
				en: 'We believe small, local creative actions can spark large social, environmental and political change, and we take that belief wherever it is needed.',
				ne: 'हामी विश्वास गर्छौँ कि साना, स्थानीय सिर्जनात्मक कामले ठूलो सामाजिक, वातावरणीय र राजनीतिक परिवर्तन ल्याउन सक्छ, र यही विश्वास बोकेर हामी जहाँ आवश्यकता छ, त्यहाँ पुग्छौँ।',
				id: 'Kami percaya aksi kreatif kecil yang lokal dapat memicu perubahan sosial, lingkungan, dan politik yang besar, dan kami membawa keyakinan itu ke mana pun ia dibutuhkan.',
				es: 'Creemos que las pequeñas acciones creativas y locales pueden provocar grandes cambios sociales, ambientales y políticos, y llevamos esa convicción allí donde hace falta.'
			},
			body: {
				en: `<p>Micro Galleries started from a simple idea: a small creative action in the right place can set off something much bigger. A mural in a forgotten laneway, a workshop in a community hall, a projection on a tired wall or a poster pasted up overnight can change how people see their street, their town and each other. We call it going from <em>micro</em> to <em>macro</em>.</p>
<p>We think of our work as <strong>urban acupuncture</strong>: precise, local interventions whose energy spreads through a whole community. We are also a <strong>creative clinic</strong>, where artists, residents and partners work side by side on local challenges that matter far beyond one place. Everything we run for the public is free.</p>`,
				ne: `<p>Micro Galleries एउटा सरल विचारबाट सुरु भयो: सही ठाउँमा गरिएको सानो सिर्जनात्मक कामले धेरै ठूलो कुरा जन्माउन सक्छ। बिर्सिएको गल्लीको एउटा भित्ते चित्र, सामुदायिक भवनमा एउटा कार्यशाला, पुरानो थोत्रो पर्खालमा एउटा प्रोजेक्सन, वा रातारात टाँसिएको एउटा पोस्टरले मानिसहरूले आफ्नो गल्ली, आफ्नो सहर र एकअर्कालाई हेर्ने नजर नै बदलिदिन सक्छ। यसैलाई हामी <em>माइक्रो</em>बाट <em>म्याक्रो</em>तर्फको यात्रा भन्छौँ।</p>
<p>हामी आफ्नो कामलाई <strong>सहरी एक्युपंक्चर</strong> ठान्छौँ: सटीक, स्थानीय हस्तक्षेप, जसको ऊर्जा पूरै समुदायमा फैलिन्छ। हामी एउटा <strong>सिर्जनात्मक क्लिनिक</strong> पनि हौँ, जहाँ कलाकार, स्थानीय बासिन्दा र साझेदारहरू काँधमा काँध मिलाएर त्यस्ता स्थानीय चुनौतीमा काम गर्छन्, जसको महत्त्व एउटा ठाउँभन्दा धेरै पर पुग्छ। हामीले जनताका लागि चलाउने हरेक कार्यक्रम निःशुल्क हुन्छ।</p>`,
				id: `<p>Micro Galleries lahir dari gagasan sederhana: satu aksi kreatif kecil di tempat yang tepat bisa memicu sesuatu yang jauh lebih besar. Sebuah mural di gang yang terlupakan, lokakarya di balai warga, proyeksi di dinding yang kusam, atau poster yang ditempel semalam bisa mengubah cara orang memandang jalan mereka, kota mereka, dan satu sama lain. Kami menyebutnya perjalanan dari <em>mikro</em> ke <em>makro</em>.</p>
<p>Kami memandang kerja kami sebagai <strong>akupunktur kota</strong>: intervensi lokal yang tepat sasaran, yang energinya menyebar ke seluruh komunitas. Kami juga sebuah <strong>klinik kreatif</strong>, tempat seniman, warga, dan mitra bekerja bahu-membahu menghadapi tantangan lokal yang maknanya melampaui satu tempat. Semua kegiatan kami untuk publik gratis.</p>`,
				es: `<p>Micro Galleries nació de una idea sencilla: una pequeña acción creativa en el lugar adecuado puede desencadenar algo mucho más grande. Un mural en un callejón olvidado, un taller en un salón comunitario, una proyección sobre una pared gastada o un cartel pegado durante la noche pueden cambiar la forma en que la gente mira su calle, su ciudad y a sus vecinos. A eso lo llamamos pasar de lo <em>micro</em> a lo <em>macro</em>.</p>
<p>Entendemos nuestro trabajo como <strong>acupuntura urbana</strong>: intervenciones locales y precisas cuya energía se extiende por toda una comunidad. También somos una <strong>clínica creativa</strong>, donde artistas, vecinos y socios trabajan codo con codo frente a retos locales que importan mucho más allá de un solo lugar. Todo lo que organizamos para el público es gratuito.</p>`
			}
		},

		about: {
			title: {
				en: 'Who we are',
				ne: 'हामी को हौँ',
				id: 'Siapa kami',
				es: 'Quiénes somos'
			},
			summary: {
				en: 'An independent, free and socially conscious arts initiative, run since 2013 by a distributed team of artists, creatives and imagineers.',
				ne: 'सन् २०१३ देखि कलाकार, सिर्जनशील व्यक्ति र इमाजिनियरहरूको छरिएको टोलीले चलाउँदै आएको स्वतन्त्र, निःशुल्क र सामाजिक रूपमा सचेत कला अभियान।',
				id: 'Inisiatif seni yang independen, gratis, dan peduli sosial, dijalankan sejak 2013 oleh tim seniman, pekerja kreatif, dan imagineer yang tersebar di banyak tempat.',
				es: 'Una iniciativa artística independiente, gratuita y con conciencia social, impulsada desde 2013 por un equipo repartido de artistas, creativos e imagineers.'
			},
			body: {
				en: `<p>Micro Galleries began in 2013 as an independent, free and socially conscious arts initiative. We call ourselves a social impact project and a virtual creative hub: part street gallery, part meeting place, part workshop for ideas. Our team is small and spread across many time zones. We are artists, creatives and “imagineers”, often working from our phones, wherever the work takes us.</p>
<h2>Where we have worked</h2>
<p>We roam. In 2015 the town-centre laneways of Nowra, in New South Wales, Australia, became open-air galleries: about twenty local artists, chosen through an open expression of interest, showed their work alongside artists from across Australia and overseas. In 2018 we went to Patan, in Nepal’s Kathmandu Valley, with a local partner collective and the theme “Empower!”. For two weeks more than a hundred creatives filled the city with projections, live music and murals, alongside a Women on Wall project and a residency on climate disruption in which artists worked with scientists and activists.</p>
<p>In Indonesia we have worked in Denpasar, Bali, and in Jakarta, where a kampung was transformed together with about fifty artists from around the world. Our work has also taken us to Langa Township in Cape Town, South Africa; to Tai Hang and Wan Chai in Hong Kong; and to Graz in Austria.</p>
<h2>Our programs</h2>
<ul>
<li><strong>MG Live</strong>: our annual micro festival. It reclaims disused or forgotten public spaces as free open-air galleries, with workshops, talks, tours and music.</li>
<li><strong>Women on Wall (WOW)</strong>: collaborative murals for gender equality. Its online launch was a parallel event of a UN Commission on the Status of Women forum, timed for audiences in both New York and Bangkok.</li>
<li><strong>Guerrilla Gallery Kit, climate edition</strong> (2024): a call for 100 artworks about climate disruption, printed and wheat-pasted in five places around the world on Earth Day, and shown online.</li>
<li><strong>Project/Forward</strong>: a micro moving-image festival. Moving-image artists send in their work; hosts anywhere with a projector, a small speaker and a place in their community apply to screen it.</li>
<li><strong>Virtual programs</strong>: words placed in windows, online artist talks, postcards of thanks for health workers, virtual exhibitions curated by members of our collective, pairings of artists from different countries to make new work together, and mentoring for emerging creative change-makers.</li>
</ul>
<p>Behind all of this stands the MG International Artist Collective: the artists we work with all over the world.</p>
<h2>What comes next</h2>
<p>Our program for 2025–2026 is <strong>Thresholds: Creating at the Edge of Change</strong>. As the name says, it takes us to the edges where change is happening, to make art there together with the people who are living through it.</p>`,
				ne: `<p>Micro Galleries सन् २०१३ मा एउटा स्वतन्त्र, निःशुल्क र सामाजिक रूपमा सचेत कला अभियानका रूपमा सुरु भयो। हामी आफूलाई सामाजिक प्रभावको परियोजना र एउटा भर्चुअल सिर्जनात्मक केन्द्र भन्छौँ: केही सडकको ग्यालरी, केही भेटघाटको चौतारी, केही विचारको कार्यशाला। हाम्रो टोली सानो छ र धेरै समय क्षेत्रमा छरिएको छ। हामी कलाकार, सिर्जनशील व्यक्ति र “इमाजिनियर” (कल्पनालाई आकार दिने मानिस) हौँ, र काम जहाँ लैजान्छ त्यहीँबाट, प्रायः आफ्नै मोबाइल फोनबाट काम गर्छौँ।</p>
<h2>हामीले काम गरेका ठाउँहरू</h2>
<p>हामी घुमन्ते हौँ। सन् २०१५ मा अस्ट्रेलियाको न्यु साउथ वेल्सस्थित नाउरा सहरको केन्द्रका गल्लीहरू खुला आकाशमुनिका ग्यालरी बने: खुला आवेदनमार्फत छानिएका करिब बीस जना स्थानीय कलाकारले देशभर र विदेशबाट आएका कलाकारसँगै आफ्ना कृति प्रदर्शन गरे। सन् २०१८ मा हामी एउटा स्थानीय साझेदार कलाकार समूहसँग मिलेर “Empower!” (सशक्तीकरण) विषय लिएर काठमाडौं उपत्यकाको पाटन पुग्यौँ। दुई हप्तासम्म सयभन्दा बढी सिर्जनशील व्यक्तिले सहरलाई प्रोजेक्सन, प्रत्यक्ष सङ्गीत र भित्ते चित्रले भरिदिए। त्यहाँ Women on Wall परियोजना र जलवायु संकटसम्बन्धी एउटा रेसिडेन्सी पनि भयो, जसमा कलाकारहरूले वैज्ञानिक र अभियन्तासँग मिलेर काम गरे।</p>
<p>इन्डोनेसियामा हामीले बालीको देनपसार र जकार्तामा काम गरेका छौँ। जकार्तामा संसारभरका करिब पचास जना कलाकारसँग मिलेर एउटा काम्पुङ (बस्ती) को रूप नै फेरियो। हाम्रो कामले हामीलाई दक्षिण अफ्रिकाको केप टाउनस्थित लाङ्गा टाउनसिप, हङकङको ताई हाङ र वान चाई, र अस्ट्रियाको ग्राजसम्म पनि पुर्याएको छ।</p>
<h2>हाम्रा कार्यक्रमहरू</h2>
<ul>
<li><strong>MG Live</strong>: हाम्रो वार्षिक सानो महोत्सव। यसले प्रयोगविहीन वा बिर्सिएका सार्वजनिक स्थानहरूलाई कार्यशाला, वार्ता, भ्रमण र सङ्गीतसहितका निःशुल्क खुला ग्यालरीमा बदल्छ।</li>
<li><strong>Women on Wall (WOW)</strong>: लैङ्गिक समानताका लागि मिलेर बनाइने भित्ते चित्रहरू। यसको अनलाइन सुरुवात संयुक्त राष्ट्रसंघको महिलाको स्थितिसम्बन्धी आयोगको एउटा फोरमको समानान्तर कार्यक्रमका रूपमा भयो, जसको समय न्युयोर्क र बैंकक दुवैका दर्शकलाई मिल्ने गरी राखिएको थियो।</li>
<li><strong>Guerrilla Gallery Kit, जलवायु संस्करण</strong> (सन् २०२४): जलवायु संकटबारे १०० कलाकृतिका लागि गरिएको आह्वान। ती कृति छापेर पृथ्वी दिवसका दिन संसारका पाँच ठाउँमा लेईले टाँसिए, र अनलाइन पनि देखाइए।</li>
<li><strong>Project/Forward</strong>: चलचित्र र गतिशील दृश्यको सानो महोत्सव। कलाकारहरूले आफ्ना कृति पठाउँछन्; प्रोजेक्टर, सानो स्पिकर र आफ्नो समुदायमा एउटा ठाउँ भएका जुनसुकै ठाउँका आयोजकले ती कृति देखाउन आवेदन दिन सक्छन्।</li>
<li><strong>भर्चुअल कार्यक्रमहरू</strong>: झ्यालमा राखिएका शब्दहरू, अनलाइन कलाकार वार्ता, स्वास्थ्यकर्मीलाई धन्यवादका पोस्टकार्ड, हाम्रो समूहका सदस्यहरूले क्युरेट गरेका भर्चुअल प्रदर्शनी, सँगै नयाँ कृति बनाउन फरक देशका कलाकारहरूको जोडी, र उदीयमान सिर्जनशील परिवर्तनकर्ताहरूका लागि मेन्टरिङ।</li>
</ul>
<p>यी सबैको पछाडि MG International Artist Collective छ: संसारभर हामीसँग काम गर्ने कलाकारहरूको समूह।</p>
<h2>अबको बाटो</h2>
<p>सन् २०२५–२०२६ को हाम्रो कार्यक्रम हो <strong>Thresholds: Creating at the Edge of Change</strong> (सँघार: परिवर्तनको छेउमा सिर्जना)। नामले भनेझैँ, यसले हामीलाई परिवर्तन भइरहेका किनारहरूमा लैजान्छ, ताकि त्यो परिवर्तन भोगिरहेका मानिसहरूसँगै मिलेर त्यहीँ कला सिर्जना गर्न सकियोस्।</p>`,
				id: `<p>Micro Galleries dimulai pada 2013 sebagai inisiatif seni yang independen, gratis, dan peduli sosial. Kami menyebut diri sebagai proyek dampak sosial sekaligus pusat kreatif virtual: sebagian galeri jalanan, sebagian tempat berkumpul, sebagian bengkel gagasan. Tim kami kecil dan tersebar di berbagai zona waktu. Kami seniman, pekerja kreatif, dan “imagineer” yang sering bekerja lewat ponsel, di mana pun pekerjaan membawa kami.</p>
<h2>Tempat-tempat kami berkarya</h2>
<p>Kami berkelana. Pada 2015, gang-gang di pusat kota Nowra, New South Wales, Australia, berubah menjadi galeri terbuka: sekitar dua puluh seniman lokal yang dipilih lewat panggilan terbuka memamerkan karya mereka bersama seniman dari seluruh Australia dan mancanegara. Pada 2018 kami datang ke Patan di Lembah Kathmandu, Nepal, bersama sebuah kolektif mitra setempat dengan tema “Empower!”. Selama dua minggu, lebih dari seratus pekerja kreatif mengisi kota dengan proyeksi, musik langsung, dan mural, ditambah sebuah proyek Women on Wall serta residensi tentang krisis iklim tempat para seniman bekerja bersama ilmuwan dan aktivis.</p>
<p>Di Indonesia, kami pernah berkarya di Denpasar, Bali, dan di Jakarta, tempat sebuah kampung berubah wajah bersama sekitar lima puluh seniman dari berbagai penjuru dunia. Perjalanan kami juga sampai ke Langa Township di Cape Town, Afrika Selatan; Tai Hang dan Wan Chai di Hong Kong; serta Graz di Austria.</p>
<h2>Program kami</h2>
<ul>
<li><strong>MG Live</strong>: festival mikro tahunan kami. Festival ini merebut kembali ruang publik yang terbengkalai atau terlupakan dan menjadikannya galeri terbuka yang gratis, lengkap dengan lokakarya, diskusi, tur, dan musik.</li>
<li><strong>Women on Wall (WOW)</strong>: mural kolaboratif untuk kesetaraan gender. Peluncuran daringnya menjadi acara paralel sebuah forum Komisi PBB tentang Status Perempuan, dengan jadwal yang pas untuk penonton di New York maupun Bangkok.</li>
<li><strong>Guerrilla Gallery Kit, edisi iklim</strong> (2024): panggilan untuk 100 karya seni tentang krisis iklim, yang dicetak lalu ditempel dengan teknik wheatpaste di lima tempat di dunia pada Hari Bumi, sekaligus dipamerkan secara daring.</li>
<li><strong>Project/Forward</strong>: festival mikro gambar bergerak. Seniman gambar bergerak mengirimkan karya mereka; tuan rumah di mana saja yang punya proyektor, pengeras suara kecil, dan tempat di komunitasnya bisa mendaftar untuk memutarnya.</li>
<li><strong>Program virtual</strong>: kata-kata yang dipajang di jendela, bincang seniman daring, kartu pos ucapan terima kasih untuk tenaga kesehatan, pameran virtual yang dikurasi anggota kolektif kami, pasangan seniman dari negara berbeda yang membuat karya baru bersama, dan pendampingan bagi para penggerak perubahan kreatif yang sedang tumbuh.</li>
</ul>
<p>Di balik semua ini ada MG International Artist Collective: para seniman yang bekerja bersama kami di seluruh dunia.</p>
<h2>Langkah berikutnya</h2>
<p>Program kami untuk 2025–2026 berjudul <strong>Thresholds: Creating at the Edge of Change</strong> (Ambang: Berkarya di Tepi Perubahan). Seperti namanya, program ini membawa kami ke tepian tempat perubahan sedang terjadi, untuk berkarya di sana bersama orang-orang yang mengalaminya.</p>`,
				es: `<p>Micro Galleries nació en 2013 como una iniciativa artística independiente, gratuita y con conciencia social. Nos definimos como un proyecto de impacto social y un espacio creativo virtual: un poco galería callejera, un poco lugar de encuentro y un poco taller de ideas. Somos un equipo pequeño, repartido por muchas zonas horarias: artistas, creativos e “imagineers” que a menudo trabajamos desde el teléfono, allí adonde nos lleve el trabajo.</p>
<h2>Dónde hemos trabajado</h2>
<p>Somos nómadas. En 2015, los callejones del centro de Nowra, en Nueva Gales del Sur (Australia), se convirtieron en galerías al aire libre: unos veinte artistas locales, elegidos mediante una convocatoria abierta, expusieron junto a artistas de todo el país y del extranjero. En 2018 llegamos a Patan, en el valle de Katmandú (Nepal), de la mano de un colectivo local y con el lema “Empower!”. Durante dos semanas, más de cien creativos llenaron la ciudad de proyecciones, música en vivo y murales, además de un proyecto de Women on Wall y una residencia sobre la crisis climática en la que artistas trabajaron con científicos y activistas.</p>
<p>En Indonesia hemos trabajado en Denpasar (Bali) y en Yakarta, donde un kampung, un barrio popular, se transformó con unos cincuenta artistas de todo el mundo. Nuestro trabajo también nos ha llevado a Langa Township, en Ciudad del Cabo (Sudáfrica); a Tai Hang y Wan Chai, en Hong Kong; y a Graz, en Austria.</p>
<h2>Nuestros programas</h2>
<ul>
<li><strong>MG Live</strong>: nuestro microfestival anual. Recupera espacios públicos abandonados u olvidados y los convierte en galerías gratuitas al aire libre, con talleres, charlas, recorridos y música.</li>
<li><strong>Women on Wall (WOW)</strong>: murales colaborativos por la igualdad de género. Su lanzamiento en línea fue un evento paralelo de un foro de la Comisión de la Condición Jurídica y Social de la Mujer de la ONU, con un horario pensado a la vez para Nueva York y Bangkok.</li>
<li><strong>Guerrilla Gallery Kit, edición climática</strong> (2024): una convocatoria de 100 obras sobre la crisis climática, que se imprimieron y se pegaron con engrudo en cinco lugares del mundo el Día de la Tierra, y que también se mostraron en línea.</li>
<li><strong>Project/Forward</strong>: un microfestival de imagen en movimiento. Los artistas envían sus obras, y anfitriones de cualquier lugar que tengan un proyector, un altavoz pequeño y un espacio en su comunidad pueden solicitar proyectarlas.</li>
<li><strong>Programas virtuales</strong>: palabras colocadas en ventanas, charlas de artistas en línea, postales de agradecimiento para el personal sanitario, exposiciones virtuales curadas por miembros de nuestro colectivo, parejas de artistas de distintos países que crean obra nueva juntos y mentorías para agentes de cambio creativo emergentes.</li>
</ul>
<p>Detrás de todo esto está el MG International Artist Collective: las y los artistas con quienes trabajamos en todo el mundo.</p>
<h2>Lo que viene</h2>
<p>Nuestro programa para 2025–2026 se llama <strong>Thresholds: Creating at the Edge of Change</strong> (Umbrales: crear al borde del cambio). Como dice su nombre, nos lleva a los bordes donde el cambio está ocurriendo, para crear allí junto a quienes lo están viviendo.</p>`
			}
		},

		manifesto: {
			title: {
				en: 'Cultural Manifesto',
				ne: 'सांस्कृतिक घोषणापत्र',
				id: 'Manifesto Budaya',
				es: 'Manifiesto Cultural'
			},
			summary: {
				en: 'The commitments behind everything we make, wherever we make it.',
				ne: 'हामी जहाँ जे बनाए पनि, त्यसका पछाडि रहेका प्रतिबद्धताहरू।',
				id: 'Komitmen di balik semua yang kami buat, di mana pun kami membuatnya.',
				es: 'Los compromisos detrás de todo lo que hacemos, dondequiera que lo hagamos.'
			},
			body: {
				en: `<p>This is how we roll. These are our promises to the places we go to, the people we work with and the artists who make it all happen.</p>
<h2>1. Free, always</h2>
<p>Everything we run for the public is free. Art is not a luxury, and nobody should be left outside a gallery, a workshop or a talk because of money.</p>
<h2>2. We go where the need is</h2>
<p>We roam across geographic, economic, political and cultural borders. We don’t settle in one place; we move to wherever a small spark can do the most good.</p>
<h2>3. The most vulnerable come first</h2>
<p>We start with the communities and sectors that are served least. When we have to choose, we choose the people who are usually left out.</p>
<h2>4. Small acts, big change</h2>
<p>One wall, one laneway, one night of projections can change how a place sees itself. Like acupuncture, we work precisely and locally, and let the effects travel.</p>
<h2>5. Local people lead</h2>
<p>Every initiative is made with a lead local organisation and a local team. They know their place best. We bring the spark, the network and the artists, and we listen before we paint.</p>
<h2>6. Artists get attention and opportunity</h2>
<p>Artists, and above all under-served artists, deserve to be seen, heard and given real opportunities. We open doors: open calls, residencies, festivals, mentoring and collaborations across borders.</p>
<h2>7. Streets and screens belong to everyone</h2>
<p>Public space and virtual space are shared ground. We fill laneways, walls, windows and screens with art, so it reaches people in their daily lives, however they are connected.</p>
<h2>8. Care for places and people</h2>
<p>We get to know each place on the ground and treat it, and the people who live there, with care. We look for answers to local challenges that matter to the whole world.</p>
<p><strong>If this sounds like you, come and make something with us.</strong></p>`,
				ne: `<p>हामी यसरी काम गर्छौँ। हामी पुग्ने ठाउँहरू, हामीसँग काम गर्ने मानिसहरू र यो सबै सम्भव बनाउने कलाकारहरूप्रति हाम्रा वाचा यी हुन्।</p>
<h2>१. सधैँ निःशुल्क</h2>
<p>हामीले जनताका लागि चलाउने सबै कुरा निःशुल्क हुन्छ। कला विलासिता होइन, र पैसाकै कारण कोही पनि ग्यालरी, कार्यशाला वा वार्ताबाट बाहिर पर्नु हुँदैन।</p>
<h2>२. जहाँ आवश्यकता छ, हामी त्यहीँ जान्छौँ</h2>
<p>हामी भौगोलिक, आर्थिक, राजनीतिक र सांस्कृतिक सीमाहरू पार गर्दै घुमिरहन्छौँ। हामी एकै ठाउँमा बसिरहँदैनौँ; जहाँ सानो झिल्काले सबैभन्दा बढी भलो गर्न सक्छ, त्यतै लाग्छौँ।</p>
<h2>३. सबैभन्दा जोखिममा रहेकाहरू पहिले</h2>
<p>हामी सबैभन्दा कम सेवा पाएका समुदाय र क्षेत्रबाट सुरु गर्छौँ। छान्नुपर्दा, हामी प्रायः पछाडि पारिने मानिसहरूलाई नै छान्छौँ।</p>
<h2>४. साना कदम, ठूलो परिवर्तन</h2>
<p>एउटा पर्खाल, एउटा गल्ली, प्रोजेक्सनको एउटा रातले कुनै ठाउँले आफूलाई हेर्ने दृष्टि नै बदलिदिन सक्छ। एक्युपंक्चरझैँ, हामी सटीक र स्थानीय रूपमा काम गर्छौँ, अनि त्यसको असरलाई टाढासम्म फैलिन दिन्छौँ।</p>
<h2>५. नेतृत्व स्थानीयको</h2>
<p>हरेक अभियान एउटा प्रमुख स्थानीय संस्था र स्थानीय टोलीसँग मिलेर बनाइन्छ। आफ्नो ठाउँ उनीहरूलाई नै सबैभन्दा राम्रोसँग थाहा हुन्छ। हामी झिल्को, सञ्जाल र कलाकार ल्याउँछौँ, र रङ लगाउनुअघि ध्यान दिएर सुन्छौँ।</p>
<h2>६. कलाकारले ध्यान र अवसर पाउनुपर्छ</h2>
<p>कलाकारहरू, विशेषगरी कम अवसर पाएका कलाकारहरू, देखिन, सुनिन र वास्तविक अवसर पाउन योग्य छन्। हामी ढोका खोल्छौँ: खुला आह्वान, रेसिडेन्सी, महोत्सव, मेन्टरिङ र सीमापारका सहकार्य।</p>
<h2>७. सडक र स्क्रिन सबैका हुन्</h2>
<p>सार्वजनिक स्थान र भर्चुअल स्थान साझा भूमि हुन्। हामी गल्ली, पर्खाल, झ्याल र स्क्रिनलाई कलाले भर्छौँ, ताकि मानिसहरू जुनसुकै माध्यमबाट जोडिए पनि कला उनीहरूको दैनिक जीवनसम्म पुगोस्।</p>
<h2>८. ठाउँ र मानिसको हेरचाह</h2>
<p>हामी हरेक ठाउँलाई जमिनमै उत्रिएर चिन्छौँ, र त्यो ठाउँ तथा त्यहाँ बस्ने मानिसहरूलाई माया र सम्मानका साथ व्यवहार गर्छौँ। हामी त्यस्ता स्थानीय चुनौतीका समाधान खोज्छौँ, जसको अर्थ सारा संसारका लागि हुन्छ।</p>
<p><strong>यो तपाईंकै कुरा जस्तो लाग्छ भने, आउनुहोस्, हामीसँगै केही बनाऔँ।</strong></p>`,
				id: `<p>Beginilah cara kami bergerak. Inilah janji kami kepada tempat-tempat yang kami datangi, orang-orang yang bekerja bersama kami, dan para seniman yang mewujudkan semuanya.</p>
<h2>1. Selalu gratis</h2>
<p>Semua yang kami selenggarakan untuk publik gratis. Seni bukan barang mewah, dan tak seorang pun boleh tertinggal di luar galeri, lokakarya, atau diskusi karena soal uang.</p>
<h2>2. Kami pergi ke tempat yang membutuhkan</h2>
<p>Kami berkelana melintasi batas geografis, ekonomi, politik, dan budaya. Kami tidak menetap di satu tempat; kami bergerak ke mana pun percikan kecil bisa membawa kebaikan paling besar.</p>
<h2>3. Yang paling rentan didahulukan</h2>
<p>Kami memulai dari komunitas dan sektor yang paling sedikit terlayani. Saat harus memilih, kami memilih mereka yang biasanya terpinggirkan.</p>
<h2>4. Aksi kecil, perubahan besar</h2>
<p>Satu dinding, satu gang, satu malam penuh proyeksi bisa mengubah cara sebuah tempat memandang dirinya sendiri. Seperti akupunktur, kami bekerja dengan tepat dan lokal, lalu membiarkan dampaknya menyebar jauh.</p>
<h2>5. Warga setempat memimpin</h2>
<p>Setiap inisiatif dibuat bersama satu organisasi lokal utama dan tim lokal. Merekalah yang paling mengenal tempatnya. Kami membawa percikan, jaringan, dan para seniman, dan kami mendengarkan dulu sebelum mulai melukis.</p>
<h2>6. Seniman layak diperhatikan dan diberi kesempatan</h2>
<p>Seniman, terutama yang kurang terlayani, layak dilihat, didengar, dan diberi kesempatan nyata. Kami membuka pintu: panggilan terbuka, residensi, festival, pendampingan, dan kolaborasi lintas negara.</p>
<h2>7. Jalanan dan layar milik semua orang</h2>
<p>Ruang publik dan ruang virtual adalah ruang bersama. Kami mengisi gang, dinding, jendela, dan layar dengan seni, agar seni hadir dalam keseharian orang, apa pun cara mereka terhubung.</p>
<h2>8. Peduli pada tempat dan manusia</h2>
<p>Kami mengenal setiap tempat langsung di lapangan dan memperlakukannya, juga orang-orang yang tinggal di sana, dengan penuh kepedulian. Kami mencari jawaban atas tantangan lokal yang penting bagi seluruh dunia.</p>
<p><strong>Kalau ini terasa seperti Anda, mari berkarya bersama kami.</strong></p>`,
				es: `<p>Así nos movemos. Estas son nuestras promesas a los lugares adonde llegamos, a la gente con la que colaboramos y a los artistas que lo hacen todo posible.</p>
<h2>1. Gratis, siempre</h2>
<p>Todo lo que organizamos para el público es gratuito. El arte no es un lujo, y nadie debería quedarse fuera de una galería, un taller o una charla por falta de dinero.</p>
<h2>2. Vamos adonde hace falta</h2>
<p>Cruzamos fronteras geográficas, económicas, políticas y culturales. No echamos raíces en un solo sitio: vamos allí donde una pequeña chispa puede hacer más bien.</p>
<h2>3. Primero, las personas más vulnerables</h2>
<p>Empezamos por las comunidades y los sectores que menos atención reciben. Cuando hay que elegir, elegimos a quienes suelen quedarse fuera.</p>
<h2>4. Pequeños gestos, grandes cambios</h2>
<p>Una pared, un callejón, una noche de proyecciones pueden cambiar la manera en que un lugar se ve a sí mismo. Como en la acupuntura, trabajamos con precisión y a escala local, y dejamos que el efecto se extienda.</p>
<h2>5. La gente del lugar va delante</h2>
<p>Cada iniciativa se hace con una organización local que la encabeza y con un equipo local. Nadie conoce mejor su lugar. Nosotros ponemos la chispa, la red y los artistas, y escuchamos antes de pintar.</p>
<h2>6. Los artistas merecen atención y oportunidades</h2>
<p>Los artistas, sobre todo quienes suelen quedar al margen, merecen ser vistos, ser escuchados y tener oportunidades reales. Abrimos puertas: convocatorias, residencias, festivales, mentorías y colaboraciones entre países.</p>
<h2>7. Las calles y las pantallas son de todos</h2>
<p>El espacio público y el espacio virtual son terreno compartido. Llenamos callejones, paredes, ventanas y pantallas de arte para que llegue a la vida diaria de la gente, se conecte como se conecte.</p>
<h2>8. Cuidar los lugares y a su gente</h2>
<p>Conocemos cada lugar sobre el terreno y lo tratamos con cuidado, igual que a quienes viven en él. Buscamos respuestas a retos locales que importan al mundo entero.</p>
<p><strong>Si esto va contigo, ven a crear con nosotros.</strong></p>`
			}
		},

		privacy: {
			title: {
				en: 'Privacy policy',
				ne: 'गोपनीयता नीति',
				id: 'Kebijakan privasi',
				es: 'Política de privacidad'
			},
			summary: {
				en: 'What we collect, why, how long we keep it, and how you stay in control, in plain words.',
				ne: 'हामी के सङ्कलन गर्छौँ, किन गर्छौँ, कति समय राख्छौँ र तपाईं कसरी आफ्नो नियन्त्रणमा रहनुहुन्छ, सरल शब्दमा।',
				id: 'Apa yang kami kumpulkan, untuk apa, berapa lama kami menyimpannya, dan bagaimana Anda tetap memegang kendali, dalam bahasa yang sederhana.',
				es: 'Qué datos recogemos, para qué, cuánto tiempo los guardamos y cómo mantienes el control, en palabras sencillas.'
			},
			body: {
				en: `<p>We want this site to be a safe place to visit. This page explains, in plain language, what information we hold about you, why we hold it and what you can do about it. The short version: we collect as little as we can, we use it only for the reason you gave it to us, and we never sell it.</p>
<h2>Visiting the site</h2>
<p>You can read every page without telling us who you are. We do not use analytics, tracking pixels or advertising tools, and our pages load nothing from other companies’ servers: no outside fonts, no hidden trackers, no social media widgets. We do not use cookies to follow you. Like any web server, ours keeps short technical logs (for example, which page was asked for and when) so we can keep the site running and safe. These logs are deleted after a short time and are never used to build a profile of anyone.</p>
<h2>Newsletter</h2>
<p>If you sign up for our newsletter, we keep your e-mail address, the language and topics you chose, and a record of when you confirmed your subscription. We use your address only to write to you. Every newsletter has a link to unsubscribe in one click, and you can change your preferences at any time. When you unsubscribe, we stop writing to you straight away.</p>
<h2>Open calls and applications</h2>
<p>When you answer an open call, as an artist, a host or partner, or a volunteer, we keep what you send us: your name or moniker, your contact details, and the answers, files and links in your application. Our team and the reviewers assigned to that call use them only to assess your application and to reply to you. We keep applications while the call runs and for a limited time afterwards, so we can answer questions and follow up; then we delete them. If your work is selected, we keep only what we need to run the project and to credit you, and we never publish your profile or your work without your consent.</p>
<h2>Donations</h2>
<p>Donations are paid through Stripe, a payment provider. When you give, you type your card details on Stripe’s page, not ours, so we never see or store your card number. We keep a record of each donation (your name, e-mail address, the amount, the date and whether it is one-off or monthly) so we can send you a receipt, manage a monthly gift and keep the financial records the law requires. We keep these records for as long as the law asks us to. Your name appears on a public list of donors only if you ask for it.</p>
<h2>Who can see your information</h2>
<p>Only the members of our team who need it, and the reviewers assigned to a call you answered. We do not sell, rent or trade your information, and we do not share it with anyone else unless the law requires us to.</p>
<h2>Your choices and rights</h2>
<p>At any time you can ask us for a copy of the information we hold about you, or ask us to correct it or delete it. Just write to <a href="mailto:hello@example.org">hello@example.org</a> and tell us what you would like. We will answer as soon as we can. Some records, such as donation receipts, may have to be kept a while longer because the law requires it; if so, we will tell you.</p>
<h2>Changes to this policy</h2>
<p>If we change how we handle your information, we will update this page first. If a change affects how we use information you have already given us, we will tell you before it applies.</p>`,
				ne: `<p>हामी चाहन्छौँ, यो साइट हेर्दा तपाईं सुरक्षित महसुस गर्नुहोस्। तपाईंबारे हामीसँग के जानकारी हुन्छ, किन हुन्छ र त्यसबारे तपाईं के गर्न सक्नुहुन्छ भन्ने कुरा यो पृष्ठले सरल भाषामा बताउँछ। छोटकरीमा: हामी सकेसम्म कम जानकारी लिन्छौँ, तपाईंले जुन कामका लागि दिनुभयो त्यसैमा मात्र प्रयोग गर्छौँ, र कहिल्यै बेच्दैनौँ।</p>
<h2>साइट हेर्दा</h2>
<p>तपाईं आफू को हो भनेर नबताईकनै यहाँका सबै पृष्ठ पढ्न सक्नुहुन्छ। हामी एनालिटिक्स, ट्र्याकिङ पिक्सेल वा विज्ञापनका उपकरण प्रयोग गर्दैनौँ, र हाम्रा पृष्ठहरूले अरू कम्पनीका सर्भरबाट केही पनि लोड गर्दैनन्: बाहिरका फन्ट छैनन्, लुकेका ट्र्याकर छैनन्, सामाजिक सञ्जालका विजेट छैनन्। तपाईंलाई पछ्याउन हामी कुकी प्रयोग गर्दैनौँ। अरू वेब सर्भरजस्तै, साइटलाई चालु र सुरक्षित राख्न हाम्रो सर्भरले पनि छोटो प्राविधिक लग (जस्तै, कुन पृष्ठ कहिले माग गरियो) राख्छ। ती लग केही समयपछि मेटिन्छन् र कसैको प्रोफाइल बनाउन कहिल्यै प्रयोग गरिँदैनन्।</p>
<h2>न्युजलेटर</h2>
<p>तपाईंले हाम्रो न्युजलेटरका लागि दर्ता गर्नुभयो भने, हामी तपाईंको इमेल ठेगाना, तपाईंले छान्नुभएको भाषा र विषय, र तपाईंले सदस्यता कहिले पुष्टि गर्नुभयो भन्ने अभिलेख राख्छौँ। तपाईंको ठेगाना हामी तपाईंलाई लेख्नका लागि मात्र प्रयोग गर्छौँ। हरेक न्युजलेटरमा एकै क्लिकमा सदस्यता छोड्ने लिङ्क हुन्छ, र तपाईं जुनसुकै बेला आफ्ना रोजाइ बदल्न सक्नुहुन्छ। सदस्यता छोड्नुभएपछि हामी तुरुन्तै तपाईंलाई लेख्न बन्द गर्छौँ।</p>
<h2>खुला आह्वान र आवेदन</h2>
<p>तपाईंले कलाकार, आयोजक वा साझेदार, वा स्वयंसेवकका रूपमा कुनै खुला आह्वानको जवाफ दिनुहुँदा, तपाईंले पठाएका कुरा हामी राख्छौँ: तपाईंको नाम वा उपनाम, सम्पर्क विवरण, र आवेदनमा भएका जवाफ, फाइल र लिङ्कहरू। हाम्रो टोली र त्यो आह्वानका लागि तोकिएका समीक्षकहरूले तपाईंको आवेदन मूल्याङ्कन गर्न र तपाईंलाई जवाफ दिन मात्र यिनको प्रयोग गर्छन्। आह्वान चलुन्जेल, र त्यसपछि प्रश्नहरूको जवाफ दिन र आवश्यक काम टुङ्ग्याउन केही सीमित समयसम्म, हामी आवेदन राख्छौँ; त्यसपछि मेटाउँछौँ। तपाईंको कृति छानियो भने, परियोजना चलाउन र तपाईंलाई श्रेय दिन चाहिने जानकारी मात्र राख्छौँ, र तपाईंको सहमति बिना तपाईंको प्रोफाइल वा कृति कहिल्यै सार्वजनिक गर्दैनौँ।</p>
<h2>दान</h2>
<p>दान Stripe नामक भुक्तानी सेवामार्फत गरिन्छ। तपाईंले दान गर्दा आफ्नो कार्डको विवरण हाम्रो होइन, Stripe को पृष्ठमा भर्नुहुन्छ, त्यसैले तपाईंको कार्ड नम्बर हामी न देख्छौँ न राख्छौँ। तपाईंलाई रसिद पठाउन, मासिक दान व्यवस्थापन गर्न र कानुनले माग गरेको आर्थिक अभिलेख राख्न हामी हरेक दानको अभिलेख (तपाईंको नाम, इमेल ठेगाना, रकम, मिति, र दान एक पटकको हो वा मासिक) राख्छौँ। यी अभिलेख कानुनले तोकेको अवधिसम्म राखिन्छन्। तपाईंले चाहनुभयो भने मात्र तपाईंको नाम दाताहरूको सार्वजनिक सूचीमा देखिन्छ।</p>
<h2>तपाईंको जानकारी कसले देख्न सक्छ</h2>
<p>हाम्रो टोलीका ती सदस्यहरूले मात्र, जसलाई त्यो जानकारी चाहिन्छ, र तपाईंले जवाफ दिनुभएको आह्वानका लागि तोकिएका समीक्षकहरूले। हामी तपाईंको जानकारी बेच्दैनौँ, भाडामा दिँदैनौँ वा साटासाट गर्दैनौँ, र कानुनले नमागेसम्म अरू कसैलाई दिँदैनौँ।</p>
<h2>तपाईंका छनोट र अधिकार</h2>
<p>हामीसँग तपाईंबारे भएको जानकारीको प्रतिलिपि माग्न, त्यसलाई सच्याउन वा मेटाउन तपाईं जुनसुकै बेला अनुरोध गर्न सक्नुहुन्छ। <a href="mailto:hello@example.org">hello@example.org</a> मा इमेल लेखेर तपाईं के चाहनुहुन्छ भन्नुहोस्। हामी सकेसम्म छिटो जवाफ दिनेछौँ। दानको रसिदजस्ता केही अभिलेख कानुनी कारणले अझै केही समय राख्नुपर्ने हुन सक्छ; त्यस्तो भएमा हामी तपाईंलाई बताउनेछौँ।</p>
<h2>यो नीतिमा परिवर्तन</h2>
<p>तपाईंको जानकारी सम्हाल्ने तरिका बदलियो भने हामी सबैभन्दा पहिले यो पृष्ठ अद्यावधिक गर्नेछौँ। तपाईंले पहिले नै दिनुभएको जानकारीको प्रयोगमा असर पार्ने परिवर्तन भए, त्यो लागू हुनुअघि नै हामी तपाईंलाई खबर गर्नेछौँ।</p>`,
				id: `<p>Kami ingin situs ini menjadi tempat yang aman untuk dikunjungi. Halaman ini menjelaskan dengan bahasa sederhana informasi apa tentang Anda yang kami simpan, untuk apa, dan apa yang bisa Anda lakukan. Singkatnya: kami mengumpulkan sesedikit mungkin, memakainya hanya untuk tujuan Anda memberikannya, dan tidak pernah menjualnya.</p>
<h2>Saat mengunjungi situs</h2>
<p>Anda bisa membaca semua halaman tanpa memberi tahu siapa Anda. Kami tidak memakai analitik, piksel pelacak, atau alat iklan, dan halaman kami tidak memuat apa pun dari server perusahaan lain: tanpa fon dari luar, tanpa pelacak tersembunyi, tanpa widget media sosial. Kami tidak memakai cookie untuk mengikuti Anda. Seperti server web pada umumnya, server kami menyimpan log teknis singkat (misalnya halaman apa yang diminta dan kapan) agar situs tetap berjalan dan aman. Log ini dihapus setelah waktu singkat dan tidak pernah dipakai untuk membuat profil siapa pun.</p>
<h2>Buletin</h2>
<p>Jika Anda berlangganan buletin kami, kami menyimpan alamat email Anda, bahasa dan topik yang Anda pilih, serta catatan kapan Anda mengonfirmasi langganan. Alamat Anda hanya kami pakai untuk menulis kepada Anda. Setiap buletin memuat tautan untuk berhenti berlangganan dengan satu klik, dan Anda bisa mengubah pilihan kapan saja. Begitu Anda berhenti berlangganan, kami langsung berhenti mengirimi Anda email.</p>
<h2>Panggilan terbuka dan pendaftaran</h2>
<p>Saat Anda menanggapi panggilan terbuka, baik sebagai seniman, tuan rumah atau mitra, maupun relawan, kami menyimpan apa yang Anda kirimkan: nama atau nama samaran, kontak, serta jawaban, berkas, dan tautan dalam pendaftaran Anda. Tim kami dan peninjau yang ditugaskan untuk panggilan itu memakainya hanya untuk menilai pendaftaran Anda dan membalas Anda. Kami menyimpan pendaftaran selama panggilan berlangsung dan untuk waktu terbatas sesudahnya, agar kami bisa menjawab pertanyaan dan menindaklanjutinya; setelah itu kami menghapusnya. Jika karya Anda terpilih, kami hanya menyimpan yang diperlukan untuk menjalankan proyek dan mencantumkan nama Anda, dan kami tidak pernah menerbitkan profil atau karya Anda tanpa persetujuan Anda.</p>
<h2>Donasi</h2>
<p>Donasi dibayar melalui Stripe, sebuah penyedia layanan pembayaran. Saat berdonasi, Anda mengisi data kartu di halaman Stripe, bukan di halaman kami, sehingga kami tidak pernah melihat atau menyimpan nomor kartu Anda. Kami menyimpan catatan setiap donasi (nama, alamat email, jumlah, tanggal, dan apakah donasi itu sekali atau bulanan) untuk mengirim tanda terima, mengelola donasi bulanan, dan memenuhi kewajiban pencatatan keuangan menurut hukum. Catatan ini kami simpan selama yang diwajibkan hukum. Nama Anda hanya muncul di daftar donatur publik jika Anda memintanya.</p>
<h2>Siapa yang bisa melihat informasi Anda</h2>
<p>Hanya anggota tim kami yang memerlukannya, dan peninjau yang ditugaskan untuk panggilan yang Anda tanggapi. Kami tidak menjual, menyewakan, atau menukar informasi Anda, dan tidak membagikannya kepada pihak lain kecuali diwajibkan oleh hukum.</p>
<h2>Pilihan dan hak Anda</h2>
<p>Kapan saja, Anda bisa meminta salinan informasi tentang Anda yang kami simpan, atau meminta kami memperbaikinya atau menghapusnya. Cukup kirim email ke <a href="mailto:hello@example.org">hello@example.org</a> dan sampaikan permintaan Anda. Kami akan membalas secepat mungkin. Beberapa catatan, seperti tanda terima donasi, mungkin harus disimpan lebih lama karena diwajibkan hukum; jika demikian, kami akan memberi tahu Anda.</p>
<h2>Perubahan kebijakan ini</h2>
<p>Jika cara kami menangani informasi Anda berubah, kami akan memperbarui halaman ini lebih dulu. Jika perubahan itu memengaruhi cara kami memakai informasi yang sudah Anda berikan, kami akan memberi tahu Anda sebelum perubahan berlaku.</p>`,
				es: `<p>Queremos que visitar este sitio sea seguro. Esta página explica, con palabras sencillas, qué información tenemos sobre ti, para qué la tenemos y qué puedes hacer al respecto. En resumen: recogemos lo mínimo posible, lo usamos solo para aquello para lo que nos lo diste y nunca lo vendemos.</p>
<h2>Cuando visitas el sitio</h2>
<p>Puedes leer todas las páginas sin decirnos quién eres. No usamos analítica, píxeles de seguimiento ni herramientas publicitarias, y nuestras páginas no cargan nada desde servidores de otras empresas: ni fuentes externas, ni rastreadores ocultos, ni widgets de redes sociales. No usamos cookies para seguirte. Como cualquier servidor web, el nuestro guarda registros técnicos breves (por ejemplo, qué página se pidió y cuándo) para que el sitio funcione y esté protegido. Esos registros se borran al poco tiempo y nunca se usan para elaborar el perfil de nadie.</p>
<h2>Boletín</h2>
<p>Si te suscribes a nuestro boletín, guardamos tu dirección de correo electrónico, el idioma y los temas que elegiste, y un registro de cuándo confirmaste la suscripción. Usamos tu dirección solo para escribirte. Cada boletín incluye un enlace para darte de baja con un solo clic, y puedes cambiar tus preferencias cuando quieras. En cuanto te das de baja, dejamos de escribirte.</p>
<h2>Convocatorias y solicitudes</h2>
<p>Cuando respondes a una convocatoria, como artista, como anfitrión o socio, o como voluntario, guardamos lo que nos envías: tu nombre o seudónimo, tus datos de contacto y las respuestas, archivos y enlaces de tu solicitud. Nuestro equipo y las personas asignadas para revisar esa convocatoria los usan solo para valorar tu solicitud y responderte. Conservamos las solicitudes mientras la convocatoria está en marcha y durante un tiempo limitado después, para poder resolver dudas y hacer seguimiento; luego las borramos. Si tu obra resulta seleccionada, guardamos solo lo necesario para llevar a cabo el proyecto y reconocer tu autoría, y nunca publicamos tu perfil ni tu obra sin tu consentimiento.</p>
<h2>Donaciones</h2>
<p>Las donaciones se pagan a través de Stripe, un proveedor de pagos. Cuando donas, escribes los datos de tu tarjeta en la página de Stripe, no en la nuestra, así que nunca vemos ni guardamos el número de tu tarjeta. Guardamos un registro de cada donación (tu nombre, tu correo electrónico, el importe, la fecha y si es única o mensual) para enviarte el recibo, gestionar las donaciones mensuales y llevar la contabilidad que exige la ley. Conservamos estos registros durante el tiempo que la ley nos pida. Tu nombre solo aparece en una lista pública de donantes si tú lo pides.</p>
<h2>Quién puede ver tu información</h2>
<p>Solo las personas de nuestro equipo que la necesitan y quienes revisan la convocatoria a la que respondiste. No vendemos, alquilamos ni intercambiamos tu información, y no la compartimos con nadie más salvo que la ley nos obligue.</p>
<h2>Tus opciones y derechos</h2>
<p>En cualquier momento puedes pedirnos una copia de la información que tenemos sobre ti, o pedirnos que la corrijamos o la borremos. Solo tienes que escribir a <a href="mailto:hello@example.org">hello@example.org</a> y contarnos qué necesitas. Te responderemos lo antes posible. Es posible que algunos registros, como los recibos de donación, deban guardarse un tiempo más porque la ley lo exige; si es así, te lo diremos.</p>
<h2>Cambios en esta política</h2>
<p>Si cambiamos la forma en que tratamos tu información, primero actualizaremos esta página. Si el cambio afecta al uso de información que ya nos diste, te avisaremos antes de que se aplique.</p>`
			}
		}
	},

	pillars: [
		{
			title: { en: 'Art', ne: 'कला', id: 'Seni', es: 'Arte' },
			body: {
				en: 'We bring impactful art into the places where people live, work and pass by, so it becomes part of everyday life instead of something kept behind closed doors.',
				ne: 'हामी प्रभावशाली कलालाई मानिसहरू बस्ने, काम गर्ने र हिँडडुल गर्ने ठाउँसम्म पुर्याउँछौँ, ताकि कला बन्द ढोकाभित्र थुनिएर होइन, दैनिक जीवनकै हिस्सा बनोस्।',
				id: 'Kami menghadirkan seni yang berdampak ke tempat orang tinggal, bekerja, dan berlalu-lalang, agar seni menjadi bagian dari keseharian, bukan sesuatu yang tersimpan di balik pintu tertutup.',
				es: 'Llevamos arte que deja huella a los lugares donde la gente vive, trabaja y pasa, para que forme parte de la vida diaria y no quede guardado tras puertas cerradas.'
			}
		},
		{
			title: { en: 'Artists', ne: 'कलाकार', id: 'Seniman', es: 'Artistas' },
			body: {
				en: 'We open enriching opportunities for under-served artists: open calls, residencies, festivals, mentoring and collaborations with artists in other countries.',
				ne: 'हामी कम अवसर पाएका कलाकारहरूका लागि उनीहरूलाई समृद्ध बनाउने अवसरका ढोका खोल्छौँ: खुला आह्वान, रेसिडेन्सी, महोत्सव, मेन्टरिङ र अन्य देशका कलाकारसँग सहकार्य।',
				id: 'Kami membuka kesempatan yang memperkaya bagi seniman yang kurang terlayani: panggilan terbuka, residensi, festival, pendampingan, dan kolaborasi dengan seniman dari negara lain.',
				es: 'Abrimos oportunidades enriquecedoras para artistas que suelen quedar al margen: convocatorias, residencias, festivales, mentorías y colaboraciones con artistas de otros países.'
			}
		},
		{
			title: { en: 'Community', ne: 'समुदाय', id: 'Komunitas', es: 'Comunidad' },
			body: {
				en: 'Together with the people who live them, we work towards solutions-based, visionary change for local challenges that have global relevance.',
				ne: 'स्थानीय चुनौती भोगिरहेका मानिसहरूसँगै मिलेर, हामी विश्वव्यापी सान्दर्भिकता बोकेका ती चुनौतीहरूका लागि समाधानमुखी र दूरदर्शी परिवर्तनतर्फ काम गर्छौँ।',
				id: 'Bersama orang-orang yang mengalaminya, kami mengupayakan perubahan yang visioner dan berorientasi solusi untuk tantangan lokal yang relevan secara global.',
				es: 'Junto a quienes los viven, impulsamos cambios visionarios y centrados en soluciones para retos locales con relevancia global.'
			}
		}
	],

	activities: [
		{
			title: {
				en: 'Interventions in public and virtual spaces',
				ne: 'सार्वजनिक र भर्चुअल स्थानमा हस्तक्षेप',
				id: 'Intervensi di ruang publik dan virtual',
				es: 'Intervenciones en espacios públicos y virtuales'
			},
			body: {
				en: 'We turn laneways, walls, windows and screens into galleries, bringing art into the middle of daily life, on the street and online.',
				ne: 'हामी गल्ली, पर्खाल, झ्याल र स्क्रिनलाई ग्यालरीमा बदल्छौँ, र सडकमा होस् वा अनलाइन, कलालाई दैनिक जीवनको बीचमा ल्याउँछौँ।',
				id: 'Kami mengubah gang, dinding, jendela, dan layar menjadi galeri, sehingga seni hadir di tengah keseharian, di jalanan maupun di dunia daring.',
				es: 'Convertimos callejones, paredes, ventanas y pantallas en galerías, y llevamos el arte al centro de la vida diaria, en la calle y en línea.'
			}
		},
		{
			title: { en: 'Workshops', ne: 'कार्यशाला', id: 'Lokakarya', es: 'Talleres' },
			body: {
				en: 'Free, hands-on sessions where neighbours, young people and artists make things together and learn new skills.',
				ne: 'निःशुल्क, आफैँ गरेर सिक्ने सत्रहरू, जहाँ छिमेकी, युवा र कलाकारहरू सँगै केही बनाउँछन् र नयाँ सीप सिक्छन्।',
				id: 'Sesi praktik gratis tempat tetangga, anak muda, dan seniman berkarya bersama dan mempelajari keterampilan baru.',
				es: 'Sesiones prácticas y gratuitas donde vecinos, jóvenes y artistas crean juntos y aprenden cosas nuevas.'
			}
		},
		{
			title: { en: 'Art tours', ne: 'कला भ्रमण', id: 'Tur seni', es: 'Recorridos de arte' },
			body: {
				en: 'Guided walks through the works and the neighbourhoods around them, with the stories behind each piece.',
				ne: 'कलाकृति र तिनका वरपरका टोलहरूमा गराइने निर्देशित पैदल भ्रमण, जहाँ हरेक कृतिपछाडिको कथा सुन्न पाइन्छ।',
				id: 'Jalan kaki berpemandu menyusuri karya-karya dan lingkungan di sekitarnya, lengkap dengan kisah di balik setiap karya.',
				es: 'Paseos guiados por las obras y los barrios que las rodean, con las historias que hay detrás de cada pieza.'
			}
		},
		{
			title: {
				en: 'Symposiums and talks',
				ne: 'गोष्ठी र वार्ता',
				id: 'Simposium dan diskusi',
				es: 'Simposios y charlas'
			},
			body: {
				en: 'Conversations with artists, thinkers and communities, in person and online, about art and the change it can bring.',
				ne: 'कलाकार, चिन्तक र समुदायसँग आमनेसामने र अनलाइन हुने कुराकानी: कला र त्यसले ल्याउन सक्ने परिवर्तनबारे।',
				id: 'Percakapan bersama seniman, pemikir, dan komunitas, secara langsung maupun daring, tentang seni dan perubahan yang bisa dibawanya.',
				es: 'Conversaciones con artistas, pensadores y comunidades, en persona y en línea, sobre el arte y los cambios que puede traer.'
			}
		},
		{
			title: {
				en: 'Creative residencies',
				ne: 'सिर्जनात्मक रेसिडेन्सी',
				id: 'Residensi kreatif',
				es: 'Residencias creativas'
			},
			body: {
				en: 'Time and space for artists to make new work in a place, sometimes side by side with scientists and activists.',
				ne: 'कलाकारलाई कुनै ठाउँमा बसेर नयाँ कृति बनाउन चाहिने समय र ठाउँ, कहिलेकाहीँ वैज्ञानिक र अभियन्तासँग काँधमा काँध मिलाएर।',
				id: 'Waktu dan ruang bagi seniman untuk membuat karya baru di suatu tempat, kadang berdampingan dengan ilmuwan dan aktivis.',
				es: 'Tiempo y espacio para que los artistas creen obra nueva en un lugar, a veces codo con codo con científicos y activistas.'
			}
		},
		{
			title: {
				en: 'Think-tanks',
				ne: 'विचार समूह (थिंक-ट्याङ्क)',
				id: 'Forum pemikir',
				es: 'Laboratorios de ideas'
			},
			body: {
				en: 'Artists, partners and local people putting their heads together to imagine solutions to local challenges.',
				ne: 'स्थानीय चुनौतीका समाधान कल्पना गर्न कलाकार, साझेदार र स्थानीय मानिसहरू एकै ठाउँमा बसेर गर्ने विचार-मन्थन।',
				id: 'Seniman, mitra, dan warga setempat berembuk bersama untuk membayangkan solusi atas tantangan lokal.',
				es: 'Artistas, socios y gente del lugar piensan juntos para imaginar soluciones a retos locales.'
			}
		},
		{
			title: {
				en: 'Live art, music and projections',
				ne: 'प्रत्यक्ष कला, सङ्गीत र प्रोजेक्सन',
				id: 'Seni langsung, musik, dan proyeksi',
				es: 'Arte en vivo, música y proyecciones'
			},
			body: {
				en: 'Live painting, music and moving images that turn an ordinary evening into something shared.',
				ne: 'प्रत्यक्ष चित्रकारी, सङ्गीत र पर्खालमा प्रक्षेपित चलचित्र, जसले एउटा सामान्य साँझलाई सबैको साझा उत्सव बनाइदिन्छ।',
				id: 'Melukis langsung, musik, dan gambar bergerak yang mengubah malam biasa menjadi momen bersama.',
				es: 'Pintura en vivo, música e imágenes en movimiento que convierten una noche cualquiera en algo compartido.'
			}
		},
		{
			title: {
				en: 'Murals and wheat-pasted works',
				ne: 'भित्ते चित्र र टाँसिएका कृति',
				id: 'Mural dan karya wheatpaste',
				es: 'Murales y obras pegadas con engrudo'
			},
			body: {
				en: 'Painted and pasted-up works that stay on the streets and carry artists’ voices to everyone who passes by.',
				ne: 'रङले कोरिएका र लेईले टाँसिएका कृति, जो सडकमै रहन्छन् र बाटो हिँड्ने सबैसम्म कलाकारको आवाज पुर्याउँछन्।',
				id: 'Karya lukis dan tempel yang tinggal di jalanan dan membawa suara seniman kepada setiap orang yang lewat.',
				es: 'Obras pintadas y pegadas que se quedan en la calle y llevan la voz de los artistas a todo el que pasa.'
			}
		}
	],

	values: [
		{
			title: {
				en: 'We roam',
				ne: 'हामी घुमिरहन्छौँ',
				id: 'Kami berkelana',
				es: 'Somos nómadas'
			},
			body: {
				en: 'We go where there is need, across geographic, economic, political and cultural boundaries, and we don’t stay put in one place.',
				ne: 'जहाँ आवश्यकता छ, हामी त्यहाँ जान्छौँ: भौगोलिक, आर्थिक, राजनीतिक र सांस्कृतिक सीमा पार गर्दै। हामी एकै ठाउँमा अडिँदैनौँ।',
				id: 'Kami pergi ke mana pun ada kebutuhan, melintasi batas geografis, ekonomi, politik, dan budaya, dan tidak berdiam di satu tempat.',
				es: 'Vamos adonde hay necesidad, cruzando fronteras geográficas, económicas, políticas y culturales, y no nos quedamos en un solo lugar.'
			}
		},
		{
			title: {
				en: 'We know unique places and people',
				ne: 'हामी विशिष्ट ठाउँ र मानिसहरूलाई चिन्छौँ',
				id: 'Kami mengenal tempat dan orang yang istimewa',
				es: 'Conocemos lugares y personas únicos'
			},
			body: {
				en: 'We work on the ground, in unusual and hard-to-reach places, and get to know the people who call them home.',
				ne: 'हामी जमिनमै उत्रिएर, असामान्य र पुग्न गाह्रो ठाउँहरूमा काम गर्छौँ, र त्यहाँ बस्ने मानिसहरूलाई नजिकबाट चिन्छौँ।',
				id: 'Kami bekerja langsung di lapangan, di tempat-tempat yang tak biasa dan sulit dijangkau, dan mengenal orang-orang yang tinggal di sana.',
				es: 'Trabajamos sobre el terreno, en lugares poco comunes y de difícil acceso, y conocemos a la gente que vive en ellos.'
			}
		},
		{
			title: {
				en: 'The most vulnerable come first',
				ne: 'सबैभन्दा जोखिममा रहेकाहरू पहिले',
				id: 'Yang paling rentan didahulukan',
				es: 'Primero, las personas más vulnerables'
			},
			body: {
				en: 'In every choice we make, the least-served communities and sectors come first.',
				ne: 'हाम्रा हरेक निर्णयमा सबैभन्दा कम सेवा पाएका समुदाय र क्षेत्रहरू पहिलो प्राथमिकतामा हुन्छन्।',
				id: 'Dalam setiap pilihan kami, komunitas dan sektor yang paling sedikit terlayani selalu didahulukan.',
				es: 'En cada decisión que tomamos, las comunidades y los sectores menos atendidos van primero.'
			}
		}
	],

	testimonials: [
		{
			quote: {
				en: 'Our walls used to be something you walked past. Now the children stop, point and tell each other the stories they see in them.',
				ne: 'पहिले हाम्रा पर्खालतिर कोही फर्केर पनि हेर्दैनथ्यो। अहिले केटाकेटी रोकिन्छन्, औँला देखाउँछन् र त्यहाँ देखेका कथा एकअर्कालाई सुनाउँछन्।',
				id: 'Dulu dinding-dinding kami hanya dilewati begitu saja. Sekarang anak-anak berhenti, menunjuk, dan saling menceritakan kisah yang mereka lihat di sana.',
				es: 'Antes pasabas junto a nuestras paredes sin mirarlas. Ahora los niños se paran, señalan y se cuentan las historias que ven en ellas.'
			},
			person: {
				en: 'A community member',
				ne: 'समुदायका एक सदस्य',
				id: 'Seorang anggota komunitas',
				es: 'Una persona de la comunidad'
			},
			role: { en: 'Resident', ne: 'स्थानीय बासिन्दा', id: 'Warga', es: 'Residente' },
			place: {
				en: 'Langa Township, Cape Town',
				ne: 'लाङ्गा टाउनसिप, केप टाउन',
				id: 'Langa Township, Cape Town',
				es: 'Langa Township, Ciudad del Cabo'
			},
			featured: true,
			isExample: true
		},
		{
			quote: {
				en: 'The festival brought local artists, young people and the old city together in a way that felt respectful and full of life.',
				ne: 'यो महोत्सवले स्थानीय कलाकार, युवा र पुरानो सहरलाई सम्मानजनक र जीवन्त ढङ्गले एकै ठाउँमा ल्यायो।',
				id: 'Festival ini mempertemukan seniman lokal, anak muda, dan kota tua dengan cara yang penuh hormat dan penuh kehidupan.',
				es: 'El festival reunió a artistas locales, a gente joven y a la ciudad antigua de una manera respetuosa y llena de vida.'
			},
			person: {
				en: 'A visiting cultural official',
				ne: 'भ्रमणमा आएका एक सांस्कृतिक अधिकारी',
				id: 'Seorang pejabat budaya yang berkunjung',
				es: 'Una autoridad cultural de visita'
			},
			role: {
				en: 'Cultural heritage representative',
				ne: 'सांस्कृतिक सम्पदा प्रतिनिधि',
				id: 'Perwakilan bidang warisan budaya',
				es: 'Representante de patrimonio cultural'
			},
			place: {
				en: 'Kathmandu Valley, Nepal',
				ne: 'काठमाडौं उपत्यका, नेपाल',
				id: 'Lembah Kathmandu, Nepal',
				es: 'Valle de Katmandú, Nepal'
			},
			featured: true,
			isExample: true
		},
		{
			quote: {
				en: 'Painting alongside women artists from other countries gave me new ideas, new friends and the courage to think bigger about my own work.',
				ne: 'अन्य देशका महिला कलाकारहरूसँगै चित्र बनाउँदा मैले नयाँ विचार, नयाँ साथी र आफ्नै कामबारे ठूलो सोच्ने साहस पाएँ।',
				id: 'Melukis bersama seniman perempuan dari negara lain memberi saya gagasan baru, sahabat baru, dan keberanian untuk berpikir lebih besar tentang karya saya sendiri.',
				es: 'Pintar junto a mujeres artistas de otros países me dio ideas nuevas, amistades nuevas y el valor de pensar en grande sobre mi propia obra.'
			},
			person: {
				en: 'A participating artist',
				ne: 'एक सहभागी कलाकार',
				id: 'Seorang seniman peserta',
				es: 'Una artista participante'
			},
			role: { en: 'Visual artist', ne: 'दृश्य कलाकार', id: 'Perupa', es: 'Artista visual' },
			place: { en: 'Indonesia', ne: 'इन्डोनेसिया', id: 'Indonesia', es: 'Indonesia' },
			featured: false,
			isExample: true
		},
		{
			quote: {
				en: 'Free art in our laneways gave the town centre new life. People came to look, and stayed to talk.',
				ne: 'गल्लीहरूमा राखिएको निःशुल्क कलाले सहरको केन्द्रमा नयाँ जीवन भरिदियो। मानिसहरू हेर्न आए, र कुराकानी गर्न बसिरहे।',
				id: 'Seni gratis di gang-gang kami memberi kehidupan baru bagi pusat kota. Orang datang untuk melihat, lalu tinggal untuk mengobrol.',
				es: 'El arte gratuito en nuestros callejones le dio nueva vida al centro del pueblo. La gente venía a mirar y se quedaba a conversar.'
			},
			person: {
				en: 'A local representative',
				ne: 'एक स्थानीय प्रतिनिधि',
				id: 'Seorang perwakilan setempat',
				es: 'Un representante local'
			},
			role: {
				en: 'Elected representative',
				ne: 'निर्वाचित जनप्रतिनिधि',
				id: 'Wakil rakyat terpilih',
				es: 'Cargo electo'
			},
			place: {
				en: 'Nowra, Australia',
				ne: 'नाउरा, अस्ट्रेलिया',
				id: 'Nowra, Australia',
				es: 'Nowra, Australia'
			},
			featured: false,
			isExample: true
		}
	],
	calls: demoCalls
};
