import { fail } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import QRCode from 'qrcode';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { formField, formSchema } from '$lib/server/platform/forms';
import { changeOwnPassword, confirmTwoFactor, disableTwoFactor, regenerateRecoveryCodes, startTwoFactor } from '$lib/server/people/account.service';
import { forwardAuthCookies } from '$lib/server/people/cookies';
import { mustSetUpTwoFactor, requirePermission } from '$lib/server/people/guard';
import { checkPassword } from '$lib/server/people/password-policy';
import type { PasswordCheckResult } from '$lib/server/people/sign-in.service';

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
		// Every other session of this person ends; this one is renewed.
		const result = await changeOwnPassword(app().people, staff, { current, next, headers: request.headers, ip: getClientAddress() });
		if (!result.ok) return refused('password', result, 'current');
		forwardAuthCookies(result.value.headers, cookies);
		return { action: 'password', done: true };
	},

	startTwoFactor: async ({ locals, url, request, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		const password = accountForm.read(await request.formData()).password;
		const result = await startTwoFactor(app().people, staff, { password, headers: request.headers, ip: getClientAddress() });
		if (!result.ok) return refused('two-factor-start', result, 'password');
		if (result.value.method !== 'totp') throw new Error('unexpected two-factor method');
		const qr = await QRCode.toString(result.value.totpURI, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
		const secret = new URL(result.value.totpURI).searchParams.get('secret') ?? '';
		return { action: 'two-factor-setup', qr, secret, backupCodes: result.value.backupCodes };
	},

	confirmTwoFactor: async ({ locals, url, request, cookies, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		const code = accountForm.read(await request.formData()).code.replace(/\s+/g, '');
		try {
			forwardAuthCookies(await confirmTwoFactor(app().people, staff, { code, headers: request.headers, ip: getClientAddress() }), cookies);
		} catch (error) {
			if (error instanceof APIError) return fail(400, { action: 'two-factor-confirm', problem: 'code' });
			throw error;
		}
		return { action: 'two-factor-confirm', done: true };
	},

	disableTwoFactor: async ({ locals, url, request, cookies, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		if (staff.role === 'admin') return fail(400, { action: 'two-factor-disable', problem: 'required' });
		const password = accountForm.read(await request.formData()).password;
		// Sessions that passed the second step elsewhere end, as after a password change: only the renewed one stays.
		const result = await disableTwoFactor(app().people, staff, { password, headers: request.headers, ip: getClientAddress() });
		if (!result.ok) return refused('two-factor-disable', result, 'password');
		forwardAuthCookies(result.value.headers, cookies);
		return { action: 'two-factor-disable', done: true };
	},

	regenerateCodes: async ({ locals, url, request, getClientAddress }) => {
		const staff = requirePermission(locals, url, 'account.manage-own');
		const password = accountForm.read(await request.formData()).password;
		const result = await regenerateRecoveryCodes(app().people, staff, { password, headers: request.headers, ip: getClientAddress() });
		if (!result.ok) return refused('codes', result, 'password');
		return { action: 'codes', backupCodes: result.value.backupCodes };
	}
} satisfies Actions;
