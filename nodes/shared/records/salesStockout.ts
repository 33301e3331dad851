import type { WdtRecord } from './types';

/** A sales stockout (销售出库单) of wms.stockout.Sales.queryWithDetail, with its lines. */
export const SALES_STOCKOUT: WdtRecord = {
	name: 'Sales Stockout',
	description: 'Sales stockout orders',
	noun: 'sales stockout',
	method: 'wms.stockout.Sales.queryWithDetail',
	idField: 'stockout_id',
	numberFields: ['stockout_no', 'src_order_no', 'logistics_no'],
	modifiedField: 'modified',
	detectMoves: true,
	lines: { list: 'details_list', prefix: 'stockout_', itemName: 'Stockout' },
	statusLabels: {
		status: {
			'5': 'Cancelled',
			'10': 'To Put Back (Picked, To Put Back)',
			'50': 'Awaiting Review',
			'51': 'Out of Stock',
			'52': 'Out of Stock, Awaiting Stock-In',
			'53': 'Accepted by WMS',
			'54': 'Getting E-Waybill',
			'58': 'Stall Locked',
			'60': 'To Allocate',
			'61': 'Queued',
			'63': 'Awaiting Replenishment',
			'65': 'To Process',
			'70': 'Awaiting Shipment',
			'73': 'Hot-Item Locked',
			'74': 'Pre-Packed',
			'75': 'Awaiting Picking',
			'77': 'Picking',
			'79': 'Picked',
			'90': 'Delayed Shipment',
			'110': 'Completed',
			'-1': 'Not Shipped',
		},
	},
	privacyNotice:
		'WDT does not return stockouts of Taobao/Tmall, Pinduoduo and system-distribution orders through its API, so you may see fewer than in the ERP. Private fields (receiver name, address, phone numbers, buyer nick) are returned only for self-owned and offline platforms.',
};

/** The page's status_type that reads by modified time and the given `status` list. */
export const BY_MODIFIED_AND_STATUS = 3;
export const STOCKOUT_COMPLETED = 110;
export const STOCKOUT_DELAYED_SHIPMENT = 90;
