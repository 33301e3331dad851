import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { CatalogParam } from '../../../shared/catalog/types';
import {
	describeKind,
	readUserDateTime,
	succeededOutcome,
	toWdtTime,
	WDT_TIME_ZONE,
	WdtError,
	type WdtResponse,
} from '../../../shared/protocol';
import { textProblem } from '../../../shared/protocol/validate';
import { readLocatorCode, warehouseLocator } from '../locators';
import { invalidInput } from '../parameters';
import {
	atMost,
	type DocumentCreate,
	documentCreateFields,
	documentedFields,
	documentedValue,
	flagProperty,
	lineRemark,
	remarkProperty,
	runDocumentCreate,
	type SkuLines,
	text,
} from '../write';

const METHOD = 'wms.stocktransfer.Edit.createOrder';

/**
 * What a re-run does, said in the field and on every item: the transfer query
 * (wms.stocktransfer.Manage.queryWithDetail) does not return outer_no, so the node cannot look a
 * transfer up by it, and the create page does not say whether WDT refuses an outer_no it has.
 */
export const RERUN_NOTE =
	'Not looked up: WDT cannot be searched by outer_no, and its page does not say whether it refuses an outer_no it already has. Sending this transfer again either is refused by WDT or creates a second transfer.';

/**
 * What the create page leaves open about the line fields it documents without a length or a
 * format (docs/wdt-ambiguities.md, "Transfer create: batch, expiry, defect and remark of a line"):
 * batch_no and remark are bounded by the lengths WDT stores them in, as its transfer query
 * (wms.stocktransfer.Manage.queryWithDetail, details_list) documents them; expire_date is a date
 * sent as WDT writes it (yyyy-MM-dd HH:mm:ss); defect is the page's true/false.
 */
const STORED_LENGTH = { batch_no: 40, remark: 255 };
/** The modes that take a batch and an expiry date: "mode=2或者7，才有效". */
const DETAILED_MODES = [2, 7];

const storedText = (max: number) => (value: unknown) => {
	const written = text(value);
	const problem = textProblem(written, max);
	return problem ? { problem } : { value: written };
};

/**
 * An expiry date as written (a date printed on the goods is China's calendar date, not an instant
 * of the workflow's timezone); a value with an offset is converted to China Standard Time.
 */
function expiryDate(value: unknown) {
	const read = readUserDateTime(value, WDT_TIME_ZONE);
	return 'problem' in read ? read : { value: toWdtTime(read.ms) };
}

/** Defective stock is sent as true; false is the page's good stock (正品), left out as unset. */
function defective(value: unknown) {
	const read = documentedValue(
		documentedFields(METHOD, ['detailList']).get('defect') as CatalogParam,
		value,
	);
	if ('problem' in read) return read;
	return read.value === true ? { value: true } : {};
}

const detailedOnly = 'only the Detailed modes (2, 7) take it';

/** Lines: SKU, quantity, positions, and the batch, expiry, defect and remark of the goods. */
const LINES: SkuLines = {
	method: METHOD,
	path: ['detailList'],
	optional: {
		from_position_no: {
			label: 'From Position',
			value: 'fromPositionNo',
			column: 'fromPositionColumn',
			columnLabel: 'From Position Column',
			what: 'the position the goods leave (position transfers)',
		},
		to_position_no: {
			label: 'To Position',
			value: 'toPositionNo',
			column: 'toPositionColumn',
			columnLabel: 'To Position Column',
			what: 'the position the goods go to (position transfers)',
		},
		batch_no: {
			label: 'Batch Number',
			value: 'batchNo',
			column: 'batchNoColumn',
			columnLabel: 'Batch Number Column',
			what: `the batch number; ${detailedOnly}`,
			property: {
				displayName: 'Batch Number',
				name: 'batchNo',
				type: 'string',
				default: '',
				description: `Optional, at most ${STORED_LENGTH.batch_no} characters: the batch the goods are taken from; ${detailedOnly}. WDT field: batch_no.`,
			},
			read: storedText(STORED_LENGTH.batch_no),
		},
		expire_date: {
			label: 'Expiry Date',
			value: 'expireDate',
			column: 'expireDateColumn',
			columnLabel: 'Expiry Date Column',
			what: `the expiry date, e.g. 2027-06-30; ${detailedOnly}`,
			property: {
				displayName: 'Expiry Date',
				name: 'expireDate',
				type: 'dateTime',
				default: '',
				description: `Optional: the expiry date of the goods, e.g. 2027-06-30, sent as 2027-06-30 00:00:00. Taken as written, in China Standard Time as WDT shows it (not shifted by the workflow's timezone); ${detailedOnly}. WDT field: expire_date.`,
			},
			read: expiryDate,
		},
		defect: {
			label: 'Defective',
			value: 'defect',
			column: 'defectColumn',
			columnLabel: 'Defective Column',
			what: 'true for defective stock, false or empty for good stock',
			property: {
				displayName: 'Defective',
				name: 'defect',
				type: 'boolean',
				default: false,
				description: 'Whether the goods are defective stock (off: good stock). WDT field: defect.',
			},
			read: defective,
		},
		remark: lineRemark({
			property: {
				displayName: 'Line Remark',
				name: 'remark',
				type: 'string',
				default: '',
				description: `Optional, at most ${STORED_LENGTH.remark} characters. WDT field: remark.`,
			},
			read: storedText(STORED_LENGTH.remark),
		}),
	},
};
const orderLength = (field: string) => atMost(METHOD, ['orderInfo'], field);

const TRANSFER_WORDS = { one: 'transfer', many: 'transfers' };

/** The create page's modes (the request example's mode 3 is in no table: not offered). */
const MODES: Array<[number, string, string]> = [
	[0, 'Single Item', 'By SKU, stocked out and in as separate steps'],
	[1, 'Position', 'By SKU and position, stocked out and in as separate steps'],
	[2, 'Detailed', 'By SKU, batch and expiry, stocked out and in as separate steps'],
	[5, 'Single Item (Out + In)', 'By SKU, stocked out and in at once when reviewed'],
	[6, 'Position (Out + In)', 'By SKU and position, stocked out and in at once when reviewed'],
	[7, 'Detailed (Out + In)', 'By SKU, batch and expiry, stocked out and in at once when reviewed'],
];

/** Optional transfer fields, named as WDT names them (orderInfo). */
const ORDER_FIELDS: Array<[string, string, string]> = [
	['Contact', 'contact', 'The contact person'],
	['Phone', 'telno', "The contact's phone number"],
	['Province', 'province', 'The province of the address'],
	['City', 'city', 'The city of the address'],
	['District', 'district', 'The district of the address'],
	['Address', 'address', 'The address'],
];

/** Its entry in the Transfer resource's Operation field. */
export const option = {
	name: 'Create',
	value: 'create',
	action: 'Create transfers',
	description:
		'Create transfers between two warehouses, from lines or input rows, one per call (wms.stocktransfer.Edit.createOrder)',
};

const LABELS: Record<string, string> = {
	from_warehouse_no: 'From Warehouse',
	to_warehouse_no: 'To Warehouse',
	remark: 'Remark',
};

/**
 * The create page's reply: data.status 0, data.message is the new transfer number (with
 * replies.uploadNumberIn 'both', the envelope's message too); data.status 20, the transfer was
 * created but its review failed: data.transfer_no names it and data.message is the review's
 * error, never a number. Anything else leaves the outcome open (unknown).
 */
export function createdTransfer(response: WdtResponse): IDataObject {
	const data = response.data as {
		status?: unknown;
		message?: unknown;
		transfer_no?: unknown;
	} | null;
	const status = Number(data?.status);
	if (status === 20 && text(data?.transfer_no))
		return {
			transfer_no: text(data?.transfer_no),
			review_failed: true,
			wdt_message: text(data?.message),
		};
	const number = status === 0 ? text(data?.message) || text(response.message) : '';
	if (number) return { transfer_no: number };
	throw new WdtError(
		`WDT ${METHOD} answered without saying whether the transfer was created (data is ${JSON.stringify(response.data ?? null).slice(0, 200)}; the documented reply has data.status 0 with the number in data.message, or 20 with data.transfer_no)`,
		describeKind('badResponse'),
	);
}

/**
 * wms.stocktransfer.Edit.createOrder: one transfer per call (the page takes one orderInfo).
 * Every transfer is checked before the first call; a lost reply is an unknown outcome and is not
 * sent again. A repeated outer_no cannot be looked up (RERUN_NOTE).
 */
const CREATE: DocumentCreate = {
	method: METHOD,
	headPath: ['orderInfo'],
	resource: 'transfer',
	entity: TRANSFER_WORDS,
	words: {
		...TRANSFER_WORDS,
		statusRule:
			'WDT creates a transfer only between two warehouses it knows, for SKUs it knows (and, depending on WDT, only with enough stock)',
	},
	notice: {
		name: 'createNotice',
		text: "A transfer moves stock from one warehouse to another. Try the workflow with the credential's Test environment first: a transfer created in WDT cannot be deleted, only cancelled while it is being edited or awaits review.",
	},
	number: {
		field: 'outer_no',
		parameter: 'outerNo',
		label: 'Outer Number',
		description: `Your own number for the transfer, ${orderLength('outer_no')}. With rows as input, map the column that numbers the transfers here and in Group By Column. ${RERUN_NOTE} When empty, see When the Number Is Empty. WDT field: outer_no.`,
		wdtExample: 'TF202407240001',
		deriveSafety:
			'WDT either refuses them or creates the transfers a second time (its page does not say which; the node cannot look a transfer up by outer_no)',
		repeated: {
			wdtText: /重复/,
			hint: 'WDT already has a transfer with this outer number, for example from an earlier run',
		},
	},
	fields: {
		beforeNumber: [
			warehouseLocator({
				displayName: 'From Warehouse',
				name: 'fromWarehouseNo',
				wdtField: 'from_warehouse_no',
				description: 'The warehouse the goods leave. WDT field: from_warehouse_no.',
				required: true,
			}),
			warehouseLocator({
				displayName: 'To Warehouse',
				name: 'toWarehouseNo',
				wdtField: 'to_warehouse_no',
				description: 'The warehouse the goods go to. WDT field: to_warehouse_no.',
				required: true,
			}),
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				default: 0,
				options: MODES.map(([value, name, description]) => ({ name, value, description })),
				description: 'How WDT moves the goods. WDT field: mode.',
			},
		],
		afterNumber: [
			flagProperty(
				'Review',
				'isCheck',
				"Whether WDT reviews the transfer when creating it. Off: it is created being edited (and can be cancelled). A review that fails leaves the transfer created, with its number and WDT's message. WDT argument: isCheck.",
			),
			remarkProperty('transfer', orderLength('remark')),
		],
	},
	additional: { texts: ORDER_FIELDS, lengths: orderLength },
	lines: LINES,
	groupByExample: 'outer_no',
	labels: LABELS,
	required: ['from_warehouse_no', 'to_warehouse_no'],
	values: (ctx, itemIndex) => ({
		outer_no: ctx.getNodeParameter('outerNo', itemIndex, '') as string,
		from_warehouse_no: readLocatorCode(ctx, itemIndex, 'fromWarehouseNo'),
		to_warehouse_no: readLocatorCode(ctx, itemIndex, 'toWarehouseNo'),
		remark: ctx.getNodeParameter('remark', itemIndex, '') as string,
	}),
	complete(ctx, itemIndex, orderInfo) {
		if (orderInfo.from_warehouse_no === orderInfo.to_warehouse_no)
			throw invalidInput(
				ctx,
				itemIndex,
				'To Warehouse (to_warehouse_no)',
				`is the From Warehouse too ("${String(orderInfo.from_warehouse_no)}"): a transfer moves goods between two warehouses.`,
			);
		const mode = Number(ctx.getNodeParameter('mode', itemIndex, 0));
		if (!MODES.some(([value]) => value === mode))
			throw invalidInput(
				ctx,
				itemIndex,
				'Mode (mode)',
				`is ${String(mode)}; WDT's create page lists ${MODES.map(([value, name]) => `${value} (${name})`).join(', ')}.`,
			);
		orderInfo.mode = mode;
	},
	checkLines(ctx, { mode }, lines, at) {
		if (DETAILED_MODES.includes(mode as number)) return;
		lines.forEach((line, index) => {
			for (const wdt of ['batch_no', 'expire_date'] as const) {
				if (line[wdt] === undefined) continue;
				const { itemIndex, where } = at(index);
				const name = MODES.find(([value]) => value === mode)?.[1];
				throw invalidInput(
					ctx,
					itemIndex,
					`${where}${LINES.optional[wdt].label} (${wdt})`,
					`is given, but Mode is ${String(mode)} (${name}): ${detailedOnly} (2 Detailed, 7 Detailed (Out + In)), and WDT would ignore it. Choose a Detailed mode or leave it empty.`,
				);
			}
		});
	},
	flags: { isCheck: 'is_check' },
	args: ({ head: { is_check: isCheck, ...orderInfo }, lines }) => [orderInfo, lines, isCheck],
	created(_, response) {
		const data = createdTransfer(response);
		return { ...succeededOutcome(String(data.transfer_no)), data };
	},
	output: {
		lines: 'details_list',
		always: ({ head }) => ({ outer_no: head.outer_no, on_rerun: RERUN_NOTE }),
	},
};

export const description = documentCreateFields(CREATE);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runDocumentCreate(this, CREATE);
}
