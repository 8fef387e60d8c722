package io.wabiz.localstack;

import io.wabiz.localstack.services.StackService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The ports of the stack: the fixed local ones, or free ones for a test run beside a running stack. */
public record StackPorts(int kafka, int kafkaController, int mongo, Map<StackService, Integer> services) {

    public StackPorts {
        services = Map.copyOf(services);
    }

    public static StackPorts defaults() {
        Map<StackService, Integer> services = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            services.put(service, service.defaultPort());
        }
        return new StackPorts(29092, 29093, 27027, services);
    }

    /** Ports the OS reports free right now. */
    public static StackPorts free() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            Map<StackService, Integer> services = new EnumMap<>(StackService.class);
            for (StackService service : StackService.values()) {
                services.put(service, hold(held));
            }
            return new StackPorts(hold(held), hold(held), hold(held), services);
        } finally {
            held.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a probe socket
                }
            });
        }
    }

    private static int hold(List<ServerSocket> held) {
        try {
            ServerSocket socket = new ServerSocket(0);
            socket.setReuseAddress(true);
            held.add(socket);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port(StackService service) {
        return services.get(service);
    }

    /** Every port, named, to check none is taken before starting. */
    public Map<String, Integer> all() {
        Map<String, Integer> all = new java.util.LinkedHashMap<>();
        all.put("kafka", kafka);
        all.put("kafka controller", kafkaController);
        all.put("mongodb", mongo);
        services.forEach((service, port) -> all.put(service.module(), port));
        return all;
    }
}
