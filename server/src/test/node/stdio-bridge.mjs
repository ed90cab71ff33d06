// The stdio of a server running in the test JVM (SocketStdioServer): this process relays its stdin to the
// loopback port argv[2] and what comes back to its stdout, and ends when the server's output ends. The TypeScript
// SDK's StdioClientTransport starts it as it would start `java -jar hook0-mcp.jar`.
import { connect } from 'node:net';

const socket = connect(Number(process.argv[2]), '127.0.0.1');
socket.on('error', (e) => {
  console.error(`stdio-bridge: ${e.message}`);
  process.exit(1);
});
process.stdin.pipe(socket); // the end of stdin half-closes the connection: the server's stdin ends
socket.pipe(process.stdout);
socket.on('close', () => process.exit(0));
