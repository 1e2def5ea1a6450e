package io.quarkmall.pay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs {@code count} calls in as many threads, released at the same moment; answers their results in order. */
public final class AtOnce {

    private AtOnce() {
    }

    public static <T> List<T> run(int count, Callable<T> call) throws Exception {
        var pool = Executors.newFixedThreadPool(count);
        try {
            var start = new CountDownLatch(1);
            var answers = new ArrayList<Future<T>>();
            for (int i = 0; i < count; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (var answer : answers) {
                results.add(answer.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
