/**
 * The fields a document create shows beside its lines: text, remark, yes/no, code choice and
 * expected-arrival fields, each shown only for its operation.
 */
import type { INodeProperties } from 'n8n-workflow';

import type { Show } from './inputFields';

/**
 * A field shown only for the operation: displayOptions after its default (and required mark),
 * or last for a dropdown built by a locator helper.
 */
export function shownFor(show: Show, property: INodeProperties): INodeProperties {
	const displayOptions = { show };
	if (property.type === 'resourceLocator') return { ...property, displayOptions };
	const entries = Object.entries(property);
	const at = entries.findIndex(([key]) => key === 'default') + 1;
	const after = entries[at]?.[0] === 'required' ? at + 1 : at;
	entries.splice(after, 0, ['displayOptions', displayOptions]);
	return Object.fromEntries(entries) as unknown as INodeProperties;
}

/** A text field of a document: label, parameter name, description. */
export const textProperty = (
	displayName: string,
	name: string,
	description: string,
	required?: boolean,
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...(required ? { required } : {}),
	description,
});

/** A document's note: WDT field remark. */
export const remarkProperty = (on: string, length: string) =>
	textProperty('Remark', 'remark', `A note on the ${on}, ${length}. WDT field: remark.`);

/** A yes/no field of a document, off by default. */
export const flagProperty = (
	displayName: string,
	name: string,
	description: string,
): INodeProperties => ({ displayName, name, type: 'boolean', default: false, description });

/** A choice among WDT's codes: label, WDT name, the code chosen by default, the codes. */
export const choiceProperty = (
	displayName: string,
	name: string,
	defaultValue: number,
	options: Array<{ name: string; value: number }>,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	default: defaultValue,
	options,
	description,
});

/** When the goods should arrive, in the workflow's timezone. */
export const expectedArrivalProperty = (name: string, wdt: string): INodeProperties => ({
	displayName: 'Expected Arrival',
	name,
	type: 'dateTime',
	default: '',
	description: `When the goods should arrive. Interpreted in the workflow's timezone and sent to WDT in China Standard Time. WDT field: ${wdt}.`,
});
