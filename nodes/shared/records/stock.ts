import type { WdtRecord } from './types';

/**
 * Stock per SKU and warehouse of wms.StockSpec.search2, not wms.StockSpec.search: the page of
 * search says "接口已过时, 请使用 wms.StockSpec.search2" (obsolete, use search2).
 */
export const STOCK: WdtRecord = {
	name: 'Stock',
	description: 'Stock per SKU and warehouse',
	noun: 'stock record',
	method: 'wms.StockSpec.search2',
	idField: 'rec_id',
	numberFields: ['spec_nos'],
	modifiedField: 'modified',
	statusLabels: {},
};
