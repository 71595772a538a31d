package com.acme.tiering.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/** Reads the rule files of a directory (not its subdirectories, not its README). */
@Component
public class RulesDirectory {

    public List<RuleFile> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw RulesetInvalid.because(List.of(Finding.error(directory.toString(), null, null, null,
                    "The rules directory does not exist", "Set tiering.rules.directory to the folder of rule files")));
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .filter(path -> RuleFile.isRuleFile(path.getFileName().toString()))
                    .filter(path -> !path.getFileName().toString().startsWith("~$")
                            && !path.getFileName().toString().startsWith(".~lock"))
                    .sorted().map(RulesDirectory::readFile).toList();
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static RuleFile readFile(Path path) {
        try {
            return new RuleFile(path.getFileName().toString(), Files.readAllBytes(path));
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
