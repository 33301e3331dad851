/**
 * The reply of the self-owned platform's pushes (sales.RawTrade.pushSelf2,
 * aftersales.refund.RawRefund.upload2): `data: {new_count, chg_count, error_list: [{no, error}]}`.
 * What it says about each document sent; each operation's reply reader turns that into outcomes.
 */
import { countOf, describeValue, orderNumberKey, readCount } from '../../../shared/protocol';

export interface ErrorListReply {
	/** Document key → WDT's messages for it (one per error_list entry naming it or its aliases). */
	failures: Map<string, string[]>;
	/** Why documents not in the list cannot be called done; undefined: they are. */
	unclear: string | undefined;
	created: number | undefined;
	changed: number | undefined;
}

/**
 * A document listed in error_list (by its key or an alias, e.g. a line number) failed. The others
 * are done only when the list is complete (every entry names a document sent) and the counts reach
 * the unlisted documents: the pages do not say what the counts count (documents or lines; their
 * examples answer more than was sent), so more is accepted and fewer leaves them unknown.
 */
export function readErrorListReply(
	sent: ReadonlyArray<{ key: string; aliases?: readonly string[] }>,
	data: unknown,
	words: { one: string; many: string },
): ErrorListReply {
	const body = data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {};
	const {
		new_count: rawNew,
		chg_count: rawChanged,
		error_list: errorList,
	} = body as Record<string, unknown>;
	const byKey = new Map<string, string>();
	for (const { key, aliases = [] } of sent) {
		byKey.set(orderNumberKey(key), key);
		for (const alias of aliases)
			if (!byKey.has(orderNumberKey(alias))) byKey.set(orderNumberKey(alias), key);
	}
	const failures = new Map<string, string[]>();
	const strangers: string[] = [];
	for (const entry of Array.isArray(errorList) ? errorList : []) {
		const no = (entry as { no?: unknown } | null)?.no;
		const key =
			typeof no === 'string' || typeof no === 'number'
				? byKey.get(orderNumberKey(String(no)))
				: undefined;
		if (key === undefined) {
			strangers.push(no === undefined ? JSON.stringify(entry) : String(no));
			continue;
		}
		const error = (entry as { error?: unknown }).error;
		const message =
			typeof error === 'string' && error !== ''
				? error
				: 'WDT reported a failure without a message';
		failures.set(key, [...(failures.get(key) ?? []), message]);
	}
	const created = readCount(rawNew);
	const changed = readCount(rawChanged);
	const unlisted = sent.length - failures.size;
	let unclear: string | undefined;
	if (!Array.isArray(errorList))
		unclear = `WDT's reply has no error list (data.error_list is ${describeValue(errorList)})`;
	else if (strangers.length)
		unclear = `WDT's error list names ${words.many} that were not sent (${strangers.slice(0, 3).join(', ')})`;
	else if (created === undefined || changed === undefined || Number.isNaN(created + changed))
		unclear = `WDT's counts are missing or not whole numbers (new_count is ${describeValue(rawNew)}, chg_count is ${describeValue(rawChanged)})`;
	else if (created + changed < unlisted)
		unclear = `WDT's reply leaves ${countOf(unlisted, words.one, words.many)} out of its error list but counts only ${created + changed} created or updated (new_count ${created}, chg_count ${changed})`;
	return { failures, unclear, created, changed };
}
