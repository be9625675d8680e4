/**
 * Staff tasks from the command line:
 *
 *   npm run admin -- create-user --email ADDRESS --role admin|editor|reviewer [--name NAME] [--locale en|ne|id|es]
 *
 * Creates the account, sends the invitation e-mail (through SMTP_URL, or into
 * DATA_DIR/outbox) and prints the same one-time link to set the password.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildIfNeeded, root } from './build-if-needed.ts';
import { configOrExit } from './command-config.ts';

const usage = `Usage:
  npm run admin -- create-user --email ADDRESS --role admin|editor|reviewer [--name NAME] [--locale en|ne|id|es]`;

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: {
		email: { type: 'string' },
		role: { type: 'string' },
		name: { type: 'string' },
		locale: { type: 'string' },
		help: { type: 'boolean' }
	}
});

if (values.help || positionals[0] !== 'create-user') {
	console.log(usage);
	process.exit(values.help ? 0 : 2);
}

// The configuration `npm start` reads, from the same variables and with the same defaults, so the
// link below is the address the server answers on (http://localhost:PORT while ORIGIN is unset).
configOrExit();

// The e-mails' interface strings are compiled by the build; build once if they are not there yet.
if (!existsSync(join(root, 'src', 'lib', 'paraglide', 'messages.js')) && !buildIfNeeded()) process.exit(1);
const { startApp, stopApp } = await import('../src/lib/server/app.ts');
const { ValidationError } = await import('../src/lib/server/platform/errors.ts');
const { inviteStaff } = await import('../src/lib/server/people/people.service.ts');

const app = await startApp({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }, { startWorker: false });

let exitCode = 0;
try {
	const email = values.email ?? '';
	const { link } = await inviteStaff(app.people, null, {
		email,
		name: values.name ?? email.split('@')[0] ?? email,
		role: values.role ?? '',
		locale: values.locale ?? 'en'
	});
	// Send the invitation now rather than leave it for the server's worker.
	while ((await app.worker.runOnce()) > 0) {
		// keep going until nothing is due
	}
	console.log(`Account created for ${email.trim().toLowerCase()} (${values.role}).`);
	console.log(app.config.smtpUrl ? 'The invitation was e-mailed.' : `The invitation was written to ${app.config.dataDir}/outbox.`);
	console.log(`One-time link to set the password (valid for 7 days):\n${link}`);
} catch (error) {
	if (error instanceof ValidationError) {
		const reasons: Record<string, string> = {
			email: error.issues.email === 'taken' ? 'an account with this e-mail address exists already' : 'give a valid --email',
			role: 'give --role admin, editor or reviewer',
			name: 'give a --name of at most 120 characters',
			locale: 'give --locale en, ne, id or es'
		};
		console.error(`Not created: ${Object.keys(error.issues).map((k) => reasons[k] ?? k).join('; ')}.\n\n${usage}`);
		exitCode = 2;
	} else {
		throw error;
	}
} finally {
	await stopApp();
}
process.exit(exitCode);
