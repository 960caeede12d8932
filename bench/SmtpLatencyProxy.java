// Part of bench/Bench.java (the source launcher compiles the files of this directory together).

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of an SMTP server that makes it as slow as a real one: the server's reply to the end of
 * each message's DATA (the client's CRLF.CRLF) is held back SMTP_PROXY_DELAY_MS, the time a real server takes to
 * accept a message (queueing, spam and virus checks, fsync). Every other reply passes at once. Used by
 * bench/mail-rate to see how the email rate scales with the server's latency and the number of senders.
 */
final class SmtpLatencyProxy {

    private static final byte[] END_OF_DATA = { '\r', '\n', '.', '\r', '\n' };

    static void run() throws Exception {
        int listen = Integer.parseInt(Bench.env("SMTP_PROXY_PORT"));
        String target = Bench.env("SMTP_TARGET_HOST", "127.0.0.1");
        int targetPort = Integer.parseInt(Bench.env("SMTP_TARGET_PORT"));
        long delayMs = Long.parseLong(Bench.env("SMTP_PROXY_DELAY_MS", "0"));
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listen));
            System.out.printf("smtp proxy: 127.0.0.1:%d -> %s:%d, %d ms per message%n", listen, target, targetPort, delayMs);
            while (true) {
                Socket client = server.accept();
                Socket upstream = new Socket(target, targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                AtomicInteger messagesEnded = new AtomicInteger();
                Thread.ofVirtual().start(() -> clientToServer(client, upstream, messagesEnded));
                Thread.ofVirtual().start(() -> serverToClient(upstream, client, messagesEnded, delayMs));
            }
        }
    }

    /** Counts the messages whose DATA ended; the pattern may straddle two reads. */
    private static void clientToServer(Socket client, Socket upstream, AtomicInteger messagesEnded) {
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            byte[] buf = new byte[16384];
            int matched = 0;
            for (int n; (n = in.read(buf)) > 0;) {
                for (int i = 0; i < n; i++) {
                    matched = buf[i] == END_OF_DATA[matched] ? matched + 1 : (buf[i] == END_OF_DATA[0] ? 1 : 0);
                    if (matched == END_OF_DATA.length) {
                        messagesEnded.incrementAndGet();
                        matched = 0;
                    }
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the connection ended
        } finally {
            close(client, upstream);
        }
    }

    /** GreenMail does not pipeline, so the reply that follows an ended DATA is the one to hold back. */
    private static void serverToClient(Socket upstream, Socket client, AtomicInteger messagesEnded, long delayMs) {
        try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
            byte[] buf = new byte[16384];
            for (int n; (n = in.read(buf)) > 0;) {
                if (messagesEnded.get() > 0) {
                    messagesEnded.decrementAndGet();
                    Thread.sleep(delayMs);
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the connection ended
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(client, upstream);
        }
    }

    private static void close(Socket a, Socket b) {
        try {
            a.close();
        } catch (IOException ignored) {
            // already closed
        }
        try {
            b.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
