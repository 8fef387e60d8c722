package io.wabiz.reminders.admin;

import io.wabiz.reminders.run.DailyRuns;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The admin API's errors as RFC 9457 problem details, made here at the web edge. */
@RestControllerAdvice
public class AdminProblems {

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad request");
        return problem;
    }

    @ExceptionHandler(DailyRuns.QuietHoursException.class)
    ProblemDetail quietHours(DailyRuns.QuietHoursException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Quiet hours");
        return problem;
    }
}
