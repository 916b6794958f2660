/** What a hub process sends its parent over IPC once it serves. */
export const READY_MESSAGE = "hub:ready";

/**
 * Tells the process that started this one (npm start's launcher, a benchmark, a test) that it now
 * serves, over the IPC channel the parent opened: a readiness the parent does not have to read
 * from the log, whatever its format or level. The channel is then closed, so that it never keeps
 * this process alive. A process started otherwise (a shell, a container) has no channel.
 */
export function reportReady(): void {
  process.send?.(READY_MESSAGE, undefined, {}, () => {
    if (process.connected) process.disconnect();
  });
}
