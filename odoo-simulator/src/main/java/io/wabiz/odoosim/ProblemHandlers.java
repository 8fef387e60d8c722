package io.wabiz.odoosim;

import io.wabiz.odoosim.orm.OdooError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The simulator's own endpoints answer RFC 9457 problem details; Odoo's refusals keep Odoo's words. */
@RestControllerAdvice
class ProblemHandlers {

    @ExceptionHandler(OdooError.class)
    ProblemDetail odooRefused(OdooError e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Odoo refused");
        problem.setProperty("odooError", e.pythonClass());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad request");
        return problem;
    }

    @ExceptionHandler(io.wabiz.odoosim.page.NotFoundException.class)
    ProblemDetail notFound(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }
}
