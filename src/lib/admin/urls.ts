/*
 * Every address of the staff admin, built in one place: links, redirects, the
 * navigation, the sign-in guard and the hooks take them from here, so a page
 * that moves is changed once. Plain strings and small functions, for server code
 * and Svelte components alike. The query flags a page reads (`?created=1`) stay
 * beside the code that sets and reads them.
 */

const root = '/admin';
const calls = `${root}/calls`;
const content = `${root}/content`;
const donations = `${root}/donations`;
const media = `${root}/media`;
const newsletter = `${root}/newsletter`;
const subscribers = `${newsletter}/subscribers`;
const outbox = `${root}/outbox`;
const reviews = `${root}/reviews`;

/** True for an address inside the admin: /admin itself and everything under it. */
export function isAdminPath(pathname: string): boolean {
	return pathname === root || pathname.startsWith(`${root}/`);
}

export const adminUrls = {
	dashboard: root,
	login: `${root}/login`,
	/** The sign-in page, and back to `next` afterwards (`idle`: the session ended for being unused). */
	loginThen: (next: string, options: { idle?: boolean } = {}) => `${root}/login?next=${encodeURIComponent(next)}${options.idle ? '&idle=1' : ''}`,
	twoFactor: (next: string) => `${root}/login/two-factor?next=${encodeURIComponent(next)}`,
	forgot: `${root}/forgot`,
	logout: `${root}/logout`,
	account: `${root}/account`,
	/** The person's language, time zone and e-mails about applications. */
	preferences: `${root}/account/preferences`,
	/** A one-time link to set a password: a new staff member's welcome, or a reset. */
	passwordLink: (purpose: 'welcome' | 'reset', token: string) => `${root}/${purpose}/${token}`,
	audit: `${root}/audit`,
	jobs: `${root}/jobs`,
	backups: `${root}/backups`,
	staff: `${root}/staff`,
	/** The lists of initiatives, stories and events, with filters and pages. */
	archive: {
		initiatives: `${root}/initiatives`,
		stories: `${root}/stories`,
		events: `${root}/events`
	},

	/** Pages staff add (each edited as content: `content.item('custom_page', id)`), and the header and footer menus. */
	pages: {
		list: `${root}/pages`,
		menus: `${root}/menus`
	},

	/** An event's sessions (the event itself is edited as content: `content.item('event', id)`). */
	events: {
		sessions: (eventId: number) => `${root}/events/${eventId}/sessions`,
		session: (eventId: number, sessionId: number) => `${root}/events/${eventId}/sessions/${sessionId}`,
		/** The people registered for a session: counts, the list, adding and cancelling; its CSV beside it. */
		registrations: (eventId: number, sessionId: number) => `${root}/events/${eventId}/sessions/${sessionId}/registrations`,
		registrationsCsv: (eventId: number, sessionId: number) => `${root}/events/${eventId}/sessions/${sessionId}/registrations.csv`,
		/** Write to everyone confirmed: the text, its preview, the confirmation. */
		message: (eventId: number, sessionId: number) => `${root}/events/${eventId}/sessions/${sessionId}/message`,
		/** The door: find by code, name or QR and check in; and the printable list for when the network fails. */
		checkIn: (eventId: number, sessionId: number) => `${root}/events/${eventId}/sessions/${sessionId}/check-in`,
		doorList: (eventId: number, sessionId: number) => `${root}/events/${eventId}/sessions/${sessionId}/door-list`
	},

	/** Works are edited here directly; an exhibition is content (`content.item('exhibition', id)`) with a page of its own for its works. */
	exhibitions: {
		list: `${root}/exhibitions`,
		exhibition: (key: string) => `${root}/exhibitions/${key}`,
		works: `${root}/works`,
		work: (id: number) => `${root}/works/${id}`,
		newWork: `${root}/works/new`,
		upload: `${root}/works/upload`
	},

	/** The collective's artists: the list, a new profile (by hand or from an application), one artist's profile, consent and ledger. */
	artists: {
		list: `${root}/artists`,
		new: `${root}/artists/new`,
		artist: (id: number) => `${root}/artists/${id}`
	},

	content: {
		list: content,
		item: (type: string, key: string) => `${content}/${type}/${key}`,
		compare: (type: string, key: string) => `${content}/${type}/${key}/compare`,
		preview: (revisionId: number) => `${content}/preview/${revisionId}`
	},

	media: {
		list: media,
		item: (id: number) => `${media}/${id}`,
		delete: (id: number) => `${media}/${id}/delete`
	},

	calls: {
		list: calls,
		new: `${calls}/new`,
		/** A call's settings page; its other tabs (form, rubric, applications…) are below it. */
		call: (id: number) => `${calls}/${id}`,
		form: (id: number) => `${calls}/${id}/form`,
		rubric: (id: number) => `${calls}/${id}/rubric`
	},

	/** Towns whose name starts with `query`, as JSON, for the place picker. */
	places: (query: string) => `${root}/places?q=${encodeURIComponent(query)}`,

	/** An applicant's file, for staff who may see it. */
	applicationFile: (fileId: number) => `${root}/applications/files/${fileId}`,
	/** A smaller copy of an applicant's photo, shown inline: a thumbnail for lists, a preview for the application's page. */
	applicationPhoto: (fileId: number, size: 'thumbnail' | 'preview') => `${root}/applications/files/${fileId}/${size}`,

	reviews: {
		list: reviews,
		application: (applicationId: number) => `${reviews}/${applicationId}`
	},

	newsletter: {
		campaigns: newsletter,
		newCampaign: `${newsletter}/campaigns/new`,
		campaign: (id: number) => `${newsletter}/campaigns/${id}`,
		campaignPreview: (id: number, locale: string) => `${newsletter}/campaigns/${id}/preview?locale=${locale}`,
		topics: `${newsletter}/topics`,
		subscribers: subscribers,
		subscriber: (id: number) => `${subscribers}/${id}`,
		subscribersCsv: `${subscribers}/export.csv`,
		imports: `${subscribers}/import`,
		import: (id: number) => `${subscribers}/import/${id}`,
		importReport: (id: number) => `${subscribers}/import/${id}/report.csv`
	},

	donations: {
		list: donations,
		csv: `${donations}/export.csv`,
		wall: `${donations}/wall`,
		settings: `${donations}/settings`,
		newCampaign: `${donations}/settings/campaigns/new`,
		campaign: (id: number) => `${donations}/settings/campaigns/${id}`
	},

	outbox: {
		list: outbox,
		message: (id: number) => `${outbox}/${id}`,
		raw: (id: number) => `${outbox}/${id}/raw`
	}
} as const;
