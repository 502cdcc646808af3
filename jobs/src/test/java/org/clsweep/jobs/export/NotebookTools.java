package org.clsweep.jobs.export;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Python notebook tools the export tests call: Debian's {@code jupyter-nbconvert} and
 * {@code python3-nbformat}, run as {@code python3 -m nbconvert}. The interpreter is
 * {@code /usr/bin/python3} (the Debian one that sees those packages), or {@code $NOTEBOOK_PYTHON}.
 *
 * <p>When the tools are missing, the tests that need them are skipped on a developer machine and
 * fail in CI: the environment variable {@code CI=true} makes them required. CI installs them with
 * {@code .ci/install-notebook-tools.sh}.
 */
final class NotebookTools {
    static final String PYTHON = System.getenv().getOrDefault("NOTEBOOK_PYTHON", "/usr/bin/python3");
    private static final long TIMEOUT_SECONDS = 120;

    /** The output of a finished process. */
    record Output(int exitCode, String text) {
    }

    private NotebookTools() {
    }

    /** Whether CI requires the tools. */
    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips the calling test when nbconvert and nbformat are missing, or fails it when {@link #required()}. */
    static void assumeAvailable() {
        String problem = problem();
        if (problem == null) {
            return;
        }
        String message = "jupyter nbconvert is not available (" + problem + "); install it with "
                + ".ci/install-notebook-tools.sh";
        if (required()) {
            fail("CI=true requires the notebook tools: " + message);
        }
        Assumptions.assumeTrue(false, message);
    }

    /** Runs {@code python3 args…} and waits for it. */
    static Output python(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(PYTHON);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out after " + TIMEOUT_SECONDS + " s: " + cmd);
        }
        return new Output(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String problem() {
        try {
            Output o = python("-c", "import nbconvert, nbformat");
            return o.exitCode() == 0 ? null : PYTHON + " cannot import nbconvert, nbformat: " + o.text().strip();
        } catch (IOException e) {
            return "cannot start " + PYTHON + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
