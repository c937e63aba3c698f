// Placeholder until the chat pages land: the signed-in start page.
import { h } from '../ui.js';

export const home = {
  path: '/chats',
  name: 'chats',
  title: 'Chats',
  render(main) {
    main.append(h('h1', {}, 'Parley'), h('p', {}, 'The console is being built.'));
  },
};
