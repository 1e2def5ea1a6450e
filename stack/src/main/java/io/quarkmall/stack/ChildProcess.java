package io.quarkmall.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server process the stack started, with its whole process tree, logging to one file. */
final class ChildProcess {

    private final String name;
    private final Process process;

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log)
            throws IOException {
        var builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new ChildProcess(name, builder.start());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Fails fast when the process died instead of coming up. */
    void ensureAlive(Path log) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
        }
    }

    /** kill -9 of the whole tree: no shutdown hook, no flush, no goodbye, as when a node dies. */
    void kill() throws InterruptedException {
        killTree(process.toHandle());
    }

    /** kill -9 of a process and everything below it; returns once they are gone (or after 30 s). */
    static void killTree(ProcessHandle root) throws InterruptedException {
        var tree = new java.util.ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("pid " + handle.pid() + " did not die within 30 s", e);
            }
        }
    }

    /** Asks the whole tree to stop, then insists. Scripts such as kc.sh leave a JVM below them. */
    void stop() throws InterruptedException {
        var tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : tree) {
            try {
                child.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                child.destroyForcibly();
            }
        }
    }
}
