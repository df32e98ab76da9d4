package fr.joignable.jobs;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.apache.flink.runtime.rpc.RpcSystemLoader;
import org.apache.flink.runtime.rpc.exceptions.RpcLoaderException;

/**
 * Flink's RPC system (Pekko) from the class path, when {@code ./joignable} has put Flink's {@code
 * flink-rpc-akka.jar} on it (extracted once under {@code cli/target}). Flink's own loader instead
 * copies that 21 MB jar out of {@code flink-rpc-akka-loader} into a new temporary file at every
 * start and loads it in a class loader of its own, whose ~400 classes a class-data archive cannot
 * hold: 0.25–0.3 s of a 2-day {@code kpi} run ({@code docs/kpi-job.md}, "Fixed cost", fourth
 * round). Tried first (a lower priority number comes first); anywhere the jar is not on the class
 * path (a test, a Flink cluster) it declines and Flink's loader runs as before.
 */
public final class ClassPathRpcSystemLoader implements RpcSystemLoader {

    @Override
    public int getLoadPriority() {
        return -1;
    }

    @Override
    public RpcSystem loadRpcSystem(Configuration config) {
        try {
            Iterator<RpcSystem> systems =
                    ServiceLoader.load(RpcSystem.class, RpcSystem.class.getClassLoader())
                            .iterator();
            if (!systems.hasNext()) {
                throw new RpcLoaderException("no RPC system on the class path");
            }
            return systems.next();
        } catch (ServiceConfigurationError e) {
            // Flink's loader catches exceptions only: an Error would end the run
            throw new RpcLoaderException(e);
        }
    }
}
