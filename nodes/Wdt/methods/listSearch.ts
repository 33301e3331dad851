import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listCatalogMethods } from '../../shared/catalog';

/**
 * Every public method, listed by English label and WDT method name. Search also matches WDT's
 * Chinese name and category, so users who know WDT's terms ("取消", "出库") find methods too.
 */
export async function searchMethods(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const results = listCatalogMethods()
		.filter(
			({ method, nameEn, nameZh, category }) =>
				!needle ||
				[method, nameEn, nameZh, category].some((text) => text.toLowerCase().includes(needle)),
		)
		.map(({ method, nameEn }) => ({
			name: `${nameEn} — ${method}`,
			value: method,
		}));
	return { results };
}

export {
	searchLogistics,
	searchProviders,
	searchShops,
	searchWarehouses,
} from '../../shared/lists/listSearch';
