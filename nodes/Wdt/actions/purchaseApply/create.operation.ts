import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	describeKind,
	orderNumberKey,
	readUserDateTime,
	toWdtTime,
	WdtError,
	type WdtResponse,
} from '../../../shared/protocol';
import { parseQuantity, textProblem } from '../../../shared/protocol/validate';
import { callWdt } from '../../../shared/transport';
import { catalogPaging, searchWindows } from '../../../shared/transport/search';
import { planEachItem } from '../common';
import { invalidInput } from '../parameters';
import {
	columnFields,
	createEach,
	definedLines,
	executionNumbering,
	groupByColumnField,
	LINE_REMARK_COLUMN,
	lineRemarkValue,
	linesSourceField,
	numberWhenEmptyField,
	type PlannedCreate,
	SKU_LINE_COLUMNS,
	skuLinesField,
} from '../writeInput';

/** Kept here for the tests and callers that import it from Create. */
export { derivedApplyNumber } from '../writeInput';
import { locatorCode, providerLocator, readLocatorCode, warehouseLocator } from '../locators';

const show = { resource: ['purchaseApply'], operation: ['create'] };
const APPLY = { one: 'apply', many: 'applies' };

/** Its entry in the Purchase Apply resource's Operation field. */
export const option = {
	name: 'Create',
	value: 'create',
	action: 'Create a purchase apply',
	description: 'Create a purchase apply with its detail lines (purchase.PurchaseApply.upload)',
};

export const description: INodeProperties[] = [
	linesSourceField(show, APPLY),
	{
		...warehouseLocator({
			description: 'The warehouse the goods are requested for (a number of at most 40 characters).',
		}),
		displayOptions: { show },
	},
	{
		displayName: 'Expected Arrival',
		name: 'expectedTime',
		type: 'dateTime',
		default: '',
		displayOptions: { show },
		description:
			"When the goods should arrive. Interpreted in the workflow's timezone and sent to WDT in China Standard Time. WDT field: expected_time.",
	},
	{
		displayName: 'Remark',
		name: 'remark',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: 'A note on the apply, at most 255 characters. WDT field: remark.',
	},
	{
		displayName: 'Purchase Apply Number',
		name: 'purchaseApplyNo',
		type: 'string',
		default: '',
		displayOptions: { show },
		description:
			"Your own number for the apply, at most 20 characters. Before sending a number the node looks it up in WDT (purchase_apply_no filter of the search, WDT client V1.5.1.0 or later): an apply that exists is not sent again but output with outcome 'already created', so a re-run cannot create it twice. When empty, see When the Number Is Empty. WDT field: purchase_apply_no.",
	},
	numberWhenEmptyField(
		show,
		APPLY,
		{
			field: 'purchase_apply_no',
			label: 'Purchase Apply Number',
			wdtExample: 'POA2208260005',
		},
		"the node finds the applies created by the earlier run and outputs them as 'already created' instead of sending them again",
	),
	{
		displayName: 'Submit',
		name: 'isSubmit',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description:
			"Whether to submit the apply. On: it is created ready to be referenced by purchase orders. Off: it stays in editing, or awaiting confirmation when WDT's quantity-confirmation setting is on. WDT field: is_submit.",
	},
	skuLinesField(show, [
		providerLocator({
			description:
				'Optional. When every line has the same supplier, it becomes the supplier of the apply.',
		}),
		lineRemarkValue,
	]),
	...columnFields(show, [
		...SKU_LINE_COLUMNS,
		[
			'Supplier Number Column',
			'providerNoColumn',
			'',
			false,
			'the supplier number (WDT field provider_no)',
		],
		LINE_REMARK_COLUMN,
	]),
	groupByColumnField(show, APPLY, 'apply_key'),
];

interface ApplyLine {
	spec_no: string;
	num: number;
	provider_no?: string;
	remark?: string;
}

interface PlannedApply {
	itemIndices: number[];
	params: IDataObject & { detail_list: ApplyLine[] };
}

const LIMITS = {
	spec_no: 40,
	provider_no: 40,
	remark: 255,
	purchase_apply_no: 20,
	warehouse_no: 40,
};

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/** One text field, trimmed and checked: characters WDT can store, length as WDT counts it. */
function checkedText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
	field: keyof typeof LIMITS,
	value: unknown,
): string {
	const checked = text(value);
	const problem = textProblem(checked, LIMITS[field]);
	if (problem) throw invalidInput(ctx, itemIndex, `${label} (${field})`, `${problem}.`);
	return checked;
}

/** Validates one line; throws a message naming the field. */
function toLine(
	ctx: IExecuteFunctions,
	itemIndex: number,
	where: string,
	raw: {
		specNo: unknown;
		num: unknown;
		providerNo?: unknown;
		remark?: unknown;
	},
): ApplyLine {
	const specNo = text(raw.specNo);
	if (!specNo) throw invalidInput(ctx, itemIndex, `${where}SKU Code (spec_no)`, 'is empty.');
	checkedText(ctx, itemIndex, `${where}SKU Code`, 'spec_no', specNo);
	const quantity = parseQuantity(raw.num);
	if ('problem' in quantity)
		throw invalidInput(ctx, itemIndex, `${where}Quantity (num)`, `${quantity.problem}.`);
	const line: ApplyLine = { spec_no: specNo, num: quantity.quantity };
	const providerNo = checkedText(
		ctx,
		itemIndex,
		`${where}Supplier`,
		'provider_no',
		locatorCode(raw.providerNo),
	);
	if (providerNo) line.provider_no = providerNo;
	const remark = checkedText(ctx, itemIndex, `${where}Line Remark`, 'remark', raw.remark);
	if (remark) line.remark = remark;
	return line;
}

/** Reads and validates the apply fields at one item. */
function applyHeader(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const header: IDataObject = {};
	const parameter = (name: string) => ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const warehouseNo = checkedText(
		ctx,
		itemIndex,
		'Warehouse',
		'warehouse_no',
		readLocatorCode(ctx, itemIndex, 'warehouseNo'),
	);
	if (warehouseNo) header.warehouse_no = warehouseNo;
	const expected = parameter('expectedTime');
	if (expected !== '' && expected !== null && expected !== undefined) {
		const read = readUserDateTime(expected, ctx.getTimezone());
		if ('problem' in read)
			throw invalidInput(ctx, itemIndex, 'Expected Arrival (expected_time)', `${read.problem}.`);
		header.expected_time = toWdtTime(read.ms);
	}
	const remark = checkedText(ctx, itemIndex, 'Remark', 'remark', parameter('remark'));
	if (remark) header.remark = remark;
	const applyNo = checkedText(
		ctx,
		itemIndex,
		'Purchase Apply Number',
		'purchase_apply_no',
		parameter('purchaseApplyNo'),
	);
	if (applyNo) header.purchase_apply_no = applyNo;
	header.is_submit = ctx.getNodeParameter('isSubmit', itemIndex, true) as boolean;
	return header;
}

function planFromDefinedLines(ctx: IExecuteFunctions, itemIndex: number): PlannedApply {
	const header = applyHeader(ctx, itemIndex);
	const detail_list = definedLines(ctx, itemIndex, (entry, where) =>
		toLine(ctx, itemIndex, where, {
			specNo: entry.specNo,
			num: entry.num,
			providerNo: entry.providerNo,
			remark: entry.remark,
		}),
	);
	return { itemIndices: [itemIndex], params: { ...header, detail_list } };
}

function planFromInputItems(ctx: IExecuteFunctions, items: INodeExecutionData[]): PlannedApply[] {
	const column = (name: string, itemIndex: number) =>
		text(ctx.getNodeParameter(name, itemIndex, ''));
	const groups = new Map<string, number[]>();
	for (let i = 0; i < items.length; i++) {
		const groupColumn = column('groupByColumn', i);
		const key = groupColumn ? text(items[i].json[groupColumn]) : '';
		if (groupColumn && key === '')
			throw invalidInput(ctx, i, `Group By Column "${groupColumn}"`, 'is empty in this row.');
		groups.set(key, [...(groups.get(key) ?? []), i]);
	}
	return [...groups.values()].map((itemIndices) => {
		const detail_list = itemIndices.map((i) => {
			const specColumn = column('specNoColumn', i);
			const numColumn = column('numColumn', i);
			const providerColumn = column('providerNoColumn', i);
			const remarkColumn = column('lineRemarkColumn', i);
			const row = items[i].json;
			if (specColumn && !(specColumn in row))
				throw invalidInput(
					ctx,
					i,
					`SKU Code Column "${specColumn}"`,
					`is not a field of this item (fields: ${Object.keys(row).join(', ') || 'none'}).`,
				);
			if (numColumn && !(numColumn in row))
				throw invalidInput(
					ctx,
					i,
					`Quantity Column "${numColumn}"`,
					`is not a field of this item (fields: ${Object.keys(row).join(', ') || 'none'}).`,
				);
			return toLine(ctx, i, `column "${specColumn}"/"${numColumn}": `, {
				specNo: row[specColumn],
				num: row[numColumn],
				providerNo: providerColumn ? row[providerColumn] : undefined,
				remark: remarkColumn ? row[remarkColumn] : undefined,
			});
		});
		return {
			itemIndices,
			params: { ...applyHeader(ctx, itemIndices[0]), detail_list },
		};
	});
}

/**
 * The number of the apply WDT created. The upload page: `data.status` 0 means `data.message`
 * is the new number, any other status means `data.message` is the error. (The envelope's
 * `message` is documented the same way, so it is the fallback for the number.) A refusal is a
 * business error; a reply that says neither is an unknown outcome, never a created apply.
 */
function createdApplyNumber(response: WdtResponse): string {
	const method = UPLOAD_METHOD;
	const data = response.data as { status?: unknown; message?: unknown } | null | undefined;
	const status =
		typeof data?.status === 'string' && /^-?\d+$/.test(data.status.trim())
			? Number(data.status)
			: data?.status;
	const message = text(data?.message);
	if (typeof status === 'number' && status !== 0)
		throw new WdtError(
			`WDT refused to create it (its reply has data.status ${status}): "${message || '(no message)'}"`,
			{ ...describeKind('business'), status, wdtMessage: message },
		);
	const number = status === 0 ? message || text(response.message) : '';
	if (number === '') {
		const shown = JSON.stringify(response.data ?? null).slice(0, 200);
		throw new WdtError(
			`WDT ${method} answered without saying whether the apply was created (data is ${shown}; the documented reply has data.status and data.message)`,
			describeKind('badResponse'),
		);
	}
	return number;
}

const UPLOAD_METHOD = 'purchase.PurchaseApply.upload';
const SEARCH_METHOD = 'purchase.PurchaseApply.search';

/**
 * The applies WDT already has under `number`, by the search's purchase_apply_no filter (V1.5.1.0+).
 * The upload page does not say that WDT refuses a repeated number, so a number an earlier attempt
 * may have sent is looked up first. Only exact matches count: a WDT older than V1.5.1.0 may ignore
 * the filter. A failed lookup throws, so the apply is not sent.
 */
async function existingApplies(ctx: IExecuteFunctions, number: string): Promise<IDataObject[]> {
	const { records } = await searchWindows.call(ctx, {
		...catalogPaging(SEARCH_METHOD),
		method: SEARCH_METHOD,
		args: () => [{ purchase_apply_no: number }],
		recordKey: (record) => JSON.stringify(record),
	});
	return (records as IDataObject[]).filter(
		(record) => String(record.purchase_apply_no ?? '') === number,
	);
}

/**
 * purchase.PurchaseApply.upload. Every apply is validated before the first one is sent. A
 * create is never re-sent: if its reply is lost, the outcome is reported as unknown.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const source = this.getNodeParameter('linesSource', 0, 'define') as string;

	const plans: Array<PlannedCreate<PlannedApply['params']>> = [];
	if (source === 'inputItems') {
		plans.push(...planFromInputItems(this, items));
	} else {
		for (const entry of planEachItem(this, (i) => planFromDefinedLines(this, i)))
			plans.push('plan' in entry ? entry.plan : entry);
	}
	// WDT compares numbers ignoring case, so "poa1" and "POA1" are the same number.
	const seenNumbers = new Map<string, number>();
	for (const plan of plans) {
		if (!('params' in plan) || !plan.params.purchase_apply_no) continue;
		const number = String(plan.params.purchase_apply_no);
		const earlierItem = seenNumbers.get(orderNumberKey(number));
		if (earlierItem !== undefined) {
			throw invalidInput(
				this,
				plan.itemIndices[0],
				'Purchase Apply Number (purchase_apply_no)',
				`"${number}" is also used by item ${earlierItem + 1}; each apply needs its own number.`,
			);
		}
		seenNumbers.set(orderNumberKey(number), plan.itemIndices[0]);
	}

	if (this.getNodeParameter('numberWhenEmpty', 0, 'derive') === 'derive') {
		const numbered = executionNumbering(this);
		plans.forEach((plan, at) => {
			if ('params' in plan && !plan.params.purchase_apply_no)
				plan.params.purchase_apply_no = numbered(at + 1);
		});
	}

	return await createEach(this, plans, {
		entity: 'purchase apply',
		numberField: 'purchase_apply_no',
		checkIn: 'Purchase Apply → Get Many',
		send: async (params) => {
			const { purchase_apply_no: requested, ...sent } = params;
			if (requested !== undefined) {
				const [existing] = await existingApplies(this, String(requested));
				if (existing)
					return {
						outcome: 'already created',
						purchase_apply_no: requested,
						status: existing.status,
						created: existing.created,
						modified: existing.modified,
						requested_purchase_apply_no: requested,
					};
			}
			const response = await callWdt.call(
				this,
				{ method: UPLOAD_METHOD, args: [params] },
				{ write: true },
			);
			const number = createdApplyNumber(response);
			const json: IDataObject = { outcome: 'created', purchase_apply_no: number, ...sent };
			if (requested !== undefined) json.requested_purchase_apply_no = requested;
			return json;
		},
	});
}
