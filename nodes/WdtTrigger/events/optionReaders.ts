/** The events' own options that several events have, and their readers. */
import type { INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { locatorCode, shopLocator, warehouseLocator } from '../../shared/lists/locators';

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

/** A comma-separated list of codes (either comma), as WDT's `shop_nos` takes it; '' when empty. */
export function readCodeList(value: unknown): string {
	return String(value ?? '')
		.split(/[,，]/)
		.map((code) => code.trim())
		.filter((code) => code !== '')
		.join(',');
}

/**
 * A dropdown option's code, trimmed ('' when empty); throws naming the option when WDT would
 * refuse its length. Workflows saved before the option was a dropdown hold a plain string.
 */
export function readLocatorOption(
	this: IPollFunctions,
	raw: unknown,
	option: { label: string; maxLength: number },
): string {
	return readTextOption.call(this, locatorCode(raw), option);
}

/**
 * The Shops option as WDT's `shop_nos` takes it: one code from the list, or several typed;
 * `maxLength` where the page gives shop_nos one.
 */
export function readShopList(
	this: IPollFunctions,
	raw: unknown,
	option: { label: string; maxLength?: number },
): string {
	const maxLength = option.maxLength ?? Number.POSITIVE_INFINITY;
	return readTextOption.call(this, readCodeList(locatorCode(raw)), { ...option, maxLength });
}

/** Shop: one shop from WDT's list (or its code), for pages whose `shop_no` takes one. */
export const shopOption = (records: string): INodeProperties =>
	shopLocator({
		description: `Only ${records} of this shop (WDT takes one shop here). Empty: every shop the key may read.`,
	});

/** Shops: one shop from WDT's list, or several codes typed By Code, for `shop_nos`. */
export const shopsOption = (records: string, note = ''): INodeProperties =>
	shopLocator({
		displayName: 'Shops',
		name: 'shopNos',
		wdtField: 'shop_nos',
		example: 'shop01,shop02',
		codeHint: 'One shop code, or several separated by commas',
		description: `Only ${records} of these shops: one from the list, or several codes separated by commas By Code. Empty: every shop the key may read.${note ? ` ${note}` : ''}`,
	});

/** Warehouse: one warehouse from WDT's list (or its code). */
export const warehouseOption = (records: string): INodeProperties =>
	warehouseLocator({
		description: `Only ${records} of this warehouse. Empty: every warehouse.`,
	});
