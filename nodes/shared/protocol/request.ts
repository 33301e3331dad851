import type { WdtCredentials } from './credentials';
import { computeSign, toWdtTimestamp, WDT_API_VERSION } from './sign';

/** The vendor's interface rules cap page_size for standard paged queries. */
export const WDT_MAX_PAGE_SIZE = 100;

export interface WdtPager {
	pageSize: number;
	/** Counts from 0. */
	pageNo: number;
	calcTotal?: boolean;
}

/** One WDT call: the method, its positional arguments and, for paged queries, the pager. */
export interface WdtCall {
	method: string;
	args: unknown[];
	pager?: WdtPager;
}

/** Serialized once: these exact bytes are both hashed and sent. */
export function encodeBody(args: unknown[]): string {
	return JSON.stringify(args);
}

/** The query parameters that belong to the call itself; the signer adds the account ones. */
export function callQuery(call: Pick<WdtCall, 'method' | 'pager'>): Record<string, string> {
	const query: Record<string, string> = {
		method: call.method,
		v: WDT_API_VERSION,
	};
	if (call.pager) {
		query.page_size = String(call.pager.pageSize);
		query.page_no = String(call.pager.pageNo);
		query.calc_total = call.pager.calcTotal ? '1' : '0';
	}
	return query;
}

/**
 * Adds sid, key, salt, timestamp and sign to a call's query. The body takes part in the
 * signature under the name `body` but is not itself a query parameter.
 */
export function signQuery(
	query: Record<string, string>,
	body: string,
	credentials: Pick<WdtCredentials, 'sid' | 'key' | 'secret' | 'salt'>,
	nowMs: number,
): Record<string, string> {
	const signed: Record<string, string> = {
		...query,
		sid: credentials.sid,
		key: credentials.key,
		salt: credentials.salt,
		timestamp: toWdtTimestamp(nowMs),
	};
	if (!signed.v) signed.v = WDT_API_VERSION;
	delete signed.sign;
	signed.sign = computeSign({ ...signed, body }, credentials.secret);
	return signed;
}
