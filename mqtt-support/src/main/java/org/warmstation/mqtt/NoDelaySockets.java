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
        return new Plain(SocketFactory.getDefault());
    }

    /**
     * @param tls a TLS socket factory (e.g. {@link TlsSockets#pinned})
     * @return the same factory, its sockets with {@code TCP_NODELAY}; still an {@link SSLSocketFactory},
     *         as Paho requires for {@code ssl://}
     */
    public static SSLSocketFactory tls(SSLSocketFactory tls) {
        return new Tls(tls);
    }

    private static Socket noDelay(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        return s;
    }

    private static final class Plain extends SocketFactory {
        private final SocketFactory inner;

        Plain(SocketFactory inner) {
            this.inner = Objects.requireNonNull(inner, "inner");
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(inner.createSocket());
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
