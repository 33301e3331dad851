import type { INodeProperties } from 'n8n-workflow';

interface LocatorSpec {
	displayName: string;
	name: string;
	/** The search of listSearch.ts the dropdown uses. */
	searchListMethod: 'searchShops' | 'searchWarehouses' | 'searchLogistics' | 'searchProviders';
	/** What one entry is, for texts, e.g. "warehouse". */
	entity: string;
	example: string;
	wdtField: string;
	description: string;
	required?: boolean;
	/** The By Code hint; default: the entity's number as WDT shows it. */
	codeHint?: string;
}

/**
 * A searchable dropdown of a WDT list ("From List"), with "By Code" for a code typed or mapped.
 * The list is loaded once and searched in memory (see wdtLists.ts).
 */
function wdtLocator(spec: LocatorSpec): INodeProperties {
	const description = `${spec.description} WDT field: ${spec.wdtField}.`;
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: spec.required ?? false,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${spec.entity}...`,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By Code',
				name: 'code',
				type: 'string',
				placeholder: `e.g. ${spec.example}`,
				hint: spec.codeHint ?? `The ${spec.entity} number (${spec.wdtField}) as WDT shows it`,
			},
		],
	};
}

type LocatorOptions = Pick<
	LocatorSpec,
	'displayName' | 'name' | 'description' | 'required' | 'codeHint' | 'example' | 'wdtField'
>;

export const shopLocator = (options: Partial<LocatorOptions> = {}) =>
	wdtLocator({
		displayName: 'Shop',
		name: 'shopNo',
		searchListMethod: 'searchShops',
		entity: 'shop',
		example: 'TMALL01',
		wdtField: 'shop_no',
		description: 'The shop.',
		...options,
	});

export const warehouseLocator = (options: Partial<LocatorOptions> = {}) =>
	wdtLocator({
		displayName: 'Warehouse',
		name: 'warehouseNo',
		searchListMethod: 'searchWarehouses',
		entity: 'warehouse',
		example: 'WH01',
		wdtField: 'warehouse_no',
		description: 'The warehouse.',
		...options,
	});

export const logisticsLocator = (options: Partial<LocatorOptions> = {}) =>
	wdtLocator({
		displayName: 'Logistics Company',
		name: 'logisticsNo',
		searchListMethod: 'searchLogistics',
		entity: 'logistics company',
		example: 'SF',
		wdtField: 'logistics_no',
		description: 'The logistics company.',
		...options,
	});

export const providerLocator = (options: Partial<LocatorOptions> = {}) =>
	wdtLocator({
		displayName: 'Supplier',
		name: 'providerNo',
		searchListMethod: 'searchProviders',
		entity: 'supplier',
		example: 'P001',
		wdtField: 'provider_no',
		description: 'The supplier.',
		...options,
	});

/** A dropdown's value as saved: { mode, value } or, from workflows older than the dropdown, a string. */
export function locatorCode(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'object') return String((value as { value?: unknown }).value ?? '').trim();
	return String(value).trim();
}
