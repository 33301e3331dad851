/**
 * Hides credentials in any text that may reach a user: WDT's messages, previews of replies,
 * network error texts. A server (or a gateway in front of it) may echo the request URL, whose
 * query holds sid, key, salt, timestamp and sign. Pure: no n8n imports.
 */

export const REDACTED = '[hidden]';

/** Parameter names whose values never appear in our texts. */
const SECRET_NAMES = ['appsecret', 'secret', 'salt', 'sign', 'appkey', 'key'];

/** A query string after a URL path: `/openapi?method=…&sign=…` or `?sid=…`. */
const QUERY_STRING = /\?(?=[^\s"'<>?#]*=)[^\s"'<>#]*/g;

/** `salt=…`, `"sign": "…"`, `key: …`, `secret=…` in any quoting. */
const SECRET_PAIR = new RegExp(
	`(["']?\\b(?:${SECRET_NAMES.join('|')})\\b["']?\\s*[:=]\\s*)("[^"]*"|'[^']*'|[^\\s&,;"'<>}\\]]+)`,
	'gi',
);

/** An md5 hex digest: the shape of a WDT sign. */
const MD5_HEX = /\b[0-9a-f]{32}\b/gi;

/** Known values shorter than this are not searched for: they would match ordinary text. */
const MIN_VALUE_LENGTH = 4;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The forms in which a value may be echoed: as is, URL-encoded, JSON-escaped. */
function valueForms(value: string): string[] {
	const forms = new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]);
	return [...forms].filter((form) => form.length >= MIN_VALUE_LENGTH);
}

/**
 * Returns the text with query strings, secret name/value pairs, md5-shaped tokens and every
 * given value (credential secret, salt, key) replaced by `[hidden]`.
 */
export function redactSecrets(text: string, values: readonly string[] = []): string {
	let result = text;
	const forms = values
		.filter((value) => typeof value === 'string' && value.length >= MIN_VALUE_LENGTH)
		.flatMap(valueForms)
		.sort((a, b) => b.length - a.length);
	for (const form of forms) result = result.replace(new RegExp(escapeRegExp(form), 'g'), REDACTED);
	return result
		.replace(QUERY_STRING, `?${REDACTED}`)
		.replace(SECRET_PAIR, (_pair, name: string) => `${name}${REDACTED}`)
		.replace(MD5_HEX, REDACTED);
}
