#!/usr/bin/env python3
# Shares of a collapsed-stack profile charged to the innermost of a list of marker frames (each servlet
# filter, the MVC steps, the gateway and chat-list layers), with each marker's inclusive share: which filter
# or step costs what by itself. Usage: profile_markers.py a.collapsed (bench/README.md, "Framework CPU per request")
# charge each sample to the innermost "marker" frame (a class name substring); inclusive shares also printed
import sys, collections
M = ['AccessLogFilter','RequestIdFilter','ServerHttpObservationFilter','RequestSizeLimitFilter','CharacterEncodingFilter','FormContentFilter','RequestContextFilter',
 'DisableEncodeUrlFilter','WebAsyncManagerIntegrationFilter','SecurityContextHolderFilter','HeaderWriterFilter','TraceRefusalFilter','CorsFilter',
 'BearerTokenAuthenticationFilter','SecurityContextHolderAwareRequestFilter','AnonymousAuthenticationFilter','ExceptionTranslationFilter','AuthorizationFilter',
 'FilterChainProxy','HttpFirewall','StrictHttpFirewall','ErrorPageSecurityFilter',
 'DispatcherServlet.doDispatch','AbstractHandlerMethodMapping.getHandlerInternal','AbstractHandlerMapping.getHandler','HandlerExecutionChain.applyPreHandle','HandlerExecutionChain',
 'InvocableHandlerMethod.getMethodArgumentValues','RequestResponseBodyMethodProcessor','AuthenticationPrincipalArgumentResolver','RequestHeaderMethodArgumentResolver',
 'ServletInvocableHandlerMethod.invokeAndHandle','HandlerMethodReturnValueHandlerComposite','ContentNegotiat',
 'ChatCompletionsController','PassThroughCompletions','OpenAiUpstream','okhttp3','UsageMeter','UsageRecordWriter','dev/parley/analytics',
 'ChatController','ConversationQueries','org/postgresql','com/zaxxer','tools/jackson',
 'logback','org/slf4j','io/micrometer',
 'org/apache/coyote','org/apache/tomcat/util/net','org/apache/catalina','VirtualThread','ForkJoin','jdk/internal/vm/Continuation']
f=sys.argv[1]; inner=collections.Counter(); incl=collections.Counter(); tot=0
for line in open(f):
    stack,n=line.rsplit(' ',1); n=int(n); tot+=n; fr=stack.split(';')
    seen=set()
    for x in fr:
        for m in M:
            if m in x: seen.add(m)
    for m in seen: incl[m]+=n
    lab='(none)'
    for x in reversed(fr):
        hit=[m for m in M if m in x]
        if hit: lab=hit[0]; break
    inner[lab]+=n
print('samples',tot)
print('%-50s %7s %7s'%('marker','innermost','inclusive'))
for m in M+['(none)']:
    if inner[m] or incl[m]: print('%-50s %6.1f%% %6.1f%%'%(m,100*inner[m]/tot,100*incl[m]/tot))
