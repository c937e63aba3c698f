#!/usr/bin/env python3
# Shares of an async-profiler collapsed-stack profile (-e cpu -o collapsed) of a chat list by layer:
# each sample goes to the innermost frame that names a layer (JDK, native and kernel frames go to their
# caller), kernel time shown apart. Usage: profile_layers.py a.collapsed [b.collapsed ...]  (bench/README.md)
# JFR recordings: java bench/lib/JfrCollapse.java rec.jfr > rec.collapsed (JFR has no kernel frames).
import sys, collections
# innermost matching frame wins; frames that match nothing (JDK, native, kernel) are charged to the caller's layer
L = [
 ('token verification + session check', ['dev/parley/identity/AccessTokens', 'com/nimbusds', 'dev/parley/identity/CredentialCache', 'dev/parley/identity/Sessions', 'dev/parley/identity/BearerAuthentication', 'org/springframework/security/oauth2/jwt']),
 ('bearer token resolving', ['DefaultBearerTokenResolver', 'dev/parley/ai/anthropic/AnthropicAuthentication', 'BearerTokenResolver']),
 ('gateway: upstream call and relay (OkHttp, pass-through)', ['okhttp3', 'okio', 'dev/parley/ai/']),
 ('metering (usage meter and writer, its JDBC included)', ['dev/parley/analytics']),
 ('list query (JDBC, driver, mapping)', ['org/postgresql', 'com/zaxxer', 'org/springframework/jdbc', 'dev/parley/conversations/ConversationQueries']),
 ('JSON of the items', ['tools/jackson', 'com/fasterxml', 'org/springframework/http/converter/AbstractJackson', 'org/springframework/http/converter/AbstractSmartHttpMessageConverter', 'org/springframework/http/converter/AbstractHttpMessageConverter']),
 ('controller and service (+AOP proxies)', ['dev/parley/conversations', 'dev/parley/platform/Cursor', 'dev/parley/platform/PageLimit', 'org/springframework/aop', 'SpringCGLIB', 'org/springframework/dao', 'org/springframework/transaction']),
 ('access log line', ['dev/parley/platform/AccessLogFilter', 'ch/qos/logback', 'org/slf4j']),
 ('http_server_requests observation', ['org/springframework/web/filter/ServerHttpObservationFilter', 'io/micrometer', 'org/springframework/http/server/observation']),
 ('rate limits / interceptors (parley)', ['dev/parley/platform/limits', 'dev/parley/platform/StorableParameters', 'dev/parley/platform/StorableText']),
 ('Spring Security filters', ['org/springframework/security']),
 ('other servlet filters', ['dev/parley/platform/RequestIdFilter', 'dev/parley/platform/Ids', 'dev/parley/platform/RequestSizeLimitFilter', 'dev/parley/platform/TraceRefusalFilter', 'org/springframework/web/filter', 'org/apache/tomcat/websocket', 'dev/parley/console', 'dev/parley/platform']),
 ('Spring MVC', ['org/springframework/web', 'org/springframework/http', 'org/springframework/validation', 'org/springframework/core', 'org/springframework/beans', 'org/springframework/util', 'org/springframework/context', 'org/hibernate/validator', 'jakarta/validation', 'jakarta/servlet']),
 ('Tomcat (HTTP, sockets, poller)', ['org/apache/']),
 ('virtual-thread scheduling', ['java/lang/VirtualThread', 'jdk/internal/vm/Continuation', 'java/util/concurrent/ForkJoin', 'java/util/concurrent/DelayScheduler']),
]
def layer(frames):
    # the usage writer's JDBC work is metering, not a query of the request's
    if any('dev/parley/analytics' in fr for fr in frames): return 'metering (usage meter and writer, its JDBC included)'
    for fr in reversed(frames):
        for name, pats in L:
            if any(p in fr for p in pats): return name
    root = frames[0]
    if 'start_thread' in root or 'thread_native_entry' in ''.join(frames[:3]):
        s = ';'.join(frames)
        if 'Compile' in s or 'C2Compiler' in s or 'C1' in s: return 'JIT compiler'
        if 'GC' in s or 'Gen' in s or 'Serial' in s: return 'GC'
        return 'other JVM threads'
    return 'elsewhere'
def load(f):
    c = collections.Counter(); kern = collections.Counter(); tot = 0
    for line in open(f):
        stack, n = line.rsplit(' ', 1); n = int(n); tot += n
        fr = stack.split(';'); l = layer(fr); c[l] += n
        if fr[-1].endswith('_[k]'): kern[l] += n
    return c, kern, tot
files = sys.argv[1:]
data = [load(f) for f in files]
names = [n for n, _ in L] + ['JIT compiler', 'GC', 'other JVM threads', 'elsewhere']
print('| layer | ' + ' | '.join(files) + ' |')
for n in names:
    print(f'| {n} | ' + ' | '.join(f'{100*c[n]/t:.1f} % (kernel {100*k[n]/t:.1f})' for c, k, t in data) + ' |')
print('| samples | ' + ' | '.join(str(t) for _, _, t in data) + ' |')
