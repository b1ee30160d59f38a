package io.downhill.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A load generator that costs the machine almost nothing: one thread and one selector send every
 * request at once over its own connection and only watch the bytes come back. On a 2-core machine
 * the server shares its cores with the generator, and a full HTTP client (a few milliseconds of CPU
 * per stream) would measure itself rather than the server.
 *
 * <p>Connections stay open after their response, as a browser keeps them, and are closed only once
 * every response is in. A response ends after its {@code Content-Length} bytes, or at the last
 * chunk; the first frame is the first {@code event: frame} line. Like a browser, it accepts gzip;
 * a compressed stream's first frame is taken to be its first body bytes (our streams begin with a
 * frame, and each piece is flushed whole), so nothing needs inflating.
 */
final class LightClient {
    private static final byte[] FRAME = "event: frame".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_CHUNK = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Times from the moment its connection was opened, in milliseconds; -1 when never seen. */
    record Result(int status, double first, double done) {}

    private LightClient() {}

    /**
     * Sends every path (with its query) to host:port at once and waits at most timeoutMillis for
     * all; runs {@code answered} when they are in, before closing the connections.
     */
    static List<Result> fetchAll(String host, int port, List<String> paths, long timeoutMillis, Runnable answered) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        List<Exchange> exchanges = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            for (String path : paths) {
                Exchange exchange = new Exchange(request(host, port, path), System.nanoTime());
                exchanges.add(exchange);
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.connect(address);
                channel.register(selector, SelectionKey.OP_CONNECT, exchange);
            }
            ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
            int open = paths.size();
            while (open > 0 && System.nanoTime() < deadline) {
                selector.select(200);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (step(key, in)) {
                        open--;
                    }
                }
                selector.selectedKeys().clear();
            }
            answered.run();
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
        }
        return exchanges.stream().map(Exchange::result).toList();
    }

    /** Moves one connection on; true when its exchange has ended (answered or failed). */
    private static boolean step(SelectionKey key, ByteBuffer in) {
        Exchange exchange = (Exchange) key.attachment();
        SocketChannel channel = (SocketChannel) key.channel();
        try {
            if (key.isConnectable()) {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_WRITE);
            } else if (key.isWritable()) {
                channel.write(exchange.request);
                if (!exchange.request.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            } else if (key.isReadable()) {
                in.clear();
                int read = channel.read(in);
                if (read < 0) {
                    exchange.done = System.nanoTime();
                    channel.close();
                    return true;
                }
                in.flip();
                exchange.see(in);
                if (exchange.done >= 0) {
                    key.interestOps(0);
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            exchange.status = -1;
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failed
            }
            return true;
        }
    }

    private static ByteBuffer request(String host, int port, String path) {
        String text = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nAccept: text/event-stream, text/html, */*\r\nAccept-Encoding: gzip\r\n\r\n";
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** One request's progress: the status line and the first frame, found as bytes arrive. */
    private static final class Exchange {
        final ByteBuffer request;
        final long opened;
        final StringBuilder head = new StringBuilder();
        int status;
        long first = -1;
        long done = -1;
        /** The body's declared length; -1 for a chunked body, read to its last chunk. */
        long length = -1;
        long bodyRead;
        boolean inBody;
        boolean gzipped;
        /** How much of "event: frame" the bytes seen so far end with, so a frame split across reads is found. */
        int matched;
        int matchedEnd;

        Exchange(ByteBuffer request, long opened) {
            this.request = request;
            this.opened = opened;
        }

        void see(ByteBuffer bytes) {
            while (bytes.hasRemaining() && done < 0) {
                byte b = bytes.get();
                if (!inBody) {
                    readHead((char) b);
                    continue;
                }
                bodyRead++;
                if (first < 0 && gzipped) {
                    first = System.nanoTime();
                } else if (first < 0) {
                    matched = b == FRAME[matched] ? matched + 1 : (b == FRAME[0] ? 1 : 0);
                    if (matched == FRAME.length) {
                        first = System.nanoTime();
                    }
                }
                matchedEnd = b == LAST_CHUNK[matchedEnd] ? matchedEnd + 1 : (b == LAST_CHUNK[0] ? 1 : 0);
                if (length >= 0 ? bodyRead == length : matchedEnd == LAST_CHUNK.length) {
                    done = System.nanoTime();
                }
            }
        }

        private void readHead(char c) {
            head.append(c);
            if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                String[] lines = head.toString().split("\r\n");
                status = Integer.parseInt(lines[0].split(" ")[1]);
                for (String line : lines) {
                    if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        length = Long.parseLong(line.substring(15).strip());
                    }
                    gzipped |= line.equalsIgnoreCase("Content-Encoding: gzip");
                }
                inBody = true;
                // a chunked body starts with its first size line, not with the CRLF the end pattern expects
                matchedEnd = 2;
                if (length == 0) {
                    done = System.nanoTime();
                }
            }
        }

        Result result() {
            return new Result(status, first < 0 ? -1 : (first - opened) / 1e6, done < 0 || status < 0 ? -1 : (done - opened) / 1e6);
        }
    }
}
