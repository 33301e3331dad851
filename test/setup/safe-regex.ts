/* eslint-disable -- test code, never shipped: the community-node lint rules are for node code. */
/**
 * vitest setupFile. n8n-workflow runs parameter-validation regexes (e.g. a resource locator's
 * "By Name" pattern) in node:vm with a 250 ms timeout. On a 2-core machine running test files in
 * parallel a trivial pattern can miss that by CPU starvation alone, failing a test at random with
 * "Regular expression execution timed out". The tests keep n8n's vm engine and its timeout
 * protection, with a budget that only starvation can reach.
 */
import { createContext, Script } from 'node:vm';

import { setSafeRegexEngine, type RegexEngine } from 'n8n-workflow';

const TEST_REGEX_TIMEOUT_MS = 10_000;

const context = createContext({
	pattern: '',
	flags: '',
	input: '',
	replacement: '',
	result: undefined,
});
const scripts = {
	exec: new Script('result = new RegExp(pattern, flags).exec(input)'),
	test: new Script('result = new RegExp(pattern, flags).test(input)'),
	replace: new Script('result = input.replace(new RegExp(pattern, flags), replacement)'),
	matchAll: new Script('result = Array.from(input.matchAll(new RegExp(pattern, flags)))'),
	split: new Script('result = input.split(new RegExp(pattern, flags))'),
};

function run<T>(script: Script, values: Record<string, unknown>): T {
	Object.assign(context, { replacement: '', ...values, result: undefined });
	script.runInContext(context, { timeout: TEST_REGEX_TIMEOUT_MS });
	return (context as { result: unknown }).result as T;
}

const withGlobal = (flags = '') => (flags.includes('g') ? flags : `${flags}g`);

const engine: RegexEngine = {
	exec: (pattern: string, input: string, flags?: string) =>
		run(scripts.exec, { pattern, input, flags: flags ?? '' }),
	test: (pattern: string, input: string, flags?: string) =>
		run(scripts.test, { pattern, input, flags: flags ?? '' }),
	replace: (pattern: string, input: string, flags: string | undefined, replacement: string) =>
		run(scripts.replace, { pattern, input, flags: flags ?? '', replacement }),
	matchAll: (pattern: string, input: string, flags?: string) =>
		run(scripts.matchAll, { pattern, input, flags: withGlobal(flags) }),
	split: (pattern: string, input: string, flags?: string) =>
		run(scripts.split, { pattern, input, flags: flags ?? '' }),
};
setSafeRegexEngine(engine);
