package org.clsweep.jobs.cli;

import org.clsweep.jobs.output.Provenance;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the code version. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"clsweep " + Provenance.codeVersion()};
    }
}
