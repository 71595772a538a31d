package com.acme.tiering.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** A content compiles once while it is kept; other content is another entry; only the last few are kept. */
class CompiledRulesetsTests {

    private final CountingCompiler compiler = new CountingCompiler();

    @Test
    void theSameContentCompilesOnceWhateverListItComesIn() {
        CompiledRulesets rulesets = new CompiledRulesets(compiler);
        List<RuleFile> files = rules(drl("a.drl", "A"), drl("b.drl", "B"));

        CompiledRuleset first = rulesets.compiled(files);
        List<RuleFile> reversed = new ArrayList<>(files);
        java.util.Collections.reverse(reversed);
        CompiledRuleset again = rulesets.compiled(reversed);
        CompiledRuleset copied = rulesets.compiled(rules(drl("b.drl", "B"), drl("a.drl", "A")));

        assertThat(again).isSameAs(first);
        assertThat(copied).isSameAs(first);
        assertThat(compiler.compilations.get()).isEqualTo(1);
        assertThat(rulesets.compilations()).isEqualTo(1);
        assertThat(first.version()).isEqualTo(RulesetCompiler.contentHash(files));
    }

    @Test
    void otherContentIsAnotherEntry() {
        CompiledRulesets rulesets = new CompiledRulesets(compiler);

        CompiledRuleset one = rulesets.compiled(rules(drl("a.drl", "A")));
        CompiledRuleset other = rulesets.compiled(rules(drl("a.drl", "A2")));
        CompiledRuleset renamed = rulesets.compiled(rules(drl("c.drl", "A")));

        assertThat(List.of(one.version(), other.version(), renamed.version())).doesNotHaveDuplicates();
        assertThat(compiler.compilations.get()).isEqualTo(3);
        assertThat(rulesets.compiled(rules(drl("a.drl", "A")))).isSameAs(one);
        assertThat(compiler.compilations.get()).isEqualTo(3);
    }

    @Test
    void keepsOnlyTheLeastRecentlyUsedBoundAndCompilesAnEvictedContentAgain() {
        CompiledRulesets rulesets = new CompiledRulesets(compiler, 2);
        List<RuleFile> a = rules(drl("a.drl", "A"));
        List<RuleFile> b = rules(drl("a.drl", "B"));
        List<RuleFile> c = rules(drl("a.drl", "C"));

        CompiledRuleset keptA = rulesets.compiled(a);
        rulesets.compiled(b);
        rulesets.compiled(a); // a used last: b is now the eldest
        rulesets.compiled(c); // evicts b
        assertThat(compiler.compilations.get()).isEqualTo(3);

        assertThat(rulesets.compiled(a)).isSameAs(keptA);
        assertThat(compiler.compilations.get()).isEqualTo(3);
        rulesets.compiled(b);
        assertThat(compiler.compilations.get()).isEqualTo(4);
    }

    @Test
    void concurrentCallersOfOneContentWaitForOneCompilation() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountingCompiler slow = new CountingCompiler(release);
        CompiledRulesets rulesets = new CompiledRulesets(slow);
        List<RuleFile> files = rules(drl("a.drl", "A"));
        List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task);
            threads.add(thread);
            return thread;
        });
        try {
            List<Future<CompiledRuleset>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(callers.submit(() -> rulesets.compiled(files)));
            }
            // every caller is parked: one compiling (held by the latch), the others waiting for its result
            await().atMost(Duration.ofSeconds(10)).until(() -> threads.size() == 4
                    && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
            assertThat(slow.compilations.get()).isEqualTo(1);
            release.countDown();

            CompiledRuleset first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<CompiledRuleset> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(slow.compilations.get()).isEqualTo(1);
        }
        finally {
            callers.shutdownNow();
        }
    }

    @Test
    void rulesThatDoNotCompileAreNotKeptAndEveryCallerGetsTheFindings() {
        CompiledRulesets rulesets = new CompiledRulesets(compiler);
        List<RuleFile> broken = rules(new RuleFile("broken.drl",
                "package rules;\nrule \"broken\" when then end end".getBytes(StandardCharsets.UTF_8)));

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> rulesets.compiled(broken)).isInstanceOfSatisfying(RulesetInvalid.class,
                    invalid -> assertThat(invalid.findings()).isNotEmpty());
        }
        assertThat(compiler.compilations.get()).isEqualTo(2);
    }

    /** A rule that does nothing, named so that each content differs by its name. */
    /** Made once: a workbook written twice differs in its timestamps, so it would be other content. */
    private static final RuleFile CATALOG = com.acme.tiering.support.TierCatalogs.catalog(
            com.acme.tiering.support.TierCatalogs.SHIPPED);

    /** The rule files with the shipped tier catalog, without which no ruleset compiles. */
    private static List<RuleFile> rules(RuleFile... files) {
        List<RuleFile> rules = new ArrayList<>(List.of(files));
        rules.add(CATALOG);
        return List.copyOf(rules);
    }

    private static RuleFile drl(String file, String rule) {
        return new RuleFile(file, ("package rules;\nrule \"" + rule + "\" when then end\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The real compiler, counting its compilations and, when given a latch, holding each until released. */
    private static final class CountingCompiler extends RulesetCompiler {

        final AtomicInteger compilations = new AtomicInteger();
        private final CountDownLatch release;

        CountingCompiler() {
            this(new CountDownLatch(0));
        }

        CountingCompiler(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public CompiledRuleset compile(List<RuleFile> files) {
            compilations.incrementAndGet();
            try {
                release.await();
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return super.compile(files);
        }
    }
}
