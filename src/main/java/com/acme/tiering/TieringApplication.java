package com.acme.tiering;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import com.acme.tiering.demo.DataGeneratorCommand;

@SpringBootApplication
@EnableConfigurationProperties(TieringProperties.class)
public class TieringApplication {

    /** Runs the service, or with {@code --generate} fills the configured database with generated data and exits. */
    public static void main(String[] args) {
        if (DataGeneratorCommand.requested(args)) {
            System.exit(DataGeneratorCommand.run(args, System.out));
        }
        SpringApplication.run(TieringApplication.class, args);
    }
}
