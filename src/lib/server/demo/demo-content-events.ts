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
