import { fail } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import QRCode from 'qrcode';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { formField, formSchema } from '$lib/server/platform/forms';
import { recordAudit } from '$lib/server/shared/audit';
import { asRequestCookies, forwardAuthCookies } from '$lib/server/people/cookies';
import { mustSetUpTwoFactor, requirePermission } from '$lib/server/people/guard';
import { checkPassword } from '$lib/server/people/password-policy';
import { throttledPasswordCheck, type PasswordCheckResult } from '$lib/server/people/sign-in.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requirePermission(locals, url, 'account.manage-own');
	return { mustSetUpTwoFactor: mustSetUpTwoFactor(staff) };
};

/** Every form of the page: a password change, the password that confirms a two-factor step, and the app's code. */
const accountForm = formSchema({
	current: formField.text(1024),
	new: formField.text(1024),
	confirm: formField.text(1024),
	password: formField.text(1024),
	code: formField.text(1024)
});

/** A wrong password (400), or too many of them: locked like the sign-in form (429). */
function refused(action: string, result: Extract<PasswordCheckResult<unknown>, { ok: false }>, wrongPassword: string) {
	if (result.reason === 'invalid') return fail(400, { action, problem: wrongPassword });
	const minutes = result.retryAfterMs ? Math.max(1, Math.ceil(result.retryAfterMs / 60_000)) : undefined;
	return fail(429, { action, problem: result.reason, minutes });
}

export const actions = {
	changePassword: async ({ locals, url, request, cookies, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		const { current, new: next, confirm } = accountForm.read(await request.formData());
		if (next !== confirm) return fail(400, { action: 'password', problem: 'mismatch' });
		const problem = checkPassword(next, staff.email);
		if (problem) return fail(400, { action: 'password', problem });
		const { db, auth } = app();
		// Every other session of this person ends; this one is renewed.
		const result = await throttledPasswordCheck(db, { staff, ip: getClientAddress() }, () =>
			auth.api.changePassword({
				body: { currentPassword: current, newPassword: next, revokeOtherSessions: true },
				headers: request.headers,
				returnHeaders: true
			})
		);
		if (!result.ok) return refused('password', result, 'current');
		forwardAuthCookies(result.value.headers, cookies);
		await recordAudit(db, { action: 'password.changed', actor: staff, ip: getClientAddress() });
		return { action: 'password', done: true };
	},

	startTwoFactor: async ({ locals, url, request, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		const password = accountForm.read(await request.formData()).password;
		const { db, auth } = app();
		const result = await throttledPasswordCheck(db, { staff, ip: getClientAddress() }, () =>
			auth.api.enableTwoFactor({ body: { password }, headers: request.headers })
		);
		if (!result.ok) return refused('two-factor-start', result, 'password');
		if (result.value.method !== 'totp') throw new Error('unexpected two-factor method');
		const qr = await QRCode.toString(result.value.totpURI, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
		const secret = new URL(result.value.totpURI).searchParams.get('secret') ?? '';
		return { action: 'two-factor-setup', qr, secret, backupCodes: result.value.backupCodes };
	},

	confirmTwoFactor: async ({ locals, url, request, cookies, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		const code = accountForm.read(await request.formData()).code.replace(/\s+/g, '');
		const { db, auth } = app();
		try {
			const { headers } = await auth.api.verifyTOTP({ body: { code }, headers: request.headers, returnHeaders: true });
			forwardAuthCookies(headers, cookies);
		} catch (error) {
			if (error instanceof APIError) return fail(400, { action: 'two-factor-confirm', problem: 'code' });
			throw error;
		}
		await recordAudit(db, { action: 'two-factor.enabled', actor: staff, ip: getClientAddress() });
		return { action: 'two-factor-confirm', done: true };
	},

	disableTwoFactor: async ({ locals, url, request, cookies, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		if (staff.role === 'admin') return fail(400, { action: 'two-factor-disable', problem: 'required' });
		const password = accountForm.read(await request.formData()).password;
		const { db, auth } = app();
		const result = await throttledPasswordCheck(db, { staff, ip: getClientAddress() }, () =>
			auth.api.disableTwoFactor({ body: { password }, headers: request.headers, returnHeaders: true })
		);
		if (!result.ok) return refused('two-factor-disable', result, 'password');
		forwardAuthCookies(result.value.headers, cookies);
		// Sessions that passed the second step elsewhere end, as after a password change: only the renewed one stays.
		await auth.api.revokeOtherSessions({ headers: asRequestCookies(result.value.headers) });
		await recordAudit(db, { action: 'two-factor.disabled', actor: staff, ip: getClientAddress() });
		return { action: 'two-factor-disable', done: true };
	},

	regenerateCodes: async ({ locals, url, request, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		const password = accountForm.read(await request.formData()).password;
		const { db, auth } = app();
		const result = await throttledPasswordCheck(db, { staff, ip: getClientAddress() }, () =>
			auth.api.generateBackupCodes({ body: { password }, headers: request.headers })
		);
		if (!result.ok) return refused('codes', result, 'password');
		await recordAudit(db, { action: 'recovery-codes.regenerated', actor: staff, ip: getClientAddress() });
		return { action: 'codes', backupCodes: result.value.backupCodes };
	}
} satisfies Actions;
