package org.clsweep.jobs.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Java main class started as a child process of this JVM with the JVM of this JVM, the
 * {@code --add-opens} flags Spark needs on Java 17 ({@link JavaModuleOptions}), the given
 * environment, and stdout and stderr appended to one log file.
 *
 * <p>{@link #stop} ends such a process and everything it started: a polite SIGTERM first (Spark's
 * shutdown hooks stop executors and clean up), then SIGKILL after the grace period.
 *
 * @see StandaloneSparkCluster
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * Starts {@code java <heap> <add-opens> -cp classpath mainClass args…}.
     *
     * @param maxHeap   the -Xmx value, e.g. "256m"
     * @param classpath the class path, may use the JVM's {@code dir/*} wildcard
     * @param mainClass the class whose main method runs
     * @param args      its arguments. Not modified.
     * @param env       variables added to this JVM's environment. Not modified.
     * @param log       file that receives stdout and stderr (appended)
     * @return the started process
     */
    public static Process start(String maxHeap, String classpath, String mainClass, List<String> args,
                         Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /**
     * Ends a process and its descendants: SIGTERM, then SIGKILL for whatever is still alive after
     * the grace period. Returns when all of them have exited or been killed.
     *
     * @param process the process to end. Modified.
     * @param grace   how long to wait after SIGTERM
     */
    public static void stop(Process process, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                handle.destroyForcibly();
            } catch (ExecutionException e) {
                throw new IllegalStateException("waiting for process " + handle.pid(), e);
            } catch (InterruptedException e) {
                handle.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        for (ProcessHandle handle : tree) {
            handle.onExit().join();
        }
    }
}
