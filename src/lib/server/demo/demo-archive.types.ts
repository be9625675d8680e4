import type { Localized } from '$lib/i18n/locales';

/*
 * The shape of the demo archive: past and running initiatives, the places they
 * happened, and the stories written about them. Seeding turns these into the
 * initiative, initiative_place and story rows; photos are drawn, not uploaded.
 */

/** How a demo photo is drawn: an abstract artwork in the manner of the work it stands for. */
export type DemoArtworkStyle = 'mural' | 'wheatpaste' | 'projection' | 'window-words' | 'paper-cut';

/** A generated picture. `seed` varies the drawing, so no two photos look alike. */
export interface DemoPhoto {
	key: string;
	style: DemoArtworkStyle;
	seed: number;
	/** What the abstract picture actually shows: colours and shapes, not what it stands for. */
	alt: Localized;
	caption: Localized;
	credit: string;
}

export interface DemoPlace {
	name: string;
	city: string;
	/** ISO 3166-1 alpha-2, '' when virtual. */
	country: string;
	latitude: number | null;
	longitude: number | null;
	virtual?: boolean;
}

/** A headline number, with where it comes from. `participants` figures add up to the initiative's participants. */
export interface DemoFigure {
	label: Localized;
	value: number;
	source: string;
	participants?: boolean;
}

export interface DemoCredit {
	name: string;
	role: 'artist' | 'partner' | 'host';
	note?: Localized;
}

export interface DemoInitiative {
	slug: string;
	/** An initiative kind key. */
	kind: string;
	/** An initiative program key. */
	program?: string;
	title: Localized;
	summary: Localized;
	/** HTML: <p>, <h2>, <ul>, <blockquote>. */
	body: Localized;
	theme?: Localized;
	startDate: string;
	endDate?: string;
	places: DemoPlace[];
	figures: DemoFigure[];
	credits: DemoCredit[];
	photos: DemoPhoto[];
	/** Slugs of demo calls this initiative came from. */
	callSlugs?: string[];
}

export interface DemoStory {
	slug: string;
	title: Localized;
	standfirst: Localized;
	/** HTML, like an initiative's body. */
	body: Localized;
	author: string;
	publishedOn: string;
	tags: string[];
	initiativeSlugs: string[];
	photo?: DemoPhoto;
}

export interface DemoKindOrProgram {
	key: string;
	name: Localized;
}
