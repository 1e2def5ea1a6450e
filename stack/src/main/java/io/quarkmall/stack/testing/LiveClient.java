package io.quarkmall.stack.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent events client for tests, reading a live stream the way a browser's would: each
 * event's id, name and data, and the comments (keep-alives) counted apart.
 */
public final class LiveClient implements AutoCloseable {

    /** One event as the stream sent it. */
    public record Event(String id, String name, String data) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int status;
    private final String contentType;
    private final String body;
    private final InputStream stream;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile int comments;

    private LiveClient(HttpResponse<InputStream> response) throws IOException {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.stream = response.body();
        if (status != 200) {
            this.body = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            return;
        }
        this.body = null;
        Thread reader = new Thread(this::read, "live-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code url} with the bearer {@code token} (none if null) and {@code lastEventId} (none if null). */
    public static LiveClient open(String url, String token, String lastEventId) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        var response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                .orTimeout(10, TimeUnit.SECONDS).join();
        return new LiveClient(response);
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** The answer's body when it was not a stream (a problem), else null. */
    public String body() {
        return body;
    }

    public int comments() {
        return comments;
    }

    /** The next event, or an AssertionError when none comes within {@code patience}. */
    public Event next(Duration patience) throws InterruptedException {
        Event event = events.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no event within " + patience);
        }
        return event;
    }

    /** The next {@code count} events, each within {@code patience} of the one before. */
    public List<Event> next(int count, Duration patience) throws InterruptedException {
        var received = new ArrayList<Event>();
        for (int i = 0; i < count; i++) {
            received.add(next(patience));
        }
        return received;
    }

    /** True if no event arrives within {@code wait}. */
    public boolean quietFor(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments++;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
