import type { WdtRecord } from './types';

/**
 * A refund stock-in (退货入库单) of wms.stockin.Refund.queryWithDetail: returned goods a
 * warehouse actually received, with its lines. Its number is order_no; refund_no names the refund.
 */
export const REFUND_STOCKIN: WdtRecord = {
	name: 'Refund Stock-In',
	description: 'Returned goods received into a warehouse',
	noun: 'refund stock-in',
	method: 'wms.stockin.Refund.queryWithDetail',
	idField: 'stockin_id',
	numberFields: ['order_no'],
	modifiedField: 'modified',
	lines: { list: 'details_list', prefix: 'stockin_', itemName: 'Refund Stock-In' },
	statusLabels: {
		status: {
			'10': 'Cancelled',
			'20': 'Editing',
			'30': 'Pending or Awaiting Review',
			'80': 'Completed',
		},
		process_status: {
			'10': 'Cancelled',
			'20': 'Awaiting Review',
			'30': 'Reviewed',
			'40': 'Pushed',
			'80': 'Settled',
			'85': 'Awaiting Posting',
			'86': 'Posted',
			'87': 'Cost Confirmation',
			'90': 'Completed',
		},
		type: { '2': 'Return and Refund', '3': 'Exchange' },
		attach_type: {
			'0': 'Manual Link',
			'1': 'Forced Link',
			'2': 'Split Link',
			'3': 'Automatic Link',
		},
	},
	privacyNotice:
		'WDT does not return refund stock-ins of Taobao/Tmall, Pinduoduo and system-distribution platforms through this API, so you may see fewer than in the ERP. Private fields (customer and buyer names) are returned only for self-owned and offline platforms.',
};

/** The status of a stock-in whose goods are in: 80 (已完成, completed). */
export const REFUND_STOCKIN_COMPLETED = 80;
