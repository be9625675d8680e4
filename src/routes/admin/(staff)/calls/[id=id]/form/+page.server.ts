import { error } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { app } from '$lib/server/app';
import { fieldLimits, uploadMediaTypes, type CallField, type FieldInput } from '$lib/server/calls/call-fields';
import { addField, hasApplications, listFields, removeField, reorderFields, updateField } from '$lib/server/calls/calls.service';
import type { Database } from '$lib/server/db/schema';
import { requirePermission } from '$lib/server/people/guard';
import { failWith, formField, formSchema, localizedFields, localizedOf, type Issues } from '$lib/server/platform/forms';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { existingCall, explain, permission } from '../../calls-route';
import type { ChoiceValues, FieldFormValues } from './field-form';
import { m } from '$lib/paraglide/messages';

const megabyte = 1024 * 1024;

function valuesOf(field: CallField): FieldFormValues {
	const o = field.options;
	const text = (n: number | undefined) => (n === undefined ? '' : String(n));
	return {
		key: field.key,
		type: field.type,
		label: { ...field.label },
		help: { ...field.help },
		required: field.required,
		contact: field.contact,
		maxLength: text(o.maxLength),
		maxWords: text(o.maxWords),
		maxChoices: text(o.maxChoices),
		min: text(o.min),
		max: text(o.max),
		integer: o.integer === true,
		allowedTypes: o.allowedTypes ?? [],
		maxSizeMb: o.maxBytes === undefined ? '' : String(Math.round((o.maxBytes / megabyte) * 100) / 100),
		maxFiles: text(o.maxFiles),
		choices: (o.choices ?? []).map((c) => ({ value: c.value, label: { ...c.label } }))
	};
}

// Twice a text's limit keeps a too-long text for its error message without holding anything huge.
const fieldForm = formSchema({
	key: formField.trimmed(100),
	type: formField.text(40),
	...localizedFields('label', fieldLimits.label * 2),
	...localizedFields('help', fieldLimits.help * 2),
	required: formField.is('on'),
	contact: formField.is('on'),
	maxLength: formField.trimmed(20),
	maxWords: formField.trimmed(20),
	maxChoices: formField.trimmed(20),
	min: formField.trimmed(40),
	max: formField.trimmed(40),
	integer: formField.is('on'),
	allowedTypes: formField.list(100, 20),
	maxSizeMb: formField.trimmed(20),
	maxFiles: formField.trimmed(20)
});

/** One row of choices: `choice.<index>.value`, `choice.<index>.label.<language>`. */
const choiceRow = formSchema({ value: formField.trimmed(100), ...localizedFields('label', fieldLimits.choiceLabel * 2) });

/** The builder's form as typed. Choice rows left wholly empty are dropped. */
function valuesFrom(form: FormData): FieldFormValues {
	const choices: ChoiceValues[] = [];
	for (let index = 0; index < fieldLimits.choices + 10; index++) {
		if (!form.has(`choice.${index}.label.en`)) break;
		const row = choiceRow.read(form, `choice.${index}.`);
		const label = localizedOf(row, 'label');
		if (row.value || Object.values(label).some((l) => l.trim())) choices.push({ value: row.value, label });
	}
	const values = fieldForm.read(form);
	return {
		key: values.key,
		type: values.type,
		label: localizedOf(values, 'label'),
		help: localizedOf(values, 'help'),
		required: values.required,
		contact: values.contact,
		maxLength: values.maxLength,
		maxWords: values.maxWords,
		maxChoices: values.maxChoices,
		min: values.min,
		max: values.max,
		integer: values.integer,
		allowedTypes: values.allowedTypes,
		maxSizeMb: values.maxSizeMb,
		maxFiles: values.maxFiles,
		choices
	};
}

/** Lower case, no accents, `separator` between words: "Artist’s statement" → artist_s_statement. */
function slugOf(text: string, separator: string, max: number): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, separator)
		.replace(new RegExp(`^${separator}+|${separator}+$`, 'g'), '')
		.slice(0, max)
		.replace(new RegExp(`${separator}+$`), '');
}

function unique(base: string, taken: Set<string>, max: number, separator = '_'): string {
	let candidate = base;
	for (let n = 2; taken.has(candidate); n++) candidate = `${base.slice(0, max - String(n).length - 1)}${separator}${n}`;
	return candidate;
}

/**
 * The service's input. A new choice gets its stored value from its English
 * label, and (when adding) a question without a short name gets one from its
 * label, so nobody has to invent identifiers.
 */
function inputOf(values: FieldFormValues, takenKeys: Set<string> | null): FieldInput {
	const options: Record<string, unknown> = {};
	for (const name of ['maxLength', 'maxWords', 'maxChoices', 'min', 'max', 'maxFiles'] as const) if (values[name] !== '') options[name] = values[name];
	if (values.integer) options.integer = true;
	if (values.allowedTypes.length > 0) options.allowedTypes = values.allowedTypes;
	if (values.maxSizeMb !== '') {
		const mb = Number(values.maxSizeMb);
		options.maxBytes = Number.isFinite(mb) && mb > 0 ? Math.round(mb * megabyte) : values.maxSizeMb;
	}
	const choiceValues = new Set(values.choices.map((c) => c.value).filter(Boolean));
	options.choices = values.choices.map((choice, index) => {
		if (choice.value) return choice;
		const value = unique(slugOf(choice.label.en ?? '', '-', fieldLimits.choiceValue) || `choice-${index + 1}`, choiceValues, fieldLimits.choiceValue, '-');
		choiceValues.add(value);
		return { ...choice, value };
	});
	let key = values.key;
	if (!key && takenKeys) {
		const base = slugOf(values.label.en ?? '', '_', fieldLimits.key);
		key = unique(/^[a-z]/.test(base) ? base : `q_${base}`.replace(/_$/, '').slice(0, fieldLimits.key), takenKeys, fieldLimits.key);
	}
	return {
		key,
		// Checked by the service's schema, which answers `type_invalid` for anything else.
		type: values.type as FieldInput['type'],
		label: values.label,
		help: values.help,
		required: values.required,
		contact: values.contact,
		options: options as FieldInput['options']
	};
}

/** The service's codes for a question, in the signed-in person's language; any other code as the call's pages say it. */
const issueWords: Record<string, () => string> = {
	required: () => m.callform_issue_required(),
	too_long: () => m.callform_issue_too_long(),
	limit_invalid: () => m.callform_issue_limit_invalid(),
	key_invalid: () => m.callform_issue_key_invalid(),
	key_taken: () => m.callform_issue_key_taken(),
	key_locked: () => m.callform_issue_key_locked(),
	type_locked: () => m.callform_issue_type_locked(),
	type_invalid: () => m.callform_issue_type_invalid(),
	too_many_fields: () => m.callform_issue_too_many_fields({ max: fieldLimits.fieldsPerCall }),
	choices_required: () => m.callform_issue_choices_required(),
	choice_value_invalid: () => m.callform_issue_choice_value_invalid(),
	choice_value_duplicate: () => m.callform_issue_choice_value_duplicate(),
	too_many_choices: () => m.callform_issue_too_many_choices({ max: fieldLimits.choices }),
	number_invalid: () => m.callform_issue_number_invalid(),
	range_invalid: () => m.callform_issue_range_invalid(),
	file_types_required: () => m.callform_issue_file_types_required(),
	file_type_unknown: () => m.callform_issue_file_type_unknown(),
	order_invalid: () => m.callform_issue_order_invalid()
};

function wordsOf(refused: Issues): Issues {
	const explained = explain(refused);
	return Object.fromEntries(Object.entries(refused).map(([key, code]) => [key, issueWords[code]?.() ?? explained[key] ?? m.callform_issue_other()]));
}

/** The service's dotted keys, as the builder's fields are named. */
function issuesOf(refused: Issues): Issues {
	const issues: Issues = {};
	for (const [key, text] of Object.entries(wordsOf(refused))) {
		const choice = /^options\.choices\.(\d+)\./.exec(key);
		const name = choice
			? `choice.${choice[1]}.label.en`
			: key === 'options.maxBytes'
				? 'maxSizeMb'
				: key.startsWith('options.allowedTypes')
					? 'allowedTypes'
					: key.startsWith('options.')
						? key.split('.')[1]!
						: key;
		issues[name] ??= name === 'maxSizeMb' ? m.callform_size_range({ max: fieldLimits.fileBytes.max / megabyte }) : text;
	}
	return issues;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, permission);
	const { db } = app();
	const call = await existingCall(db, Number(params.id));
	const [fields, locked] = await Promise.all([listFields(db, call.id), hasApplications(db, call.id)]);
	return {
		fields: fields.map((field) => ({ id: field.id, key: field.key, type: field.type, label: field.label.en, required: field.required, values: valuesOf(field) })),
		locked,
		fileTypes: [...uploadMediaTypes],
		limits: { label: fieldLimits.label, help: fieldLimits.help, key: fieldLimits.key, choiceLabel: fieldLimits.choiceLabel, maxSizeMb: fieldLimits.fileBytes.max / megabyte, maxFiles: fieldLimits.files.max }
	};
};

async function staffAndForm(event: RequestEvent) {
	const staff = requirePermission(event.locals, event.url, permission);
	const callId = Number(event.params.id);
	const { db } = app();
	await existingCall(db, callId);
	return { staff, callId, db, form: await event.request.formData() };
}

/** Read when a request needs it, in the signed-in person's language. */
const questionGone = {
	get notFound() {
		return m.callform_question_gone();
	}
};

/** The buttons beside a question: which question, and for removing and moving, the confirmation and the direction. */
const questionForm = formSchema({ fieldId: formField.id(), confirm: formField.is('yes'), direction: formField.choice(['up', 'down'], 'up') });

/** The field of this call the form names; a field of another call (or none) is a 404. */
async function fieldOf(db: Kysely<Database>, callId: number, form: FormData): Promise<CallField> {
	const id = questionForm.read(form).fieldId;
	const field = (await listFields(db, callId)).find((f) => f.id === id);
	if (!field) error(404, m.callform_question_gone());
	return field;
}

export const actions = {
	add: async (event) => {
		const { staff, callId, db, form } = await staffAndForm(event);
		const values = valuesFrom(form);
		const taken = new Set((await listFields(db, callId)).map((f) => f.key));
		const input = inputOf(values, taken);
		try {
			await addField(app().calls, staff, callId, input);
		} catch (e) {
			return failWith(e, (issues) => ({ form: 'add' as const, issues: issuesOf(issues), values }));
		}
		return { done: 'added' as const, key: input.key };
	},

	update: withDomainErrors(async (event) => {
		const { staff, callId, db, form } = await staffAndForm(event);
		const field = await fieldOf(db, callId, form);
		const values = valuesFrom(form);
		try {
			await updateField(app().calls, staff, field.id, inputOf(values, null));
		} catch (e) {
			return failWith(e, (issues) => ({ form: 'update' as const, fieldId: field.id, issues: issuesOf(issues), values }));
		}
		return { done: 'updated' as const, key: values.key };
	}, questionGone),

	/** Two steps: the first asks, the second (`confirm=yes`) removes. */
	remove: withDomainErrors(async (event) => {
		const { staff, callId, db, form } = await staffAndForm(event);
		const field = await fieldOf(db, callId, form);
		if (!questionForm.read(form).confirm) return { confirmRemove: { fieldId: field.id, label: field.label.en, locked: await hasApplications(db, callId) } };
		await removeField(app().calls, staff, field.id);
		return { done: 'removed' as const, key: field.key };
	}, questionGone),

	move: async (event) => {
		const { staff, callId, db, form } = await staffAndForm(event);
		const field = await fieldOf(db, callId, form);
		const keys = (await listFields(db, callId)).map((f) => f.key);
		const from = keys.indexOf(field.key);
		const to = questionForm.read(form).direction === 'down' ? from + 1 : from - 1;
		if (to >= 0 && to < keys.length) {
			[keys[from], keys[to]] = [keys[to]!, keys[from]!];
			try {
				await reorderFields(app().calls, staff, callId, keys);
			} catch (e) {
				return failWith(e, (issues) => ({ problem: wordsOf(issues).fields ?? m.callform_try_again() }), { status: 409 });
			}
		}
		return { done: 'moved' as const, key: field.key, fieldId: field.id };
	}
} satisfies Actions;

