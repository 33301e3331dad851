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
