package com.acme.tiering.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/**
 * Writes customers {@code first .. first + count - 1} in chunks, each generated and committed on its own:
 * several connections take the next chunk as they become free, and only the chunks in flight are in
 * memory. Since a customer depends only on the seed and its number, the order of chunks does not matter.
 */
final class BulkGeneration {

    private final DataSource dataSource;
    private final DemoDataGenerator generator;
    private final Instant recordedAt;
    private final GenerationProgress progress;
    private final AtomicLong nextChunk = new AtomicLong();
    private final AtomicBoolean failed = new AtomicBoolean();

    BulkGeneration(DataSource dataSource, DemoDataGenerator generator, Instant recordedAt,
            GenerationProgress progress) {
        this.dataSource = dataSource;
        this.generator = generator;
        this.recordedAt = recordedAt;
        this.progress = progress;
    }

    void run(long first, long count, int chunkSize, int threads) throws SQLException, InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(workers.submit(() -> {
                    writeChunks(first, count, chunkSize);
                    return null;
                }));
            }
            for (Future<Void> worker : running) {
                awaitOrRethrow(worker);
            }
        }
        finally {
            workers.shutdownNow();
        }
    }

    private void writeChunks(long first, long count, int chunkSize) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (long chunk = nextChunk.getAndIncrement(); chunk * chunkSize < count && !failed.get();
                    chunk = nextChunk.getAndIncrement()) {
                long from = first + chunk * chunkSize;
                int size = (int) Math.min(chunkSize, count - chunk * chunkSize);
                try {
                    DemoDataWriter.Written written = DemoDataWriter.write(connection, generator.customers(from, size),
                            recordedAt);
                    connection.commit();
                    progress.advance(written);
                }
                catch (SQLException | RuntimeException failure) {
                    failed.set(true);
                    connection.rollback();
                    throw failure;
                }
            }
        }
    }

    private static void awaitOrRethrow(Future<Void> worker) throws SQLException, InterruptedException {
        try {
            worker.get();
        }
        catch (ExecutionException failure) {
            if (failure.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw failure.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(failure.getCause());
        }
    }
}
