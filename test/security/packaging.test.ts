import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { expect, it } from 'vitest';

interface BuilderConfig {
  readonly publish: unknown;
  readonly win: { readonly target: readonly { readonly target: string }[] };
  readonly electronFuses: Readonly<Record<string, boolean>>;
}

it('packages an offline NSIS installer with runAsNode and command-line inspection fused off', async () => {
  const config = parse(await readFile('electron-builder.yml', 'utf8')) as BuilderConfig;
  expect(config.win.target.map((target) => target.target)).toEqual(['nsis']);
  expect(config.publish).toBeNull();
  expect(config.electronFuses).toMatchObject({
    runAsNode: false,
    enableNodeCliInspectArguments: false,
    enableNodeOptionsEnvironmentVariable: false,
    onlyLoadAppFromAsar: true,
    // The renderer comes from the wdt-desk:// scheme, so file:// needs no extra privileges.
    grantFileProtocolExtraPrivileges: false,
  });
});

it('uses option names electron-builder knows, so no fuse is silently ignored', async () => {
  const config = parse(await readFile('electron-builder.yml', 'utf8')) as BuilderConfig;
  const scheme = JSON.parse(await readFile('node_modules/app-builder-lib/scheme.json', 'utf8')) as {
    definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
  };
  const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
  expect(Object.keys(config.electronFuses).filter((name) => !known.includes(name))).toEqual([]);
});
