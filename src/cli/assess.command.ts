import type { Command } from 'commander';
import type { CliIo } from './cli-io.ts';

export function registerAssessCommand(program: Command, _io: CliIo): void {
  program.command('assess').description('placeholder');
}
