package org.consentry.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.consentry.store.keys.ApiKeys;
import org.consentry.store.sqlite.FolderInUseException;
import org.consentry.store.sqlite.SqliteAdminKeys;
import org.consentry.store.sqlite.SqliteDatabase;
import org.consentry.store.sqlite.StoreDamagedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code consentry admin-key}: the provider's admin key, generated at first start, replaced here. */
@Command(name = "admin-key", description = "Work with the provider's admin key.",
        subcommands = {AdminKeyCommand.Replace.class, CommandLine.HelpCommand.class})
final class AdminKeyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Exit 0 with the new key shown once (and kept in data/admin.key), 1 when the store is in use by a running server
     * or cannot be opened.
     */
    @Command(name = "replace", description = "Replace the stored admin key with a new one (shown once): the old one opens nothing "
            + "once the server is started again. Run it with the server stopped.")
    static final class Replace implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Mixin
        DataFolder dataFolder;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isDirectory(dataFolder.path)) {
                err.println("consentry: " + dataFolder.path + " is not a data folder (start the server once to make one)");
                return 1;
            }
            SqliteDatabase database;
            try {
                database = SqliteDatabase.open(dataFolder.path);
            } catch (FolderInUseException e) {
                err.println("consentry: " + e.getMessage() + "; stop the server, replace the key, then start it again");
                return 1;
            } catch (StoreDamagedException e) {
                err.println("consentry: " + e.getMessage());
                return 1;
            }
            try {
                String key = new SqliteAdminKeys(database).replace(new ApiKeys(), Clock.systemUTC(), k -> keep(dataFolder.path, k));
                out.println("New admin key (shown once; only its hash is stored): " + key);
                out.println("It is also in " + dataFolder.path.resolve(ServeCommand.ADMIN_KEY_FILE) + " (readable by you only): keep it "
                        + "somewhere safe, then delete that file. The old key opens nothing once the server is started again.");
                out.println("(A server started with CONSENTRY_ADMIN_KEY uses that key instead: replace it where it is configured.)");
                out.flush();
                return 0;
            } finally {
                database.close();
            }
        }
    }

    /** Writes a new admin key to data/admin.key, owner-only, synced, before its hash is stored. */
    static void keep(Path data, String key) {
        Path file = data.resolve(ServeCommand.ADMIN_KEY_FILE);
        try {
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap((key + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + "; no admin key was stored", e);
        }
    }
}
