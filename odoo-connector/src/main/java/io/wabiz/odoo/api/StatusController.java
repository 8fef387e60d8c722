package io.wabiz.odoo.api;

import io.wabiz.odoo.ConnectorProperties;
import io.wabiz.odoo.commands.AppliedCommand;
import io.wabiz.odoo.commands.CommandLog;
import io.wabiz.odoo.health.ConnectorState;
import io.wabiz.odoo.health.Probe;
import io.wabiz.odoo.sync.ChangeSync;
import io.wabiz.odoo.sync.Poller;
import io.wabiz.odoo.sync.SyncedModel;
import io.wabiz.odoo.sync.Watermarks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The connector's state for staff and operators ({@code /api/odoo/**}): the link, the pause and why, the
 * watermarks, the last polls, the commands applied; an administrator resumes it or reads a model again from the
 * start.
 */
@RestController
public class StatusController {

    private final ConnectorProperties properties;
    private final ConnectorState state;
    private final Probe probe;
    private final Watermarks watermarks;
    private final Poller poller;
    private final ChangeSync sync;
    private final CommandLog commands;
    private final StartupCheck check;

    public StatusController(ConnectorProperties properties, ConnectorState state, Probe probe, Watermarks watermarks,
                            Poller poller, ChangeSync sync, CommandLog commands, StartupCheck check) {
        this.properties = properties;
        this.state = state;
        this.probe = probe;
        this.watermarks = watermarks;
        this.poller = poller;
        this.sync = sync;
        this.commands = commands;
        this.check = check;
    }

    @GetMapping("/api/odoo/status")
    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("url", properties.connection().url().toString());
        status.put("database", properties.connection().database());
        status.put("login", properties.connection().login());
        status.put("odooVersion", check.version());
        status.put("paused", state.pause());
        status.put("unreachableSince", state.unreachableSince());
        status.put("unreachableBecause", state.unreachableSince() == null ? null : state.lastUnreachable());
        status.put("missingFields", check.missingFields());
        status.put("models", sync.models().stream().map(SyncedModel::model).toList());
        status.put("watermarks", watermarks.all());
        status.put("lastPolls", poller.lastResults());
        return status;
    }

    @GetMapping("/api/odoo/commands")
    List<AppliedCommand> commands(@RequestParam(required = false) String documentId,
                                  @RequestParam(defaultValue = "50") int limit) {
        return documentId == null ? commands.recent(Math.min(500, Math.max(1, limit))) : commands.ofDocument(documentId);
    }

    /** Lifts a pause once the key or the right is fixed; refused (409) while Odoo still says no. */
    @PostMapping("/api/odoo/resume")
    ResponseEntity<Object> resume() {
        if (probe.tryResume()) {
            return ResponseEntity.ok(Map.of("paused", false));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Odoo still refuses: "
                + (state.pause() == null ? "unreachable" : state.pause().fault()));
        problem.setTitle("Still paused");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** Forgets the watermark of a model (all companies): the next poll reads it all again; only changes publish. */
    @PostMapping("/api/odoo/resync")
    Map<String, Object> resync(@RequestParam String model) {
        SyncedModel synced = SyncedModel.of(model);
        if (!sync.follows(synced)) {
            throw new IllegalArgumentException(model + " is not synced; synced models: "
                    + sync.models().stream().map(SyncedModel::model).toList());
        }
        properties.companies().forEach(company -> watermarks.reset(synced, company.id()));
        return Map.of("model", model, "watermark", "reset");
    }

    /** What the connector learnt of the Odoo database at start. */
    public interface StartupCheck {
        String version();

        Map<String, List<String>> missingFields();
    }
}
