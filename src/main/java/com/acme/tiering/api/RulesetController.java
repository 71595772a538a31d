package com.acme.tiering.api;

import com.acme.tiering.Text;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.acme.tiering.audit.AuditLog;
import com.acme.tiering.governance.RulesetDrafts;
import com.acme.tiering.governance.RulesetPublication;
import com.acme.tiering.governance.RulesetShadows;
import com.acme.tiering.decision.ShadowDifferences;
import com.acme.tiering.governance.RulesetSimulation;
import com.acme.tiering.governance.RulesetVersions;
import com.acme.tiering.governance.VersionStatus;
import com.acme.tiering.governance.SimulationReport;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.security.Roles;

/** Ruleset versions: upload a draft, simulate it, approve, publish, activate an earlier one, download files. */
@RestController
@RequestMapping("/api/v1/rulesets")
class RulesetController {

    private final RulesetVersions versions;
    private final RulesetDrafts drafts;
    private final RulesetSimulation simulation;
    private final RulesetPublication publication;
    private final RulesetShadows shadows;
    private final AuditLog audit;

    RulesetController(RulesetVersions versions, RulesetDrafts drafts, RulesetSimulation simulation,
            RulesetPublication publication, RulesetShadows shadows, AuditLog audit) {
        this.shadows = shadows;
        this.audit = audit;
        this.versions = versions;
        this.drafts = drafts;
        this.simulation = simulation;
        this.publication = publication;
    }

    record VersionView(RulesetVersions.Version version, List<RulesetVersions.Event> events, List<String> files) {
    }

    /** Why a version is approved, published or put back in force; its own name, so that its schema is its own. */
    record Reason(@Size(max = 1000) @jakarta.validation.constraints.Pattern(regexp = Text.LINES,
            message = Text.LINES_MESSAGE) String reason) {
    }

    @GetMapping
    List<RulesetVersions.Version> versions() {
        return versions.all();
    }

    @GetMapping("/{id}")
    VersionView version(@PathVariable long id) {
        RulesetVersions.Version version = versions.find(id).orElseThrow(() -> VersionUnknown.withId(id));
        return new VersionView(version, versions.events(id), versions.filesOf(id).stream().map(RuleFile::name).toList());
    }

    /**
     * Rule files in part {@code files}, optional rule-test CSV files in part {@code tests}. A DRAFT is 201;
     * a version whose files do not pass the checks is kept as REJECTED and answered 422.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ApiResponse(responseCode = "201", description = "The new DRAFT version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RulesetVersions.Version.class)))
    ResponseEntity<Object> upload(@RequestPart("files") List<MultipartFile> files,
            @RequestPart(value = "tests", required = false) List<MultipartFile> tests,
            @RequestParam(required = false) @Size(max = 1000)
            @jakarta.validation.constraints.Pattern(regexp = Text.LINES, message = Text.LINES_MESSAGE) String comment, Authentication who) throws IOException {
        List<RuleFile> ruleFiles = ruleFiles(files);
        if (ruleFiles.stream().anyMatch(f -> f.kind() == RuleFile.Kind.DRL) && !has(who, Roles.RULE_AUTHOR)) {
            audit.accessDenied(403);
            throw DrlNeedsRuleAuthor.forUser(who.getName());
        }
        RulesetVersions.Version version = drafts.upload(ruleFiles, ruleFiles(tests), who.getName(), comment);
        if (version.status() == VersionStatus.REJECTED) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    String.join("; ", version.findings().stream().map(f -> f.toString()).toList()));
            problem.setTitle("The rule files do not pass their checks");
            problem.setProperty("findings", version.findings());
            problem.setProperty("version", version.id());
            return ResponseEntity.unprocessableContent().body(problem);
        }
        return ResponseEntity.created(URI.create("/api/v1/rulesets/" + version.id())).body(version);
    }

    @PostMapping("/{id}/simulation")
    SimulationReport simulate(@PathVariable long id) {
        return simulation.simulate(id);
    }

    @PostMapping("/{id}/approval")
    RulesetVersions.Version approve(@PathVariable long id, @jakarta.validation.Valid @RequestBody(required = false) Reason body,
            Authentication who) {
        return publication.approve(id, who.getName(), reason(body));
    }

    @PostMapping("/{id}/publish")
    RulesetVersions.Version publish(@PathVariable long id, @jakarta.validation.Valid @RequestBody(required = false) Reason body,
            Authentication who) {
        return publication.publish(id, who.getName(), reason(body));
    }

    @PostMapping("/{id}/activate")
    RulesetVersions.Version activate(@PathVariable long id, @jakarta.validation.Valid @RequestBody(required = false) Reason body,
            Authentication who) {
        return publication.activate(id, who.getName(), reason(body));
    }

    @PostMapping("/{id}/shadow")
    ResponseEntity<Void> startShadow(@PathVariable long id, Authentication who) {
        shadows.start(id, who.getName());
        return ResponseEntity.noContent().build();
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/{id}/shadow")
    ResponseEntity<Void> stopShadow(@PathVariable long id, Authentication who) {
        shadows.stop(id, who.getName());
        return ResponseEntity.noContent().build();
    }

    /** Where the shadow version decided differently from the rules in force, run by run. */
    @GetMapping("/{id}/shadow-differences")
    List<ShadowDifferences.Difference> shadowDifferences(@PathVariable long id,
            @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page,
            @RequestParam(defaultValue = "100") @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(1000) int size) {
        return shadows.differences(id, page, size);
    }

    /** The exact file of a version, so an auditor can open the spreadsheet that decided. */
    @GetMapping("/{id}/files/{name}")
    @ApiResponse(responseCode = "200", description = "The file as it was uploaded", content = @Content(
            mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String name) {
        RuleFile file = versions.filesOf(id).stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> VersionUnknown.file(id, name));
        return attachment(file);
    }

    /**
     * A file by the content hash that decisions record as their rulesetVersion, so an auditor goes from a
     * decision straight to the spreadsheet that made it.
     */
    @GetMapping("/versions/{rulesetVersion}/files/{name}")
    @ApiResponse(responseCode = "200", description = "The file as it was uploaded", content = @Content(
            mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> fileOfVersion(@PathVariable @jakarta.validation.constraints.Pattern(regexp = "[0-9a-f]{64}",
            message = "must be the 64-character rulesetVersion of a decision") String rulesetVersion,
            @PathVariable String name) {
        RuleFile file = versions.files(rulesetVersion).stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> VersionUnknown.hashFile(rulesetVersion, name));
        return attachment(file);
    }

    private static ResponseEntity<byte[]> attachment(RuleFile file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name()).build()
                        .toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(file.content());
    }

    private static List<RuleFile> ruleFiles(List<MultipartFile> parts) throws IOException {
        List<RuleFile> files = new ArrayList<>();
        for (MultipartFile part : parts == null ? List.<MultipartFile>of() : parts) {
            files.add(new RuleFile(String.valueOf(part.getOriginalFilename()), part.getBytes()));
        }
        return files;
    }

    private static String reason(Reason body) {
        return body == null ? null : body.reason();
    }

    private static boolean has(Authentication who, String role) {
        return who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }
}
