package org.consentry.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data}: the folder of the embedded store and the registry copies, shared by every command that reads them. */
final class DataFolder {

    @Option(names = "--data", defaultValue = "${env:CONSENTRY_DATA:-./data}",
            description = "the data folder: the embedded store and the registry copies (CONSENTRY_DATA, default ./data)")
    Path path;
}
