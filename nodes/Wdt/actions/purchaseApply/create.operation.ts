import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
	NodeOperationError,
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
import { callWdt, toNodeApiError, toNodeError } from '../../../shared/transport';
import { definedLinesField, invalidInput } from '../common';
import { readLocatorCode, warehouseLocator } from '../locators';

const show = { resource: ['purchaseApply'], operation: ['create'] };
const fromItems = { ...show, linesSource: ['inputItems'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Detail Lines Source',
		name: 'linesSource',
		type: 'options',
		default: 'define',
		displayOptions: { show },
		options: [
			{
				name: 'Define Below',
				value: 'define',
				description: 'Enter the lines in this node; each input item creates one apply',
			},
			{
				name: 'From Input Items',
				value: 'inputItems',
				description:
					'Each input item is one detail line (e.g. one spreadsheet row); rows are grouped into applies',
			},
		],
	},
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
			'Your own number for the apply, at most 20 characters. WDT refuses a number it already has, so a re-run cannot create the apply twice. When empty, see When the Number Is Empty. WDT field: purchase_apply_no.',
	},
	{
		displayName: 'When the Number Is Empty',
		name: 'numberWhenEmpty',
		type: 'options',
		default: 'derive',
		displayOptions: { show },
		options: [
			{
				name: 'Derive It From the Execution (Safe to Re-Run)',
				value: 'derive',
				description:
					"Sends N + the execution ID + a tag of this node and run + the apply's position, e.g. N1234-K3F-1. Running the same execution again (a queue-mode worker that died, Retry On Fail) sends the same numbers, so WDT refuses them instead of creating the applies twice.",
			},
			{
				name: 'Let WDT Number It',
				value: 'wdt',
				description:
					'WDT gives each apply its own number (e.g. POA2208260005). Running the same execution again creates the applies again.',
			},
		],
		description: 'What to send as purchase_apply_no when Purchase Apply Number is empty',
	},
	{
		displayName: 'Submit',
		name: 'isSubmit',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description:
			"Whether to submit the apply. On: it is created ready to be referenced by purchase orders. Off: it stays in editing, or awaiting confirmation when WDT's quantity-confirmation setting is on. WDT field: is_submit.",
	},
	definedLinesField(
		[
			{
				displayName: 'SKU Code',
				name: 'specNo',
				type: 'string',
				default: '',
				required: true,
				description: 'The merchant code of the SKU, at most 40 characters. WDT field: spec_no.',
			},
			{
				displayName: 'Quantity',
				name: 'num',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 1,
				required: true,
				description: 'A positive whole number. WDT field: num.',
			},
			{
				displayName: 'Supplier Number',
				name: 'providerNo',
				type: 'string',
				default: '',
				description:
					'Optional. When every line has the same supplier, it becomes the supplier of the apply. WDT field: provider_no.',
			},
			{
				displayName: 'Line Remark',
				name: 'remark',
				type: 'string',
				default: '',
				description: 'At most 255 characters. WDT field: remark.',
			},
		],
		show,
	),
	{
		displayName: 'SKU Code Column',
		name: 'specNoColumn',
		type: 'string',
		default: 'spec_no',
		required: true,
		displayOptions: { show: fromItems },
		description: 'The input field that holds the SKU code (WDT field spec_no)',
	},
	{
		displayName: 'Quantity Column',
		name: 'numColumn',
		type: 'string',
		default: 'num',
		required: true,
		displayOptions: { show: fromItems },
		description: 'The input field that holds the quantity (WDT field num)',
	},
	{
		displayName: 'Supplier Number Column',
		name: 'providerNoColumn',
		type: 'string',
		default: '',
		displayOptions: { show: fromItems },
		description: 'Optional: the input field that holds the supplier number (WDT field provider_no)',
	},
	{
		displayName: 'Line Remark Column',
		name: 'lineRemarkColumn',
		type: 'string',
		default: '',
		displayOptions: { show: fromItems },
		description: 'Optional: the input field that holds a remark for the line',
	},
	{
		displayName: 'Group By Column',
		name: 'groupByColumn',
		type: 'string',
		default: '',
		displayOptions: { show: fromItems },
		description:
			'Optional: rows with the same value in this field become one apply (e.g. apply_key). Empty: all rows become one apply. The apply fields above are read from the first row of each group.',
	},
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
		`${where}Supplier Number`,
		'provider_no',
		raw.providerNo,
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
	const entries = ((ctx.getNodeParameter('lines', itemIndex, {}) as IDataObject).line ??
		[]) as IDataObject[];
	if (entries.length === 0)
		throw invalidInput(
			ctx,
			itemIndex,
			'Lines',
			'are empty: add at least one line with a SKU code and a quantity.',
		);
	const detail_list = entries.map((entry, at) =>
		toLine(ctx, itemIndex, `Lines → line ${at + 1} → `, {
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

/** FNV-1a, 32 bits: a short, stable tag (not a secret). */
function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/**
 * The purchase_apply_no sent when the user gives none: the same for the same execution, node run
 * and apply, so a re-run of the execution cannot create an apply twice (WDT refuses a number it
 * has). `N<execution id>-<3-character tag of node and run>-<apply position>`, at most 20
 * characters (the field's documented length); an execution ID too long for that is hashed.
 */
export function derivedApplyNumber(executionId: string, nodeRun: string, position: number): string {
	const tag = (fnv1a(nodeRun) % 36 ** 3).toString(36).toUpperCase().padStart(3, '0');
	const tail = `-${tag}-${position}`;
	const execution =
		/^\d+$/.test(executionId) && 1 + executionId.length + tail.length <= LIMITS.purchase_apply_no
			? executionId
			: (fnv1a(executionId) % 36 ** 6).toString(36).toUpperCase();
	return `N${execution}${tail}`;
}

/**
 * The number of the apply WDT created. The upload page: `data.status` 0 means `data.message`
 * is the new number, any other status means `data.message` is the error. (The envelope's
 * `message` is documented the same way, so it is the fallback for the number.) A refusal is a
 * business error; a reply that says neither is an unknown outcome, never a created apply.
 */
function createdApplyNumber(response: WdtResponse): string {
	const method = 'purchase.PurchaseApply.upload';
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

/**
 * purchase.PurchaseApply.upload. Every apply is validated before the first one is sent. A
 * create is never re-sent: if its reply is lost, the outcome is reported as unknown.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const output: INodeExecutionData[] = [];
	const source = this.getNodeParameter('linesSource', 0, 'define') as string;

	const plans: Array<
		PlannedApply | { itemIndices: number[]; error: NodeApiError | NodeOperationError }
	> = [];
	if (source === 'inputItems') {
		plans.push(...planFromInputItems(this, items));
	} else {
		for (let i = 0; i < items.length; i++) {
			try {
				plans.push(planFromDefinedLines(this, i));
			} catch (error) {
				const problem = toNodeError(this.getNode(), error, { itemIndex: i });
				if (!continueOnFail) throw problem;
				plans.push({ itemIndices: [i], error: problem });
			}
		}
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
		const runIndex = Number(this.getWorkflowDataProxy(0).$runIndex ?? 0);
		plans.forEach((plan, at) => {
			if ('params' in plan && !plan.params.purchase_apply_no)
				plan.params.purchase_apply_no = derivedApplyNumber(
					this.getExecutionId(),
					`${this.getNode().id}:${runIndex}`,
					at + 1,
				);
		});
	}

	const created: string[] = [];
	for (const plan of plans) {
		const pairedItem = plan.itemIndices.map((item) => ({ item }));
		if ('error' in plan) {
			output.push({
				json: { error: plan.error.message },
				error: plan.error,
				pairedItem,
			});
			continue;
		}
		try {
			const response = await callWdt.call(
				this,
				{ method: 'purchase.PurchaseApply.upload', args: [plan.params] },
				{ write: true },
			);
			const number = createdApplyNumber(response);
			created.push(number);
			const { purchase_apply_no: requested, ...sent } = plan.params;
			const json: IDataObject = { purchase_apply_no: number, ...sent };
			if (requested !== undefined) json.requested_purchase_apply_no = requested;
			output.push({ json, pairedItem });
		} catch (error) {
			if (!(error instanceof WdtError)) throw toNodeError(this.getNode(), error);
			// A lost reply, or one that does not say whether the apply was created.
			const unknown = error.kind === 'network' || error.kind === 'badResponse';
			const context = unknown
				? `Unknown outcome: WDT may or may not have created the purchase apply of item ${plan.itemIndices[0] + 1}${plan.params.purchase_apply_no ? ` (${String(plan.params.purchase_apply_no)})` : ''}. It was not sent again; check Purchase Apply → Get Many before re-running`
				: `Purchase apply of item ${plan.itemIndices[0] + 1} was not created`;
			const nodeError = toNodeApiError(this.getNode(), error, {
				itemIndex: plan.itemIndices[0],
				context,
			});
			if (created.length)
				nodeError.description =
					`${nodeError.description ?? ''} Created before this failure: ${created.join(', ')}.`.trim();
			if (!continueOnFail) throw nodeError;
			const details: IDataObject = { outcome: unknown ? 'unknown' : 'failed' };
			if (plan.params.purchase_apply_no !== undefined)
				details.requested_purchase_apply_no = plan.params.purchase_apply_no;
			if (error.status !== undefined) details.wdt_status = error.status;
			if (error.wdtMessage !== undefined) details.wdt_message = error.wdtMessage;
			// An item carrying an error goes to the error output, where n8n keeps only its message.
			// Without an error output, error and details are plain fields, so n8n keeps both.
			output.push(
				this.getNode().onError === 'continueErrorOutput'
					? { json: {}, error: nodeError, pairedItem }
					: { json: { error: nodeError.message, details }, pairedItem },
			);
		}
	}
	return output;
}
