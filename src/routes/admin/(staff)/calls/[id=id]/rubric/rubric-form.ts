/** One row of the rubric form, as typed. */
export interface CriterionRow {
	/** Empty for a new criterion. */
	id: string;
	label: Record<string, string>;
	weight: string;
	remove: boolean;
}
