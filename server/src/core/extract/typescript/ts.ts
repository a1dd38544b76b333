// One TypeScript for the whole server: the copy ts-morph ships, so the bundle carries it once. The alias is
// read once here: ts-morph re-exports it through a getter, too slow to go through on every node.
import { ts as tsMorphTypeScript } from 'ts-morph';

export import ts = tsMorphTypeScript;
