package io.wabiz.scenarioengine.web;

import io.wabiz.scenarioengine.admin.DefinitionAdmin;
import io.wabiz.scenarioengine.definitions.InvalidDefinition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Refused admin requests as RFC 9457 problems that say what was wrong; an invalid definition lists every reason. */
@RestControllerAdvice
public class ProblemHandlers extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidDefinition.class)
    ResponseEntity<ProblemDetail> invalid(InvalidDefinition e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        body.setTitle("Invalid definition");
        body.setProperty("problems", e.problems());
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(DefinitionAdmin.NotFound.class)
    ResponseEntity<ProblemDetail> notFound(DefinitionAdmin.NotFound e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        body.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
    }

    @ExceptionHandler(DefinitionAdmin.Conflict.class)
    ResponseEntity<ProblemDetail> conflict(DefinitionAdmin.Conflict e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        body.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        body.setTitle("Invalid request");
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body cannot be read: " + rootMessage(e));
        body.setTitle("Invalid request body");
        return ResponseEntity.badRequest().body(body);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int location = message.indexOf("\n at [Source");
        return location > 0 ? message.substring(0, location) : message;
    }
}
