package org.clsweep.jobs.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A standalone Spark cluster on 127.0.0.1: one master and, by default, one worker
 * ({@value #WORKER_CORES} cores, {@value #WORKER_MEMORY}), each a child JVM started from a
 * {@link SparkHome} of links to the jars of a Spark build, on free ports; a {@link Layout} chooses
 * another Spark (3.5) or more, smaller workers. {@link #start} returns once the master reports
 * every worker alive; {@link #submit} runs {@code org.apache.spark.deploy.SparkSubmit} in client
 * mode as another child JVM and waits for it, {@link #launch(Map, Map, Path, String, List)} returns
 * while it runs (to kill it, or its executors, mid-sweep).
 *
 * <p>{@link #close} stops every process started here (submissions still running, the worker and
 * its executors, the master): SIGTERM, then SIGKILL after {@value #GRACE_SECONDS} s. A JVM shutdown
 * hook does the same if the test JVM exits without closing, so no process outlives the build.
 * Logs stay under the cluster's directory: {@code logs/} for master, worker and submissions,
 * {@code work/worker-<n>/<app>/<executor>/} for executors; {@link #diagnostics} collects their tails.
 *
 * @see SparkHome
 * @see ChildJvm
 */
public final class StandaloneSparkCluster implements AutoCloseable {
    /** Cores the worker offers. */
    public static final int WORKER_CORES = 2;
    /** Memory the worker offers to executors. */
    public static final String WORKER_MEMORY = "2g";

    static final int GRACE_SECONDS = 10;
    private static final String EXECUTOR_CLASS = "org.apache.spark.executor.CoarseGrainedExecutorBackend";
    private static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";
    private static final String WORKER_CLASS = "org.apache.spark.deploy.worker.Worker";
    private static final String SUBMIT_CLASS = "org.apache.spark.deploy.SparkSubmit";
    private static final Duration GRACE = Duration.ofSeconds(GRACE_SECONDS);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final String DAEMON_HEAP = "256m";
    private static final String DRIVER_HEAP = "768m";
    private static final int TAIL_LINES = 40;
    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    /**
     * What a cluster is made of.
     *
     * @param sparkClasspathProperty the system property naming the Spark build's jar list
     *                               ({@link SparkHome})
     * @param workers                how many workers
     * @param coresPerWorker         the cores each worker offers
     */
    public record Layout(String sparkClasspathProperty, int workers, int coresPerWorker) {
        /** The build's Spark, one worker of {@value #WORKER_CORES} cores. */
        public static final Layout DEFAULT = new Layout(SparkHome.CLASSPATH_PROPERTY, 1, WORKER_CORES);
        /** Spark 3.5 (Scala 2.12), one worker of {@value #WORKER_CORES} cores. */
        public static final Layout SPARK_35 = new Layout(SparkHome.SPARK_35_CLASSPATH_PROPERTY, 1, WORKER_CORES);

        public Layout {
            if (workers < 1 || coresPerWorker < 1) {
                throw new IllegalArgumentException("a cluster needs at least one worker with one core, found "
                        + workers + " × " + coresPerWorker);
            }
        }

        /** The build's Spark on {@code workers} workers of {@code cores} cores each. */
        public static Layout workers(int workers, int cores) {
            return new Layout(SparkHome.CLASSPATH_PROPERTY, workers, cores);
        }
    }

    private final SparkHome home;
    private final Layout layout;
    private final int masterPort;
    private final int masterUiPort;
    private final List<Process> processes = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "standalone-spark-cluster-stop");
    private int submissions;
    private boolean stopped;

    private StandaloneSparkCluster(SparkHome home, Layout layout, int masterPort, int masterUiPort) {
        this.home = home;
        this.layout = layout;
        this.masterPort = masterPort;
        this.masterUiPort = masterUiPort;
    }

    /** Starts the {@link Layout#DEFAULT} cluster under {@code dir}: see {@link #start(Path, Layout)}. */
    public static StandaloneSparkCluster start(Path dir) throws IOException, InterruptedException {
        return start(dir, Layout.DEFAULT);
    }

    /**
     * Starts master and workers under {@code dir} and waits until every worker has registered.
     *
     * @param dir    a new or empty directory for SPARK_HOME, work files and logs
     * @param layout which Spark, how many workers, how many cores each
     * @return the running cluster; close it
     * @throws IllegalStateException if the workers are not alive within the start timeout, with the
     *                               tails of the logs; nothing started is left running
     */
    public static StandaloneSparkCluster start(Path dir, Layout layout) throws IOException, InterruptedException {
        SparkHome home = SparkHome.create(dir, layout.sparkClasspathProperty());
        StandaloneSparkCluster cluster = new StandaloneSparkCluster(home, layout, freePort(), freePort());
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            cluster.launch(MASTER_CLASS, "master", List.of(
                    "--host", "127.0.0.1", "--port", Integer.toString(cluster.masterPort),
                    "--webui-port", Integer.toString(cluster.masterUiPort)));
            for (int w = 1; w <= layout.workers(); w++) {
                Path workDir = Files.createDirectories(cluster.home.work().resolve("worker-" + w));
                cluster.launch(WORKER_CLASS, "worker-" + w, List.of(
                        "--host", "127.0.0.1", "--port", Integer.toString(freePort()),
                        "--webui-port", Integer.toString(freePort()),
                        "--cores", Integer.toString(layout.coresPerWorker()), "--memory", WORKER_MEMORY,
                        "--work-dir", workDir.toString(), cluster.masterUrl()));
            }
            cluster.awaitWorkers();
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The master's URL, {@code spark://127.0.0.1:port}. */
    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The cluster's SPARK_HOME. */
    public Path sparkHome() {
        return home.root();
    }

    /**
     * Submits an application in client mode and waits for its driver to exit.
     *
     * @param jar       the application jar (Spark is provided by the cluster)
     * @param mainClass the application's main class
     * @param args      the application's arguments
     * @return exit code and output of the driver
     */
    public SubmitResult submit(Path jar, String mainClass, String... args) throws IOException, InterruptedException {
        return submit(Map.of(), jar, mainClass, Arrays.asList(args));
    }

    /**
     * Submits an application in client mode with extra Spark settings and waits for its driver to
     * exit.
     *
     * @param conf      settings passed as {@code --conf key=value}. Not modified.
     * @param jar       the application jar (Spark is provided by the cluster)
     * @param mainClass the application's main class
     * @param args      the application's arguments. Not modified.
     * @return exit code and output of the driver
     * @throws IllegalStateException if the driver runs longer than the submit timeout (it is
     *                               stopped), with the tails of the logs
     */
    public SubmitResult submit(Map<String, String> conf, Path jar, String mainClass, List<String> args)
            throws IOException, InterruptedException {
        return launch(conf, Map.of(), jar, mainClass, args).await();
    }

    /**
     * Submits an application in client mode with extra Spark settings and returns while its driver
     * runs.
     *
     * @param conf             settings passed as {@code --conf key=value}. Not modified.
     * @param driverProperties system properties of the driver JVM (through {@code JAVA_TOOL_OPTIONS}:
     *                         in client mode the driver is the spark-submit JVM). Not modified.
     * @param jar       the application jar (Spark is provided by the cluster)
     * @param mainClass the application's main class
     * @param args      the application's arguments. Not modified.
     * @return the running submission
     */
    public Submission launch(Map<String, String> conf, Map<String, String> driverProperties, Path jar,
                             String mainClass, List<String> args) throws IOException {
        List<String> submitArgs = new ArrayList<>(List.of(
                "--master", masterUrl(), "--deploy-mode", "client", "--class", mainClass,
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.ui.enabled=false"));
        conf.forEach((key, value) -> {
            submitArgs.add("--conf");
            submitArgs.add(key + "=" + value);
        });
        submitArgs.add(jar.toAbsolutePath().toString());
        submitArgs.addAll(args);
        String name = "submit-" + nextSubmission();
        Map<String, String> env = new HashMap<>(home.environment());
        if (!driverProperties.isEmpty()) {
            env.put("JAVA_TOOL_OPTIONS", driverProperties.entrySet().stream()
                    .map(p -> "-D" + p.getKey() + "=" + p.getValue()).collect(Collectors.joining(" ")));
        }
        Process driver = launchWithHeap(SUBMIT_CLASS, name, DRIVER_HEAP, env, submitArgs);
        return new Submission(this, driver, mainClass, home.logs().resolve(name + ".log"));
    }

    /**
     * Waits for a driver started by {@link #launch(Map, Map, Path, String, List)} and forgets it.
     *
     * @throws IllegalStateException if it runs longer than the submit timeout (it is stopped)
     */
    void awaitDriver(Process driver, String mainClass) throws InterruptedException {
        if (!driver.waitFor(SUBMIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            ChildJvm.stop(driver, GRACE);
            throw new IllegalStateException("spark-submit " + mainClass + " did not finish within " + SUBMIT_TIMEOUT
                    + "\n" + diagnostics());
        }
        forget(driver);
    }

    /** The executor JVMs the workers run now (CoarseGrainedExecutorBackend), oldest first. */
    public List<ProcessHandle> executors() {
        return processTree().stream()
                .filter(p -> p.info().commandLine().map(c -> c.contains(EXECUTOR_CLASS)).orElse(false))
                .sorted(Comparator.comparing(p -> p.info().startInstant().orElse(Instant.MAX)))
                .collect(Collectors.toList());
    }

    /**
     * The processes started here and their descendants (executors), as they are now.
     */
    public synchronized List<ProcessHandle> processTree() {
        List<ProcessHandle> tree = new ArrayList<>();
        for (Process process : processes) {
            tree.add(process.toHandle());
            process.descendants().forEach(tree::add);
        }
        return tree;
    }

    /**
     * The last lines of every log: master, worker, submissions and executors. For failure messages.
     */
    public String diagnostics() {
        try (Stream<Path> files = Files.walk(home.root())) {
            List<Path> logs = files
                    .filter(Files::isRegularFile)
                    .filter(p -> p.startsWith(home.logs()) || p.startsWith(home.work()))
                    .filter(p -> !p.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .collect(Collectors.toList());
            StringBuilder out = new StringBuilder();
            for (Path log : logs) {
                out.append("==== ").append(home.root().relativize(log)).append(" (last ").append(TAIL_LINES)
                        .append(" lines) ====\n").append(tail(log)).append('\n');
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the cluster's logs under " + home.root(), e);
        }
    }

    /**
     * Stops every process started here and removes the links of SPARK_HOME's {@code jars/} (logs
     * and work files stay); idempotent.
     */
    @Override
    public void close() {
        stopAll();
        home.removeJarLinks();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to run stopAll, which is idempotent
        }
    }

    private synchronized void stopAll() {
        stopped = true;
        for (int i = processes.size() - 1; i >= 0; i--) {
            ChildJvm.stop(processes.get(i), GRACE);
        }
        processes.clear();
    }

    private synchronized int nextSubmission() {
        return ++submissions;
    }

    synchronized void forget(Process process) {
        processes.remove(process);
    }

    private void launch(String mainClass, String name, List<String> args) throws IOException {
        launchWithHeap(mainClass, name, DAEMON_HEAP, home.environment(), args);
    }

    private synchronized Process launchWithHeap(String mainClass, String name, String heap, Map<String, String> env,
                                                List<String> args) throws IOException {
        if (stopped) {
            throw new IllegalStateException("the cluster at " + masterUrl() + " is closed");
        }
        Process process = ChildJvm.start(heap, home.classpath(), mainClass, args, env,
                home.logs().resolve(name + ".log"));
        processes.add(process);
        return process;
    }

    private void awaitWorkers() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(POLL).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String lastState = "no answer";
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                for (Process process : processes) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("a cluster process exited with code " + process.exitValue()
                                + " while waiting for the workers\n" + diagnostics());
                    }
                }
            }
            try {
                String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                Matcher alive = ALIVE_WORKERS.matcher(body);
                if (alive.find() && Integer.parseInt(alive.group(1)) >= layout.workers()) {
                    return;
                }
                lastState = body;
            } catch (IOException notYetListening) {
                lastState = notYetListening.toString();
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("fewer than " + layout.workers() + " workers registered with " + masterUrl()
                + " within " + START_TIMEOUT
                + "; master state: " + lastState + "\n" + diagnostics());
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()
                .collect(Collectors.toList());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
