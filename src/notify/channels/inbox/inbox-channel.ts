import type { Channel } from '../../channel.js';

/** The inbox is the store: the task is already there for `orchestra inbox`, so sending does nothing. */
export function createInboxChannel(name: string): Channel {
  return { name, type: 'inbox', secrets: [], send: () => Promise.resolve() };
}
