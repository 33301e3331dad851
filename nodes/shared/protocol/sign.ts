import { createHash } from 'crypto';

/** WDT timestamps count seconds from 2012-01-01 00:00:00 UTC+8 (= unix 1325347200). */
export const WDT_EPOCH_OFFSET_SECONDS = 1325347200;

export const WDT_API_VERSION = '1.0';

export function toWdtTimestamp(unixMs: number): string {
	return String(Math.floor(unixMs / 1000) - WDT_EPOCH_OFFSET_SECONDS);
}

/**
 * md5 hex of secret + (name + value for every parameter, sorted by name in byte order) + secret.
 * `params` must already hold `body` (the exact body string) and must not hold `sign`.
 */
export function computeSign(params: Record<string, string>, secret: string): string {
	const names = Object.keys(params)
		.filter((name) => name !== 'sign')
		.sort(compareBytes);
	const hash = createHash('md5');
	hash.update(secret, 'utf8');
	for (const name of names) {
		hash.update(name, 'utf8');
		hash.update(params[name], 'utf8');
	}
	hash.update(secret, 'utf8');
	return hash.digest('hex');
}

/** Byte-order comparison, as the vendor's SDKs sort (ksort/strcmp), not locale order. */
function compareBytes(a: string, b: string): number {
	return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
