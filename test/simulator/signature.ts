/**
 * The simulator's own signature check (server side).
 *
 * sign = lowercase hex md5 of: secret + (name + value for every parameter except `sign`,
 * including `body` = the raw request body, sorted by name in byte order) + secret.
 * Kept apart from the test client's signer (client.ts) so that a shared bug cannot make a
 * wrong signature look right.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Parameters as signed: the query parameters plus `body`. `sign` itself is ignored. */
export type SignedParams = Readonly<Record<string, string>>;

/** Compares names by their UTF-8 bytes, the order the vendor's PHP/Java SDKs produce. */
function byteOrder(a: string, b: string): number {
	return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The sign WDT expects for these parameters and secret. */
export function expectedSign(params: SignedParams, secret: string): string {
	const names = Object.keys(params)
		.filter((name) => name !== 'sign')
		.sort(byteOrder);
	const hash = createHash('md5');
	hash.update(secret, 'utf8');
	for (const name of names) {
		hash.update(name, 'utf8');
		hash.update(params[name], 'utf8');
	}
	hash.update(secret, 'utf8');
	return hash.digest('hex');
}

/** True when `sign` matches. Exact lowercase hex is required, as the client is told to send. */
export function isValidSign(params: SignedParams, secret: string, sign: string): boolean {
	const expected = Buffer.from(expectedSign(params, secret), 'utf8');
	const given = Buffer.from(sign, 'utf8');
	return given.length === expected.length && timingSafeEqual(given, expected);
}
