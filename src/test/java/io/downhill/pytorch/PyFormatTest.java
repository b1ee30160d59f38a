package io.downhill.pytorch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PyFormatTest {
    /** Each right-hand side is what CPython prints for f"{v:.6g}". */
    @ParameterizedTest
    @CsvSource({
        "1.234567e-05, 1.23457e-05",
        "123456789.0, 1.23457e+08",
        "0.0001, 0.0001",
        "100000.0, 100000",
        "1000000.0, 1e+06",
        "0.5, 0.5",
        "2.5e-07, 2.5e-07",
        "0.00012345678, 0.000123457",
        "999999.5, 1e+06",
        "9.9999996, 10",
        "-3.14159265, -3.14159",
        "1e-300, 1e-300",
        "4.9e-324, 4.94066e-324",
        "0.30000000000000004, 0.3",
        "1.0000005, 1",
        "2.0000005, 2",
        "0.0, 0",
        "-0.0, -0",
        "NaN, nan",
        "Infinity, inf",
        "-Infinity, -inf",
    })
    void sixSignificantDigitsAsPythonPrintsThem(double v, String python) {
        assertThat(PyFormat.g6(v)).isEqualTo(python);
    }

    @ParameterizedTest
    @CsvSource({"0.05", "1e-08", "0.001", "3.0", "1.4677992676220701", "0.1"})
    void literalsParseBackToTheSameDouble(double v) {
        assertThat(Double.parseDouble(PyFormat.literal(v))).isEqualTo(v);
    }
}
