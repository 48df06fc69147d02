// Runs `fn` with an undici MockAgent as the global dispatcher (no real network), then restores the
// previous dispatcher: the suite's clients talk to a mocked target in unit tests.

import { getGlobalDispatcher, MockAgent, setGlobalDispatcher } from 'undici';

export async function withMock(fn: (agent: MockAgent) => Promise<void>): Promise<void> {
  const previous = getGlobalDispatcher();
  const agent = new MockAgent();
  agent.disableNetConnect();
  setGlobalDispatcher(agent);
  try {
    await fn(agent);
  } finally {
    setGlobalDispatcher(previous);
    await agent.close();
  }
}
