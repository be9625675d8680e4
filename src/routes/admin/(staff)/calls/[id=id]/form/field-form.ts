/* A question of a call's form as the builder's fields hold it: every option as typed, so a refused save shows it again. */

export interface ChoiceValues {
	/** Stable once saved: answers store it. Empty for a new choice (made from its English label). */
	value: string;
	label: Record<string, string>;
}

export interface FieldFormValues {
	key: string;
	type: string;
	label: Record<string, string>;
	help: Record<string, string>;
	required: boolean;
	contact: boolean;
	maxLength: string;
	maxWords: string;
	maxChoices: string;
	min: string;
	max: string;
	integer: boolean;
	allowedTypes: string[];
	maxSizeMb: string;
	maxFiles: string;
	choices: ChoiceValues[];
}

export const emptyField = (): FieldFormValues => ({
	key: '',
	type: 'short_text',
	label: {},
	help: {},
	required: false,
	contact: false,
	maxLength: '',
	maxWords: '',
	maxChoices: '',
	min: '',
	max: '',
	integer: false,
	// Photos and PDFs, what most calls ask for; a question that is not about files ignores them.
	allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'],
	maxSizeMb: '',
	maxFiles: '',
	choices: []
});

/** Which option groups a type uses. */
export const optionGroups = {
	text: ['short_text', 'long_text'],
	words: ['long_text'],
	choices: ['single_choice', 'multiple_choice'],
	maxChoices: ['multiple_choice'],
	number: ['number'],
	file: ['file']
} as const;

/** Blank rows offered for new choices, below the existing ones. */
export const blankChoiceRows = 3;
