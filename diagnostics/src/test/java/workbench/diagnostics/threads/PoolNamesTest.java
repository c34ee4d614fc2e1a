package workbench.diagnostics.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolNamesTest {

    @ParameterizedTest
    @CsvSource({
        "pool-3-thread-7,                         pool-3-thread-*,                 pool-*-thread-*",
        "ForkJoinPool-1-worker-2,                 ForkJoinPool-1-worker-*,         ForkJoinPool-*-worker-*",
        "HttpClient-4-Worker-0,                   HttpClient-4-Worker-*,           HttpClient-*-Worker-*",
        "ForkJoinPool.commonPool-worker-11,       ForkJoinPool.commonPool-worker-*, ForkJoinPool.commonPool-worker-*",
        "Thread-12,                               Thread-*,                        Thread-*",
        "session-1f3a9c0e7b,                      session-*,                       session-*",
        "job-0x1f,                                job-*,                           job-*",
        "req-3f2b8c1a-9d4e-4f6a-8b7c-1a2b3c4d5e6f, req-*,                         req-*",
        "main,                                    main,                            main",
        "Common-Cleaner,                          Common-Cleaner,                  Common-Cleaner",
        "Reference Handler,                       Reference Handler,               Reference Handler",
    })
    void stripsTrailingIdsForPoolsAndEveryNumberForFamilies(String name, String pool, String family) {
        assertEquals(pool, PoolNames.pool(name));
        assertEquals(family, PoolNames.family(name));
    }

    @Test
    void anUnnamedThreadBelongsToTheExecutorThatStartedIt() {
        String executor = "java.util.concurrent.ThreadPerTaskExecutor@1b6d3586";
        ThreadRecord unnamed = new ThreadRecord(41, "", Thread.State.WAITING, true, null, -1, executor, List.of());
        ThreadRecord named =
                new ThreadRecord(42, "ingest-7", Thread.State.WAITING, true, null, -1, executor, List.of());
        ThreadRecord alone = new ThreadRecord(43, "", Thread.State.WAITING, true, null, -1, null, List.of());

        assertEquals(executor, unnamed.pool());
        assertEquals("java.util.concurrent.ThreadPerTaskExecutor@*", unnamed.family());
        assertEquals("ingest-*", named.pool());
        assertEquals("<unnamed>", alone.pool());
    }
}
