/** The events' own options that several events have, and their readers. */
import type { INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The codes of an options or multiOptions value ('' or [] for none), each one of `labels`' keys
 * (the page's table); throws naming the option otherwise.
 */
export function readCodes(
	this: IPollFunctions,
	raw: unknown,
	option: { label: string; labels: Readonly<Record<string, string>>; what: string },
): number[] {
	const values = raw === undefined || raw === null || raw === '' ? [] : [raw].flat();
	const codes = [...new Set(values.map((value) => String(value).trim()))];
	for (const code of codes) {
		if (!Object.prototype.hasOwnProperty.call(option.labels, code)) {
			throw new NodeOperationError(
				this.getNode(),
				`Options → ${option.label} holds ${code}, which is not a ${option.what} of WDT.`,
			);
		}
	}
	return codes.map(Number);
}

/** `name (code)` entries for an options list, in the table's order. */
export const codeOptions = (labels: Readonly<Record<string, string>>) =>
	Object.entries(labels).map(([code, label]) => ({ name: `${label} (${code})`, value: code }));

/** A text option, trimmed ('' when empty); throws naming the option when WDT would refuse its length. */
export function readTextOption(
	this: IPollFunctions,
	raw: unknown,
	option: { label: string; maxLength: number },
): string {
	const value = String(raw ?? '').trim();
	if ([...value].length > option.maxLength) {
		throw new NodeOperationError(
			this.getNode(),
			`Options → ${option.label} is ${[...value].length} characters long; WDT accepts at most ${option.maxLength}.`,
		);
	}
	return value;
}

/** Include Lines: whether an item keeps the record's line list (`list`), on by default. */
export const includeLinesOption = (record: string, list: string): INodeProperties => ({
	displayName: 'Include Lines',
	name: 'includeLines',
	type: 'boolean',
	default: true,
	description: `Whether to keep each ${record}'s lines (${list}) in the item. Off: the ${record} fields only.`,
});

/** Statuses: a multi-select of the page's status table (English labels); empty: every status. */
export const statusesOption = (
	labels: Readonly<Record<string, string>>,
	description: string,
): INodeProperties => ({
	displayName: 'Statuses',
	name: 'statuses',
	type: 'multiOptions',
	default: [],
	options: codeOptions(labels),
	description,
});
