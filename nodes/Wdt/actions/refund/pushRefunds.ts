/**
 * Refund → Push: input rows (one refunded line each) into refunds, rows of one Refund Number
 * (ignoring case, as WDT compares numbers) making one refund, every value checked against the
 * page before any call.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { orderNumberKey } from '../../../shared/protocol';
import { readLocatorCode } from '../locators';
import { invalidInput, parameterReaders } from '../parameters';
import { planEach, type Planned } from '../write';
import { ENTRY, MORE_ENTRY, SHOP_NO } from './push.fields';

export interface PushRefund {
	shopNo: string;
	refundNo: string;
	/** The refund's entries of order_list, one per row (refunded line). */
	entries: IDataObject[];
}

const isEmpty = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** One row as an order_list entry, and its shop. */
function readEntry(
	ctx: IExecuteFunctions,
	parameter: (name: string, itemIndex: number) => unknown,
	i: number,
): { shopNo: string; entry: IDataObject } {
	const shopField = SHOP_NO.fields[0];
	const shopNo = String(SHOP_NO.value(ctx, i, '', shopField, readLocatorCode(ctx, i, 'shopNo')));
	const more = (ctx.getNodeParameter('moreFields', i, {}) ?? {}) as IDataObject;
	return {
		shopNo,
		entry: {
			...ENTRY.read(ctx, i, '', (field) => parameter(`refund_${field.wdt}`, i)),
			...MORE_ENTRY.read(ctx, i, 'More Fields → ', (field) => more[field.wdt]),
		},
	};
}

/**
 * One refund from its rows: every row read and checked; the rows must name one shop (the page
 * takes one shop per call, and a refund number is one refund of one shop) and each sub-order once.
 */
function readRefund(
	ctx: IExecuteFunctions,
	parameter: (name: string, itemIndex: number) => unknown,
	itemIndices: number[],
): PushRefund {
	const rows = itemIndices.map((i) => ({ i, ...readEntry(ctx, parameter, i) }));
	const [first] = rows;
	const refundNo = String(first.entry.refund_no);
	const oids = new Map<string, number>();
	for (const row of rows) {
		if (row.shopNo !== first.shopNo)
			throw invalidInput(
				ctx,
				row.i,
				'Shop (shop_no)',
				`is "${row.shopNo}" here but "${first.shopNo}" in item ${first.i + 1}, a row of the same refund ("${refundNo}"). A refund number is one refund of one shop.`,
			);
		const oid = orderNumberKey(String(row.entry.oid));
		const seen = oids.get(oid);
		if (seen !== undefined)
			throw invalidInput(
				ctx,
				row.i,
				'Sub-Order Number (oid)',
				`"${String(row.entry.oid)}" is also in item ${seen + 1} of refund "${refundNo}"; each refunded line once per refund.`,
			);
		oids.set(oid, row.i);
	}
	// Every entry spelled as the first row spells the number: one refund, however WDT compares case.
	return {
		shopNo: first.shopNo,
		refundNo,
		entries: rows.map((row) => ({ ...row.entry, refund_no: refundNo })),
	};
}

/** The refunds of the input; a row without a Refund Number is refused on its own. */
export function planRefunds(ctx: IExecuteFunctions): Array<Planned<PushRefund>> {
	const items = ctx.getInputData();
	const parameter = parameterReaders(ctx, items);
	const groups = new Map<string, number[]>();
	items.forEach((_, i) => {
		let refundNo: unknown;
		try {
			refundNo = parameter('refund_refund_no', i);
		} catch {
			refundNo = undefined; // its own group: reading it again names the problem
		}
		const key = isEmpty(refundNo) ? `item ${i}` : `refund ${orderNumberKey(String(refundNo))}`;
		groups.set(key, [...(groups.get(key) ?? []), i]);
	});
	return planEach(ctx, [...groups.values()], (itemIndices) =>
		readRefund(ctx, parameter, itemIndices),
	).map((entry) => {
		if (!('error' in entry)) return entry;
		const refundNo = (() => {
			try {
				return parameter('refund_refund_no', entry.itemIndices[0]);
			} catch {
				return undefined;
			}
		})();
		return isEmpty(refundNo) ? entry : { ...entry, json: { refund_no: String(refundNo).trim() } };
	});
}
