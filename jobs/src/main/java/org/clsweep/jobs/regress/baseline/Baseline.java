package org.clsweep.jobs.regress.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.clsweep.jobs.output.FileSystems;
import org.apache.hadoop.fs.Path;
import org.clsweep.data.spec.SpecException;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.ManifestStatus;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.regress.UnusableInputException;
import org.clsweep.jobs.spec.SpecDiff;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;

/**
 * A baseline directory, checked before any Spark work: it must be a complete clsweep sweep output
 * of the same spec as the current run. "Same" compares the resolved specs key by key, ignoring
 * the seeds and the {@code regress} block; keys that the current run changed on purpose with
 * {@code --set} are allowed and reported as perturbations, any other difference makes the
 * baseline unusable and names the keys.
 *
 * <pre>
 *   D = SpecDiff(baseline manifest spec, current spec)          keys that differ
 *   S = SpecDiff(spec file alone, spec file + --set)            keys the --set options changed
 *   usable iff every key of D is in S;  perturbations = D
 * </pre>
 *
 * @param dir           the baseline directory as given
 * @param manifest      its manifest
 * @param spec          its resolved spec
 * @param perturbations how the current run deliberately differs from it
 */
public record Baseline(String dir, Manifest manifest, SweepSpec spec, List<SpecDiff.Difference> perturbations) {
    public Baseline {
        perturbations = List.copyOf(perturbations);
    }

    /**
     * @param conf     the Hadoop configuration
     * @param dir      the baseline directory
     * @param fileOnly the spec file without {@code --set} options
     * @param current  the spec the current run uses ({@code --set} options and seed offset applied)
     * @throws UnusableInputException if the directory is missing, has no readable manifest, is not
     *                                complete, or holds another sweep
     */
    public static Baseline open(Configuration conf, String dir, SweepSpec fileOnly, SweepSpec current) {
        Manifest m = readManifest(conf, dir);
        if (m.status() != ManifestStatus.COMPLETE) {
            throw new UnusableInputException("baseline " + dir + " is not a complete sweep: its manifest says "
                    + m.status() + (m.error() == null ? "" : " (" + m.error() + ")"));
        }
        SweepSpec base = specOf(m, dir);
        List<SpecDiff.Difference> diff = comparable(SpecDiff.between(base, current));
        Set<String> set = new HashSet<>();
        for (SpecDiff.Difference d : SpecDiff.between(fileOnly, current)) {
            set.add(d.key());
        }
        List<String> unexplained = new ArrayList<>();
        for (SpecDiff.Difference d : diff) {
            if (!set.contains(d.key())) {
                unexplained.add(d.toString());
            }
        }
        if (!unexplained.isEmpty()) {
            throw new UnusableInputException("baseline " + dir + " is from a different sweep spec ('" + m.sweep()
                    + "', spec hash " + m.specHash().substring(0, Math.min(12, m.specHash().length()))
                    + "…); the keys that differ, other than seeds and regress, are: " + String.join("; ", unexplained)
                    + ". Make a baseline from this spec with --update-baseline, or pass the changes with --set");
        }
        return new Baseline(dir, m, base, diff);
    }

    /** The differences a baseline may not have, i.e. all but the seeds (fresh every night). */
    private static List<SpecDiff.Difference> comparable(List<SpecDiff.Difference> diff) {
        List<SpecDiff.Difference> out = new ArrayList<>();
        for (SpecDiff.Difference d : diff) {
            if (!d.key().equals(SpecParser.SEEDS)) {
                out.add(d);
            }
        }
        return out;
    }

    private static SweepSpec specOf(Manifest m, String dir) {
        try {
            return SpecParser.parseString(m.spec(), dir + "/" + OutputDirectory.MANIFEST, List.of());
        } catch (SpecException e) {
            throw new UnusableInputException("baseline " + dir + " holds a spec this clsweep version cannot read: "
                    + e.getMessage(), e);
        }
    }

    private static Manifest readManifest(Configuration conf, String dir) {
        Path root;
        try {
            root = new Path(dir);
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException("baseline " + dir + " is not a valid path: " + e.getMessage(), e);
        }
        Path file = new Path(root, OutputDirectory.MANIFEST);
        try {
            FileSystem fs = FileSystems.of(root, conf);
            if (!fs.exists(root)) {
                throw new UnusableInputException("baseline " + dir + " does not exist; make one with --update-baseline");
            }
            if (!fs.getFileStatus(root).isDirectory()) {
                throw new UnusableInputException("baseline " + dir + " is a file, not a sweep output directory");
            }
            if (!fs.exists(file)) {
                List<Path> unfinished = BaselineStore.unfinishedUpdates(fs, fs.makeQualified(root));
                if (!unfinished.isEmpty()) {
                    throw new UnusableInputException("baseline " + dir + " has no " + OutputDirectory.MANIFEST
                            + ": an --update-baseline was cut short while installing it, or is installing it now (the new "
                            + "baseline is in "
                            + unfinished.get(0) + "); run regress with --update-baseline again to finish it");
                }
                throw new UnusableInputException("baseline " + dir + " has no " + OutputDirectory.MANIFEST
                        + ": it is empty or not a clsweep sweep output directory");
            }
            return Manifest.parse(text(fs, file), name -> {
                try {
                    return text(fs, new Path(root, name));
                } catch (IOException e) {
                    throw new IllegalArgumentException("its seed list " + name + " cannot be read: "
                            + e.getMessage(), e);
                }
            });
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException("baseline " + dir + " has a corrupt " + OutputDirectory.MANIFEST + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UnusableInputException("cannot read baseline " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String text(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
