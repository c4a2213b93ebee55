import type { Command } from 'commander';
import type { Environment } from './environment.ts';
import type { Output } from './output.ts';

/**
 * Each command module adds itself to the program; actions may be async and throw a ParleyError.
 * Its own module, so that commands need not import main.ts, which imports them.
 */
export type CommandRegistrar = (program: Command, output: Output, environment: Environment) => void;
