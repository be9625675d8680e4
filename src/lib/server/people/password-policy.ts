/** Why a password is refused; each has a translated message in the admin. */
export type PasswordProblem = 'too_short' | 'too_long' | 'contains_email' | 'too_simple' | 'too_common';

// A handful of the passwords tried first by anyone guessing; longer than 12
// characters is already required, so only long common ones need listing.
const common = new Set([
	'password1234',
	'123456789012',
	'1234567890123',
	'qwertyuiop12',
	'qwertyuiopasdf',
	'iloveyou1234',
	'passwordpassword',
	'changeme1234',
	'welcome12345',
	'letmein12345',
	'administrator',
	'microgalleries'
]);

export function checkPassword(password: string, email: string): PasswordProblem | undefined {
	if (password.length < 12) return 'too_short';
	if (password.length > 256) return 'too_long';
	const lower = password.toLowerCase();
	const local = email.split('@')[0]?.toLowerCase() ?? '';
	if (local.length >= 4 && lower.includes(local)) return 'contains_email';
	if (common.has(lower.replace(/\s+/g, ''))) return 'too_common';
	if (new Set(lower).size < 5) return 'too_simple';
	return undefined;
}
