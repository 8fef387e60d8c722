package io.wabiz.conversations.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refuses a query parameter the endpoint does not read ({@code ?unred=true}), naming it and the ones it reads: a
 * misspelt filter would otherwise be ignored and the answer look like a real, unfiltered result.
 */
public class KnownQueryParameters implements HandlerInterceptor {

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null) {
            return true;
        }
        Set<String> reads = known.computeIfAbsent(method.getMethod(), m -> parametersOf(method));
        // the query string's names only: a body is never read here
        Set<String> unknown = UriComponentsBuilder.newInstance().query(request.getQueryString()).build()
                .getQueryParams().keySet().stream().map(name -> URLDecoder.decode(name, StandardCharsets.UTF_8))
                .collect(Collectors.toCollection(TreeSet::new));
        unknown.removeAll(reads);
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("unknown query parameter" + (unknown.size() == 1 ? " " : "s ")
                    + unknown.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))
                    + (reads.isEmpty() ? "; this endpoint reads none" : "; known: " + String.join(", ", reads)));
        }
        return true;
    }

    private static Set<String> parametersOf(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestParam.class))
                .map(KnownQueryParameters::nameOf)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String nameOf(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        return annotation != null && !annotation.name().isEmpty() ? annotation.name()
                : parameter.getParameter().getName();
    }
}
