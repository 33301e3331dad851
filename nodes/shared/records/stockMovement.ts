import { readWdtTime } from '../protocol';
import type { WdtRecord } from './types';

/**
 * One stock movement (库存变化) of wms.StockSpec.queryChangeHistory: a SKU's stock before and
 * after one stock-in or stockout, with why (src_order_type, src_order_no). The page gives no id
 * field: one movement is its document (stockio_no), SKU, warehouse, direction, stock side
 * (defect), time and stock before; two lines of one SKU in one document differ in stock_num_old.
 */
export const STOCK_MOVEMENT: WdtRecord = {
	name: 'Stock Movement',
	description: 'Stock-ins and stockouts per SKU, with the stock before and after and why',
	noun: 'stock movement',
	method: 'wms.StockSpec.queryChangeHistory',
	idField: 'stockio_no',
	keyOf: (row) => movementKey(row),
	numberFields: ['stockio_no', 'src_order_no'],
	statusLabels: {
		src_order_type: {
			'1': 'Sales Stockout',
			'2': 'Transfer',
			'4': 'Stock Count',
			'5': 'Production Order',
			'6': 'Production Stock-In',
			'7': 'Warranty Stock-In',
			'8': 'Good/Defective Conversion',
			'10': 'Purchase Stock-In',
			'12': 'Return Stock-In',
			'13': 'JIT Return Stock-In',
			'14': 'Purchase Return Stockout',
			'20': 'Other Stock-In',
			'21': 'Other Stockout',
			'22': 'Return Pre-Stock-In',
			'23': 'Adjustment Stock-In',
			'24': 'Adjustment Stockout',
			'33': 'Initial Stock-In',
			'34': 'Initial Stockout',
		},
	},
};

/** The page's `type`: 1 入库 (in), 2 出库 (out). */
export const MOVEMENT_DIRECTIONS = { '1': 'In', '2': 'Out' } as const;

/**
 * A stock movement's identity (see STOCK_MOVEMENT), without spaces (the trigger stores it): the
 * time as unix ms whatever form WDT sent it in, each part URI-encoded.
 */
export function movementKey(row: Readonly<Record<string, unknown>>): string {
	const created = readWdtTime(row.created)?.ms ?? row.created;
	return [
		row.stockio_no,
		row.spec_no,
		row.warehouse_no,
		row.type,
		row.defect,
		created,
		row.stock_num_old,
	]
		.map((part) => encodeURIComponent(String(part ?? '')))
		.join('|');
}

/** `direction` ('in' or 'out', from `type`) added after the fields WDT sent. */
export function withDirection<Row extends Record<string, unknown>>(row: Row): Row {
	if ('direction' in row) return row;
	const direction = String(row.type) === '1' ? 'in' : String(row.type) === '2' ? 'out' : undefined;
	return direction ? { ...row, direction } : row;
}
