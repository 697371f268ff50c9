package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.nvml.NVML_FI_DEV_NVLINK_LINK_COUNT;
import static org.bytedeco.cuda.global.nvml.NVML_FI_DEV_NVLINK_SPEED_MBPS_COMMON;
import static org.bytedeco.cuda.global.nvml.NVML_SUCCESS;
import static org.bytedeco.cuda.global.nvml.NVML_VALUE_TYPE_DOUBLE;
import static org.bytedeco.cuda.global.nvml.NVML_VALUE_TYPE_SIGNED_INT;
import static org.bytedeco.cuda.global.nvml.NVML_VALUE_TYPE_UNSIGNED_INT;
import static org.bytedeco.cuda.global.nvml.nvmlDeviceGetFieldValues;

import io.github.commgate.machine.MachineFacts;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.cuda.nvml.nvmlDevice_st;
import org.bytedeco.cuda.nvml.nvmlFieldValue_t;
import org.bytedeco.cuda.nvml.nvmlValue_t;

/**
 * The NVLink bandwidth of a GPU in one direction, the peak that nccl-tests' bus bandwidth is read
 * against: the number of NVLinks times their common speed, both NVML field values (the figures
 * {@code nvidia-smi nvlink -s} prints per link). A GPU without NVLink, or a driver that does not
 * answer, leaves the facts without a peak, and the reports without a "% of peak" column.
 */
final class NvLinkPeak {

    private NvLinkPeak() {
    }

    /** Puts {@link MachineFacts#PEAK_BUS_BANDWIDTH_GBPS} and its source into {@code facts} where NVML tells them. */
    static void read(nvmlDevice_st gpu, Map<String, String> facts) {
        try (nvmlFieldValue_t values = new nvmlFieldValue_t(2)) {
            values.getPointer(0).fieldId(NVML_FI_DEV_NVLINK_LINK_COUNT);
            values.getPointer(1).fieldId(NVML_FI_DEV_NVLINK_SPEED_MBPS_COMMON);
            if (nvmlDeviceGetFieldValues(gpu, 2, values) != NVML_SUCCESS) {
                return;
            }
            double links = value(values.getPointer(0));
            double megabytesPerSecond = value(values.getPointer(1));
            if (links > 0 && megabytesPerSecond > 0) {
                double linkGbps = megabytesPerSecond / 1000;
                facts.put(MachineFacts.PEAK_BUS_BANDWIDTH_GBPS, String.format(Locale.ROOT, "%.1f", links * linkGbps));
                facts.put(MachineFacts.PEAK_BUS_BANDWIDTH_SOURCE, String.format(Locale.ROOT, "NVML: %.0f NVLinks x %.1f GB/s",
                        links, linkGbps));
            }
        }
    }

    /** The field's value as a number; NaN where NVML could not read it or gives another type. */
    private static double value(nvmlFieldValue_t field) {
        if (field.nvmlReturn() != NVML_SUCCESS) {
            return Double.NaN;
        }
        nvmlValue_t value = field.value();
        int type = field.valueType();
        if (type == NVML_VALUE_TYPE_UNSIGNED_INT) {
            return Integer.toUnsignedLong(value.uiVal());
        }
        if (type == NVML_VALUE_TYPE_SIGNED_INT) {
            return value.siVal();
        }
        return type == NVML_VALUE_TYPE_DOUBLE ? value.dVal() : value.ullVal();
    }
}
