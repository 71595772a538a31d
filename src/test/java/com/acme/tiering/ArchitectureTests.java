package com.acme.tiering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.acme.tiering.ruleset.RulesetCompiler;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rooms (the packages under com.acme.tiering) and how they may depend on each other, checked on the compiled
 * classes, so that breaking the layering fails the build (docs/development.md#layout).
 *
 * <p>Spring Modulith takes each room for an application module whose public types are its interface: its
 * {@code verify()} fails on a cycle between rooms and on a room reaching another's internal types. The top-level
 * classes (TieringApplication, the tiering.* properties, shared beans, Text, DatabaseFailures) belong to no room:
 * they are the shared kernel every room may use, and the rule below keeps them from depending on any room.
 */
class ArchitectureTests {

    private static final String BASE = "com.acme.tiering";

    /**
     * The test classes, wherever the build puts them: ArchUnit's own DO_NOT_INCLUDE_TESTS knows only target/, and
     * builds beside each other use -Dtiering.build.dir (docs/development.md).
     */
    private static final ImportOption MAIN_CLASSES_ONLY = location -> !location.contains("/test-classes/");

    /** TieringApplication, the composition root, starts the generator (demo) or the service: analysed as no room. */
    private static final ApplicationModules ROOMS = ApplicationModules.of(TieringApplication.class,
            JavaClass.Predicates.equivalentTo(TieringApplication.class).or(DescribedPredicate.describe("a test class",
                    type -> type.getSource().map(source -> source.getUri().toString().contains("/test-classes/"))
                            .orElse(false))));

    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(MAIN_CLASSES_ONLY)
            .importPackages(BASE);

    @Test
    void roomsHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        ROOMS.verify();
    }

    @Test
    void onlyTheEdgesUseTheEdges() {
        noClasses().that().resideOutsideOfPackages(BASE + ".api..", BASE + ".web..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".api..", BASE + ".web..")
                .because("api and web are the edges: JSON endpoints and pages call the rooms, never the reverse")
                .check(CLASSES);
        noClasses().that().resideInAPackage(BASE + ".api..").should().dependOnClassesThat()
                .resideInAPackage(BASE + ".web..").because("pages and endpoints call the same services").check(CLASSES);
        noClasses().that().resideInAPackage(BASE + ".web..").should().dependOnClassesThat()
                .resideInAPackage(BASE + ".api..").because("pages and endpoints call the same services").check(CLASSES);
    }

    @Test
    void theSharedKernelDependsOnNoRoom() {
        noClasses().that().resideInAPackage(BASE).and().doNotHaveSimpleName("TieringApplication")
                .should().dependOnClassesThat().resideInAnyPackage(ROOMS.stream()
                        .map(room -> room.getBasePackage().getName() + "..").toArray(String[]::new))
                .because("the top-level classes are used by every room; TieringApplication alone starts the generator")
                .check(CLASSES);
    }

    @Test
    void aRoomsStoresAreItsOwn() {
        classes().that().haveSimpleNameEndingWith("Store").should().notBePublic()
                .because("a room's tables are reached through its services, read interfaces and events, "
                        + "not through its store")
                .check(CLASSES);
    }

    @Test
    void onlyTheRulesetRoomCompilesRules() {
        noClasses().that().resideOutsideOfPackage(BASE + ".ruleset..")
                .should().callMethod(RulesetCompiler.class, "compile", List.class)
                .because("a version is compiled once per instance: ask CompiledRulesets, which keeps it by content hash")
                .check(CLASSES);
    }

    /** The rooms and their dependencies as PlantUML diagrams, in the build folder's spring-modulith-docs/. */
    @Test
    void drawsTheRooms() throws java.io.IOException {
        java.nio.file.Path folder = java.nio.file.Path.of(
                System.getProperty("tiering.modules.dir", "target/spring-modulith-docs"));
        new Documenter(ROOMS, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        String all = java.nio.file.Files.readString(folder.resolve("components.puml"));
        ROOMS.forEach(room -> org.assertj.core.api.Assertions.assertThat(all).as("the diagram of all rooms")
                .containsIgnoringCase(room.getDisplayName()));
    }
}
