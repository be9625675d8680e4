/** A photo the editors' pickers offer: its English alt text names it, its thumbnail shows it. */
export interface PickablePhoto {
	id: number;
	label: string;
	/** The languages its alt text is written in, by name ("English, Nepali"). */
	described: string;
	thumbnail: { jpeg: string; webp: string | null; width: number; height: number } | null;
}
