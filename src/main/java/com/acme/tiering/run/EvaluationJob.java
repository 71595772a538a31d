package com.acme.tiering.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.acme.tiering.TieringProperties;

/**
 * An evaluation run as a Spring Batch job: population statistics, then every customer in id order in
 * chunks, then again those decided with a version that went out of force meanwhile. The reader pages by key (customer id) and keeps the last id read in the step's execution context,
 * which Spring Batch commits with each chunk; a restarted job reads on from there.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationJob {

    static final String NAME = "evaluationRun";
    static final String RUN_ID = "runId";
    static final String AS_OF = "asOf";

    @Bean
    Job evaluationRunJob(JobRepository repository, Step populationStatisticsStep, Step evaluateCustomersStep,
            Step decideAgainStep, RunCompletion completion) {
        return new JobBuilder(NAME, repository).start(populationStatisticsStep).next(evaluateCustomersStep)
                .next(decideAgainStep).listener((JobExecutionListener) completion).build();
    }

    /** Customers decided with a version that went out of force during the run, decided again (DecideAgain). */
    @Bean
    Step decideAgainStep(JobRepository repository, PlatformTransactionManager transactions, DecideAgain decideAgain) {
        return new StepBuilder("decideAgain", repository).tasklet(decideAgain, transactions).build();
    }

    @Bean
    Step populationStatisticsStep(JobRepository repository, PlatformTransactionManager transactions,
            RunExecution execution) {
        return new StepBuilder("populationStatistics", repository).tasklet((contribution, context) -> {
            Map<String, Object> parameters = context.getStepContext().getJobParameters();
            execution.populationStatistics((Long) parameters.get(RUN_ID), (LocalDate) parameters.get(AS_OF));
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    @Bean
    Step evaluateCustomersStep(JobRepository repository, PlatformTransactionManager transactions,
            JdbcPagingItemReader<String> customerIdReader, ItemWriter<String> chunkWriter,
            TieringProperties properties) {
        return new StepBuilder("evaluateCustomers", repository).<String, String>chunk(properties.run().chunkSize())
                .transactionManager(transactions).reader(customerIdReader).writer(chunkWriter).build();
    }

    @Bean
    @StepScope
    JdbcPagingItemReader<String> customerIdReader(DataSource dataSource, TieringProperties properties)
            throws Exception {
        return new JdbcPagingItemReaderBuilder<String>().name("customers").dataSource(dataSource)
                .selectClause("customer_id").fromClause("customer").sortKeys(Map.of("customer_id", Order.ASCENDING))
                .pageSize(properties.run().chunkSize()).rowMapper((rs, row) -> rs.getString(1)).saveState(true)
                .build();
    }

    @Bean
    @StepScope
    ItemWriter<String> chunkWriter(RunExecution execution, RunCompletion completion, @Value("#{jobParameters['runId']}") Long runId,
            @Value("#{jobParameters['asOf']}") LocalDate asOf) {
        return chunk -> {
            List<String> ids = new ArrayList<>(chunk.getItems());
            if (!ids.isEmpty()) {
                execution.evaluateChunk(runId, asOf, ids);
                completion.progress(runId);
            }
        };
    }
}
