package com.acme.tiering;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(TieringProperties.class)
public class TieringApplication {

    public static void main(String[] args) {
        SpringApplication.run(TieringApplication.class, args);
    }
}
