import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { toNodeError } from '../transport';
import { catalogPaging, searchWindows } from '../transport/search';

/** A WDT master-data list shown in a dropdown: which method, and which fields name an entry. */
export interface WdtList {
	method: string;
	/** The query's `params` (e.g. hide disabled entries). */
	params: IDataObject;
	codeField: string;
	nameField: string;
}

export const SHOP_LIST: WdtList = {
	method: 'setting.Shop.queryShop',
	params: {},
	codeField: 'shop_no',
	nameField: 'shop_name',
};

export const WAREHOUSE_LIST: WdtList = {
	method: 'setting.Warehouse.queryWarehouse',
	// The page: hide_delete 1 hides deleted warehouses (also WDT's default); sent to be explicit.
	params: { hide_delete: 1 },
	codeField: 'warehouse_no',
	nameField: 'name',
};

export const LOGISTICS_LIST: WdtList = {
	method: 'setting.Logistics.queryLogistics',
	params: { hide_delete: true },
	codeField: 'logistics_no',
	nameField: 'logistics_name',
};

export const PROVIDER_LIST: WdtList = {
	method: 'setting.PurchaseProvider.queryDetail',
	// The page: is_disabled 0 未停用, deleted 0 未删除: only suppliers a purchase can name.
	params: { is_disabled: 0, deleted: 0 },
	codeField: 'provider_no',
	nameField: 'provider_name',
};

/** A dropdown shows at most this many entries of one list (10 pages of 100). */
export const MAX_LIST_ENTRIES = 1000;
/** How long a loaded list serves further searches of the same workflow and credential. */
export const LIST_CACHE_TTL_MS = 60_000;
const MAX_CACHED_LISTS = 50;

interface ListEntry {
	code: string;
	name: string;
}

/*
 * Why a cache outside the call: n8n's editor asks again for every search text typed into a
 * dropdown, and each request gets a fresh context, so a per-context cache could not spare the
 * call per keystroke. The lists held are master data (codes and names only, no secrets), keyed
 * by workflow, credential id and method, so no workflow or credential sees another's list; an
 * entry lives 60 s and at most 50 are kept, so a renamed shop appears within a minute.
 */
const loadedLists = new Map<string, { expiresAt: number; entries: Promise<ListEntry[]> }>();

function cacheKey(ctx: ILoadOptionsFunctions, list: WdtList): string | undefined {
	const credentialId = ctx.getNode().credentials?.wdtApi?.id;
	if (!credentialId) return undefined;
	let workflowId = '';
	try {
		workflowId = String(ctx.getWorkflow().id ?? '');
	} catch {
		// A context without a workflow: the credential alone keys the list.
	}
	return JSON.stringify([workflowId, credentialId, list.method]);
}

async function fetchList(ctx: ILoadOptionsFunctions, list: WdtList): Promise<ListEntry[]> {
	const { records } = await searchWindows.call(ctx, {
		method: list.method,
		args: () => [list.params],
		...catalogPaging(list.method),
		limit: MAX_LIST_ENTRIES,
		recordKey: (record) => String((record as IDataObject)[list.codeField]),
	});
	return (records as IDataObject[])
		.map((record) => ({
			code: String(record[list.codeField] ?? '').trim(),
			name: String(record[list.nameField] ?? '').trim(),
		}))
		.filter((entry) => entry.code !== '');
}

/** The entries of one list: from the cache when the same workflow and credential loaded it lately. */
async function loadList(ctx: ILoadOptionsFunctions, list: WdtList): Promise<ListEntry[]> {
	const key = cacheKey(ctx, list);
	if (key === undefined) return await fetchList(ctx, list);
	const now = Date.now();
	for (const [cachedKey, cached] of loadedLists)
		if (cached.expiresAt <= now) loadedLists.delete(cachedKey);
	const cached = loadedLists.get(key);
	if (cached) return await cached.entries;
	const entries = fetchList(ctx, list);
	loadedLists.set(key, { expiresAt: now + LIST_CACHE_TTL_MS, entries });
	while (loadedLists.size > MAX_CACHED_LISTS)
		loadedLists.delete(loadedLists.keys().next().value as string);
	// A failed load is not kept: the next search asks WDT again.
	entries.catch(() => {
		if (loadedLists.get(key)?.entries === entries) loadedLists.delete(key);
	});
	return await entries;
}

/** One dropdown search: the list (one load, then cached), filtered by name or code in memory. */
export async function searchList(
	ctx: ILoadOptionsFunctions,
	list: WdtList,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	let entries: ListEntry[];
	try {
		entries = await loadList(ctx, list);
	} catch (error) {
		// The editor shows this message under the dropdown: WDT's words and the fix, no secrets.
		throw toNodeError(ctx.getNode(), error);
	}
	const results = entries
		.filter(
			({ code, name }) =>
				!needle || code.toLowerCase().includes(needle) || name.toLowerCase().includes(needle),
		)
		.map(({ code, name }) => ({
			name: name && name !== code ? `${name} (${code})` : code,
			value: code,
		}));
	return { results };
}
