import { collator, displayNames } from '$lib/i18n/intl';

/*
 * Countries for the `country` field: the 249 officially assigned ISO 3166-1
 * alpha-2 codes. The list is ours because Intl knows more region codes than
 * that (XK, EU, UN, QO…); the names come from Intl.DisplayNames, so they are
 * in the applicant's language without a table of our own.
 */
const codes =
	'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ ' +
	'BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
	'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ ' +
	'DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
	'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ' +
	'ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ ' +
	'LA LB LC LI LK LR LS LT LU LV LY ' +
	'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ ' +
	'NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA ' +
	'RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ ' +
	'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU ' +
	'WF WS YE YT ZA ZM ZW';

export const countryCodes: readonly string[] = codes.split(' ');

const known: ReadonlySet<string> = new Set(countryCodes);

/** True for an assigned ISO 3166-1 alpha-2 code, in capitals. */
export function isCountryCode(value: string): boolean {
	return known.has(value);
}

/** Every country with its name in `locale`, sorted the way that language sorts. */
export function countryOptions(locale: string): { code: string; name: string }[] {
	const names = displayNames([locale, 'en'], { type: 'region', fallback: 'code' });
	const order = collator(locale);
	return countryCodes
		.map((code) => ({ code, name: names.of(code) ?? code }))
		.sort((a, b) => order.compare(a.name, b.name));
}

export function countryName(code: string, locale: string): string {
	return displayNames([locale, 'en'], { type: 'region', fallback: 'code' }).of(code) ?? code;
}
