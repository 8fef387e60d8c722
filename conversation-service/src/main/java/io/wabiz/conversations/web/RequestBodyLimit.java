package io.wabiz.conversations.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the bodies of the staff API ({@code /api/**}): a larger declared length is refused with 413 before
 * anything is read, and a body without a length (chunked) stops being read at the cap, so a 20 MB request
 * neither fills the memory nor gets sent.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    /** Thrown by the capped stream; {@link ProblemHandlers} answers 413. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(String message) {
            super(message);
        }
    }

    private final DataSize limit;

    public RequestBodyLimit(DataSize limit) {
        this.limit = limit;
    }

    static String tooLarge(DataSize limit) {
        return "the request body is larger than " + readable(limit) + "; send less (a document by its link or media id)";
    }

    private static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + "MB";
        }
        return bytes % DataSize.ofKilobytes(1).toBytes() == 0 ? size.toKilobytes() + "KB" : bytes + "B";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit.toBytes()) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Request body too large\","
                    + "\"status\":413,\"detail\":\"" + tooLarge(limit) + "\",\"instance\":\"" + request.getRequestURI()
                    .replace("\\", "").replace("\"", "") + "\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(new Capped(request, limit), response);
    }

    /** The request with a body that cannot be read past the cap. */
    private static final class Capped extends HttpServletRequestWrapper {

        private final DataSize limit;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final DataSize limit;
        private long read;

        CappedStream(ServletInputStream in, DataSize limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit.toBytes()) {
                throw new BodyTooLarge(tooLarge(limit));
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
