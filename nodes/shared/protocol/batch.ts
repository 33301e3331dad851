/**
 * Order numbers in, one outcome per number out. WDT's batch cancels answer status 0 even
 * when some numbers failed; these functions make every number's fate explicit.
 */

export interface OrderOutcome {
	order_no: string;
	success: boolean;
	error: string | null;
	error_code: number | null;
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

interface ApplyFailure {
	order_no?: unknown;
	error?: unknown;
	error_code?: unknown;
}

/**
 * purchase.PurchaseApply.cancelForApi / stopForApi list only the failures in `data`;
 * every number sent and not listed there succeeded.
 */
export function purchaseApplyOutcomes(sent: readonly string[], data: unknown): OrderOutcome[] {
	const failures = new Map<string, ApplyFailure>();
	for (const failure of Array.isArray(data) ? (data as ApplyFailure[]) : []) {
		if (failure && failure.order_no !== undefined) failures.set(String(failure.order_no), failure);
	}
	return sent.map((orderNo) => {
		const failure = failures.get(orderNo);
		if (!failure)
			return {
				order_no: orderNo,
				success: true,
				error: null,
				error_code: null,
			};
		return {
			order_no: orderNo,
			success: false,
			error: String(failure.error ?? 'WDT reported a failure without a message'),
			error_code:
				failure.error_code === undefined || failure.error_code === null
					? null
					: Number(failure.error_code),
		};
	});
}

/**
 * wms.stockother.Out.cancelOrder lists both `success_data` and `error_data`. A number in
 * error_data failed even if it is also in success_data (the vendor's own example shows that);
 * a number in neither is not claimed as a success.
 */
export function otherOutOutcomes(sent: readonly string[], data: unknown): OrderOutcome[] {
	const body = (data ?? {}) as { success_data?: unknown; error_data?: unknown };
	const succeeded = new Set(
		(Array.isArray(body.success_data) ? body.success_data : []).map(String),
	);
	const failed = new Map<string, string>();
	for (const entry of Array.isArray(body.error_data) ? body.error_data : []) {
		const record = entry as { order_no?: unknown; err_msg?: unknown };
		if (record && record.order_no !== undefined)
			failed.set(String(record.order_no), String(record.err_msg ?? ''));
	}
	return sent.map((orderNo) => {
		if (failed.has(orderNo)) {
			return {
				order_no: orderNo,
				success: false,
				error: failed.get(orderNo) || 'WDT reported a failure without a message',
				error_code: null,
			};
		}
		if (succeeded.has(orderNo))
			return {
				order_no: orderNo,
				success: true,
				error: null,
				error_code: null,
			};
		return {
			order_no: orderNo,
			success: false,
			error: 'WDT reported this number neither as cancelled nor as failed; check it in WDT',
			error_code: null,
		};
	});
}
