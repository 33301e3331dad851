/**
 * Input items into documents: one per item, or rows grouped by a column; each document read on
 * its own so that under Continue On Fail a bad one becomes an error entry and the others go on.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toNodeError } from '../../../shared/transport';
import { invalidInput } from '../parameters';
import type { LinesSource } from './inputFields';
import type { Planned } from './spec';
import { text } from './values';

/**
 * Input items grouped into documents by the value of one column, compared ignoring case as WDT
 * compares numbers (insertion order kept). Empty column: all items form one document.
 */
export function groupItemsBy(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	column: string,
	label: string,
): number[][] {
	if (!column) return [items.map((_, i) => i)];
	const groups = new Map<string, number[]>();
	items.forEach((item, i) => {
		const key = text(item.json[column]);
		if (key === '') throw invalidInput(ctx, i, `${label} "${column}"`, 'is empty in this row.');
		const lowered = key.toLowerCase();
		const group = groups.get(lowered);
		if (group) group.push(i);
		else groups.set(lowered, [i]);
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

/**
 * Reads one document per group of items, each on its own: a bad group throws (naming its first
 * item), or with Continue On Fail becomes an error entry while the others go on.
 */
export function planEach<Doc>(
	ctx: IExecuteFunctions,
	groups: number[][],
	read: (itemIndices: number[]) => Doc,
): Array<Planned<Doc>> {
	return groups.map((itemIndices) => {
		try {
			return { itemIndices, doc: read(itemIndices) };
		} catch (error) {
			const problem = toNodeError(ctx.getNode(), error, { itemIndex: itemIndices[0] });
			if (!ctx.continueOnFail()) throw problem;
			return { itemIndices, error: problem };
		}
	});
}

/** planEach with every input item its own document. */
export function planEachItem<Doc>(
	ctx: IExecuteFunctions,
	read: (itemIndex: number) => Doc,
): Array<Planned<Doc>> {
	return planEach(
		ctx,
		ctx.getInputData().map((_, i) => [i]),
		([i]) => read(i),
	);
}

/**
 * Documents by Lines Source (linesSourceField): `define`, one per item (`fromItem`); or
 * `inputItems`, input rows grouped by Group By Column (groupByColumnField) and read by `fromRows`.
 */
export function planByLinesSource<Doc>(
	ctx: IExecuteFunctions,
	source: LinesSource,
	read: { fromItem(itemIndex: number): Doc; fromRows(itemIndices: number[]): Doc },
): Array<Planned<Doc>> {
	if (source === 'define') return planEachItem(ctx, read.fromItem);
	const items = ctx.getInputData();
	const column = text(ctx.getNodeParameter('groupByColumn', 0, ''));
	return planEach(ctx, groupItemsBy(ctx, items, column, 'Group By Column'), read.fromRows);
}
