/**
 * One WDT record type as the package reads it: the facts its method's page does not give in a
 * table the catalog holds (which field identifies it, which list holds its lines, our English
 * for its status codes). Window lengths, window fields, field lengths and Chinese names are the
 * catalog's (nodes/shared/catalog), read through the helpers of ./catalogFacts.ts.
 */

/** A status code table in English: code → label, in the page's order. */
export type StatusLabels = Readonly<Record<string, string>>;

export interface WdtRecord {
	/** The record type's English name, as the Resource field shows it (Title Case). */
	name: string;
	/** One line on what the records are, which the Resource field shows under the name. */
	description: string;
	/** The record in words, singular, lower case, e.g. 'sales order'. */
	noun: string;
	/** The query method that reads it. */
	method: string;
	/** What identifies one record (deduplication, trigger cursor keys). */
	idField: string;
	/**
	 * For a record without an id field of its own (idField is then the nearest number): its
	 * identity from several fields, used instead of idField for deduplication.
	 */
	keyOf?: (row: Readonly<Record<string, unknown>>) => string;
	/** The numbers a user looks it up by (WDT fields). */
	numberFields: readonly string[];
	/** The time WDT moves when the record changes (none: the reply has no such time). */
	modifiedField?: string;
	/**
	 * Re-read a window in which a record moved while its pages were read (by idField and
	 * modifiedField): for methods whose list is sorted by modified time.
	 */
	detectMoves?: boolean;
	/** The line list nested in each record, and the parent prefix of One Item per Line. */
	lines?: {
		list: string;
		/** Prefix of the record's own fields on each line item, e.g. 'order_'. */
		prefix: string;
		/** The record in the Output field's words, e.g. 'Order'. */
		itemName: string;
	};
	/** Reply field (a line field: `list.field`) → its codes in English, one table per code list. */
	statusLabels: Readonly<Record<string, StatusLabels>>;
	/** Times whose name does not say so (protocol's isWdtTimeName), e.g. current_phase_timeout. */
	extraTimeFields?: readonly string[];
	/** What WDT does not return through this method, said wherever the record is read. */
	privacyNotice?: string;
}
