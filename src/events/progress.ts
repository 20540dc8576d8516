/** How long work reports how far it got; the CLI draws it as a bar on a terminal. */
export interface Progress {
  start(phase: string, total: number): void;
  advance(count?: number): void;
  finish(): void;
}

export const silentProgress: Progress = {
  start: () => undefined,
  advance: () => undefined,
  finish: () => undefined,
};
