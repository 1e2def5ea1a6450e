package io.quarkmall.stock.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkmall.common.domain.RuleViolation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceLevelTest {

    @ParameterizedTest(name = "{0} service -> z {1}")
    @CsvSource(textBlock = """
            # probability, z from the standard normal table (both tails and the centre)
            0.5,       0
            0.8413447, 1.0
            0.9,       1.2815516
            0.95,      1.6448536
            0.975,     1.9599640
            0.99,      2.3263479
            0.999,     3.0902323
            0.02,      -2.0537489
            0.001,     -3.0902323
            """)
    void z_is_the_standard_normal_quantile_of_the_service_level(double probability, double z) {
        assertEquals(z, new ServiceLevel(probability).z(), 1e-6);
    }

    @ParameterizedTest(name = "service level {0} is refused")
    @ValueSource(doubles = {0, 1, -0.1, 1.5, Double.NaN})
    void a_service_level_outside_zero_to_one_is_refused(double probability) {
        var refused = assertThrows(RuleViolation.class, () -> new ServiceLevel(probability));
        assertEquals("service-level-out-of-range", refused.type());
    }
}
