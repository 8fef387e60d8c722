package io.wabiz.bench.ingress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The anchor the issue names: a bare Spring MVC endpoint (Tomcat, virtual threads) that answers 200 and does
 * nothing. Started as its own JVM by {@link IngressBenchmark}.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
@RestController
public class BareEndpointApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareEndpointApplication.class, args);
    }

    @PostMapping("/webhook")
    ResponseEntity<Void> webhook() {
        return ResponseEntity.ok().build();
    }
}
