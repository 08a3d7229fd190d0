package org.warmstation.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Objects;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Socket factories for Eclipse Paho whose sockets have {@code TCP_NODELAY} set (Nagle's algorithm
 * off, RFC 896). Paho sets no socket option itself, so a small publish or PUBACK written while an
 * earlier segment awaits its TCP ack waits for that ack, which the peer may delay up to 40 ms
 * (Linux delayed ACK): with a window of batches awaiting the district's ack, that delay, not CPU,
 * set the drain rate (decision 0240). Paho writes each MQTT packet in one flush, so turning Nagle
 * off does not split packets into more segments. Factories are immutable; their methods block as
 * the wrapped factory's do.
 */
public final class NoDelaySockets {
    private NoDelaySockets() {
    }

    /** @return plain TCP sockets with {@code TCP_NODELAY}, for {@code tcp://} brokers */
    public static SocketFactory plain() {
        return decorated(SocketFactory.getDefault(), s -> s.setTcpNoDelay(true));
    }

    /**
     * @param tls a TLS socket factory (e.g. {@link TlsSockets#pinned})
     * @return the same factory, its sockets with {@code TCP_NODELAY}; still an {@link SSLSocketFactory},
     *         as Paho requires for {@code ssl://}
     */
    public static SSLSocketFactory tls(SSLSocketFactory tls) {
        return new Tls(tls);
    }

    /** Something done to each socket a factory creates, before it is returned. */
    @FunctionalInterface
    public interface SocketSetup {
        /**
         * @param socket the new socket (connected or not, as the factory method made it)
         * @throws IOException when a socket option cannot be set
         */
        void apply(Socket socket) throws IOException;
    }

    /**
     * A plain socket factory that applies {@code setup} to every socket {@code inner} creates (for
     * {@code tcp://}; not for TLS, which Paho requires to be an {@link SSLSocketFactory}).
     *
     * @param inner the factory that creates the sockets
     * @param setup applied to each
     * @return the decorated factory
     */
    public static SocketFactory decorated(SocketFactory inner, SocketSetup setup) {
        return new Plain(inner, setup);
    }

    private static Socket noDelay(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        return s;
    }

    private static final class Plain extends SocketFactory {
        private final SocketFactory inner;
        private final SocketSetup setup;

        Plain(SocketFactory inner, SocketSetup setup) {
            this.inner = Objects.requireNonNull(inner, "inner");
            this.setup = Objects.requireNonNull(setup, "setup");
        }

        private Socket set(Socket s) throws IOException {
            setup.apply(s);
            return s;
        }

        @Override
        public Socket createSocket() throws IOException {
            return set(inner.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return set(inner.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return set(inner.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return set(inner.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return set(inner.createSocket(address, port, localAddress, localPort));
        }
    }

    private static final class Tls extends SSLSocketFactory {
        private final SSLSocketFactory inner;

        Tls(SSLSocketFactory inner) {
            this.inner = Objects.requireNonNull(inner, "inner");
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return inner.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return inner.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(inner.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return noDelay(inner.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(inner.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(inner.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(inner.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(inner.createSocket(address, port, localAddress, localPort));
        }
    }
}
