package io.wabiz.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Like {@link EmbeddedInfrastructure}, but against real Kafka and MongoDB images (Testcontainers).
 * Tests carrying it are skipped, not failed, where no Docker engine is reachable.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(SkipWithoutDocker.class)
public @interface ContainerInfrastructure {

    String database() default "test";
}
