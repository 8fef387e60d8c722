package io.wabiz.console.web;

import io.wabiz.console.api.ServiceProblem;
import io.wabiz.console.signin.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A service's refusal shown as the service said it: 403 "your role does not allow this", 404, 422 with the
 * reason, 503 when a service cannot be reached. An htmx request gets the message in the page's alert area.
 */
@ControllerAdvice
public class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    private final CurrentUser currentUser;

    public ConsoleErrors(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @ExceptionHandler(ServiceProblem.class)
    public String serviceProblem(ServiceProblem problem, HttpServletRequest request, HttpServletResponse response,
                                 Model model) {
        if (problem.status() >= 500) {
            log.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), problem.getMessage());
        }
        model.addAttribute("problem", problem);
        // exception handlers get no @ModelAttribute values: the page's header needs these
        model.addAttribute("currentUser", currentUser.viewer());
        model.addAttribute("htmxHeaders", currentUser.htmxHeaders(request));
        model.addAttribute("refreshMillis", currentUser.refreshMillis());
        response.setStatus(problem.status() == 401 ? 502 : problem.status());
        if (Htmx.isHtmx(request)) {
            // show the refusal where alerts go, whatever the request meant to replace
            response.setHeader("HX-Retarget", "#alerts");
            response.setHeader("HX-Reswap", "innerHTML");
            return "fragments/alerts :: problem";
        }
        return "error-page";
    }
}
