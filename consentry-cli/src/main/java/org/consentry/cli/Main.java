package org.consentry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code consentry}: the command line. */
@Command(name = "consentry", mixinStandardHelpOptions = true, version = "consentry 0.1.0",
        description = "A compliance gateway for outbound business communications.",
        subcommands = {ServeCommand.class, AdminKeyCommand.class, EvidenceCommand.class, RegistryCommand.class, ScrubCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int status = new CommandLine(new Main()).execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    @Override public void run() {
        spec.commandLine().usage(System.out);
    }
}
