package dev.newsmon.processor;

import dev.newsmon.common.config.NewsmonConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.DslStoreFormat;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.DslKeyValueParams;
import org.apache.kafka.streams.state.DslStoreSuppliers;
import org.apache.kafka.streams.state.DslWindowParams;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import java.time.Duration;

/**
 * Builds the processor's state stores (all keyed by String). The implementation follows Kafka Streams' own
 * {@code dsl.store.suppliers.class} setting (given as {@code kafka.dsl.store.suppliers.class}), so the hand-built
 * stores live where the DSL's would: RocksDB by default, in memory when a test asks for it.
 */
public final class StateStores {
    private final DslStoreSuppliers suppliers;

    private StateStores(DslStoreSuppliers suppliers) {
        this.suppliers = suppliers;
    }

    public static StateStores from(NewsmonConfig config) {
        String className = config.kafka().get(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG);
        if (className == null) {
            return new StateStores(BuiltInDslStoreSuppliers.ROCKS_DB);
        }
        try {
            return new StateStores(Utils.newInstance(className, DslStoreSuppliers.class));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("kafka." + StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG
                    + " names a class that is not on the class path: " + className, e);
        }
    }

    public <V> StoreBuilder<KeyValueStore<String, V>> keyValue(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(suppliers.keyValueStore(new DslKeyValueParams(name, DslStoreFormat.PLAIN)),
                Serdes.String(), values);
    }

    /** A store of values by key and timestamp, dropping what is older than the retention. */
    public <V> StoreBuilder<WindowStore<String, V>> window(String name, Duration retention, boolean retainDuplicates,
                                                           Serde<V> values) {
        DslWindowParams params = new DslWindowParams(name, retention, retention, retainDuplicates,
                EmitStrategy.onWindowUpdate(), false, DslStoreFormat.PLAIN);
        return Stores.windowStoreBuilder(suppliers.windowStore(params), Serdes.String(), values);
    }
}
