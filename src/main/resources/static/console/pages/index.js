// Every page of the console. A route: { path ('/chats/:id'), name, title, render(main, params),
// public (reachable signed out), admin (admins only), nav: { label, order, href } (in the menu) }.
// chats: login, sign-up and (for now) the start page
import { login } from './login.js';
import { signup } from './signup.js';
import { home } from './home.js';

export const routes = [
  // chats
  login,
  signup,
  home,
];
