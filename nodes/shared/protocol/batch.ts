/**
 * Order numbers in, one outcome per number out: the protocol-generic part of WDT's batch writes
 * (which answer status 0 even when some numbers failed). Each method's reply reader lives with
 * its operation (nodes/Wdt/actions/<resource>/).
 */

/**
 * What happened to one number. `succeeded` and `failed` only when WDT's reply says so
 * clearly; `unknown` when the reply leaves it open (a lost reply, a failure count that the
 * list does not explain, a shape other than the documented one); `not sent` when the node
 * stopped before sending it; `already created` when a look-up before sending found it done.
 */
export type OutcomeKind = 'succeeded' | 'failed' | 'unknown' | 'not sent' | 'already created';

export interface OrderOutcome {
	/** The number as it was sent. */
	order_no: string;
	/** True only when WDT clearly reported this number as done. */
	success: boolean;
	outcome: OutcomeKind;
	/** WDT's own text for a failure; our explanation for an unknown or unsent number. */
	error: string | null;
	error_code: number | null;
	/** WDT's id of the document, from its failure entry (cancelForApi/stopForApi). */
	order_id?: number | string;
	/** The number as WDT wrote it in its reply, when that differs from the one sent. */
	wdt_order_no?: string;
}

/**
 * Accepts what a user can put in a field or an expression: one number, a list separated by
 * commas (also 中文 ，、；), semicolons, spaces or new lines, or an array of those.
 * Returns the trimmed, non-empty numbers, or a description of what is wrong.
 */
export function parseOrderNumbers(value: unknown): { numbers: string[] } | { problem: string } {
	const numbers: string[] = [];
	const visit = (entry: unknown, path: string): string | undefined => {
		if (entry === null || entry === undefined) return undefined;
		if (typeof entry === 'number' && Number.isFinite(entry)) {
			numbers.push(String(entry));
			return undefined;
		}
		if (typeof entry === 'string') {
			for (const part of entry.split(/[,，、;；\s]+/)) if (part !== '') numbers.push(part);
			return undefined;
		}
		if (Array.isArray(entry)) {
			for (let i = 0; i < entry.length; i++) {
				const problem = visit(entry[i], `${path}[${i}]`);
				if (problem) return problem;
			}
			return undefined;
		}
		return `${path} is ${typeof entry === 'object' ? 'an object' : `a ${typeof entry}`}, not an order number`;
	};
	const problem = visit(value, 'the value');
	return problem ? { problem } : { numbers };
}

export function chunk<T>(values: readonly T[], size: number): T[][] {
	if (!(size >= 1)) throw new RangeError('The batch size must be at least 1');
	const chunks: T[][] = [];
	for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
	return chunks;
}

/**
 * The identity WDT gives an order number. WDT looks numbers up in MySQL with a
 * case-insensitive collation, so `poa1` and `POA1` are the same document; its comparison also
 * ignores trailing spaces. We never send spaces (the input is split on them), so surrounding
 * spaces in a reply are trimmed before comparing.
 */
export function orderNumberKey(orderNo: string): string {
	return orderNo.trim().toLowerCase();
}

/** "1 purchase apply", "3 purchase applies". */
export function countOf(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`;
}

/** A number WDT clearly reported as done. */
export const succeededOutcome = (orderNo: string): OrderOutcome => ({
	order_no: orderNo,
	success: true,
	outcome: 'succeeded',
	error: null,
	error_code: null,
});

export const unknownOutcome = (orderNo: string, reason: string): OrderOutcome => ({
	order_no: orderNo,
	success: false,
	outcome: 'unknown',
	error: `Unknown outcome: ${reason}. Check this number in WDT before sending it again`,
	error_code: null,
});

/** The order_no of a reply entry, as text. */
export function orderNoOf(entry: unknown): string | undefined {
	const orderNo = (entry as { order_no?: unknown } | null)?.order_no;
	return typeof orderNo === 'string' || typeof orderNo === 'number' ? String(orderNo) : undefined;
}

/** A reply value in words, for messages about unexpected replies. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'missing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return `a list of ${value.length}`;
	return typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
}

/** WDT's `total`: a whole number ≥ 0 (also as digits), undefined when absent, NaN otherwise. */
export function readCount(value: unknown): number | undefined {
	if (value === undefined || value === null) return undefined;
	const count = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
	return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : NaN;
}
