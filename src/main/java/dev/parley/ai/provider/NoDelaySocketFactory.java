package dev.parley.ai.provider;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;

import javax.net.SocketFactory;

import org.jspecify.annotations.Nullable;

/**
 * The sockets of another factory, with Nagle's algorithm off ({@code TCP_NODELAY}): a request is
 * sent as it is written. With it on, a request body larger than one write (a chat turn's prompt
 * history of some kilobytes) held its last piece back until the server acknowledged the ones before,
 * and servers delay that acknowledgement by up to 40 ms while they wait for the rest of the request:
 * 40 ms on the first token of every long chat's turn over a reused connection (bench/README.md,
 * "Issue 10's targets, 2 December evening").
 */
final class NoDelaySocketFactory extends SocketFactory {

	private final SocketFactory sockets;

	NoDelaySocketFactory(SocketFactory sockets) {
		this.sockets = sockets;
	}

	@Override
	public Socket createSocket() throws IOException {
		return noDelay(sockets.createSocket());
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return noDelay(sockets.createSocket(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, @Nullable InetAddress localHost, int localPort) throws IOException {
		return noDelay(sockets.createSocket(host, port, localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return noDelay(sockets.createSocket(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, @Nullable InetAddress localAddress, int localPort)
			throws IOException {
		return noDelay(sockets.createSocket(address, port, localAddress, localPort));
	}

	private static Socket noDelay(Socket socket) throws SocketException {
		socket.setTcpNoDelay(true);
		return socket;
	}
}
