package fr.joignable.forecasting.staffing;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.table.RosterTable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A roster CSV ({@code agent_id,team,skills,fte}; {@code skills} queue names separated by {@code
 * ;}; {@code fte} in (0, 1]), as {@code docs/cli.md} describes it.
 */
public record StaffRoster(List<Agent> agents) {

    /** One agent: the queues he is trained for, his contract. */
    public record Agent(String agentId, String team, List<String> skills, double fte) {}

    public static final String HEADER = RosterTable.HEADER;

    public StaffRoster {
        agents = List.copyOf(agents);
    }

    public static StaffRoster read(Path file) {
        CSVFormat format =
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true)
                        .setTrim(true)
                        .get();
        List<Agent> agents = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(in)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String c : List.of("agent_id", "skills", "fte")) {
                if (header == null
                        || !(header.containsKey(c) || header.containsKey("\uFEFF" + c))) {
                    throw new InputException(
                            file + " line 1: no column " + c + " (header must be " + HEADER + ")");
                }
            }
            Set<String> ids = new HashSet<>();
            for (CSVRecord r : parser) {
                String at = file + " line " + (r.getRecordNumber() + 1);
                String id = field(r, "agent_id");
                if (id.isEmpty()) {
                    throw new InputException(at + ": field agent_id: empty");
                }
                if (!ids.add(id)) {
                    throw new InputException(at + ": field agent_id: '" + id + "' appears twice");
                }
                Set<String> skills = new LinkedHashSet<>();
                for (String s : field(r, "skills").split(";")) {
                    if (!s.isBlank()) {
                        skills.add(s.strip());
                    }
                }
                String fteText = field(r, "fte");
                double fte = ForecastReader.number(at, "fte", fteText);
                if (!(fte > 0 && fte <= 1)) {
                    throw new InputException(at + ": field fte: must be in (0, 1], got " + fteText);
                }
                String team = r.isMapped("team") ? r.get("team") : "";
                agents.add(new Agent(id, team, List.copyOf(skills), fte));
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InputException(file + ": not a valid roster CSV: " + e.getMessage());
        }
        if (agents.isEmpty()) {
            throw new InputException(file + ": no agents");
        }
        return new StaffRoster(agents);
    }

    private static String field(CSVRecord r, String name) {
        if (r.isMapped(name)) {
            return r.get(name);
        }
        return r.get("\uFEFF" + name);
    }

    /** Total full-time equivalents. */
    public double fte() {
        return agents.stream().mapToDouble(Agent::fte).sum();
    }
}
