/**
 * The fields every write shows: where the lines come from (one Lines Source field), the lines
 * themselves or the columns that hold them, how rows group into documents, order numbers and
 * Options → Batch Size.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export type Show = Record<string, string[]>;
/** What one document is called, e.g. { one: 'apply', many: 'applies' }. */
export type WriteEntity = { one: string; many: string };
export type LinesSource = 'define' | 'inputItems';

/**
 * Lines Source, the one field of every write with lines: lines entered in the node (each input
 * item is one document), or one line per input item, rows grouped into documents. The default
 * stays each operation's own, so saved workflows keep their behaviour.
 */
export function linesSourceField(
	show: Show,
	entity: WriteEntity & {
		/** What rows of one document share, e.g. 'value in Group By Column'. */
		groupedBy: string;
		/** What one line is, e.g. 'SKU line'. Default 'line'. */
		line?: string;
	},
	defaultSource: LinesSource,
): INodeProperties {
	const line = entity.line ?? 'line';
	return {
		displayName: 'Lines Source',
		name: 'linesSource',
		type: 'options',
		default: defaultSource,
		displayOptions: { show },
		options: [
			{
				name: 'Define Below',
				value: 'define',
				description: `Each input item is one ${entity.one}; its ${line}s are entered in this node`,
			},
			{
				name: 'From Input Items',
				value: 'inputItems',
				description: `Each input item is one ${line} (e.g. one spreadsheet row); rows with the same ${entity.groupedBy} make one ${entity.one}`,
			},
		],
	};
}

/** The Lines Source chosen (linesSourceField), read once for all items. */
export function readLinesSource(ctx: IExecuteFunctions, defaultSource: LinesSource): LinesSource {
	return ctx.getNodeParameter('linesSource', 0, defaultSource) === 'inputItems'
		? 'inputItems'
		: 'define';
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

/** Which column groups input rows into documents (see groupItemsBy). */
export function groupByColumnField(
	show: Show,
	entity: WriteEntity,
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

export const DEFAULT_BATCH_SIZE = 100;
export const MAX_BATCH_SIZE = 500;

/**
 * @param mappedField the field that upstream operations output for this number, suggested as
 * the expression to map
 */
export function orderNumbersField(
	entity: string,
	example: string,
	mappedField: string,
): INodeProperties {
	return {
		displayName: 'Order Numbers',
		name: 'orderNumbers',
		type: 'string',
		default: '',
		required: true,
		placeholder: `e.g. ${example} or {{ $json.${mappedField} }}`,
		description: `The ${entity} number(s) of this item: one number, a comma-separated list or an array (via an expression). Numbers from all items are deduplicated (ignoring upper and lower case, as WDT does) and sent in batches.`,
	};
}

export function batchOptionsField(): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
				default: DEFAULT_BATCH_SIZE,
				description: `How many numbers to send per WDT call (default ${DEFAULT_BATCH_SIZE}, at most ${MAX_BATCH_SIZE}). Fewer, larger calls stay further below WDT's per-minute limits.`,
			},
		],
	};
}

/** Options → Batch Size (batchOptionsField), within 1 and MAX_BATCH_SIZE. */
export function readBatchSize(ctx: IExecuteFunctions): number {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const size = Math.floor(Number(options.batchSize ?? DEFAULT_BATCH_SIZE));
	return Math.min(MAX_BATCH_SIZE, Math.max(1, size));
}
