/** What a CLI command writes to, so commands are tested in-process. */
export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
}

export const exitCodes = {
  accepted: 0,
  refused: 1,
  invalid: 2,
  unknown: 3,
  notSent: 4,
} as const;

export const processIo: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};
