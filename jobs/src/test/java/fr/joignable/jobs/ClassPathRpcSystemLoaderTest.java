package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.apache.flink.runtime.rpc.RpcSystemLoader;
import org.apache.flink.runtime.rpc.exceptions.RpcLoaderException;
import org.junit.jupiter.api.Test;

/**
 * The class-path RPC loader is asked first and, where {@code flink-rpc-akka.jar} is not on the
 * class path (here: Maven's test class path has only {@code flink-rpc-akka-loader}), declines, so
 * that Flink's own loader still starts the RPC system. That it is used when the jar is there is
 * seen in a {@code ./joignable kpi} run ({@code docs/kpi-job.md}, fourth round: no temporary {@code
 * flink-rpc-akka*.jar}, Pekko's classes from the archive).
 */
class ClassPathRpcSystemLoaderTest {

    @Test
    void isTheFirstLoaderFlinkTries() {
        List<RpcSystemLoader> loaders = new ArrayList<>();
        ServiceLoader.load(RpcSystemLoader.class).forEach(loaders::add);
        loaders.sort(Comparator.comparingInt(RpcSystemLoader::getLoadPriority));
        assertThat(loaders).hasSizeGreaterThanOrEqualTo(2);
        assertThat(loaders.get(0)).isInstanceOf(ClassPathRpcSystemLoader.class);
    }

    @Test
    void declinesWithoutTheJarAndFlinksLoaderStillRuns() throws Exception {
        Configuration conf = new Configuration();
        assertThatThrownBy(() -> new ClassPathRpcSystemLoader().loadRpcSystem(conf))
                .isInstanceOf(RpcLoaderException.class);
        try (RpcSystem rpc = RpcSystem.load(conf)) {
            assertThat(rpc.getClass().getSimpleName()).isEqualTo("CleanupOnCloseRpcSystem");
        }
    }
}
