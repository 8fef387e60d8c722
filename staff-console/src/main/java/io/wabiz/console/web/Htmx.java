package io.wabiz.console.web;

import jakarta.servlet.http.HttpServletRequest;

/** How a page tells an htmx request (a fragment is wanted) from a plain one (the whole page). */
public final class Htmx {

    public static final String REQUEST = "HX-Request";

    private Htmx() {
    }

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader(REQUEST));
    }
}
