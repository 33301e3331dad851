import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { WDT_METHODS } from '../../shared/protocol';

/** The 188 public methods, searchable by method name, Chinese name or category. */
export async function searchMethods(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const results = WDT_METHODS.filter(
		({ method, nameZh, category }) =>
			!needle ||
			method.toLowerCase().includes(needle) ||
			nameZh.includes(needle) ||
			category.includes(needle),
	).map(({ method, nameZh, category }) => ({
		name: `${method} (${nameZh})`,
		value: method,
		description: category,
	}));
	return { results };
}
