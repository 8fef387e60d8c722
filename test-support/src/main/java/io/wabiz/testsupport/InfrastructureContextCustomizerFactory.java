package io.wabiz.testsupport;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives a test context annotated with {@link EmbeddedInfrastructure} or {@link ContainerInfrastructure}
 * the broker and MongoDB addresses, before any bean is created. Registered in META-INF/spring.factories.
 */
public class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        MergedAnnotations annotations = MergedAnnotations.from(testClass,
                MergedAnnotations.SearchStrategy.TYPE_HIERARCHY);
        if (annotations.isPresent(ContainerInfrastructure.class)) {
            String database = annotations.get(ContainerInfrastructure.class).getString("database");
            return new Customizer(false, database);
        }
        if (annotations.isPresent(EmbeddedInfrastructure.class)) {
            String database = annotations.get(EmbeddedInfrastructure.class).getString("database");
            return new Customizer(true, database);
        }
        return null;
    }

    private record Customizer(boolean embedded, String database) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Supplier<String> kafka = embedded ? SharedKafkaBroker::bootstrapServers
                    : ContainerizedServices::kafkaBootstrapServers;
            String mongo = embedded ? SharedMongoServer.connectionString(database)
                    : ContainerizedServices.mongoConnectionString(database);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("wabiz-test-infrastructure",
                    Map.of("spring.kafka.bootstrap-servers", kafka.get(),
                            "spring.mongodb.uri", mongo,
                            "spring.kafka.consumer.auto-offset-reset", "earliest")));
        }
    }
}
