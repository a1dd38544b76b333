// The sidebar's "add an ownership rule" edits .prodready.json instead of rewriting it: one rule inserted, every
// other character (comments, formatting, line breaks) kept, and edits the editor applies as one undo step.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../server/src/core/config/config';
import { applyEdits } from '../../server/src/core/config/json';
import { withOwnershipRule } from '../../server/src/core/ownership/write';

/** The new text, checked to be what the edits make of the old one. */
function added(text: string | undefined, pattern = '/src/ai/', owners = ['@ml', 'ai@example.com']): string {
  const written = withOwnershipRule(text, pattern, owners);
  assert.ok(written.ok, written.ok ? '' : written.error);
  assert.equal(applyEdits(text ?? '', written.edits), written.value, 'the edits make the new text');
  return written.value;
}

describe('adding an ownership rule to .prodready.json', () => {
  it('puts the rule on a line of its own after the last one, past its comma and comment, and changes nothing else', () => {
    const before = [
      '{',
      '  // Who owns the AI code.',
      '  "ownership": [',
      '    { "path": "/lib/", "owners": ["@lib"] }, // the library',
      '  ],',
      '  "kpis": [ { "name": "deflection" } ]   /* agreed in Q3 */',
      '}',
      '',
    ].join('\n');
    const after = added(before);
    assert.equal(after, before.replace('// the library\n', '// the library\n    { "path": "/src/ai/", "owners": ["@ml", "ai@example.com"] }\n'));
    assert.deepEqual(parseConfig(after).config.governance.ownership.map((rule) => [rule.pattern, rule.owners, rule.line]), [
      ['/lib/', ['@lib'], 4],
      ['/src/ai/', ['@ml', 'ai@example.com'], 5],
    ]);
  });

  it('adds the comma a last rule without one needs, before its comment', () => {
    const before = '{\n  "ownership": [\n    { "path": "/lib/", "owners": "@lib" } // the library\n  ]\n}\n';
    assert.equal(added(before), '{\n  "ownership": [\n    { "path": "/lib/", "owners": "@lib" }, // the library\n    { "path": "/src/ai/", "owners": ["@ml", "ai@example.com"] }\n  ]\n}\n');
  });

  it('opens an empty list onto lines of its own (the starter config)', () => {
    const before = '{\n  "kpis": [],\n  "ownership": [],\n  "raci": {}\n}\n';
    assert.equal(added(before), '{\n  "kpis": [],\n  "ownership": [\n    { "path": "/src/ai/", "owners": ["@ml", "ai@example.com"] }\n  ],\n  "raci": {}\n}\n');
  });

  it('adds "ownership" last when there is none, with the file\'s tabs and CRLF line breaks', () => {
    const before = '{\r\n\t"rules": { "AIR001": "off" } /* strict later */\r\n}\r\n';
    assert.equal(added(before), '{\r\n\t"rules": { "AIR001": "off" }, /* strict later */\r\n\t"ownership": [\r\n\t\t{ "path": "/src/ai/", "owners": ["@ml", "ai@example.com"] }\r\n\t]\r\n}\r\n');
  });

  it('keeps a file written on one line on one line', () => {
    assert.equal(added('{ "rules": {} }'), '{ "rules": {}, "ownership": [{ "path": "/src/ai/", "owners": ["@ml", "ai@example.com"] }] }');
    assert.equal(added('{ "ownership": [{ "path": "/a/", "owners": "@a" }] }'), '{ "ownership": [{ "path": "/a/", "owners": "@a" }, { "path": "/src/ai/", "owners": ["@ml", "ai@example.com"] }] }');
  });

  it('writes a new file (or an empty one) whole', () => {
    const expected = '{\n  "ownership": [\n    {\n      "path": "/src/ai/",\n      "owners": [\n        "@ml",\n        "ai@example.com"\n      ]\n    }\n  ]\n}\n';
    assert.equal(added(undefined), expected);
    assert.equal(added('  \n'), expected);
  });

  it('writes names as JSON data', () => {
    const after = added('{\n  "ownership": [\n  ]\n}\n', '/we "quoted" dir/');
    assert.equal(after, '{\n  "ownership": [\n    { "path": "/we \\"quoted\\" dir/", "owners": ["@ml", "ai@example.com"] }\n  ]\n}\n');
    assert.deepEqual(parseConfig(after).config.governance.ownership.map((rule) => rule.pattern), ['/we "quoted" dir/']);
  });

  it('leaves alone a file it cannot edit safely, and says why', () => {
    const refused = (text: string) => {
      const written = withOwnershipRule(text, '/src/', ['@x']);
      return written.ok ? 'written' : written.error;
    };
    assert.match(refused('{ "ownership": [], // c\n "ownership": [] }'), /more than once/);
    assert.match(refused('{ "ownership": {} }'), /not an array/);
    assert.match(refused('{ "kpis": [ }'), /not valid JSON/);
    assert.match(refused(`{ "kpis": ${'['.repeat(100_000)} }`), /nests deeper than 64 levels/);
    assert.match(refused('[]'), /one JSON object/);
  });
});
