package com.acme.tiering.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.acme.tiering.TieringApplication;
import com.acme.tiering.governance.RulesetDrafts;
import com.acme.tiering.governance.RulesetPublication;
import com.acme.tiering.governance.RulesetSimulation;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.support.Approval;

/**
 * 100 publish-and-activate cycles through the service's own governance: upload a draft (a reworded
 * description, so every version is new), simulate, publish, then activate the first version again.
 * Prints Metaspace and heap after cycle 10 and after the last, each after a full GC, and their ratio;
 * exits non-zero when Metaspace grew by more than 10 %. Not a test: run it with the command in
 * docs/performance.md.
 */
public final class RulesetSwapMetaspace {

    private RulesetSwapMetaspace() {
    }

    public static void main(String[] args) throws IOException {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        try (ConfigurableApplicationContext service = SpringApplication.run(TieringApplication.class,
                "--server.port=0", "--tiering.demo.enabled=false", "--tiering.rules.run-after-activation=false",
                "--spring.datasource.url=jdbc:h2:mem:metaspace;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                "--logging.level.root=WARN")) {
            RulesetDrafts drafts = service.getBean(RulesetDrafts.class);
            RulesetSimulation simulation = service.getBean(RulesetSimulation.class);
            RulesetPublication publication = service.getBean(RulesetPublication.class);
            ActiveRuleset active = service.getBean(ActiveRuleset.class);
            byte[] tiers = active.current().files().stream().filter(f -> f.name().equals("tiers.xlsx")).findFirst()
                    .orElseThrow().content();
            long first = 1;
            long[] after10 = null;
            for (int cycle = 1; cycle <= cycles; cycle++) {
                long draft = drafts.upload(List.of(reworded(tiers, cycle)), "bench", "cycle " + cycle).id();
                simulation.simulate(draft);
                Approval.approveAndPublish(publication, draft, "bench", "cycle " + cycle);
                publication.activate(first, "bench", "back to the first version");
                if (cycle == 10) {
                    after10 = measure();
                }
            }
            long[] afterAll = measure();
            System.out.printf(Locale.ROOT, "publish+activate cycles: %d%n", cycles);
            System.out.printf(Locale.ROOT, "Metaspace after 10: %.1f MiB, after %d: %.1f MiB, ratio %.3f%n",
                    after10[0] / 1048576.0, cycles, afterAll[0] / 1048576.0, (double) afterAll[0] / after10[0]);
            System.out.printf(Locale.ROOT, "Heap used after 10: %.1f MiB, after %d: %.1f MiB, ratio %.3f%n",
                    after10[1] / 1048576.0, cycles, afterAll[1] / 1048576.0, (double) afterAll[1] / after10[1]);
            if (afterAll[0] > after10[0] * 1.10) {
                System.exit(1);
            }
        }
    }

    /** The Strategic row's description with the cycle number in it: new content, same rules. */
    private static RuleFile reworded(byte[] tiers, int cycle) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(tiers))) {
            Row row = workbook.getSheet("Tiers").getRow(10);
            row.removeCell(row.getCell(1));
            row.createCell(1).setCellValue("Strategic: among the customers making 70% of revenue (review " + cycle + ")");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return new RuleFile("tiers.xlsx", out.toByteArray());
        }
    }

    private static long[] measure() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().equals("Metaspace")).mapToLong(p -> p.getUsage().getUsed()).sum();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new long[] { metaspace, heap };
    }
}
