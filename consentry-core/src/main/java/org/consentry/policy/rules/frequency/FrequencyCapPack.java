package org.consentry.policy.rules.frequency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.consentry.policy.Channel;
import org.consentry.ruledata.RuleDataFile;

/** A state's cap on telephone solicitations, from {@value #FILE}. */
public record FrequencyCapPack(String id, String name, Set<String> regions, Set<String> subdivisions, Set<Channel> channels,
                               int count, Duration window, boolean perTopic, String citation) {

    public static final String FILE = "/org/consentry/rules/frequency-caps.tsv";

    public static List<FrequencyCapPack> load() {
        List<FrequencyCapPack> packs = new ArrayList<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(FILE).rows()) {
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            for (String name : row.get("channels").split(",")) {
                channels.add(Channel.fromWire(name).orElseThrow(() -> row.problem("channels", "'" + name + "' is not a channel")));
            }
            int count;
            int hours;
            try {
                count = Integer.parseInt(row.get("count"));
                hours = Integer.parseInt(row.get("window_hours"));
            } catch (NumberFormatException e) {
                throw row.problem("count", "count and window_hours must be whole numbers");
            }
            String per = row.get("per");
            if (!per.equals("topic") && !per.equals("recipient")) {
                throw row.problem("per", "'" + per + "' is not topic or recipient");
            }
            String subdivisions = row.get("subdivisions");
            packs.add(new FrequencyCapPack(row.get("pack"), row.get("name"), Set.of(row.get("regions").split(",")),
                    "*".equals(subdivisions) ? Set.of() : Set.of(subdivisions.split(",")), channels, count, Duration.ofHours(hours),
                    per.equals("topic"), row.get("citation")));
        }
        return List.copyOf(packs);
    }
}
