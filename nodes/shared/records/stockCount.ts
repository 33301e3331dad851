import type { WdtRecord } from './types';

/**
 * A stock count (盘点单) of wms.StockPd.queryStockPd. Its lines come from another method,
 * wms.StockPd.queryStockPdDetail (by pd_no): STOCK_COUNT_LINES_METHOD.
 */
export const STOCK_COUNT: WdtRecord = {
	name: 'Stock Count',
	description: 'Stock counts (stocktakes) and their variances per SKU',
	noun: 'stock count',
	method: 'wms.StockPd.queryStockPd',
	idField: 'rec_id',
	numberFields: ['pd_no'],
	modifiedField: 'modified',
	statusLabels: {
		mode: {
			'0': 'By SKU',
			'1': 'By Location and Detail',
			'2': 'Detailed',
			'3': 'By Location and SKU',
		},
		status: {
			'10': 'Cancelled',
			'20': 'Editing',
			'30': 'Awaiting Count',
			'31': 'Counting',
			'33': 'Partly Counted',
			'35': 'Awaiting Settlement',
			'40': 'Completed',
		},
	},
};

/** The lines of one stock count, by pd_no; its page's reply: `total` beside `data`. */
export const STOCK_COUNT_LINES_METHOD = 'wms.StockPd.queryStockPdDetail';
/** Where Get Many puts the lines of a stock count (the lines page's table name). */
export const STOCK_COUNT_LINE_LIST = 'pd_detail_list';
