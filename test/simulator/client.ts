/**
 * A small hand-signing WDT client for the simulator's own tests (undici, keep-alive).
 * Its signer is written independently of the server's verifier (signature.ts) on purpose.
 */
import { createHash } from 'node:crypto';
import { Agent, request } from 'undici';

export interface ClientCredentials {
	sid: string;
	key: string;
	secret: string;
	salt: string;
}

export interface CallOptions {
	method: string;
	/** Positional arguments, sent as the JSON array body (default []). */
	args?: unknown[];
	/** Raw body text instead of JSON.stringify(args); signed as is. */
	body?: string;
	pager?: { pageNo: number; pageSize: number; calcTotal?: boolean };
	/** WDT timestamp to send (default: from the client's clock). */
	timestamp?: number | string;
	/** Extra or replaced query parameters; `undefined` removes one. Signed like the rest. */
	params?: Record<string, string | undefined>;
	/** Sign to send instead of the computed one. */
	sign?: string;
	/** Overrides for this call only. */
	credentials?: Partial<ClientCredentials>;
}

/** The reply JSON, loosely typed for convenient assertions. */
export interface WdtJson {
	status: number;
	message?: string;
	total?: number;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	data?: any;
}

export interface CallResult {
	httpStatus: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	/** Parsed body, or undefined when it is not JSON. */
	json: WdtJson | undefined;
}

/** secret + sorted name/value pairs + secret, md5, lowercase hex. */
export function clientSign(params: Record<string, string>, secret: string): string {
	let text = secret;
	for (const name of Object.keys(params).sort()) {
		if (name !== 'sign') text += name + params[name];
	}
	text += secret;
	return createHash('md5').update(Buffer.from(text, 'utf8')).digest('hex');
}

export const WDT_EPOCH = 1325347200;

export class TestClient {
	readonly agent = new Agent({ keepAliveTimeout: 10_000, connections: 16 });

	constructor(
		readonly url: string,
		readonly credentials: ClientCredentials,
		/** Unix ms used for the timestamp parameter (pass the simulator's clock). */
		readonly now: () => number = Date.now,
	) {}

	async call(options: CallOptions): Promise<CallResult> {
		const creds = { ...this.credentials, ...options.credentials };
		const body = options.body ?? JSON.stringify(options.args ?? []);
		const query: Record<string, string | undefined> = {
			sid: creds.sid,
			key: creds.key,
			salt: creds.salt,
			method: options.method,
			v: '1.0',
			timestamp: String(options.timestamp ?? Math.floor(this.now() / 1000) - WDT_EPOCH),
		};
		if (options.pager) {
			query.page_size = String(options.pager.pageSize);
			query.page_no = String(options.pager.pageNo);
			query.calc_total = options.pager.calcTotal ? '1' : '0';
		}
		Object.assign(query, options.params);
		const present: Record<string, string> = {};
		for (const [name, value] of Object.entries(query))
			if (value !== undefined) present[name] = value;

		const sign = options.sign ?? clientSign({ ...present, body }, creds.secret);
		const search = new URLSearchParams({ ...present, sign });
		const response = await request(`${this.url}?${search.toString()}`, {
			method: 'POST',
			body,
			headers: { 'content-type': 'application/json' },
			dispatcher: this.agent,
		});
		const text = await response.body.text();
		let json: WdtJson | undefined;
		try {
			json = JSON.parse(text) as WdtJson;
		} catch {
			json = undefined;
		}
		return { httpStatus: response.statusCode, headers: response.headers, text, json };
	}

	async close(): Promise<void> {
		await this.agent.close();
	}
}
