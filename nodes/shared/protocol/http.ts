import { readWdtCredentials } from './credentials';
import { signQuery } from './request';

/** The parts of an outgoing HTTP request the signer reads and writes (n8n's shape, structurally). */
export interface SignableRequest {
	url?: string;
	baseURL?: string;
	qs?: Record<string, unknown>;
	body?: unknown;
	headers?: Record<string, unknown>;
}

/**
 * Signs an outgoing request in place of the credential's `authenticate`: it fixes the body to
 * one exact string (serializing an object body once), hashes that string and sends the same,
 * and points a relative URL at the credential's endpoint. Works for our nodes, the credential
 * test and n8n's HTTP Request node alike.
 */
export function signHttpRequest<T extends SignableRequest>(
	rawCredentials: Record<string, unknown>,
	request: T,
	nowMs: number,
): T {
	const credentials = readWdtCredentials(rawCredentials);
	const body =
		typeof request.body === 'string'
			? request.body
			: request.body === undefined || request.body === null || request.body === ''
				? '[]'
				: JSON.stringify(request.body);
	const query: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.qs ?? {})) {
		if (value !== undefined && value !== null)
			query[name] = typeof value === 'string' ? value : String(value);
	}
	const headers: Record<string, unknown> = { ...(request.headers ?? {}) };
	if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
		headers['Content-Type'] = 'application/json; charset=utf-8';
	}
	const signed: T = {
		...request,
		body,
		headers,
		qs: signQuery(query, body, credentials, nowMs),
	};
	if (!/^https?:\/\//i.test(request.url ?? '')) signed.baseURL = credentials.endpoint;
	return signed;
}
