package org.warmstation.mqtt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** Nagle off on the sockets Paho gets (decision 0240); a plain socket has it on, as the control. */
class NoDelaySocketsTest {
    @Test
    void plainSocketsHaveNagleOffBeforeAndAfterConnecting() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket control = SocketFactory.getDefault().createSocket();
             Socket s = NoDelaySockets.plain().createSocket()) {
            assertFalse(control.getTcpNoDelay(), "the JDK's default keeps Nagle on");
            assertTrue(s.getTcpNoDelay());
            s.connect(server.getLocalSocketAddress(), 2000); // as Paho's TCPNetworkModule does
            assertTrue(s.getTcpNoDelay());
        }
    }

    @Test
    void decoratedFactoryAppliesItsSetupToEverySocket() throws Exception {
        java.util.List<Socket> seen = new java.util.ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket a = NoDelaySockets.decorated(SocketFactory.getDefault(), seen::add).createSocket();
             Socket b = NoDelaySockets.decorated(SocketFactory.getDefault(), seen::add)
                     .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertTrue(seen.contains(a) && seen.contains(b), "both kept: " + seen.size());
        }
    }

    @Test
    void tlsFactoryStaysAnSslSocketFactoryWithNagleOff() throws Exception {
        var tls = NoDelaySockets.tls(SSLContext.getDefault().getSocketFactory());

        try (Socket s = tls.createSocket()) {
            assertInstanceOf(SSLSocket.class, s, "Paho's ssl:// module casts to SSLSocket");
            assertTrue(s.getTcpNoDelay());
        }
    }
}
