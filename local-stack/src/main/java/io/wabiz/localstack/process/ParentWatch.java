package io.wabiz.localstack.process;

/**
 * Used by the broker and Mongo child mains: when the launcher dies without stopping them (kill -9), they
 * stop too instead of holding the ports.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void exitWhenParentDies() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("launcher process " + parent.pid() + " ended: stopping");
            System.exit(0);
        }));
    }
}
