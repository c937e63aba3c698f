package dev.parley.platform.limits;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.parley.platform.ConditionalOnRedis;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Buckets in Redis, shared by every node: Bucket4j's compare-and-swap proxy over the Lettuce client of
 * Boot's connection factory (the platform's Redis configuration). The connection is opened on first
 * use, so a node starts while Redis is away; every call waits at most
 * {@code parley.platform.limits.redis-timeout}. A bucket's key expires once the bucket would be full
 * again, so idle buckets cost Redis nothing.
 */
@Component
@ConditionalOnRedis
final class RedisBuckets implements BucketStore {

	private final LettuceConnectionFactory connections;

	private final Duration timeout;

	private volatile @Nullable ProxyManager<byte[]> buckets;

	RedisBuckets(LettuceConnectionFactory connections, LimitsProperties properties) {
		this.connections = connections;
		this.timeout = properties.redisTimeout();
	}

	@Override
	public Bucket bucket(RateLimitPolicy policy, String key) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(policy.capacity()).refillGreedy(policy.capacity(), policy.window()))
			.build();
		return buckets().builder().build(policy.bucketKey(key).getBytes(StandardCharsets.UTF_8), () -> configuration);
	}

	private ProxyManager<byte[]> buckets() {
		ProxyManager<byte[]> opened = buckets;
		if (opened == null) {
			synchronized (this) {
				opened = buckets;
				if (opened == null) {
					opened = open();
					buckets = opened;
				}
			}
		}
		return opened;
	}

	private ProxyManager<byte[]> open() {
		ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
			.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));
		Object client = connections.getRequiredNativeClient();
		if (client instanceof RedisClusterClient cluster) {
			return Bucket4jLettuce.casBasedBuilder(cluster).requestTimeout(timeout).expirationAfterWrite(expiry).build();
		}
		return Bucket4jLettuce.casBasedBuilder((RedisClient) client)
			.requestTimeout(timeout)
			.expirationAfterWrite(expiry)
			.build();
	}
}
