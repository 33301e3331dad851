import type { WdtRecord } from './types';

/**
 * A transfer between warehouses (调拨单) of wms.stocktransfer.Manage.queryWithDetail, with its
 * lines (details_list). The query does not return the outer_no a create sent, so a transfer
 * cannot be looked up by it. Its `modified`/`created` are millisecond timestamps on the page
 * (modified_date/created_date the same times as text).
 */
export const TRANSFER: WdtRecord = {
	name: 'Transfer',
	description: 'Transfers of stock between warehouses',
	noun: 'transfer',
	method: 'wms.stocktransfer.Manage.queryWithDetail',
	idField: 'transfer_id',
	numberFields: ['transfer_no'],
	modifiedField: 'modified',
	lines: { list: 'details_list', prefix: 'transfer_', itemName: 'Transfer' },
	statusLabels: {
		mode: {
			'0': 'Single Item',
			'1': 'Position',
			'2': 'Detailed',
			'4': 'External Warehouse Fast',
			'5': 'Single Item (Out + In)',
			'6': 'Position (Out + In)',
			'7': 'Detailed (Out + In)',
			'8': 'Single Item (Out Only)',
			'9': 'Position (Out Only)',
			'10': 'Detailed (Out Only)',
			'11': 'Automatic',
			'14': 'External Warehouse Detailed (Out + In)',
		},
		status: {
			'10': 'Cancelled',
			'20': 'Editing',
			'30': 'Awaiting Review',
			'40': 'Reviewed',
			'50': 'Transferring',
			'80': 'Awaiting Settlement',
			'90': 'Completed',
		},
		stock_out_in_status: {
			'10': 'Awaiting Stock-Out',
			'20': 'Partly Out, Not In',
			'30': 'Partly Out, Partly In',
			'40': 'All Out, Not In',
			'50': 'All Out, Partly In',
			'60': 'Completed',
		},
	},
};
