package com.acme.tiering.run;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import com.acme.tiering.TieringProperties;
import com.acme.tiering.ruleset.ActiveRuleset;

/**
 * The last step of a run: when a version went out of force during the run (rolled back, or replaced by a
 * publication), the customers it decided are decided again with the version in force, in id order, one chunk
 * per transaction, so that the run ends with every decision made by the version in force. A version put in
 * force while this step goes starts its pass over. The pass's position is kept in the step's execution context:
 * a restarted job goes on from there.
 */
@Component
class DecideAgain implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DecideAgain.class);
    private static final String VERSION = "decideAgain.version";
    private static final String AFTER = "decideAgain.after";

    private final RunStore runs;
    private final RunExecution execution;
    private final ActiveRuleset active;
    private final int chunkSize;
    /** The version each run of this process ended on, read once the job is over. */
    private final Map<Long, String> endedOn = new ConcurrentHashMap<>();

    DecideAgain(RunStore runs, RunExecution execution, ActiveRuleset active, TieringProperties properties) {
        this.runs = runs;
        this.execution = execution;
        this.active = active;
        this.chunkSize = properties.run().chunkSize();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        Map<String, Object> parameters = chunk.getStepContext().getJobParameters();
        long runId = (Long) parameters.get(EvaluationJob.RUN_ID);
        LocalDate asOf = (LocalDate) parameters.get(EvaluationJob.AS_OF);
        ExecutionContext position = chunk.getStepContext().getStepExecution().getExecutionContext();
        String inForce = active.current().version();
        if (!inForce.equals(position.getString(VERSION, null))) {
            if (!position.containsKey(VERSION) && !runs.usedOtherThan(runId, inForce)) {
                return finished(runId, inForce);
            }
            position.putString(VERSION, inForce);
            position.remove(AFTER);
        }
        List<String> ids = runs.decidedByOtherThan(inForce, position.getString(AFTER, null), chunkSize);
        if (ids.isEmpty()) {
            return finished(runId, inForce);
        }
        int decided = execution.decideAgain(runId, asOf, ids);
        log.info("Evaluation run {}: decided {} customers again with version {}, the version in force", runId, decided,
                inForce.substring(0, 12));
        position.putString(AFTER, ids.get(ids.size() - 1));
        return RepeatStatus.CONTINUABLE;
    }

    private RepeatStatus finished(long runId, String inForce) {
        endedOn.put(runId, inForce);
        return RepeatStatus.FINISHED;
    }

    /** The version the run's decisions were all made by when it ended, null if this process did not end it. */
    String endedOn(long runId) {
        return endedOn.remove(runId);
    }
}
