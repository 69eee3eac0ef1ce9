export { main, usage, type MainOptions } from './main';
export { exitCodes, type CliCommand, type CliContext } from './command';
export { commands } from './registry';
