// One TypeScript for the whole server: the copy ts-morph ships, so the bundle carries it once.
export { ts } from 'ts-morph';
