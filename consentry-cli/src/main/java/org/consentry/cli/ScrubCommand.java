package org.consentry.cli;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.consentry.address.PhoneNumberParser;
import org.consentry.policy.Channel;
import org.consentry.policy.Decision;
import org.consentry.policy.Purpose;
import org.consentry.store.Store;
import org.consentry.store.sqlite.FolderInUseException;
import org.consentry.store.sqlite.StoreDamagedException;
import org.consentry.store.scrub.ListScrubber;
import org.consentry.store.scrub.ScrubException;
import org.consentry.store.scrub.ScrubReport;
import org.consentry.store.scrub.ScrubSummary;
import org.consentry.server.http.JsonBody;
import org.consentry.tenant.TenantProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code consentry scrub}: a contact list judged before a campaign, from the store in the data folder, with a
 * progress bar; writes the scrubbed CSV and its report (HTML and JSON) beside it.
 */
@Command(name = "scrub", mixinStandardHelpOptions = true,
        description = {"Scrub a contact list (CSV with a header row) before a campaign: every row gets decision, reasons, not_before and e164.",
            "Writes OUT, OUT's report as HTML (a chart of what was removed and why) and its counts as JSON."})
final class ScrubCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "LIST", description = "the contact list (CSV, UTF-8, header row)")
    Path list;

    @Option(names = "--tenant", required = true, description = "the tenant id whose consents and opt-outs apply")
    String tenantId;

    @Option(names = "--channel", required = true, description = "sms, mms, email, voice, ivr or rvm")
    String channelName;

    @Option(names = "--purpose", required = true, description = "marketing, transactional or informational")
    String purposeName;

    @Option(names = "--out", required = true, description = "the scrubbed list to write")
    Path out;

    @Option(names = "--at", description = "when the campaign will send (quiet hours are judged then); default now")
    String at;

    @Option(names = "--column", description = "the address column's header name; default: found by name (phone, mobile, cell... or email)")
    String column;

    @Option(names = "--prerecorded", description = "the campaign's calls are prerecorded or artificial voice (IVR and RVM always are)")
    boolean prerecorded;

    @Option(names = "--ai-voice", description = "the campaign's calls use an AI-generated voice")
    boolean aiVoice;

    @Option(names = "--country", description = "the region of phone numbers written without + (default the tenant's country, else US)")
    String country;

    @picocli.CommandLine.Mixin
    DataFolder dataFolder;

    @Option(names = "--no-progress", description = "no progress bar (for logs)")
    boolean noProgress;

    @Override public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Channel channel = Channel.fromWire(channelName.toLowerCase(Locale.ROOT)).orElse(null);
        Purpose purpose = Purpose.fromWire(purposeName.toLowerCase(Locale.ROOT)).orElse(null);
        Instant when;
        try {
            when = at == null ? Instant.now() : RegistryCommand.Import.parseDate(at);
        } catch (DateTimeParseException e) {
            err.println("--at is an instant (2026-03-16T14:30:00Z) or a date, not " + at);
            return 2;
        }
        String unfit = channel == null ? "--channel is sms, mms, email, voice, ivr or rvm, not " + channelName
                : purpose == null ? "--purpose is marketing, transactional or informational, not " + purposeName
                : unfit(when);
        if (unfit != null) {
            err.println(unfit);
            return 2;
        }
        long started = System.nanoTime();
        try (Store store = Store.embedded(dataFolder.path, Clock.systemUTC())) {
            // the registry copies read whole against their checksums before any row is judged by them: a scrub is over in
            // seconds, and a copy changed on disk must be out of force (its list unreadable) before then, not after
            store.registries().awaitChecks();
            // no server runs while a scrub holds the folder: a proof request left unanswered past its due time suspends its
            // tenant here, as the server does at every start
            store.proofRequests().expireOverdue(Instant.now());
            TenantProfile tenant = store.directory().tenant(tenantId).orElse(null);
            if (tenant == null) {
                err.println("no tenant " + tenantId + " in " + dataFolder.path);
                return 2;
            }
            String region = country != null ? country.toUpperCase(Locale.ROOT)
                    : PhoneNumberParser.isRegion(tenant.country()) ? tenant.country().toUpperCase(Locale.ROOT) : "US"; // as the API reads them
            ListScrubber.Request request = new ListScrubber.Request(tenant, channel, purpose, when, region, column,
                    prerecorded, aiVoice);
            return scrub(store, request, started);
        } catch (FolderInUseException | StoreDamagedException | org.consentry.ledger.LedgerFormatException e) {
            err.println(e.getMessage()); // a damaged ledger or store in one line, as `serve` says it
            return 1;
        }
    }

    /** Why the arguments cannot be scrubbed as asked (checked before anything is opened or written), or null. */
    private String unfit(Instant when) {
        String wrongTime = JsonBody.outOfRange(when);
        if (wrongTime != null) {
            return "--at " + wrongTime;
        }
        if (country != null && !PhoneNumberParser.isRegion(country)) {
            return "--country is an ISO 3166 country code such as US (the region of numbers written without +), not " + country;
        }
        if (Files.isDirectory(list)) {
            return list + " is a folder; LIST is the contact list (a CSV file)";
        }
        if (!Files.isReadable(list)) {
            return "cannot read " + list;
        }
        Path folder = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            return "no folder " + folder + " to write --out " + out + " in";
        }
        for (Path written : List.of(out, sibling(out, ".report.html"), sibling(out, ".report.json"))) {
            if (Files.isDirectory(written)) {
                return written + " is a folder; --out names the scrubbed list to write (its reports go beside it)";
            }
        }
        return null;
    }

    /** Scrubs into a file beside OUT and moves it over OUT when whole; on any failure the partial file is deleted. */
    private int scrub(Store store, ListScrubber.Request request, long started) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        long opened = System.nanoTime();
        long total = Files.size(list);
        AtomicLong read = new AtomicLong();
        Path partial;
        try {
            partial = Files.createTempFile(out.toAbsolutePath().getParent(), out.getFileName() + ".", ".partial");
        } catch (IOException e) {
            err.println("cannot write beside " + out + ": " + e);
            return 2;
        }
        ScrubSummary summary;
        try {
            try (ProgressBar bar = noProgress ? null : new ProgressBarBuilder().setTaskName("scrub").setInitialMax(Math.max(1, total >>> 20))
                    .setUnit(" MiB", 1).setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(250).continuousUpdate().build();
                 InputStream in = new CountingInput(Files.newInputStream(list), read);
                 OutputStream writer = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                AtomicLong rows = new AtomicLong();
                summary = store.scrubber().scrub(in, writer, request, done -> {
                    rows.addAndGet(done);
                    if (bar != null) {
                        bar.stepTo(read.get() >>> 20);
                        bar.setExtraMessage(String.format(Locale.ROOT, " %,d rows", rows.get()));
                    }
                });
                if (bar != null) {
                    bar.stepTo(total >>> 20);
                }
            }
            // written beside OUT and moved over it when whole: a scrub that fails never leaves a list that looks done
            Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (ScrubException e) {
            Files.deleteIfExists(partial);
            err.println("cannot scrub " + list + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            err.println("cannot scrub " + list + " into " + out + ", nothing written: " + e);
            return 2;
        } catch (RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        return report(summary, request, started, opened);
    }

    private int report(ScrubSummary summary, ListScrubber.Request request, long started, long opened) {
        PrintWriter stdout = spec.commandLine().getOut();
        double seconds = (System.nanoTime() - opened) / 1e9;
        Path html = sibling(out, ".report.html");
        Path json = sibling(out, ".report.json");
        try {
            Files.writeString(html, ScrubReport.html(summary, list.getFileName().toString(), request.channel().wireName() + " "
                    + request.purpose().wireName() + " for " + request.tenant().brand() + " at " + request.at()), StandardCharsets.UTF_8);
            Files.writeString(json, summary.toJson() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            spec.commandLine().getErr().println("wrote " + out + ", but not its report: " + e);
            return 2;
        }
        stdout.printf(Locale.ROOT, "%,d rows scrubbed in %.1f s (%,.0f rows/s; store opened in %.1f s): %,d allow, %,d defer, %,d block%n",
                summary.rows(), seconds, summary.rows() / Math.max(seconds, 1e-9), (opened - started) / 1e9,
                summary.count(Decision.ALLOW), summary.count(Decision.DEFER), summary.count(Decision.BLOCK));
        summary.sortedReasons().forEach(reason -> stdout.printf(Locale.ROOT, "  %-30s %,d%n", reason.getKey().name(), reason.getValue()));
        stdout.println("wrote " + out + ", " + html + ", " + json);
        stdout.flush();
        return 0;
    }

    private static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString().replaceAll("\\.csv$", "");
        return file.resolveSibling(name + suffix);
    }

    /** Counts the characters read, close enough to bytes for a progress bar over a mostly ASCII file. */
    private static final class CountingInput extends FilterInputStream {
        private final AtomicLong read;

        CountingInput(InputStream in, AtomicLong read) {
            super(in);
            this.read = read;
        }

        @Override public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }
    }
}
