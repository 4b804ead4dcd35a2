package org.consentry.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.consentry.address.PhoneNumber;
import org.consentry.ruledata.RuleDataFile;
import org.junit.jupiter.api.Test;

/**
 * Holds {@value ZoneLookup#SPLIT_FILE} to what the numbering plan says: an overlay rings where its parent rings, a
 * code NANPA gives several time zones is placed in all of them, and a code the mapper splits by exchange is split
 * whole. The overlays and NANPA's zones are in the test resource {@value #OVERLAYS}, each row with its source.
 */
class AreaCodeZonesTest {

    static final String OVERLAYS = "/org/consentry/jurisdiction/area-code-overlays.tsv";
    /** The standard offset of each of NANPA's zone letters. */
    private static final Map<Character, ZoneOffset> LETTERS = Map.of(
            'A', ZoneOffset.ofHours(-4), 'E', ZoneOffset.ofHours(-5), 'C', ZoneOffset.ofHours(-6),
            'M', ZoneOffset.ofHours(-7), 'P', ZoneOffset.ofHours(-8), 'N', ZoneOffset.ofHoursMinutes(-3, -30));
    private static final Instant WINTER = Instant.parse("2026-01-15T12:00:00Z");

    private final ZoneLookup zones = ZoneLookup.load();
    private final RuleDataFile overlays = RuleDataFile.resource(OVERLAYS);

    @Test
    void everyOverlayRingsInEveryZoneOfItsParent() {
        List<String> missing = new ArrayList<>();
        for (RuleDataFile.Row row : overlays.rows()) {
            int parent = Integer.parseInt(row.get("npa"));
            Set<ZoneId> parentZones = zonesOfCode(parent);
            for (int overlay : codes(row.get("overlays"))) {
                Set<ZoneId> overlayZones = zonesOfCode(overlay);
                if (!overlayZones.containsAll(parentZones)) {
                    missing.add(overlay + " (overlay of " + parent + " " + parentZones + ") rings only in " + overlayZones);
                }
            }
        }
        assertThat(missing).as("overlays judged in fewer zones than their parent").isEmpty();
    }

    @Test
    void everyZoneNanpaGivesACodeIsAmongItsZones() {
        List<String> missing = new ArrayList<>();
        for (RuleDataFile.Row row : overlays.rows()) {
            String letters = row.get("nanpa_time_zones");
            if ("-".equals(letters)) {
                continue;
            }
            int parent = Integer.parseInt(row.get("npa"));
            List<Integer> served = new ArrayList<>(codes(row.get("overlays")));
            served.add(0, parent);
            for (int code : served) {
                Set<ZoneOffset> offsets = new HashSet<>();
                for (ZoneId zone : zonesOfCode(code)) {
                    offsets.add(zone.getRules().getStandardOffset(WINTER));
                }
                for (char letter : letters.toCharArray()) {
                    if (!offsets.contains(LETTERS.get(letter))) {
                        missing.add(code + " has no zone of NANPA's " + letter + " (" + parent + ": " + letters + ")");
                    }
                }
            }
        }
        assertThat(missing).as("codes without a zone NANPA gives them").isEmpty();
    }

    @Test
    void everySplitCodeHasItsOverlaysRecorded() {
        Set<Integer> recorded = new HashSet<>();
        for (RuleDataFile.Row row : overlays.rows()) {
            recorded.add(Integer.parseInt(row.get("npa")));
            recorded.addAll(codes(row.get("overlays")));
        }
        Set<Integer> unrecorded = new TreeSet<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(ZoneLookup.SPLIT_FILE).rows()) {
            int code = Integer.parseInt(row.get("npa"));
            if (!recorded.contains(code)) {
                unrecorded.add(code);
            }
        }
        assertThat(unrecorded).as("split codes whose overlays " + OVERLAYS + " does not record").isEmpty();
    }

    /** A code whose exchanges the mapper places in different zones must be listed whole: every exchange in every zone. */
    @Test
    void everyCodeTheMapperSplitsIsJudgedInEveryZoneOfTheCode() {
        List<String> split = new ArrayList<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(AreaCodes.FILE).rows()) {
            String region = row.get("region");
            if (!("US".equals(region) || "CA".equals(region)) || "-".equals(row.get("subdivisions"))) {
                continue;
            }
            int code = Integer.parseInt(row.get("npa"));
            Set<ZoneId> whole = zonesOfCode(code);
            for (int exchange = 200; exchange < 1000; exchange++) {
                List<ZoneId> some = zones.zonesOf(number(code, exchange));
                if (!some.isEmpty() && !new HashSet<>(some).equals(whole)) {
                    split.add(code + "-" + exchange + " " + some + " of " + whole);
                    break;
                }
            }
        }
        assertThat(split).as("codes judged by exchange in fewer zones than the code has").isEmpty();
    }

    @Test
    void readsTheFloridaPanhandleOverlayInBothZones() {
        assertThat(zones.zonesOf(number(448, 250))).containsExactlyInAnyOrder(
                ZoneId.of("America/Chicago"), ZoneId.of("America/New_York"));
    }

    /** Every zone any exchange of the code rings in. */
    private Set<ZoneId> zonesOfCode(int code) {
        Set<ZoneId> all = new LinkedHashSet<>();
        for (int exchange = 200; exchange < 1000; exchange++) {
            all.addAll(zones.zonesOf(number(code, exchange)));
        }
        return all;
    }

    private static PhoneNumber number(int code, int exchange) {
        long national = code * 10_000_000L + exchange * 10_000L + 4567;
        return new PhoneNumber("+1" + national, 1, national, "US");
    }

    private static List<Integer> codes(String list) {
        List<Integer> codes = new ArrayList<>();
        if (!"-".equals(list)) {
            for (String code : list.split(",")) {
                codes.add(Integer.parseInt(code));
            }
        }
        return codes;
    }
}
