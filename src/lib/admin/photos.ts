/** A photo the editors' pickers offer: its English alt text names it, its thumbnail shows it. */
export interface PickablePhoto {
	id: number;
	label: string;
	/** The languages its alt text is written in, by name ("English, Nepali"). */
	described: string;
	thumbnail: { jpeg: string; webp: string | null; width: number; height: number } | null;
}

/** A photo the campaign editor can put in a text: its variant for e-mail, drawn at most 600 pixels wide, and its alt text per language. */
export interface InsertablePhoto {
	id: number;
	label: string;
	src: string;
	width: number;
	height: number;
	alt: Record<string, string>;
}
