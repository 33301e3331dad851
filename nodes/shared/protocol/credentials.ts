export type WdtEnvironment = 'production' | 'test' | 'custom';

export const WDT_ENDPOINTS: Record<Exclude<WdtEnvironment, 'custom'>, string> = {
	production: 'http://wdt.wangdian.cn/openapi',
	test: 'http://47.92.239.46/openapi',
};

/** What the signer needs; never logged, never returned. */
export interface WdtCredentials {
	sid: string;
	key: string;
	secret: string;
	salt: string;
	endpoint: string;
}

/**
 * WDT hands out an "appsecret" of the form `secret:salt`. Users often paste it whole into
 * the secret field; when the salt field is empty we split it for them.
 */
export function splitSecretAndSalt(secret: string, salt: string): { secret: string; salt: string } {
	const trimmedSecret = secret.trim();
	const trimmedSalt = salt.trim();
	if (trimmedSalt === '' && trimmedSecret.includes(':')) {
		const at = trimmedSecret.indexOf(':');
		return {
			secret: trimmedSecret.slice(0, at),
			salt: trimmedSecret.slice(at + 1),
		};
	}
	return { secret: trimmedSecret, salt: trimmedSalt };
}

export function resolveEndpoint(environment: unknown, baseUrl: unknown): string {
	if (environment === 'custom') {
		const url = typeof baseUrl === 'string' ? baseUrl.trim() : '';
		return url.replace(/\/+$/, '');
	}
	return environment === 'test' ? WDT_ENDPOINTS.test : WDT_ENDPOINTS.production;
}

/** Reads the credential object n8n decrypted, tolerating missing fields and stray spaces. */
export function readWdtCredentials(raw: Record<string, unknown>): WdtCredentials {
	const text = (value: unknown) =>
		typeof value === 'string' ? value.trim() : value == null ? '' : String(value);
	const { secret, salt } = splitSecretAndSalt(text(raw.secret), text(raw.salt));
	return {
		sid: text(raw.sid),
		key: text(raw.key),
		secret,
		salt,
		endpoint: resolveEndpoint(raw.environment, raw.baseUrl),
	};
}

/** WDT's API path: every documented endpoint ends with it. */
const API_PATH = '/openapi';

/** What is wrong with a custom Base URL, naming the field; undefined when it is usable. */
export function baseUrlProblem(baseUrl: string): string | undefined {
	const example = WDT_ENDPOINTS.production;
	if (baseUrl === '')
		return `The credential's Base URL is empty: enter WDT's endpoint ending in ${API_PATH} (e.g. ${example}), or pick the Production or Test environment.`;
	if (!/^https?:\/\//i.test(baseUrl))
		return `The credential's Base URL must start with http:// or https:// (e.g. ${example}).`;
	let url: URL;
	try {
		url = new URL(baseUrl);
	} catch {
		return `The credential's Base URL is not a valid URL: enter WDT's endpoint, e.g. ${example}.`;
	}
	if (url.search !== '' || url.hash !== '' || baseUrl.includes('?') || baseUrl.includes('#'))
		return `The credential's Base URL must not contain a query (?…) or fragment (#…): enter the endpoint only, e.g. ${example}; the node adds the query itself.`;
	if (url.username !== '' || url.password !== '')
		return `The credential's Base URL must not contain a user name or password.`;
	const wdtEndpoint = Object.entries(WDT_ENDPOINTS).find(
		([, endpoint]) => new URL(endpoint).host === url.host.toLowerCase(),
	);
	if (wdtEndpoint && url.protocol === 'https:') {
		const [environment, endpoint] = wdtEndpoint;
		return `The credential's Base URL uses https:// for WDT's ${environment} endpoint, which WDT serves over http:// only: pick Environment → ${environment === 'test' ? 'Test' : 'Production'} (${endpoint}) instead of a Custom URL.`;
	}
	if (!url.pathname.replace(/\/+$/, '').endsWith(API_PATH))
		return `The credential's Base URL must be WDT's endpoint itself, ending in ${API_PATH} with nothing after it (e.g. ${example}).`;
	return undefined;
}

/**
 * What is wrong with the credential's own fields, naming the field; undefined when they are
 * usable. Checked before anything is sent, so the user learns which field to fix.
 */
export function credentialFieldProblem(
	raw: Record<string, unknown>,
	{ checkBaseUrl = true }: { checkBaseUrl?: boolean } = {},
): string | undefined {
	const text = (value: unknown) =>
		typeof value === 'string' ? value.trim() : value == null ? '' : String(value);
	if (text(raw.sid) === '') return "The credential's Seller Account (sid) is empty.";
	if (text(raw.key) === '') return "The credential's API Key is empty.";
	const secret = text(raw.secret);
	if (secret === '')
		return "The credential's Secret is empty: paste the appsecret from the WDT open platform.";
	if (text(raw.salt) === '' && !secret.includes(':'))
		return "The credential's Salt is empty and its Secret has no colon: WDT's appsecret has two parts separated by a colon. Paste the whole appsecret, colon included, into Secret, or put the part after the colon into Salt.";
	if (checkBaseUrl && raw.environment === 'custom') return baseUrlProblem(text(raw.baseUrl));
	return undefined;
}

/**
 * Shown under the credential's fields. n8n words a failed connection itself (its credential
 * test maps socket errors to its own texts before any rule of ours runs: 1.x a sentence, 2.x
 * the socket code), so the fields say what each of those texts means and what to fix.
 */
export const CREDENTIAL_FIELD_HINTS = {
	environment: `Production (${WDT_ENDPOINTS.production}) and Test (${WDT_ENDPOINTS.test}) are WDT's two endpoints, both http://. Your Seller Account belongs to one of them; with the other the test says WDT does not know it.`,
	baseUrl:
		'If the test fails with n8n\'s own words: "refused the connection" or ECONNREFUSED means nothing listens at this host and port (in Docker, 127.0.0.1 is n8n\'s own container); EPROTO or "wrong version number" means https:// for a server that speaks http://, so use http://; "incorrect host" or ENOTFOUND means the host name does not exist; a time-out means no reply within 15 seconds (a firewall or a wrong address).',
} as const;
