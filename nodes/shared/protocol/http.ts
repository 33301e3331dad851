import { credentialFieldProblem, readWdtCredentials } from './credentials';
import { describeKind, WdtError } from './errors';
import { signQuery } from './request';

/** The parts of an outgoing HTTP request the signer reads and writes (n8n's shape, structurally). */
export interface SignableRequest {
	url?: string;
	baseURL?: string;
	qs?: Record<string, unknown>;
	body?: unknown;
	headers?: Record<string, unknown>;
}

const isAbsolute = (url: string | undefined) => /^https?:\/\//i.test(url ?? '');

/**
 * Signs an outgoing request in place of the credential's `authenticate`: it fixes the body to
 * one exact string (serializing an object body once), hashes that string and sends the same,
 * and points a relative URL at the credential's endpoint. Works for our nodes, the credential
 * test and n8n's HTTP Request node alike. Unusable credential fields throw a WdtError of kind
 * `credentialFields` that names the field, before anything is sent.
 */
export function signHttpRequest<T extends SignableRequest>(
	rawCredentials: Record<string, unknown>,
	request: T,
	nowMs: number,
): T {
	const problem = credentialFieldProblem(rawCredentials, {
		checkBaseUrl: !isAbsolute(request.url),
	});
	if (problem) throw new WdtError(problem, describeKind('credentialFields'));
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
	if (!isAbsolute(request.url)) signed.baseURL = credentials.endpoint;
	return signed;
}

/**
 * The credential test's request carries this header so that `authenticate` can give it its own
 * short deadline (n8n's credential tester would wait 300 s); `authenticate` removes it again.
 */
export const CREDENTIAL_TEST_HEADER = 'X-Wdt-Credential-Test';

/**
 * Deadlines in milliseconds, each for a whole exchange (connecting, sending, reading the last
 * byte). These are the defaults the package ships; tests shorten them to run fast.
 */
export const WDT_DEADLINES = {
	/** One attempt of a read. */
	readAttemptMs: 30_000,
	/** One read, all attempts and back-off included. */
	readMs: 60_000,
	/** One write; writes are sent once. */
	writeMs: 60_000,
	/** The credential test (n8n's own default would be 300 s). */
	credentialTestMs: 15_000,
};

/** Removes the credential-test marker; says whether it was there. */
export function takeCredentialTestMarker(headers: Record<string, unknown>): boolean {
	const name = Object.keys(headers).find(
		(header) => header.toLowerCase() === CREDENTIAL_TEST_HEADER.toLowerCase(),
	);
	if (name === undefined) return false;
	delete headers[name];
	return true;
}
