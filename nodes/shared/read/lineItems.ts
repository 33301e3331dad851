/** One Item per Line: a record's lines as items, each carrying the record's own fields. */
import type { IDataObject } from 'n8n-workflow';

/**
 * The name of a record field on a line item: prefixed (`order_…`) unless it already starts with
 * the prefix (`order_no` stays), and prefixed again while a line has a field of that name, so
 * a line field never replaces a record field (a purchase order's `purchase_id` would become
 * `purchase_purchase_id` beside the line's own `purchase_id`); likewise where two record fields
 * would get one name (`x` and `order_x`).
 */
function parentName(name: string, prefix: string, taken: (name: string) => boolean): string {
	let out = name.startsWith(prefix) ? name : `${prefix}${name}`;
	while (taken(out)) out = `${prefix}${out}`;
	return out;
}

/**
 * One item per line of `lineList`, each the record's other fields (prefixed, see parentName)
 * followed by the line's fields as WDT sent them, so a sheet gets one row per line. A record
 * without lines gives one item of its own fields, prefixed the same way.
 */
export function lineItems(record: IDataObject, lineList: string, prefix: string): IDataObject[] {
	const { [lineList]: lines, ...fields } = record;
	const lineObjects = (Array.isArray(lines) ? lines : []).map((line) =>
		typeof line === 'object' && line !== null ? (line as IDataObject) : { value: line },
	);
	const lineFields = new Set(lineObjects.flatMap((line) => Object.keys(line)));
	const parent: IDataObject = {};
	for (const [name, value] of Object.entries(fields))
		parent[parentName(name, prefix, (taken) => lineFields.has(taken) || taken in parent)] = value;
	if (lineObjects.length === 0) return [parent];
	return lineObjects.map((line) => ({ ...parent, ...line }));
}
