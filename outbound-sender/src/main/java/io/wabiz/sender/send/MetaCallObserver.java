package io.wabiz.sender.send;

import io.wabiz.events.outbound.SendMessage;
import io.wabiz.sender.graph.GraphResult;

/** Told of every answer to a send, right after the call and before anything is recorded. */
@FunctionalInterface
public interface MetaCallObserver {

    MetaCallObserver NONE = (command, result) -> { };

    void afterMetaCall(SendMessage command, GraphResult result);
}
