package io.wabiz.odoosim;

import io.wabiz.odoosim.jsonrpc.PythonJson;
import io.wabiz.odoosim.odoo.OdooServer;
import io.wabiz.odoosim.orm.Env;
import io.wabiz.odoosim.orm.Field;
import io.wabiz.odoosim.orm.FieldType;
import io.wabiz.odoosim.orm.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database in {@code <data-dir>/odoo-simulator-state.json}, written a moment after changes and read back
 * at start, so that {@code ./run-local} keeps its partners, orders and invoices across restarts.
 */
final class StateFile {

    private static final Logger log = LoggerFactory.getLogger(StateFile.class);
    private static final int FORMAT = 1;

    private final Path file;
    private long savedChanges = -1;

    StateFile(Path directory) {
        this.file = directory.resolve("odoo-simulator-state.json");
    }

    Path path() {
        return file;
    }

    /** Replaces the seeded database with the saved one, if there is one. */
    boolean restore(OdooServer server) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Map<?, ?> state;
        try {
            state = (Map<?, ?>) PythonJson.parse(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            log.warn("Could not read {} ({}): starting from the seed data", file, e.toString());
            return false;
        }
        if (!Long.valueOf(FORMAT).equals(state.get("format"))
                || !server.settings().version().serverVersion().equals(state.get("odooVersion"))) {
            log.warn("{} was written by another format or Odoo version: starting from the seed data", file);
            return false;
        }
        server.database().clear();
        Map<?, ?> models = (Map<?, ?>) state.get("models");
        long uid = server.settings().users().getFirst().uid();
        server.database().write(new Env(uid, Map.of(), List.of(1L)), tx -> {
            models.forEach((name, rows) -> {
                if (!tx.database().registry().has((String) name)) {
                    return;
                }
                for (Object row : (List<?>) rows) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    ((Map<?, ?>) row).forEach((key, value) -> values.put((String) key, decode(value)));
                    tx.insertWithId((String) name, (Long) values.get("id"), values);
                }
            });
            for (Long id : tx.ids("ir.model.fields")) {
                Map<String, Object> row = tx.row("ir.model.fields", id);
                if ("manual".equals(row.get("state")) && tx.database().registry().has((String) row.get("model"))) {
                    Model model = tx.model((String) row.get("model"));
                    FieldType type = FieldType.ofTtype((String) row.get("ttype"));
                    model.addField(new Field((String) row.get("name"), type, String.valueOf(row.get("field_description")),
                            (String) row.get("relation"), null, null, true, false, false, true));
                }
            }
            return null;
        });
        savedChanges = server.database().changes();
        log.info("Database read back from {}", file);
        return true;
    }

    /** Writes the database if it changed since the last save. */
    synchronized void saveIfChanged(OdooServer server) {
        long changes = server.database().changes();
        if (changes == savedChanges) {
            return;
        }
        String json = server.database().snapshot(models -> {
            Map<String, Object> encoded = new LinkedHashMap<>();
            models.forEach((name, rows) -> {
                List<Object> list = new ArrayList<>(rows.size());
                rows.values().forEach(row -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    row.forEach((key, value) -> values.put(key, encode(value)));
                    list.add(values);
                });
                encoded.put(name, list);
            });
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("format", FORMAT);
            state.put("odooVersion", server.settings().version().serverVersion());
            state.put("models", encoded);
            return PythonJson.write(state);
        });
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            savedChanges = changes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Object encode(Object value) {
        if (value instanceof LocalDateTime dateTime) {
            return Map.of("$datetime", dateTime.toString());
        }
        if (value instanceof LocalDate date) {
            return Map.of("$date", date.toString());
        }
        return value;
    }

    private static Object decode(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            if (map.get("$datetime") instanceof String s) {
                return LocalDateTime.parse(s);
            }
            if (map.get("$date") instanceof String s) {
                return LocalDate.parse(s);
            }
        }
        return value;
    }
}
