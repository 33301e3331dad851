/** What the Stock Sync operations share: the platform goods id they read from each item. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../parameters';

/** The pending list's methods and limits (sales.StockSync.getSelfWaitSyncIdListOpen). */
export const PENDING_METHOD = 'sales.StockSync.getSelfWaitSyncIdListOpen';
/** The page: "count … 一次的记录数最小值10, 最大值5000". */
export const PENDING_COUNT_MIN = 10;
export const PENDING_COUNT_MAX = 5000;

/** The platform goods field every operation reads: calc's `rec_id`, the reports' `apiGoodsId`. */
export const GOODS_ID_LABEL = 'Platform Goods ID (rec_id)';

/** A platform goods id (api_goodsspec rec_id) given as a number or digits, else undefined. */
export function goodsIdOf(raw: unknown): number | undefined {
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	const id = /^\d+$/.test(text) ? Number(text) : NaN;
	return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * The Platform Goods ID of an item, or an error naming item and field; `read` is a
 * parameterReader of it (a plain {{ $json.rec_id }} is read straight from the items).
 */
export function readGoodsId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	read: (itemIndex: number) => unknown,
): number {
	const raw = read(itemIndex);
	const id = goodsIdOf(raw);
	if (id === undefined)
		throw invalidInput(
			ctx,
			itemIndex,
			GOODS_ID_LABEL,
			`must be the positive whole number Stock Sync → Get Pending returns, got "${typeof raw === 'object' ? JSON.stringify(raw) : String(raw)}".`,
		);
	return id;
}

export const goodsIdField = (description: string) => ({
	displayName: 'Platform Goods ID',
	name: 'goodsId',
	type: 'string' as const,
	default: '={{ $json.rec_id }}',
	required: true,
	description,
});
