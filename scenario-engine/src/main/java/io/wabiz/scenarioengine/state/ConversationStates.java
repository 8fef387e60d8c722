package io.wabiz.scenarioengine.state;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * Per-conversation state (collection {@code conversation_states}, one document per conversation key). One
 * consumer handles one conversation at a time (the inbound topic is keyed by conversation), so a state is
 * written whole. A TTL index lets MongoDB forget states a day after they expired; reads ignore expiry anyway.
 */
public class ConversationStates {

    private final MongoCollection<Document> states;

    public ConversationStates(MongoDatabase database) {
        this.states = database.getCollection("conversation_states");
        states.createIndex(Indexes.ascending("forgetAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    public Map<String, ConversationState> find(Collection<String> conversationKeys) {
        Map<String, ConversationState> found = new LinkedHashMap<>();
        if (conversationKeys.isEmpty()) {
            return found;
        }
        states.find(Filters.in("_id", conversationKeys.stream().distinct().toList()))
                .forEach(d -> found.put(d.getString("_id"), read(d)));
        return found;
    }

    public void saveAll(Collection<ConversationState> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(changed.size());
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        for (ConversationState state : changed) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", state.conversationKey()), write(state), upsert));
        }
        states.bulkWrite(writes);
    }

    public static Document write(ConversationState state) {
        Document document = new Document("_id", state.conversationKey()).append("language", state.language())
                .append("updatedAt", Date.from(state.updatedAt()))
                .append("forgetAt", Date.from(state.expiresAt().plus(Duration.ofDays(1))));
        if (state.scenario() != null) {
            document.append("scenario", new Document("id", state.scenario().scenarioId())
                    .append("version", state.scenario().version())
                    .append("expiresAt", Date.from(state.scenario().expiresAt())));
        }
        if (state.cancelQuestion() != null) {
            document.append("cancelQuestion", new Document("orderId", state.cancelQuestion().orderId())
                    .append("orderVersion", state.cancelQuestion().orderVersion())
                    .append("expiresAt", Date.from(state.cancelQuestion().expiresAt())));
        }
        return document;
    }

    public static ConversationState read(Document d) {
        Document s = d.get("scenario", Document.class);
        Document q = d.get("cancelQuestion", Document.class);
        return new ConversationState(d.getString("_id"), d.getString("language"),
                s == null ? null : new ConversationState.OpenScenario(s.getString("id"), s.getInteger("version"),
                        s.getDate("expiresAt").toInstant()),
                q == null ? null : new ConversationState.CancelQuestion(q.getString("orderId"),
                        q.getString("orderVersion"), q.getDate("expiresAt").toInstant()),
                d.getDate("updatedAt").toInstant());
    }

    /** When the state was last written, for tests and the dry run. */
    public Instant updatedAt(String conversationKey) {
        Document d = states.find(Filters.eq("_id", conversationKey)).first();
        return d == null ? null : d.getDate("updatedAt").toInstant();
    }
}
