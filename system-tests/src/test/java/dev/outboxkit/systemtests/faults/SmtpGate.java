package dev.outboxkit.systemtests.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP gate between the services and the SMTP server. Shut, it refuses new connections and resets the
 * open ones, which is what a client sees of a stopped mail server; the server itself, and the messages
 * it already holds, stay as they were, so the suite can still compare every email ever accepted with the
 * ledger. (The real GreenMail process is stopped and restarted by notification-service's SmtpOutageTest.)
 */
final class SmtpGate implements AutoCloseable {

    private final InetSocketAddress server;
    private final int port;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    private SmtpGate(InetSocketAddress server, int port) {
        this.server = server;
        this.port = port;
    }

    /** An open gate on a free local port, forwarding to {@code host:serverPort}. */
    static SmtpGate open(String host, int serverPort) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        SmtpGate gate = new SmtpGate(new InetSocketAddress(host, serverPort), port);
        gate.reopen();
        return gate;
    }

    int port() {
        return port;
    }

    synchronized void reopen() throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = socket;
        Thread.ofVirtual().name("smtp-gate-accept").start(() -> accept(socket));
    }

    /** Refuses new connections from now on and cuts every open one. */
    synchronized void shut() {
        ServerSocket socket = listener;
        listener = null;
        closeQuietly(socket);
        for (Socket connection : connections) {
            reset(connection);
        }
        connections.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket();
                try {
                    upstream.connect(server, 5_000);
                } catch (IOException serverDown) {
                    reset(client);
                    continue;
                }
                connections.add(client);
                connections.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException connectionGone) {
            // the other direction notices and ends too
        } finally {
            connections.remove(from);
            connections.remove(to);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Closes with an RST rather than a FIN, as a killed server's kernel would. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // closing anyway
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        shut();
    }
}
