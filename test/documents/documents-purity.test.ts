import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Document content is built in the pure domain (STYLE.md §1): it runs unchanged in the browser. */
const folder = new URL('../../src/domain/documents/', import.meta.url);
const files = readdirSync(folder).filter((name) => name.endsWith('.ts'));

describe('src/domain/documents is pure', () => {
  it.each(files)('%s imports no Node module, reads no clock, touches no outer layer', (name) => {
    const source = readFileSync(new URL(name, folder), 'utf8');
    expect(source).not.toMatch(/from ['"]node:|require\(|process\.|Date\.now\(|new Date\(\)/);
    expect(source).not.toMatch(/from ['"](\.\.\/)+(server|db|cli|mail|scan|documents)\//);
    expect(source).not.toMatch(/GIODO/);
  });
});
