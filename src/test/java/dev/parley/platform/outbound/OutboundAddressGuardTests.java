package dev.parley.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundAddressGuardTests {

	private final OutboundAddressGuard guard = OutboundAddressGuard.standard();

	@ParameterizedTest(name = "{0} is refused: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			0.0.0.0                    | this network (unspecified)
			0.1.2.3                    | this network (unspecified)
			10.0.0.1                   | private network
			100.64.0.1                 | carrier-grade NAT
			100.127.255.254            | carrier-grade NAT
			127.0.0.1                  | loopback
			127.255.255.254            | loopback
			169.254.169.254            | link-local (cloud metadata)
			172.16.0.1                 | private network
			172.31.255.255             | private network
			192.0.0.8                  | IETF protocol assignments
			192.0.2.1                  | documentation
			192.168.1.1                | private network
			198.18.0.1                 | benchmarking
			198.19.255.255             | benchmarking
			224.0.0.1                  | multicast
			239.255.255.250            | multicast
			240.0.0.1                  | reserved and broadcast
			255.255.255.255            | reserved and broadcast
			::                         | unspecified
			::1                        | loopback
			fe80::1                    | link-local
			febf:ffff::1               | link-local
			fec0::1                    | site-local
			fc00::1                    | unique local (private network)
			fd12:3456::1               | unique local (private network)
			ff02::1                    | multicast
			::ffff:127.0.0.1           | loopback
			::ffff:169.254.169.254     | link-local (cloud metadata)
			::ffff:10.0.0.1            | private network
			::127.0.0.1                | loopback, inside an IPv6 address
			64:ff9b::a9fe:a9fe         | link-local (cloud metadata), inside an IPv6 address
			64:ff9b:1::1               | local-use NAT64
			2002:7f00:1::1             | loopback, inside an IPv6 address
			2002:c0a8:101::1           | private network, inside an IPv6 address
			""")
	void refusesThisMachinePrivateLinkLocalAndReservedAddresses(String address, String reason) throws Exception {
		AddressPolicy policy = new AddressPolicy(false, List.of());

		assertThat(policy.refusal(InetAddress.getByName(address))).contains(reason);
		assertThatThrownBy(() -> guard.check(address, InetAddress.getByName(address)))
			.isInstanceOf(OutboundAddressRefused.class)
			.hasMessageNotContaining(reason);
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0",
			"192.169.0.1", "198.17.255.255", "198.20.0.0", "223.255.255.255", "2001:4860:4860::8888",
			"2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1" })
	void allowsPublicAddresses(String address) throws Exception {
		assertThat(new AddressPolicy(false, List.of()).refusal(InetAddress.getByName(address))).isEmpty();
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2130706433             | 127.0.0.1
			0x7f000001             | 127.0.0.1
			0X7F.1                 | 127.0.0.1
			0x7f.0.0.1             | 127.0.0.1
			017700000001           | 127.0.0.1
			0177.0.0.1             | 127.0.0.1
			127.1                  | 127.0.0.1
			127.0.1                | 127.0.0.1
			127.0.0.1.             | 127.0.0.1
			0                      | 0.0.0.0
			[::ffff:127.0.0.1]     | 127.0.0.1
			[::ffff:7f00:1]        | 127.0.0.1
			[0:0:0:0:0:ffff:7f00:1] | 127.0.0.1
			[fe80::1%25eth0]       | fe80:0:0:0:0:0:0:1
			""")
	void readsAddressLiteralsInEveryNotationAResolverAccepts(String host, String address) {
		assertThat(AddressLiterals.parse(host)).map(InetAddress::getHostAddress).contains(address);
		assertThat(guard.refusesOnSight(host)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "api.openai.com", "8.8.8.8.example.com", "1.2.3.4.5", "0x7g.1", "08.0.0.1", "256.1.1.1",
			"1.2.3.4294967296", "127.0.0.1.nip.io", "" })
	void takesOtherHostsForNames(String host) {
		assertThat(AddressLiterals.parse(host)).isEmpty();
	}

	@Test
	void refusesLocalhostOnSightButJudgesOtherNamesWhenConnecting() {
		assertThat(guard.refusesOnSight("localhost")).isTrue();
		assertThat(guard.refusesOnSight("Admin.LOCALHOST.")).isTrue();
		assertThat(guard.refusesOnSight("canary.example")).isFalse();
		assertThat(guard.refusesOnSight("8.8.8.8")).isFalse();
	}

	@Test
	void refusesANameWhenAnyOfItsAddressesIsRefused() throws Exception {
		InetAddress publicAddress = InetAddress.getByName("8.8.8.8");
		InetAddress metadata = InetAddress.getByName("169.254.169.254");
		OutboundAddressGuard resolving = OutboundAddressGuard.of(false, List.of(),
				host -> List.of(publicAddress, metadata));

		assertThatThrownBy(() -> resolving.resolve("mixed.example")).isInstanceOf(OutboundAddressRefused.class)
			.hasMessage("mixed.example: connection refused by the outbound address guard");
		assertThat(OutboundAddressGuard.of(false, List.of(), host -> List.of(publicAddress)).resolve("public.example"))
			.containsExactly(publicAddress);
		assertThatThrownBy(() -> resolving.resolve("2130706433")).isInstanceOf(OutboundAddressRefused.class);
	}

	@Test
	void allowsWhatTheOperatorAllows() throws Exception {
		OutboundAddressGuard office = OutboundAddressGuard.of(false, List.of("10.20.0.0/16", "::1"), HostResolver.SYSTEM);
		OutboundAddressGuard development = OutboundAddressGuard.of(true, List.of(), HostResolver.SYSTEM);

		office.check("llm.office", InetAddress.getByName("10.20.3.4"));
		office.check("llm.office", InetAddress.getByName("::ffff:10.20.3.4"));
		office.check("localhost", InetAddress.getByName("::1"));
		assertThatThrownBy(() -> office.check("other", InetAddress.getByName("10.21.0.1")))
			.isInstanceOf(OutboundAddressRefused.class);
		assertThatThrownBy(() -> office.check("other", InetAddress.getByName("127.0.0.1")))
			.isInstanceOf(OutboundAddressRefused.class);
		development.check("localhost", InetAddress.getByName("127.0.0.1"));
		assertThat(development.refusesOnSight("localhost")).isFalse();
		assertThatThrownBy(() -> OutboundAddressGuard.of(false, List.of("10.0.0.0/33"), HostResolver.SYSTEM))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OutboundAddressGuard.of(false, List.of("office.example"), HostResolver.SYSTEM))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void itsSocketsRefuseToConnectToARefusedAddressWhateverResolvedIt() throws Exception {
		AtomicInteger accepted = new AtomicInteger();
		try (ServerSocket canary = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread.ofVirtual().start(() -> {
				try (Socket ignored = canary.accept()) {
					accepted.incrementAndGet();
				}
				catch (IOException ex) {
					// closed at the end of the test
				}
			});
			int port = canary.getLocalPort();
			OutboundAddressGuard byName = OutboundAddressGuard.of(false, List.of(),
					host -> List.of(InetAddress.getLoopbackAddress()));

			assertThatThrownBy(() -> guard.socketFactory().createSocket().connect(new InetSocketAddress("127.0.0.1", port)))
				.isInstanceOf(OutboundAddressRefused.class);
			assertThatThrownBy(() -> guard.socketFactory().createSocket(InetAddress.getByName("::ffff:127.0.0.1"), port))
				.isInstanceOf(OutboundAddressRefused.class);
			assertThatThrownBy(() -> byName.socketFactory()
				.createSocket()
				.connect(InetSocketAddress.createUnresolved("canary.example", port), 1000))
				.isInstanceOf(OutboundAddressRefused.class);
			assertThat(accepted).hasValue(0);

			OutboundAddressGuard allowing = OutboundAddressGuard.of(false, List.of("127.0.0.1"), HostResolver.SYSTEM);
			try (Socket socket = allowing.socketFactory().createSocket("127.0.0.1", port)) {
				assertThat(socket.isConnected()).isTrue();
			}
		}
	}

	@Test
	void aNameWithoutAddressesIsUnknown() {
		OutboundAddressGuard empty = OutboundAddressGuard.of(false, List.of(), host -> List.of());

		assertThatThrownBy(() -> empty.resolve("nothing.example")).isInstanceOf(UnknownHostException.class)
			.isNotInstanceOf(OutboundAddressRefused.class);
	}
}
