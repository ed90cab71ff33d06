package dev.hook0mcp.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The short session the build runs to make the class-data archive ({@code server/pom.xml}: {@code java
 * -XX:ArchiveClassesAtExit=target/hook0-mcp.jsa -cp target/hook0-mcp.jar dev.hook0mcp.server.TrainingRun}): the
 * real server on stdio against the in-process sandbox, driven through initialize, tools/list and a few calls, so
 * the archive holds the classes a user's start and first calls load. Not for users; prints nothing on stdout.
 */
public final class TrainingRun {

    private static final List<String> CALLS = List.of(
            "{\"name\":\"list_applications\",\"arguments\":{}}",
            "{\"name\":\"list_event_types\",\"arguments\":{}}",
            "{\"name\":\"get_token_info\",\"arguments\":{}}",
            "{\"name\":\"list_applications\",\"arguments\":{}}");

    private TrainingRun() {}

    public static void main(String[] args) throws Exception {
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
        PipedInputStream fromServer = new PipedInputStream(1 << 20);
        PrintStream serverOut = new PrintStream(new PipedOutputStream(fromServer), true, StandardCharsets.UTF_8);
        int[] status = {-1};
        Thread server = new Thread(() -> status[0] = new Launcher(Map.of(), serverIn, serverOut, System.err)
                .run(new String[] {"--sandbox"}), "training-server");
        server.start();
        BufferedReader answers = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"training\",\"version\":\"1\"}}}");
        awaitAnswer(answers, 0);
        send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        awaitAnswer(answers, 1);
        for (int i = 0; i < CALLS.size(); i++) {
            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":" + (i + 2) + ",\"method\":\"tools/call\",\"params\":"
                    + CALLS.get(i) + "}");
            awaitAnswer(answers, i + 2);
        }
        toServer.close(); // end of input: the server stops as it does when a client goes away
        server.join(30_000);
        System.exit(status[0] == 0 ? 0 : 1); // the JVM writes the archive on this exit
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void awaitAnswer(BufferedReader answers, int id) throws IOException {
        String marker = "\"id\":" + id + ",";
        for (String line = answers.readLine(); line != null; line = answers.readLine()) {
            if (line.contains(marker) || line.contains("\"id\":" + id + "}")) {
                return;
            }
        }
        throw new IOException("the training session ended before answering request " + id);
    }
}
