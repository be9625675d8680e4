import type { Locale, Localized } from '$lib/i18n/locales';
import type { FieldInput } from '$lib/server/calls/call-fields';
import type { ApplicationDecision, CallKind } from '$lib/server/db/schema';

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
			/** Where the pinned figures (those not 0) come from. */
			source: Localized;
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
	/** Open calls with their forms, rubrics and a few applications, so the review screens show something. */
	calls: DemoCall[];
}

/** A demo call. Dates are whole days from the moment of seeding, at 23:59 in the call's zone. */
export interface DemoCall {
	slug: string;
	kind: CallKind;
	title: Localized;
	summary: Localized;
	/** Simple HTML, like pages. */
	description: Localized;
	eligibility: Partial<Localized>;
	consentText: Localized;
	timeZone: string;
	opensInDays: number;
	deadlineInDays: number;
	maxSubmissionsPerPerson: number | null;
	retentionDays: number;
	blindReview: boolean;
	fields: FieldInput[];
	criteria: { label: Localized; weight: number }[];
	applications: {
		name: string;
		email: string;
		locale: Locale;
		submittedInDays: number;
		/** As the form sends them; checked against the fields when seeding. */
		answers: Record<string, string | string[]>;
		/** Per reviewer, one score per criterion in order. Reviewers are plain ids: no accounts are made. */
		scores: { reviewer: string; scores: number[]; comment?: string }[];
		shortlisted?: boolean;
		decision?: ApplicationDecision;
	}[];
}
