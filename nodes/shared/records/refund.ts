import type { WdtRecord } from './types';

/** A refund or exchange (退换单) of aftersales.refund.Refund.search, with its lines. */
export const REFUND: WdtRecord = {
	name: 'Refund',
	description: 'Refunds, returns and exchanges',
	noun: 'refund',
	method: 'aftersales.refund.Refund.search',
	idField: 'refund_id',
	numberFields: ['refund_no'],
	modifiedField: 'modified',
	detectMoves: true,
	lines: { list: 'detail_list', prefix: 'refund_', itemName: 'Refund' },
	statusLabels: {
		status: {
			'10': 'Cancelled',
			'20': 'Awaiting Review',
			'30': 'Reviewed',
			'40': 'Pushed',
			'80': 'Settled',
			'81': 'Awaiting Return Info',
			'85': 'Awaiting Posting',
			'86': 'Posted',
			'87': 'Cost Confirmation',
			'90': 'Completed',
		},
		type: {
			'1': 'Refund Before Shipment',
			'2': 'Return',
			'3': 'Exchange',
			'4': 'Refund Without Return',
			'6': 'Price Protection Refund',
		},
	},
	extraTimeFields: ['current_phase_timeout'],
	privacyNotice:
		'WDT does not return refunds of Taobao/Tmall, Pinduoduo and system-distribution platforms through this API, so you may see fewer refunds than in the ERP. Private fields (buyer and receiver details) are returned only for self-owned and offline platforms.',
};
