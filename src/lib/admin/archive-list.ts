/** What the admin's list of initiatives, stories or events shows. */
export interface ArchiveListData {
	type: 'initiative' | 'story' | 'event' | 'exhibition' | 'custom_page';
	title: string;
	itemLabel: string;
	items: { key: string; title: string; date: string | null; published: boolean; draftAt: string | null; scheduledAt: string | null }[];
	total: number;
	page: number;
	pages: number;
	query: string;
	status: string;
	kinds: { value: string; label: string }[];
	kind: string;
	year: string;
	/** May delete (publishers: editors and admins). */
	canDelete: boolean;
}
