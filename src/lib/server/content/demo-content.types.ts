import type { Localized } from '$lib/i18n/locales';

/** The shape of the demo content written into an empty database on first start. */
export interface DemoContent {
	organization: {
		name: string;
		tagline: Localized;
		/** One or two sentences for the top of the home page. */
		intro: Localized;
		email: string;
		/** Where the team is reachable, in words (it has no single office). */
		location: Localized;
		foundedYear: number;
		socialLinks: { label: string; url: string }[];
		figures: {
			initiatives: number;
			countries: number;
			years: number;
			participants: number;
			asOfYear: number;
		};
	};
	/** Long pages. `body` is simple HTML: <p>, <h2>, <h3>, <ul>/<ol>/<li>, <strong>, <em>, <a href>, <blockquote>. */
	pages: Record<'home' | 'about' | 'manifesto' | 'privacy', { title: Localized; summary: Localized; body: Localized }>;
	/** The three agenda pillars, in order. */
	pillars: { title: Localized; body: Localized }[];
	/** What we do: the activity types, in order. */
	activities: { title: Localized; body: Localized }[];
	/** What we value, in order. */
	values: { title: Localized; body: Localized }[];
	/** Testimonials. In the demo every one is an example, attributed to no real named person. */
	testimonials: {
		quote: Localized;
		person: Localized;
		role: Localized;
		place: Localized;
		featured: boolean;
		isExample: boolean;
	}[];
}
