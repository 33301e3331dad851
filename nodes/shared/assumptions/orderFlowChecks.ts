/**
 * The checks of the order-flow pages of issue 22: time forms of purchase orders, purchase
 * stock-ins and stock movements; which time refund stock-in's time_type 1 selects by; what the
 * invoice search returns without mode 1; and a comma list of transfer statuses.
 */
import { getCatalogMethod } from '../catalog';
import { WDT_MAX_PAGE_SIZE } from '../protocol';
import { timeFormCheck } from './generalChecks';
import {
	type Check,
	couldNotTell,
	days,
	lookBackStartMs,
	METHODS,
	page,
	result,
	type Row,
	sampleLookBack,
	windowParams,
} from './sampling';
import { modifiedRangeCheck, probeRangeTime } from './rangeTime';
import { movementSample } from './stockFlowChecks';

export const flowTimeFormChecks: Check[] = [
	timeFormCheck(
		'Purchase order (purchase.PurchaseOrder.queryWithDetail)',
		['Purchase Order → Get Many', 'Purchase Order → Get', 'Purchase Order Status Changed'],
		METHODS.purchaseOrder,
		(run) => sampleLookBack(run, METHODS.purchaseOrder),
	),
	timeFormCheck(
		'Purchase stock-in (wms.stockin.Purchase.queryWithDetail)',
		['Purchase Stock-In → Get Many', 'Purchase Stock-In Created'],
		METHODS.purchaseStockin,
		(run) => sampleLookBack(run, METHODS.purchaseStockin),
	),
	timeFormCheck(
		'Stock movement (wms.StockSpec.queryChangeHistory)',
		['Stock Movement → Get Many', 'Stock Moved'],
		METHODS.movement,
		movementSample,
	),
];

export const refundStockinTimeCheck: Check = {
	assumption:
		"Refund stock-in's time_type 1 (the stock-in time) selects by check_time, not created_time",
	affects: ['Refund Stock-In → Get Many (Time Range By: Stock-In Time)'],
	async run(run) {
		return await probeRangeTime(this, run, {
			method: METHODS.refundStockin,
			extra: { time_type: 1 },
			sample: await sampleLookBack(run, METHODS.refundStockin),
			keyField: 'order_no',
			fields: ['check_time', 'created_time'],
			assumed: 'check_time',
			noRecord: `No refund stock-in in the last ${days(run)} was checked at another time than it was created.`,
			readings: {
				check_time: {
					reading: 'time_type 1 selects by check_time',
					why: 'Time Range By → Stock-In Time selects by check_time on this WDT; Refund Stock-In Received reads by modified time, whichever reading.',
				},
				created_time: {
					reading: 'time_type 1 does not select by check_time (created_time, by the other reading)',
					why: 'Time Range By → Stock-In Time selects by created_time on this WDT (when the stock-in was made, not checked). Refund Stock-In Received reads by modified time, so it is not concerned.',
				},
			},
		});
	},
};

export const purchaseOrderRangeCheck = modifiedRangeCheck(
	'Purchase order',
	'purchase order',
	METHODS.purchaseOrder,
	['purchase_no', 'created'],
	['Purchase Order → Get Many', 'Purchase Order Status Changed'],
);

export const purchaseStockinRangeCheck = modifiedRangeCheck(
	'Purchase stock-in',
	'purchase stock-in',
	METHODS.purchaseStockin,
	['order_no', 'created_time'],
	['Purchase Stock-In → Get Many', 'Purchase Stock-In Created'],
);

const INVOICE_OFFLINE_FAILED = 85;

export const invoiceDefaultModeCheck: Check = {
	assumption:
		'The invoice search without mode 1 returns only invoices waiting to be issued offline (status 45), not failed ones (85)',
	affects: ['Invoice → Get Many'],
	async run(run) {
		const window = windowParams(METHODS.invoice, lookBackStartMs(run, METHODS.invoice), run.nowMs);
		const failed = await sampleLookBack(
			run,
			METHODS.invoice,
			{ mode: 1, status: String(INVOICE_OFFLINE_FAILED) },
			`${METHODS.invoice}#85`,
		);
		const invoiceNo = failed.rows.find(
			(row) => row.invoice_order_no && Number(row.status) === INVOICE_OFFLINE_FAILED,
		)?.invoice_order_no;
		if (!invoiceNo)
			return couldNotTell(
				this,
				failed.failure ??
					`No invoice whose offline issue failed (status 85) in the last ${days(run)}.`,
				{ method: METHODS.invoice, window: failed.window },
			);
		const plain = await page(
			run,
			METHODS.invoice,
			{ invoice_order_no: String(invoiceNo), ...window },
			WDT_MAX_PAGE_SIZE,
		);
		const details: Row = {
			method: METHODS.invoice,
			invoice_order_no: invoiceNo,
			found_without_mode:
				plain.failure ?? plain.rows.some((row) => row.invoice_order_no === invoiceNo),
		};
		if (plain.failure) return couldNotTell(this, plain.failure, details);
		if (details.found_without_mode)
			return result(
				this,
				'differs',
				'without mode 1, failed invoices (85) come back too',
				'Nothing to do: Invoice → Get Many always sends mode 1 with the statuses chosen.',
				details,
			);
		return result(
			this,
			'as assumed',
			'without mode 1, only status 45',
			'Invoice → Get Many always sends mode 1 with the statuses chosen.',
			details,
		);
	},
};

export const transferStatusListCheck: Check = {
	assumption: 'The transfer query takes a comma list of statuses (its page says String, length 4)',
	affects: ['Transfer → Get Many (several statuses)', 'Transfer Status Changed'],
	async run(run) {
		const sample = await sampleLookBack(run, METHODS.transfer);
		const status = sample.rows.find((row) => row.status !== undefined && row.status !== '')?.status;
		if (status === undefined)
			return couldNotTell(this, sample.failure ?? `No transfer in the last ${days(run)}.`, {
				method: METHODS.transfer,
				window: sample.window,
			});
		const codes = Object.keys(getCatalogMethod(METHODS.transfer)?.statusTables?.status ?? {});
		const other = codes.find((code) => code !== String(status)) ?? '5';
		const list = `${other},${status}`;
		const reply = await page(
			run,
			METHODS.transfer,
			{
				status: list,
				...windowParams(METHODS.transfer, lookBackStartMs(run, METHODS.transfer), run.nowMs),
			},
			WDT_MAX_PAGE_SIZE,
		);
		const matching = reply.rows.filter((row) => String(row.status) === String(status)).length;
		const details: Row = { method: METHODS.transfer, status_sent: list, rows_in_status: matching };
		if (reply.failure) {
			details.refusal = reply.failure;
			return result(
				this,
				'differs',
				'a comma list of statuses is refused',
				'Choose one status (or none) in Transfer → Get Many and Transfer Status Changed: several are sent as a comma list.',
				details,
			);
		}
		if (matching > 0)
			return result(
				this,
				'as assumed',
				'a comma list selects each status',
				'Get Many and Transfer Status Changed send the statuses chosen as a comma list.',
				details,
			);
		return result(
			this,
			'differs',
			'a comma list of statuses matches nothing',
			'Choose one status (or none) in Transfer → Get Many and Transfer Status Changed: several are sent as a comma list.',
			details,
		);
	},
};
