package org.consentry.policy.rules.timing;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.consentry.ruledata.RuleDataFile;

/**
 * One jurisdiction's calling hours for marketing, read from {@value #FILE}.
 *
 * @param id       e.g. {@code us-federal}
 * @param regions  the ISO regions of the numbers it binds (a number's region from libphonenumber)
 * @param citation the provision
 */
public record QuietHoursPack(String id, Set<String> regions, DailyWindow window, String name, String citation, String source) {

    public static final String FILE = "/org/consentry/rules/quiet-hours.tsv";

    public static List<QuietHoursPack> load() {
        RuleDataFile file = RuleDataFile.resource(FILE);
        List<QuietHoursPack> packs = new ArrayList<>();
        for (RuleDataFile.Row row : file.rows()) {
            DailyWindow window;
            try {
                window = new DailyWindow(time(row, "start"), time(row, "end"));
            } catch (IllegalArgumentException e) {
                throw row.problem("end", e.getMessage());
            }
            packs.add(new QuietHoursPack(row.get("pack"), Set.of(row.get("regions").split(",")), window,
                    row.get("name"), row.get("citation"), row.get("source")));
        }
        return List.copyOf(packs);
    }

    public static QuietHoursPack load(String id) {
        return load().stream().filter(pack -> pack.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(FILE + " has no pack '" + id + "'"));
    }

    private static LocalTime time(RuleDataFile.Row row, String key) {
        try {
            return LocalTime.parse(row.get(key));
        } catch (DateTimeParseException e) {
            throw row.problem(key, "'" + row.get(key) + "' is not a time (HH:MM)");
        }
    }
}
