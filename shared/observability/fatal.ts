/**
 * A process of the hub that cannot start says why in one line and exits 1: a port already taken
 * names the port and the variable that moves it; anything else its message, never a stack trace.
 */
export function exitOnStartFailure(service: string, portVariables: string): (error: unknown) => never {
  return (error) => {
    const { code, port, address, message } = error as { code?: string; port?: number; address?: string; message?: string };
    const reason =
      code === "EADDRINUSE" ? `port ${port} on ${address} is already in use (set ${portVariables} to move it)` : (message ?? String(error));
    console.error(`${service} could not start: ${reason}`);
    process.exit(1);
  };
}
