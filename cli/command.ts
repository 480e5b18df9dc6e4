export type Command = {
  usage: string;
  run(flags: Record<string, string | true>): Promise<unknown>;
};
