/**
 * What a write operation declares (WriteSpec) and what the write engine (runWrite) makes of it:
 * input items → documents → every document checked → batches → one call each, never re-sent →
 * one outcome per document, paired with its items.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import type { OrderOutcome, WdtResponse } from '../../../shared/protocol';

/** How messages name a document and what the write does to it. */
export interface WriteWords {
	/** One document and several, e.g. 'purchase apply' / 'purchase applies'. */
	one: string;
	many: string;
	/** The verb and its past participle, e.g. 'cancel' / 'cancelled'. */
	action: string;
	done: string;
	/** In plain words, which documents WDT accepts, e.g. 'WDT cancels only …'. */
	statusRule: string;
	/**
	 * A sentence on what a refusal may mean, from WDT's text (e.g. that the number exists
	 * already); default: `statusRule` for a refusal that names the status (状态).
	 */
	refusalHint?(wdtText: string): string | undefined;
}

/**
 * One future output item: a document read from the items it pairs with, or the error that
 * refused it before any call (with `json`: what identifies it, e.g. its number as typed).
 */
export type Planned<Doc> =
	| { itemIndices: number[]; doc: Doc }
	| { itemIndices: number[]; error: NodeApiError | NodeOperationError; json?: IDataObject };

/**
 * What happened to one document: the protocol's OrderOutcome (order_no = the document's key),
 * plus `data`: fields the reply gave (e.g. the number WDT created), merged into its output item.
 */
export type WriteOutcome = OrderOutcome & { data?: IDataObject };

/** A success that the engine did not send because a look-up found it done already. */
export const ALREADY_CREATED = 'already created';

export interface WriteSpec<Doc> {
	/** The WDT method every batch calls. */
	method: string;
	/** The method a batch of `group` (batch.by) calls instead, e.g. syncSuccess or syncFail. */
	methodOf?(group: string): string;
	words: WriteWords;
	/**
	 * Input items → documents, each checked before the first call. Throw invalidInput(…) for a
	 * bad document: planEach/planEachItem (documents.ts) turn that into an error entry under
	 * Continue On Fail and rethrow it otherwise. Errors thrown outside them stop the node.
	 */
	plan(ctx: IExecuteFunctions): Array<Planned<Doc>>;
	/** The number that names a document in outcomes and messages (output as order_no). */
	key(doc: Doc): string;
	/**
	 * Two documents with the same key (compared as WDT does, ignoring case): `merge` sends it once
	 * and gives every entry its outcome (a list of numbers to cancel); `refuse` stops the node
	 * before any call (also under Continue On Fail), naming the item, `field` (e.g. 'Sync ID
	 * (sync_id)') and the earlier item, then `why` (default: each <one> needs its own number).
	 */
	sameKey: 'merge' | { refuse: string; why?: string };
	/** Checks across all documents before the first call (e.g. sub-order numbers used once). */
	checkAll?(ctx: IExecuteFunctions, planned: Array<Planned<Doc>>): void;
	/**
	 * Numbers documents the user left unnumbered with executionNumbering (numbering.ts) when
	 * `enabled`: `number(doc, derived)` stores it. Position = 1 + the entry's index in the plan.
	 */
	numbering?: {
		enabled(ctx: IExecuteFunctions): boolean;
		numbered(doc: Doc): boolean;
		number(doc: Doc, derived: string): void;
	};
	/**
	 * Documents per call: a fixed limit (the page's), or `option`: Options → Batch Size
	 * (batchOptionsField), at most `limit`. `by`: documents of different groups never share a
	 * call (e.g. the shop of sales orders); the group is passed to `args`. `weight`: what a
	 * document counts toward the limit (e.g. its entries, where the page limits entries per
	 * call; default 1); documents are then packed into the fewest calls, first fit by weight.
	 */
	batch: { limit: number; option?: boolean; by?(doc: Doc): string; weight?(doc: Doc): number };
	/** The call's positional arguments for one batch. */
	args(batch: Doc[], group: string): unknown[];
	/**
	 * Looked up before a document is sent: an outcome here (usually ALREADY_CREATED, success)
	 * is final and the document is not sent. A look-up that throws stops sending (as a failed
	 * call does); its documents and the rest are "not sent".
	 */
	lookUp?(ctx: IExecuteFunctions, doc: Doc): Promise<WriteOutcome | undefined>;
	/**
	 * One outcome per document of the batch, in order, read from WDT's reply. The parser lives
	 * with the operation. Throw WdtError for a reply that refuses the whole call (kind
	 * 'business') or says nothing clear (kind 'badResponse': its documents become "unknown").
	 */
	outcomes(batch: Doc[], response: WdtResponse): WriteOutcome[];
	/** Extra fields of a document's output item (after the outcome's own). */
	output?(doc: Doc, outcome: WriteOutcome): IDataObject;
}
