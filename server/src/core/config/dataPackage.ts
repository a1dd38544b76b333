import { parseJsonFile } from './dataFile';
import { propertiesOf, type Node } from './json';
import { readLocated, type ConfigProblem } from './locate';
import { dataPackageSchema } from './schema';

// A data package is an npm package that carries prices and lifecycle entries for prodready: its package.json names
// its data file in a `prodready` field (`"prodready": { "data": "data.json" }`). A workspace uses the data packages
// among its dependencies. Both package.json files are read as data; nothing in a package runs.

/** The dependency fields whose packages are installed with the workspace (peers are the host package's to install). */
const DEPENDENCY_FIELDS = new Set(['dependencies', 'devDependencies', 'optionalDependencies']);

/** A name npm installs as a folder under node_modules: `name` or `@scope/name`; never `.`, `..` or a deeper path. */
const PACKAGE_NAME = /^(?:@[a-z0-9~][\w.~-]*\/)?[a-z0-9~][\w.~-]*$/i;

/** The packages a workspace's package.json depends on, by name, each once (names npm could not install are left out). */
export function dependenciesOf(text: string, fileName: string): { names: string[]; problems: ConfigProblem[] } {
  const parsed = parseJsonFile(text, fileName);
  if ('problem' in parsed) return { names: [], problems: [parsed.problem] };
  const names = new Set<string>();
  for (const [field, dependencies] of propertiesOf(parsed.root)) {
    if (!DEPENDENCY_FIELDS.has(field.value as string)) continue;
    for (const [name] of propertiesOf(dependencies)) if (PACKAGE_NAME.test(name.value as string)) names.add(name.value as string);
  }
  return { names: [...names], problems: [] };
}

/** A dependency's package.json as prodready reads it. */
export interface DataPackage {
  /** The package and its version as hovers name it (`@acme/ai-prices 1.4.0`). */
  label: string;
  /** Its data file as the `prodready` field writes it (relative to the package), and the line (1-based); none when it is no data package. */
  data?: { path: string; line: number };
  problems: ConfigProblem[];
}

/** Reads the `prodready` field of the package.json of `name` (a package without one is no data package, and no problem). */
export function readDataPackage(text: string, name: string): DataPackage {
  const parsed = parseJsonFile(text, 'package.json');
  if ('problem' in parsed) return { label: name, problems: [parsed.problem] };
  const field = propertyOf(parsed.root, 'prodready');
  const version = propertyOf(parsed.root, 'version');
  const label = version?.type === 'string' ? `${name} ${version.value as string}` : name;
  if (!field) return { label, problems: [] };
  const read = readLocated(dataPackageSchema, field, text, 'package.json');
  const data = read.value && { path: read.value.data, line: read.where.valueLine(read.value, 'data') };
  return { label, ...(data ? { data } : {}), problems: read.problems };
}

/** The value of an object's property (the last, when it is written twice, as JSON.parse reads it). */
function propertyOf(node: Node, key: string): Node | undefined {
  return propertiesOf(node)
    .filter(([name]) => name.value === key)
    .pop()?.[1];
}
