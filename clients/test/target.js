// Where the tests send their requests. CLIENTS_TARGET=direct talks to the fake upstream itself;
// CLIENTS_TARGET=parley talks to a running Parley whose providers point at that same fake:
//   - a named OpenAI-compatible server `fake` (parley.ai.providers.fake.base-url = $FAKE_URL/v1), so
//     OpenAI-shaped calls use the model `fake/gpt-fake`;
//   - Anthropic (ANTHROPIC_BASE_URL = $FAKE_URL), so /v1/messages calls use `anthropic/claude-fake`.
// Every test reads the model names and URLs from here, and nothing else differs between targets.
const target = process.env.CLIENTS_TARGET ?? 'direct';
if (!['direct', 'parley'].includes(target)) throw new Error(`CLIENTS_TARGET must be direct or parley, not ${target}`);
const fakeUrl = (process.env.FAKE_URL ?? '').replace(/\/+$/, '');
const parleyUrl = (process.env.PARLEY_URL ?? '').replace(/\/+$/, '');
if (target === 'direct' && !fakeUrl) throw new Error('FAKE_URL is required');
if (target === 'parley' && (!parleyUrl || !process.env.PARLEY_API_KEY)) throw new Error('PARLEY_URL and PARLEY_API_KEY are required');
const direct = target === 'direct';

export const TARGET = target;
/** The base URL OpenAI SDKs take (with /v1). */
export const OPENAI_BASE_URL = direct ? `${fakeUrl}/v1` : `${parleyUrl}/v1`;
/** The base URL the Anthropic SDK takes (it adds /v1/messages). */
export const ANTHROPIC_BASE_URL = direct ? fakeUrl : parleyUrl;
export const API_KEY = direct ? (process.env.FAKE_API_KEY ?? 'fake-key') : process.env.PARLEY_API_KEY;
export const CHAT_MODEL = direct ? 'gpt-fake' : 'fake/gpt-fake';
export const MISSING_MODEL = direct ? 'no-such-model' : 'fake/no-such-model';
export const EMBEDDING_MODEL = direct ? 'embed-fake' : 'fake/embed-fake';
export const ANTHROPIC_MODEL = direct ? 'claude-fake' : 'anthropic/claude-fake';
