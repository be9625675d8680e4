import { error, fail } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { app } from '$lib/server/app';
import { fieldLimits, uploadMediaTypes, type CallField, type FieldInput } from '$lib/server/calls/call-fields';
import { addField, hasApplications, listFields, removeField, reorderFields, updateField } from '$lib/server/calls/calls.service';
import type { Database } from '$lib/server/db/schema';
import { ValidationError } from '$lib/server/platform/errors';
import { requirePermission } from '$lib/server/people/guard';
import { idFrom } from '$lib/server/platform/route-params';
import { withDomainErrors } from '$lib/server/platform/http/domain-errors';
import { callIdOf, existingCall, explain, localizedFrom, permission, stringOf } from '../../calls-route';
import type { ChoiceValues, FieldFormValues } from './field-form';

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

/** The builder's form as typed. Choice rows left wholly empty are dropped. */
function valuesFrom(form: FormData): FieldFormValues {
	const choices: ChoiceValues[] = [];
	for (let index = 0; index < fieldLimits.choices + 10; index++) {
		if (!form.has(`choice.${index}.label.en`)) break;
		const label = localizedFrom(form, `choice.${index}.label`, fieldLimits.choiceLabel);
		const value = stringOf(form, `choice.${index}.value`, 100).trim();
		if (value || Object.values(label).some((l) => l.trim())) choices.push({ value, label });
	}
	return {
		key: stringOf(form, 'key', 100).trim(),
		type: stringOf(form, 'type', 40),
		label: localizedFrom(form, 'label', fieldLimits.label),
		help: localizedFrom(form, 'help', fieldLimits.help),
		required: form.get('required') === 'on',
		contact: form.get('contact') === 'on',
		maxLength: stringOf(form, 'maxLength', 20).trim(),
		maxWords: stringOf(form, 'maxWords', 20).trim(),
		maxChoices: stringOf(form, 'maxChoices', 20).trim(),
		min: stringOf(form, 'min', 40).trim(),
		max: stringOf(form, 'max', 40).trim(),
		integer: form.get('integer') === 'on',
		allowedTypes: form
			.getAll('allowedTypes')
			.filter((v): v is string => typeof v === 'string')
			.slice(0, 20),
		maxSizeMb: stringOf(form, 'maxSizeMb', 20).trim(),
		maxFiles: stringOf(form, 'maxFiles', 20).trim(),
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

/** The service's dotted keys, as the builder's fields are named. */
function issuesOf(e: ValidationError): Record<string, string> {
	const issues: Record<string, string> = {};
	for (const [key, text] of Object.entries(explain(e.issues))) {
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
		issues[name] ??= name === 'maxSizeMb' ? `Please give a size from 0.1 to ${fieldLimits.fileBytes.max / megabyte} MB.` : text;
	}
	return issues;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requirePermission(locals, url, permission);
	const { db } = app();
	const call = await existingCall(db, callIdOf(params.id));
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
	const callId = callIdOf(event.params.id);
	const { db } = app();
	await existingCall(db, callId);
	return { staff, callId, db, form: await event.request.formData() };
}

/** The field of this call the form names; a field of another call (or none) is a 404. */
async function fieldOf(db: Kysely<Database>, callId: number, form: FormData): Promise<CallField> {
	const id = idFrom(stringOf(form, 'fieldId', 12));
	const field = (await listFields(db, callId)).find((f) => f.id === id);
	if (!field) error(404, 'This question does not exist (any more). Someone may have removed it.');
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
			if (e instanceof ValidationError) return fail(400, { form: 'add' as const, issues: issuesOf(e), values });
			throw e;
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
			if (e instanceof ValidationError) return fail(400, { form: 'update' as const, fieldId: field.id, issues: issuesOf(e), values });
			throw e;
		}
		return { done: 'updated' as const, key: values.key };
	}, { notFound: 'This question does not exist (any more).' }),

	/** Two steps: the first asks, the second (`confirm=yes`) removes. */
	remove: withDomainErrors(async (event) => {
		const { staff, callId, db, form } = await staffAndForm(event);
		const field = await fieldOf(db, callId, form);
		if (form.get('confirm') !== 'yes') return { confirmRemove: { fieldId: field.id, label: field.label.en, locked: await hasApplications(db, callId) } };
		await removeField(app().calls, staff, field.id);
		return { done: 'removed' as const, key: field.key };
	}, { notFound: 'This question does not exist (any more).' }),

	move: async (event) => {
		const { staff, callId, db, form } = await staffAndForm(event);
		const field = await fieldOf(db, callId, form);
		const keys = (await listFields(db, callId)).map((f) => f.key);
		const from = keys.indexOf(field.key);
		const to = form.get('direction') === 'down' ? from + 1 : from - 1;
		if (to >= 0 && to < keys.length) {
			[keys[from], keys[to]] = [keys[to]!, keys[from]!];
			try {
				await reorderFields(app().calls, staff, callId, keys);
			} catch (e) {
				if (e instanceof ValidationError) return fail(409, { problem: explain(e.issues).fields ?? 'Please try again.' });
				throw e;
			}
		}
		return { done: 'moved' as const, key: field.key, fieldId: field.id };
	}
} satisfies Actions;

