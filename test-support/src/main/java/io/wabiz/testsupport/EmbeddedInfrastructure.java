package io.wabiz.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring test context at the JVM-wide KRaft broker ({@code spring.kafka.bootstrap-servers})
 * and the embedded MongoDB server ({@code spring.mongodb.uri}). Both start on first use and are shared
 * by every test class of the JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EmbeddedInfrastructure {

    /** The MongoDB database of this context. */
    String database() default "test";
}
