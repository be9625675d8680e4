import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isLocale, locales, type Locale, type Localized } from '$lib/i18n/locales';
import { localizedPath } from '$lib/i18n/paths';
import { m } from '$lib/paraglide/messages';
import { findOrganization } from '$lib/server/shared/organization';
import { parseLocalized, pick, pickJson, stringifyLocalized } from '$lib/server/shared/localized-text';
import type { ApplicationDecision, Database } from '$lib/server/db/schema';
import { NotFoundError, ValidationError } from '$lib/server/platform/errors';
import { composeMail, type ComposedMail } from '$lib/server/platform/mail/mail-blocks';
import type { Mailer } from '$lib/server/platform/mail/mailer';
import type { Actor } from '$lib/server/shared/audit';
import { runCommand } from '$lib/server/shared/command';
import { hashApplicationToken } from './application-tokens';
import { formatDeadline } from './call-time';
import { callSubject } from './calls.service';
import type { CallsContext } from './calls.wiring';
import { queueApplicationNotices } from './staff-notices';

/*
 * What applicants receive by e-mail, always in the language they applied in:
 * the private link of a saved draft, the confirmation of a submission (with the
 * same link, to view, edit until the deadline or withdraw), the confirmation of
 * a withdrawal, and staff's decision. Every message is queued with `mailer.queue`
 * in the caller's transaction where there is one, so it exists exactly when the
 * change it reports does, and under a key that makes queuing it twice harmless.
 *
 * Decision e-mails come from templates staff edit per call, decision and
 * language; where staff wrote nothing, the wording shipped with the app is used.
 */

export type ApplicationMailer = Pick<Mailer, 'queue'>;

/** What the application e-mails need from the app: the mailer and the public ORIGIN (no trailing slash). */
export interface ApplicationMailContext {
	mailer: ApplicationMailer;
	origin: string;
}

/** The calls' e-mails, made once (calls.wiring.ts); each is queued in the transaction `db` is. */
export interface CallsMail {
	draftLink(db: Kysely<Database>, request: { applicationId: number; token: string }): Promise<void>;
	submission(db: Kysely<Database>, request: { applicationId: number; token: string }): Promise<void>;
	withdrawal(db: Kysely<Database>, request: { applicationId: number }): Promise<void>;
	decisions(db: Kysely<Database>, callId: number, applicationIds: readonly number[]): Promise<DecisionMailReport>;
}

export function createCallsMail(site: ApplicationMailContext): CallsMail {
	return {
		draftLink: (db, request) => queueDraftLinkMail(db, site, request),
		// The applicant's confirmation, and the e-mails staff asked for about each new application.
		submission: async (db, request) => {
			await queueSubmissionMail(db, site, request);
			await queueApplicationNotices(db, site, request.applicationId);
		},
		withdrawal: (db, request) => queueWithdrawalMail(db, site, request),
		decisions: (db, callId, applicationIds) => queueDecisionMails(db, site.mailer, callId, applicationIds)
	};
}

const decisionPlaceholders = ['name', 'call'] as const;
export const decisionTemplateLimits = { subject: 300, body: 20_000 } as const;

/** The private link of an application, in the applicant's language. */
export function applicationLink(origin: string, token: string, locale: Locale): string {
	return `${origin}${localizedPath(`/applications/${token}`, locale)}`;
}

interface MailApplication {
	id: number;
	email: string;
	name: string;
	locale: Locale;
	submittedAt: string | null;
	callTitle: string;
	deadlineAt: string;
	timeZone: string;
}

/** The application with what its e-mails mention; undefined when erased or gone. */
async function mailApplication(db: Kysely<Database>, applicationId: number): Promise<MailApplication | undefined> {
	const row = await db
		.selectFrom('application')
		.innerJoin('open_call', 'open_call.id', 'application.call_id')
		.select([
			'application.id',
			'application.applicant_email',
			'application.applicant_name',
			'application.locale',
			'application.submitted_at',
			'open_call.title',
			'open_call.deadline_at',
			'open_call.time_zone'
		])
		.where('application.id', '=', applicationId)
		.executeTakeFirst();
	if (!row?.applicant_email) return undefined;
	const locale: Locale = isLocale(row.locale) ? row.locale : 'en';
	return {
		id: row.id,
		email: row.applicant_email,
		name: row.applicant_name ?? '',
		locale,
		submittedAt: row.submitted_at,
		callTitle: pickJson(row.title, locale).text,
		deadlineAt: row.deadline_at,
		timeZone: row.time_zone
	};
}

async function siteName(db: Kysely<Database>): Promise<string> {
	return (await findOrganization(db))?.name ?? 'Community arts';
}

/** Paragraphs, an optional button with its link, more paragraphs: as text and as HTML in the shared layout. */
function render(
	locale: Locale,
	parts: { subject: string; before: string[]; button?: { label: string; link: string }; after: string[]; footer: string }
): ComposedMail {
	return composeMail(locale, parts.subject, parts.footer, [
		...parts.before.map((text) => ({ text })),
		...(parts.button ? [{ button: parts.button.label, href: parts.button.link }] : []),
		...parts.after.map((text) => ({ text }))
	]);
}

function greeting(name: string, locale: Locale): string {
	return name.trim() ? m.mail_application_greeting({ name: name.trim() }, { locale }) : m.mail_application_greeting_anonymous({}, { locale });
}

function deadlineLine(application: MailApplication): string {
	const deadline = formatDeadline(application.deadlineAt, application.timeZone, application.locale);
	return m.mail_application_deadline({ inZone: deadline.inZone, inUtc: deadline.inUtc }, { locale: application.locale });
}

/** What one of the applicant's e-mails says between the greeting and the footer, written in their language. */
interface ApplicantMailText {
	subject: string;
	body: string[];
	button?: { label: string; link: string };
	after: string[];
}

/**
 * Writes an e-mail to the applicant in the language they applied in, greeting
 * them by name and ending with the site's footer, and queues it under `key`.
 * `write` gets the language (as the messages take it) and the call's title.
 */
async function queueApplicantMail(
	db: Kysely<Database>,
	context: ApplicationMailContext,
	application: MailApplication,
	key: string,
	write: (o: { locale: Locale }, call: string) => ApplicantMailText
): Promise<void> {
	const { locale } = application;
	const o = { locale };
	const { body, ...text } = write(o, application.callTitle);
	const mail = render(locale, {
		...text,
		before: [greeting(application.name, locale), ...body],
		footer: m.mail_application_footer({ site: await siteName(db) }, o)
	});
	await context.mailer.queue(db, { idempotencyKey: key, to: application.email, locale, ...mail });
}

/**
 * "Save and finish later": the draft's private link. Queued once per link
 * (saving the same draft again sends nothing more); a new draft has a new link.
 */
export async function queueDraftLinkMail(
	db: Kysely<Database>,
	context: ApplicationMailContext,
	request: { applicationId: number; token: string }
): Promise<void> {
	const application = await mailApplication(db, request.applicationId);
	if (!application) return;
	await queueApplicantMail(db, context, application, `application-draft:${hashApplicationToken(request.token)}`, (o, call) => ({
		subject: m.mail_application_draft_subject({ call }, o),
		body: [m.mail_application_draft_body({ call }, o)],
		button: { label: m.mail_application_draft_button({}, o), link: applicationLink(context.origin, request.token, o.locale) },
		after: [deadlineLine(application), m.mail_application_draft_reminder({}, o), m.mail_application_private_link({}, o)]
	}));
}

/** The confirmation of a submission, with the private link to view, edit until the deadline, or withdraw. */
export async function queueSubmissionMail(
	db: Kysely<Database>,
	context: ApplicationMailContext,
	request: { applicationId: number; token: string }
): Promise<void> {
	const application = await mailApplication(db, request.applicationId);
	if (!application?.submittedAt) return;
	const date = formatDeadline(application.submittedAt, application.timeZone, application.locale).inZone;
	await queueApplicantMail(db, context, application, `application-submitted:${application.id}`, (o, call) => ({
		subject: m.mail_application_submitted_subject({ call }, o),
		body: [m.mail_application_submitted_body({ call, date }, o), m.mail_application_submitted_manage({}, o)],
		button: { label: m.mail_application_submitted_button({}, o), link: applicationLink(context.origin, request.token, o.locale) },
		after: [deadlineLine(application), m.mail_application_submitted_next({}, o), m.mail_application_private_link({}, o)]
	}));
}

/** The confirmation that an application was withdrawn. No link: there is nothing left to do with it. */
export async function queueWithdrawalMail(db: Kysely<Database>, context: ApplicationMailContext, request: { applicationId: number }): Promise<void> {
	const application = await mailApplication(db, request.applicationId);
	if (!application) return;
	await queueApplicantMail(db, context, application, `application-withdrawn:${application.id}`, (o, call) => ({
		subject: m.mail_application_withdrawn_subject({ call }, o),
		body: [m.mail_application_withdrawn_body({ call }, o), m.mail_application_withdrawn_again({}, o)],
		after: []
	}));
}

// Decision e-mails ----------------------------------------------------------

export interface DecisionTemplate {
	decision: ApplicationDecision;
	/** Per language, with the placeholders {name} and {call}; a language left empty uses the default. */
	subject: Localized;
	body: Localized;
	/** False while staff have not saved their own wording. */
	customized: boolean;
}

const defaultWordings: Record<ApplicationDecision, { subject: typeof m.mail_call_decision_accepted_subject; body: typeof m.mail_call_decision_accepted_body }> = {
	accepted: { subject: m.mail_call_decision_accepted_subject, body: m.mail_call_decision_accepted_body },
	waitlisted: { subject: m.mail_call_decision_waitlisted_subject, body: m.mail_call_decision_waitlisted_body },
	declined: { subject: m.mail_call_decision_declined_subject, body: m.mail_call_decision_declined_body }
};

/** The shipped wording of a decision e-mail in `locale`, placeholders and all. */
export function defaultDecisionTemplate(decision: ApplicationDecision, locale: Locale): { subject: string; body: string } {
	// The messages take the placeholders as values, so what comes back still holds them.
	const values = { name: '{name}', call: '{call}' };
	return {
		subject: defaultWordings[decision].subject(values, { locale }),
		body: defaultWordings[decision].body(values, { locale })
	};
}

function defaultsFor(decision: ApplicationDecision, part: 'subject' | 'body'): Localized {
	return Object.fromEntries(locales.map((locale) => [locale, defaultDecisionTemplate(decision, locale)[part]])) as Localized;
}

export const decisionsWithTemplates = ['accepted', 'waitlisted', 'declined'] as const satisfies readonly ApplicationDecision[];

/** The three templates of a call as the editor shows them: staff's wording, or the defaults. */
export async function decisionTemplates(db: Kysely<Database>, callId: number): Promise<DecisionTemplate[]> {
	const rows = await db.selectFrom('call_decision_template').selectAll().where('call_id', '=', callId).execute();
	return decisionsWithTemplates.map((decision) => {
		const row = rows.find((r) => r.decision === decision);
		if (!row) return { decision, subject: defaultsFor(decision, 'subject'), body: defaultsFor(decision, 'body'), customized: false };
		return { decision, subject: parseLocalized(row.subject), body: parseLocalized(row.body), customized: true };
	});
}

const localizedText = (max: number) =>
	z.object(
		Object.fromEntries(locales.map((l) => [l, z.string().trim().max(max, 'too_long').optional()])) as Record<Locale, z.ZodOptional<z.ZodString>>
	);

const templateSchema = z.object({
	subject: localizedText(decisionTemplateLimits.subject),
	body: localizedText(decisionTemplateLimits.body)
});

export type DecisionTemplateInput = z.input<typeof templateSchema>;

/**
 * Saves staff's wording of one decision e-mail. English is required (the
 * fallback for every language left empty); a subject is one line; only the
 * placeholders {name} and {call} are known. Errors: `subject.en`, `body.ne`...
 */
export async function saveDecisionTemplate(
	calls: CallsContext,
	actor: Actor,
	callId: number,
	decision: ApplicationDecision,
	input: DecisionTemplateInput
): Promise<void> {
	if (!(decisionsWithTemplates as readonly string[]).includes(decision)) throw new ValidationError({ decision: 'decision_invalid' });
	const parsed = templateSchema.safeParse(input);
	const issues: Record<string, string> = {};
	if (!parsed.success) {
		for (const issue of parsed.error.issues) issues[issue.path.join('.') || 'form'] ??= issue.message;
		throw new ValidationError(issues);
	}
	const { subject, body } = parsed.data;
	if (!subject.en) issues['subject.en'] = 'required';
	if (!body.en) issues['body.en'] = 'required';
	for (const locale of locales) {
		if (subject[locale] && /[\r\n]/.test(subject[locale])) issues[`subject.${locale}`] = 'one_line';
		for (const part of ['subject', 'body'] as const) {
			const text = parsed.data[part][locale] ?? '';
			const unknown = [...text.matchAll(/\{([^{}]*)\}/g)].find((match) => !(decisionPlaceholders as readonly string[]).includes(match[1]!));
			if (unknown) issues[`${part}.${locale}`] ??= 'placeholder_unknown';
		}
	}
	if (Object.keys(issues).length > 0) throw new ValidationError(issues);
	await runCommand(calls, actor, async ({ trx, now, audit }) => {
		if (!(await trx.selectFrom('open_call').select('id').where('id', '=', callId).executeTakeFirst())) throw new NotFoundError(`call ${callId}`);
		const values = {
			subject: stringifyLocalized({ en: '', ...subject }),
			body: stringifyLocalized({ en: '', ...body }),
			updated_at: now.toISOString()
		};
		await trx
			.insertInto('call_decision_template')
			.values({ call_id: callId, decision, ...values })
			.onConflict((oc) => oc.columns(['call_id', 'decision']).doUpdateSet(values))
			.execute();
		await audit({ action: 'call.decision-template-saved', subject: callSubject(callId), detail: { decision } });
	});
}

/** Goes back to the shipped wording. */
export async function resetDecisionTemplate(calls: CallsContext, actor: Actor, callId: number, decision: ApplicationDecision): Promise<void> {
	await runCommand(calls, actor, async ({ trx, audit }) => {
		await trx.deleteFrom('call_decision_template').where('call_id', '=', callId).where('decision', '=', decision).execute();
		await audit({ action: 'call.decision-template-reset', subject: callSubject(callId), detail: { decision } });
	});
}

function fillPlaceholders(template: string, values: { name: string; call: string }): string {
	return template.replace(/\{(name|call)\}/g, (_, key: 'name' | 'call') => values[key]);
}

/**
 * One decision e-mail from a template, in `locale`: staff's wording in that
 * language, else the shipped wording in it (a language staff left empty never
 * gets English while the app speaks it). Plain text; the HTML part escapes it
 * and keeps its paragraphs.
 */
export function renderDecisionMail(
	template: Pick<DecisionTemplate, 'decision' | 'subject' | 'body'>,
	values: { name: string; call: string; site: string; locale: Locale }
): ComposedMail {
	const { locale } = values;
	const defaults = defaultDecisionTemplate(template.decision, locale);
	const own = (text: string | undefined) => (text?.trim() ? text : undefined);
	const subjectTemplate = own(template.subject[locale]) ?? defaults.subject;
	const bodyTemplate = own(template.body[locale]) ?? defaults.body;
	const filled = { name: values.name.trim() || values.call, call: values.call };
	const subject = fillPlaceholders(subjectTemplate, filled).replace(/[\r\n]+/g, ' ').trim();
	const body = fillPlaceholders(bodyTemplate, filled).trim();
	return render(locale, {
		subject,
		before: body.split(/\n{2,}/),
		after: [],
		footer: m.mail_application_footer({ site: values.site }, { locale })
	});
}

/** The decision e-mail one application would get now, for the preview before sending. Undefined without a decision. */
export async function previewDecisionMail(
	db: Kysely<Database>,
	applicationId: number
): Promise<(ComposedMail & { to: string; locale: Locale; decision: ApplicationDecision }) | undefined> {
	const row = await db
		.selectFrom('application')
		.select(['call_id', 'decision', 'status'])
		.where('id', '=', applicationId)
		.executeTakeFirst();
	const application = await mailApplication(db, applicationId);
	if (!row?.decision || row.status !== 'submitted' || !application) return undefined;
	const template = (await decisionTemplates(db, row.call_id)).find((t) => t.decision === row.decision)!;
	const mail = renderDecisionMail(template, { name: application.name, call: application.callTitle, site: await siteName(db), locale: application.locale });
	return { ...mail, to: application.email, locale: application.locale, decision: row.decision };
}

/** The key of one decision e-mail: one per application and decision, so a changed decision is told once more. */
export function decisionMailKey(applicationId: number, decision: ApplicationDecision): string {
	return `application-decision:${applicationId}:${decision}`;
}

export interface DecisionMailReport {
	/** E-mails queued now. */
	queued: number;
	/** Queued before for the same decision: nothing was added. */
	alreadyQueued: number;
	/** Applications of another call, not submitted, without a decision, or erased. */
	skipped: number;
}

/**
 * Queues the decision e-mails of many applications of one call, each with its
 * current decision, in one transaction (the caller's, when `db` is one).
 * Idempotent by application and decision: asking again (a double click, a
 * retry after a timeout) sends nothing twice.
 */
export async function queueDecisionMails(
	db: Kysely<Database>,
	mailer: ApplicationMailer,
	callId: number,
	applicationIds: readonly number[]
): Promise<DecisionMailReport> {
	const report: DecisionMailReport = { queued: 0, alreadyQueued: 0, skipped: 0 };
	const wanted = [...new Set(applicationIds)];
	const queueAll = async (trx: Kysely<Database>) => {
		const call = await trx.selectFrom('open_call').select(['id', 'title']).where('id', '=', callId).executeTakeFirst();
		if (!call) throw new NotFoundError(`call ${callId}`);
		const templates = await decisionTemplates(trx, callId);
		const site = await siteName(trx);
		const rows: { id: number; applicant_email: string | null; applicant_name: string | null; locale: string; decision: ApplicationDecision | null }[] = [];
		// In slices, to stay well under either engine's limit of bound parameters.
		for (let start = 0; start < wanted.length; start += 500) {
			rows.push(
				...(await trx
					.selectFrom('application')
					.select(['id', 'applicant_email', 'applicant_name', 'locale', 'decision'])
					.where('call_id', '=', callId)
					.where('status', '=', 'submitted')
					.where('id', 'in', wanted.slice(start, start + 500))
					.execute())
			);
		}
		report.skipped = wanted.length - rows.length;
		for (const row of rows) {
			if (!row.decision || !row.applicant_email) {
				report.skipped++;
				continue;
			}
			const locale: Locale = isLocale(row.locale) ? row.locale : 'en';
			const template = templates.find((t) => t.decision === row.decision)!;
			const mail = renderDecisionMail(template, { name: row.applicant_name ?? '', call: pick(parseLocalized(call.title), locale).text, site, locale });
			const queued = await mailer.queue(trx, {
				idempotencyKey: decisionMailKey(row.id, row.decision),
				to: row.applicant_email,
				locale,
				...mail
			});
			if (queued.created) report.queued++;
			else report.alreadyQueued++;
		}
	};
	await (db.isTransaction ? queueAll(db) : db.transaction().execute(queueAll));
	return report;
}

/** Staff's "send the decision e-mails": queued, and the audit entry with what was queued, in one transaction. */
export async function sendDecisionMails(calls: CallsContext, actor: Actor, callId: number, applicationIds: readonly number[]): Promise<DecisionMailReport> {
	return runCommand(calls, actor, async ({ trx, audit }) => {
		const report = await calls.mail.decisions(trx, callId, applicationIds);
		await audit({ action: 'call.decision-mails-queued', subject: callSubject(callId), detail: { ...report } });
		return report;
	});
}
