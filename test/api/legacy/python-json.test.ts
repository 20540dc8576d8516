import { describe, expect, it } from 'vitest';
import { parsePythonJson, pythonJsonDumps } from '../../../src/api/legacy/python-json.js';

describe('Python json.loads / json.dumps', () => {
  it.each([
    ['[1,2]', '[1, 2]'],
    ['{"b": 1, "a": [true, false, null]}', '{"b": 1, "a": [true, false, null]}'],
    ['{"k": 1, "k": 2}', '{"k": 2}'],
    ['[1.0, 10.5e1, 1E16, 1e-5]', '[1.0, 105.0, 1e+16, 1e-05]'],
    ['[NaN, Infinity, -Infinity]', '[NaN, Infinity, -Infinity]'],
    ['"tab\\t \\u00e9 \\ud83d\\ude00 \\"q\\" \\\\ \\/"', '"tab\\t \\u00e9 \\ud83d\\ude00 \\"q\\" \\\\ /"'],
  ])('%s dumps as %s', (text, dumped) => {
    const value = parsePythonJson(text);
    expect(value).not.toBeUndefined();
    expect(pythonJsonDumps(value ?? null)).toBe(dumped);
  });

  it.each(['', '[1,]', '01', '[1] x', "['a']", '"raw\ttab"', '"\\x41"', '{1: 2}', 'nan'])('rejects %j', (text) => {
    expect(parsePythonJson(text)).toBeUndefined();
  });
});
