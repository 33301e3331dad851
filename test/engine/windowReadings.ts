/**
 * What the window-reading tests (test/engine/window-readings.test.ts and
 * test/trigger/window-readings.test.ts) share: the records they place on window boundaries, and
 * the pages the read engine asks for under each reading of when `total_count` comes.
 */
import type { IDataObject } from 'n8n-workflow';

import { moveStock, SRC_ORDER_TYPE, type WdtSimulator } from '../simulator';

/** One kind of record: how to add one modified at a time (returns its id), and an item's id. */
export interface RecordKind {
	method: string;
	add(sim: WdtSimulator, modifiedMs: number): string;
	id(json: IDataObject): string;
}

let nextId = 1;
/** A record of `method`'s generic store with these fields, its id the next number. */
const genericKind = (
	method: string,
	idField: string,
	fields: (id: number) => IDataObject,
): RecordKind => ({
	method,
	add: (sim, modifiedMs) => {
		const id = nextId++;
		sim.records(method).add({ [idField]: id, ...fields(id) }, { modifiedMs });
		return String(id);
	},
	id: (json) => String(json[idField]),
});

export const KINDS = {
	cancelledStockout: {
		method: 'wms.stockout.Sales.searchCancel',
		add: (sim, modifiedMs) => String(sim.addStockout({ modifiedMs }).stockoutId),
		id: (json) => String(json.stockout_id),
	},
	salesOrder: {
		method: 'sales.TradeQuery.queryWithDetail',
		add: (sim, modifiedMs) => String(sim.addTrade({ modifiedMs }).tradeId),
		id: (json) => String(json.trade_id),
	},
	refund: genericKind('aftersales.refund.Refund.search', 'refund_id', (id) => ({
		refund_no: `TK${id}`,
		status: 20,
		type: 2,
		detail_list: [],
	})),
	purchaseApply: {
		method: 'purchase.PurchaseApply.search',
		add: (sim, modifiedMs) => sim.addPurchaseApply({ modifiedMs }).purchaseApplyNo,
		id: (json) => String(json.purchase_apply_no),
	},
	purchaseOrder: genericKind('purchase.PurchaseOrder.queryWithDetail', 'purchase_id', (id) => ({
		purchase_no: `CG${id}`,
		status: 20,
		detail_list: [],
	})),
	/** One stock-in of MUG-350 into WH01; its output's stockio_no. */
	stockMovement: {
		method: 'wms.StockSpec.queryChangeHistory',
		add: (sim, atMs) => {
			const stockioNo = `IO${nextId++}`;
			moveStock(sim, {
				warehouseNo: 'WH01',
				specNo: 'MUG-350',
				delta: 1,
				srcOrderType: SRC_ORDER_TYPE.purchaseIn,
				srcOrderNo: `CG${stockioNo}`,
				stockioNo,
				atMs,
			});
			return stockioNo;
		},
		id: (json) => String(json.stockio_no),
	},
} satisfies Record<string, RecordKind>;

/**
 * The page numbers the read engine (nodes/shared/protocol/paging.ts) asks for when it reads one
 * window of `rows` records at 100 a page.
 */
export function pagesRead(
	rows: number,
	options: { withTotal: boolean; lastToFirst?: boolean },
): number[] {
	const pages = Math.max(1, Math.ceil(rows / 100));
	const upTo = (count: number) => Array.from({ length: count }, (_, i) => i);
	if (options.withTotal)
		// A closed window whose page recommends it: page 0, then the last page back to page 1.
		return options.lastToFirst ? [0, ...upTo(pages - 1).map((i) => pages - 1 - i)] : upTo(pages);
	// Without a total: on to a short or empty page, then the pages before the last one read
	// again, to see whether rows moved across a page boundary while they were read.
	const pass = upTo(rows > 0 && rows % 100 === 0 ? pages + 1 : pages);
	return [...pass, ...pass.slice(0, -1)];
}
