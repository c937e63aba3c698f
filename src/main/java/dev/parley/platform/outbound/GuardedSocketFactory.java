package dev.parley.platform.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

import javax.net.SocketFactory;

import org.jspecify.annotations.Nullable;

/**
 * Plain sockets that ask the guard before they connect, with the address actually dialled: names
 * resolved by whoever, address literals in any notation, every hop of a redirect. TLS clients
 * (OkHttp, the JDK's) layer TLS over such a connected socket, so HTTPS is covered as well.
 */
final class GuardedSocketFactory extends SocketFactory {

	private final OutboundAddressGuard guard;

	GuardedSocketFactory(OutboundAddressGuard guard) {
		this.guard = guard;
	}

	@Override
	public Socket createSocket() {
		return new GuardedSocket(guard);
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, @Nullable InetAddress localHost, int localPort) throws IOException {
		Socket socket = new GuardedSocket(guard);
		socket.bind(new InetSocketAddress(localHost, localPort));
		socket.connect(new InetSocketAddress(host, port));
		return socket;
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, @Nullable InetAddress localAddress, int localPort)
			throws IOException {
		Socket socket = new GuardedSocket(guard);
		socket.bind(new InetSocketAddress(localAddress, localPort));
		socket.connect(new InetSocketAddress(address, port));
		return socket;
	}

	private Socket connected(InetSocketAddress address) throws IOException {
		Socket socket = new GuardedSocket(guard);
		socket.connect(address);
		return socket;
	}

	private static final class GuardedSocket extends Socket {

		private final OutboundAddressGuard guard;

		GuardedSocket(OutboundAddressGuard guard) {
			this.guard = guard;
		}

		@Override
		public void connect(SocketAddress endpoint, int timeout) throws IOException {
			if (!(endpoint instanceof InetSocketAddress address)) {
				throw new IOException("Only internet addresses can be connected to");
			}
			if (address.isUnresolved()) {
				// Never left to the JDK's own resolver: the guard's resolver decides, then checks.
				InetAddress first = guard.resolve(address.getHostString()).getFirst();
				address = new InetSocketAddress(first, address.getPort());
			}
			guard.check(address.getHostString(), address.getAddress());
			super.connect(address, timeout);
		}
	}
}
