import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The domain core runs unchanged in the browser and takes time as an argument (STYLE.md §1): no Node modules,
 * no I/O, no clock, no imports from the outer layers.
 */
const folder = new URL('../../src/domain/', import.meta.url);
const files = readdirSync(folder).filter((name) => name.endsWith('.ts'));

describe('src/domain is pure', () => {
  it.each(files)('%s imports no Node module, reads no clock, touches no outer layer', (name) => {
    const source = readFileSync(new URL(name, folder), 'utf8');
    expect(source).not.toMatch(/from ['"]node:|require\(|process\.|Date\.now\(|new Date\(\)/);
    expect(source).not.toMatch(/from ['"]\.\.\/(server|db|cli|mail|scan|documents)\//);
  });
});
