package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.jobs.model.JobEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No record type of the KPI job falls back to Kryo: with generic types disabled ({@code
 * pipeline.generic-types: false}), Flink refuses to build a serializer for any type it would hand
 * to Kryo, so the graph (every stream's type) and a whole bounded run (state included) would fail.
 */
class NoGenericTypesTest {

    @TempDir Path dir;

    static Configuration noGenericTypes() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return conf;
    }

    @Test
    void theLiveGraphWithUpsertsAndLiveViewHasNoGenericType() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(2, noGenericTypes());
        DataStream<JobEvent> events =
                env.fromData(List.of(new JobEvent()), TypeInformation.of(JobEvent.class))
                        .assignTimestampsAndWatermarks(WatermarkStrategy.noWatermarks());
        KpiJob.defineWorkflow(
                events, new DiscardingKpiSinks(), KpiJobOptions.from(new Configuration()));
        assertThat(env.getStreamGraph().getStreamNodes()).isNotEmpty();
    }

    /** The guard itself works: a type Flink cannot analyse fails the graph. */
    @Test
    void aGenericTypeFailsTheGraph() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(1, noGenericTypes());
        env.fromData(List.of(1))
                .map(i -> Optional.of(i))
                .returns(
                        TypeInformation.of(
                                new org.apache.flink.api.common.typeinfo.TypeHint<
                                        Optional<Integer>>() {}))
                .sinkTo(new DiscardingSink<>());
        assertThatThrownBy(env::getStreamGraph)
                .hasMessageContaining("Generic types have been disabled");
    }

    @Test
    void aBoundedRunWithGenericTypesDisabledWritesItsTables() throws Exception {
        TestEvents gen = new TestEvents(3);
        Instant start = Instant.parse("2026-10-05T00:00:00Z");
        List<InteractionEvent> events = new java.util.ArrayList<>(gen.contacts(start, 1, 80));
        events.addAll(gen.agents(start, 1, 4));
        Path file = TestEvents.write(dir.resolve("events.jsonl"), gen.lines(events, true));
        Path out = dir.resolve("out");
        RunSummary s = FileKpiRun.run(List.of(file), out, true, noGenericTypes());
        assertThat(s.read()).isPositive();
        assertThat(Files.readAllLines(out.resolve("contact_intervals.csv"))).hasSizeGreaterThan(1);
        assertThat(Files.readAllLines(out.resolve("agent_intervals.csv"))).hasSizeGreaterThan(1);
    }
}
