/**
 * Input of create/update writes: values checked against the method's documented arguments
 * (the generated catalog), input rows grouped into documents, and numbers derived from the
 * execution so a re-run of the same execution cannot create a document twice.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { getCatalogMethod } from '../../shared/catalog';
import type { CatalogParam } from '../../shared/catalog/types';
import { WdtError } from '../../shared/protocol';
import {
	decimalBounds,
	MAX_QUANTITY,
	parseDecimal,
	textProblem,
} from '../../shared/protocol/validate';
import { toNodeApiError, toNodeError } from '../../shared/transport';
import { replyWasLost } from './common';
import { invalidInput } from './parameters';

export function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/** The documented fields at `path` of a method's arguments (e.g. ['goodsInfo', 'spec_list']). */
export function documentedFields(
	method: string,
	path: readonly string[],
): Map<string, CatalogParam> {
	let params = getCatalogMethod(method)?.args ?? [];
	for (const name of path) params = params.find((param) => param.name === name)?.children ?? [];
	if (params.length === 0)
		throw new Error(`The catalog documents no fields at ${method} ${path.join('.')}`);
	return new Map(params.map((param) => [param.name, param]));
}

const INT = /^(int|integer|long)\b/i;
const DECIMAL = /^decimal\b/i;
const BOOL = /^bool(ean)?\b/i;

/**
 * One value as its documented type wants it, or what is wrong with it: text of WDT-storable
 * characters within the documented length, a whole number for Int, a Decimal(19,4) amount
 * (parseDecimal, within `bounds`; a price never negative: decimalBounds) for Decimal, true/false
 * for boolean.
 */
export function documentedValue(
	param: CatalogParam,
	value: unknown,
	bounds: { min?: number; positive?: boolean } = {},
): { value: string | number | boolean } | { problem: string } {
	const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
	if (BOOL.test(param.type)) {
		if (typeof value === 'boolean') return { value };
		const word = text(value).toLowerCase();
		if (['true', '1'].includes(word)) return { value: true };
		if (['false', '0'].includes(word)) return { value: false };
		return { problem: `must be true or false, got ${shown}` };
	}
	if (DECIMAL.test(param.type))
		return parseDecimal(value, { ...decimalBounds(param.name), ...bounds });
	if (INT.test(param.type)) {
		const written = typeof value === 'number' ? String(value) : text(value);
		if (!/^-?\d+$/.test(written) || Math.abs(Number(written)) > MAX_QUANTITY)
			return { problem: `must be a whole number, got ${shown}` };
		return { value: Number(written) };
	}
	const written = text(value);
	const problem = textProblem(written, param.length ?? Number.MAX_SAFE_INTEGER);
	return problem ? { problem } : { value: written };
}

/**
 * The non-empty values of `values` checked against the documented fields (names are WDT's),
 * ready to send. A required field left empty, an undocumented name or a bad value throws,
 * naming the item and `${where}<label> (<field>)`.
 */
export function checkedFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	where: string,
	fields: ReadonlyMap<string, CatalogParam>,
	values: IDataObject,
	required: readonly string[] = [],
	labels: Readonly<Record<string, string>> = {},
): IDataObject {
	const named = (name: string) => `${where}${labels[name] ? `${labels[name]} (${name})` : name}`;
	const checked: IDataObject = {};
	for (const name of required)
		if (text(values[name]) === '' && typeof values[name] !== 'number')
			throw invalidInput(ctx, itemIndex, named(name), 'is empty; WDT requires it.');
	for (const [name, value] of Object.entries(values)) {
		if (value === undefined || value === null || value === '') continue;
		const param = fields.get(name);
		if (!param)
			throw invalidInput(ctx, itemIndex, named(name), 'is not a field WDT documents here.');
		const read = documentedValue(param, value);
		if ('problem' in read) throw invalidInput(ctx, itemIndex, named(name), `${read.problem}.`);
		checked[name] = read.value;
	}
	return checked;
}

/**
 * Input items grouped into documents by the value of one column (insertion order kept). Empty
 * column: every item is its own document when `eachAlone`, otherwise all items form one.
 */
export function groupItemsBy(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	column: string,
	label: string,
	eachAlone = false,
): number[][] {
	if (!column) return eachAlone ? items.map((_, i) => [i]) : [items.map((_, i) => i)];
	const groups = new Map<string, number[]>();
	items.forEach((item, i) => {
		const key = text(item.json[column]);
		if (key === '') throw invalidInput(ctx, i, `${label} "${column}"`, 'is empty in this row.');
		const lowered = key.toLowerCase(); // WDT compares numbers ignoring case
		groups.set(lowered, [...(groups.get(lowered) ?? []), i]);
	});
	return [...groups.values()];
}

/** The value of a column of one input row; a column the row lacks throws, naming the item. */
export function columnValue(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	itemIndex: number,
	column: string,
	label: string,
): unknown {
	const row = items[itemIndex].json;
	if (!(column in row))
		throw invalidInput(
			ctx,
			itemIndex,
			`${label} "${column}"`,
			`is not a field of this item (fields: ${Object.keys(row).join(', ') || 'none'}).`,
		);
	return row[column];
}

/** purchase_apply_no is at most 20 characters, the shortest number field a derived number fills. */
const DERIVED_NUMBER_LENGTH = 20;

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
		/^\d+$/.test(executionId) && 1 + executionId.length + tail.length <= DERIVED_NUMBER_LENGTH
			? executionId
			: (fnv1a(executionId) % 36 ** 6).toString(36).toUpperCase();
	return `N${execution}${tail}`;
}

/**
 * Numbers for documents the user left unnumbered, the same for the same execution, node run and
 * position, so that a re-run of the execution sends the same numbers and WDT refuses them.
 */
export function executionNumbering(ctx: IExecuteFunctions): (position: number) => string {
	const runIndex = Number(ctx.getWorkflowDataProxy(0).$runIndex ?? 0);
	const nodeRun = `${ctx.getNode().id}:${runIndex}`;
	return (position) => derivedApplyNumber(ctx.getExecutionId(), nodeRun, position);
}

/** One document to create, from the items it pairs with, or the error found while reading it. */
export type PlannedCreate<Params extends IDataObject> =
	| { itemIndices: number[]; params: Params }
	| { itemIndices: number[]; error: NodeApiError | NodeOperationError };

export interface CreateEach<Params extends IDataObject> {
	/** What one document is, for messages, e.g. 'purchase apply'. */
	entity: string;
	/** The field of the document's number, e.g. purchase_apply_no; output as requested_<field>. */
	numberField: keyof Params & string;
	/** Where to look before re-running after an unknown outcome, e.g. 'Purchase Apply → Get Many'. */
	checkIn: string;
	/** Sends one document and returns its output; throws WdtError when it was not created. */
	send(params: Params): Promise<IDataObject>;
	/** A sentence added to a refusal, e.g. that the number exists already. */
	refusalHint?(error: WdtError): string | undefined;
}

/**
 * One write call per planned document, in order, each output paired with the document's items.
 * A create is never re-sent: a lost or unclear reply is an unknown outcome. Without Continue On
 * Fail the first failure stops the run, naming what was created before it.
 */
export async function createEach<Params extends IDataObject>(
	ctx: IExecuteFunctions,
	plans: Array<PlannedCreate<Params>>,
	run: CreateEach<Params>,
): Promise<INodeExecutionData[]> {
	const continueOnFail = ctx.continueOnFail();
	const output: INodeExecutionData[] = [];
	const created: string[] = [];
	for (const plan of plans) {
		const pairedItem = plan.itemIndices.map((item) => ({ item }));
		if ('error' in plan) {
			output.push({ json: { error: plan.error.message }, error: plan.error, pairedItem });
			continue;
		}
		const first = plan.itemIndices[0];
		const requested = plan.params[run.numberField] as string | undefined;
		try {
			const json = await run.send(plan.params);
			created.push(String(json[run.numberField] ?? requested ?? ''));
			output.push({ json, pairedItem });
		} catch (error) {
			if (!(error instanceof WdtError)) throw toNodeError(ctx.getNode(), error);
			// A lost reply, or one that does not say whether the document was created.
			const unknown = replyWasLost(error);
			const hint = unknown ? undefined : run.refusalHint?.(error);
			const context = unknown
				? `Unknown outcome: WDT may or may not have created the ${run.entity} of item ${first + 1}${requested ? ` (${requested})` : ''}. It was not sent again; check ${run.checkIn} before re-running`
				: `${run.entity.replace(/^./, (c) => c.toUpperCase())} of item ${first + 1} was not created${hint ? ` (${hint})` : ''}`;
			const nodeError = toNodeApiError(ctx.getNode(), error, { itemIndex: first, context });
			if (created.length)
				nodeError.description =
					`${nodeError.description ?? ''} Created before this failure: ${created.join(', ')}.`.trim();
			if (!continueOnFail) throw nodeError;
			const details: IDataObject = { outcome: unknown ? 'unknown' : 'failed' };
			if (requested !== undefined) details[`requested_${run.numberField}`] = requested;
			if (error.status !== undefined) details.wdt_status = error.status;
			if (error.wdtMessage !== undefined) details.wdt_message = error.wdtMessage;
			// An item carrying an error goes to the error output, where n8n keeps only its message.
			// Without an error output, error and details are plain fields, so n8n keeps both.
			output.push(
				ctx.getNode().onError === 'continueErrorOutput'
					? { json: {}, error: nodeError, pairedItem }
					: { json: { error: nodeError.message, details }, pairedItem },
			);
		}
	}
	return output;
}

// ---------------------------------------------------------------------------------------------
// Fields shared by the create operations
// ---------------------------------------------------------------------------------------------

type Show = Record<string, string[]>;
/** What one document is called, e.g. { one: 'apply', many: 'applies' }. */
type Entity = { one: string; many: string };

/** Lines defined in the node, or one line per input item grouped into documents. */
export function linesSourceField(show: Show, entity: Entity): INodeProperties {
	return {
		displayName: 'Detail Lines Source',
		name: 'linesSource',
		type: 'options',
		default: 'define',
		displayOptions: { show },
		options: [
			{
				name: 'Define Below',
				value: 'define',
				description: `Enter the lines in this node; each input item creates one ${entity.one}`,
			},
			{
				name: 'From Input Items',
				value: 'inputItems',
				description: `Each input item is one detail line (e.g. one spreadsheet row); rows are grouped into ${entity.many}`,
			},
		],
	};
}

/** What to send as the document's number when the user gives none (see executionNumbering). */
export function numberWhenEmptyField(
	show: Show,
	entity: Entity,
	number: { field: string; label: string; wdtExample: string },
	/** How a re-run is kept from creating twice, when not by WDT refusing a repeated number. */
	deriveSafety?: string,
): INodeProperties {
	return {
		displayName: 'When the Number Is Empty',
		name: 'numberWhenEmpty',
		type: 'options',
		default: 'derive',
		displayOptions: { show },
		options: [
			{
				name: 'Derive It From the Execution (Safe to Re-Run)',
				value: 'derive',
				description: `Sends N + the execution ID + a tag of this node and run + the ${entity.one}'s position, e.g. N1234-K3F-1. Running the same execution again (a queue-mode worker that died, Retry On Fail) sends the same numbers, so ${deriveSafety ?? `WDT refuses them instead of creating the ${entity.many} twice`}.`,
			},
			{
				name: 'Let WDT Number It',
				value: 'wdt',
				description: `WDT gives each ${entity.one} its own number (e.g. ${number.wdtExample}). Running the same execution again creates the ${entity.many} again.`,
			},
		],
		description: `What to send as ${number.field} when ${number.label} is empty`,
	};
}

/** A sortable list of entries of `values`, shown while the lines are defined in the node. */
export function entriesField(
	show: Show,
	list: Pick<INodeProperties, 'displayName' | 'name' | 'placeholder' | 'description'>,
	entry: { displayName: string; name: string },
	values: INodeProperties[],
): INodeProperties {
	return {
		...list,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		displayOptions: { show: { ...show, linesSource: ['define'] } },
		options: [{ ...entry, values }],
	};
}

/** The Lines collection (read by definedLines): one `line` entry of `values` per line. */
export function linesField(show: Show, values: INodeProperties[]): INodeProperties {
	return entriesField(
		show,
		{ displayName: 'Lines', name: 'lines', placeholder: 'Add line' },
		{ displayName: 'Line', name: 'line' },
		values,
	);
}

/** The Lines collection: SKU code and quantity, then `more` values of one line. */
export function skuLinesField(show: Show, more: INodeProperties[]): INodeProperties {
	return linesField(show, [
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
		...more,
	]);
}

/** Which column groups input rows into documents (see groupItemsBy). */
export function groupByColumnField(
	show: Show,
	entity: Entity,
	exampleKey: string,
): INodeProperties {
	return {
		displayName: 'Group By Column',
		name: 'groupByColumn',
		type: 'string',
		default: '',
		displayOptions: { show: { ...show, linesSource: ['inputItems'] } },
		description: `Optional: rows with the same value in this field become one ${entity.one} (e.g. ${exampleKey}). Empty: all rows become one ${entity.one}. The ${entity.one} fields above are read from the first row of each group.`,
	};
}

/** The Lines entries of one item (see skuLinesField), each read by `read`; none is an error. */
export function definedLines<Line>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	read: (entry: IDataObject, where: string) => Line,
): Line[] {
	const entries = ((ctx.getNodeParameter('lines', itemIndex, {}) as IDataObject).line ??
		[]) as IDataObject[];
	if (entries.length === 0)
		throw invalidInput(
			ctx,
			itemIndex,
			'Lines',
			'are empty: add at least one line with a SKU code and a quantity.',
		);
	return entries.map((entry, at) => read(entry, `Lines → line ${at + 1} → `));
}

/** A collection entry with its keys as WDT names them: specNo → spec_no. */
export function snakeCaseKeys(entry: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(entry).map(([key, value]) => [
			key.replace(/[A-Z]/g, (upper) => `_${upper.toLowerCase()}`),
			value,
		]),
	);
}

/** [display name, parameter name, default column, required, what the column holds]. */
export type ColumnSpec = readonly [string, string, string, boolean, string];

/** Fields naming the input columns that hold a line's values (rows as input). */
export function columnFields(show: Show, columns: readonly ColumnSpec[]): INodeProperties[] {
	return columns.map(([displayName, name, fallback, required, what]) => ({
		displayName,
		name,
		type: 'string',
		default: fallback,
		...(required ? { required } : {}),
		displayOptions: { show: { ...show, linesSource: ['inputItems'] } },
		description: `${required ? 'The' : 'Optional: the'} input field that holds ${what}`,
	}));
}

/** A line's remark, in Lines (see skuLinesField). */
export const lineRemarkValue: INodeProperties = {
	displayName: 'Line Remark',
	name: 'remark',
	type: 'string',
	default: '',
	description: 'At most 255 characters. WDT field: remark.',
};

/** The columns of a SKU line from input rows: SKU code and quantity (see columnFields). */
export const SKU_LINE_COLUMNS: readonly ColumnSpec[] = [
	['SKU Code Column', 'specNoColumn', 'spec_no', true, 'the SKU code (WDT field spec_no)'],
	['Quantity Column', 'numColumn', 'num', true, 'the quantity (WDT field num)'],
];
export const LINE_REMARK_COLUMN: ColumnSpec = [
	'Line Remark Column',
	'lineRemarkColumn',
	'',
	false,
	'a remark for the line',
];
