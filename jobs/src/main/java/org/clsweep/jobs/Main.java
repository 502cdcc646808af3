package org.clsweep.jobs;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.clsweep.data.spec.SpecException;
import org.clsweep.jobs.cli.AggregateCommand;
import org.clsweep.jobs.cli.ExitCodes;
import org.clsweep.jobs.cli.ExportCommand;
import org.clsweep.jobs.cli.RegressCommand;
import org.clsweep.jobs.cli.RunCommand;
import org.clsweep.jobs.cli.ValidateCommand;
import org.clsweep.jobs.cli.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The clsweep command line: {@code run}, {@code validate}, {@code aggregate}, {@code export},
 * {@code regress}. The same verbs work through {@code bin/clsweep} (embedded Spark) and
 * {@code spark-submit --class org.clsweep.jobs.Main}.
 * Exit codes: 0 success, 1 failed runs, a failed sweep or a regression, 2 bad usage or spec (nothing
 * written) or an unusable regression baseline.
 */
@Command(name = "clsweep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Sweeps over the training dynamics of contrastive learning, on Spark.",
        subcommands = {RunCommand.class, ValidateCommand.class, AggregateCommand.class, ExportCommand.class,
            RegressCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(System.out, System.err, args));
    }

    /**
     * Runs the CLI without exiting the JVM.
     *
     * @return the exit code
     */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter w = cmd.getErr();
            if (e instanceof SpecException) {
                w.println("clsweep: error: " + e.getMessage());
                w.flush();
                return ExitCodes.USAGE;
            }
            w.println("clsweep: the command failed: " + e);
            e.printStackTrace(w);
            w.flush();
            return ExitCodes.FAILED;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: run, validate, aggregate, export or regress");
    }
}
