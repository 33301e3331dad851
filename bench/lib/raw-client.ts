/**
 * The anchor client: a plain signed WDT client on undici with a keep-alive Agent. It signs with
 * the package's own pure signer (nodes/shared/protocol), so the only difference from the node is
 * everything around the signature: n8n's execution engine and HTTP stack.
 */
import { Agent, request } from 'undici';

import { callQuery, encodeBody, signQuery, type WdtCall } from '../../nodes/shared/protocol';

export interface RawCredentials {
	sid: string;
	key: string;
	secret: string;
	salt: string;
}

export interface RawReply {
	httpStatus: number;
	json: { status: number; message?: string; data?: unknown; total?: number };
}

export class RawClient {
	readonly agent = new Agent({ keepAliveTimeout: 30_000, connections: 4 });
	calls = 0;

	constructor(
		readonly endpoint: string,
		readonly credentials: RawCredentials,
	) {}

	async call(call: WdtCall): Promise<RawReply> {
		const body = encodeBody(call.args);
		const query = signQuery(callQuery(call), body, this.credentials, Date.now());
		const response = await request(`${this.endpoint}?${new URLSearchParams(query).toString()}`, {
			method: 'POST',
			body,
			headers: { 'content-type': 'application/json; charset=utf-8' },
			dispatcher: this.agent,
		});
		const text = await response.body.text();
		this.calls++;
		return { httpStatus: response.statusCode, json: JSON.parse(text) as RawReply['json'] };
	}

	/** Like call(), but throws unless WDT answered status 0. */
	async ok(call: WdtCall): Promise<RawReply['json']> {
		const reply = await this.call(call);
		if (reply.httpStatus !== 200 || reply.json.status !== 0) {
			throw new Error(
				`${call.method}: HTTP ${reply.httpStatus}, WDT status ${reply.json.status} ${reply.json.message ?? ''}`,
			);
		}
		return reply.json;
	}

	async close(): Promise<void> {
		await this.agent.close();
	}
}
