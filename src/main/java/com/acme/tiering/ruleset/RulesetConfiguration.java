package com.acme.tiering.ruleset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.acme.tiering.TieringProperties;

@Configuration(proxyBeanMethods = false)
class RulesetConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RulesetConfiguration.class);

    /** The rules directory compiled at start-up: a broken rules directory stops the service before it serves. */
    @Bean
    ActiveRuleset activeRuleset(RulesetCompiler compiler, RulesDirectory directory, TieringProperties properties) {
        long started = System.nanoTime();
        CompiledRuleset ruleset = compiler.compile(directory.read(properties.rules().directory()));
        log.info("Rules in {} compiled in {} ms: version {}, {} rules from {} files",
                properties.rules().directory().toAbsolutePath().normalize(), (System.nanoTime() - started) / 1_000_000,
                ruleset.shortVersion(), ruleset.catalog().size(), ruleset.files().size());
        return new ActiveRuleset(ruleset);
    }
}
