package io.downhill.pytorch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

/** Numbers written as Python writes them, so a script's comments and its output read the same. */
public final class PyFormat {
    private PyFormat() {}

    /**
     * Python's {@code f"{v:.6g}"}: 6 significant digits of the exact binary value (round half to
     * even), fixed notation for exponents −4..5, else d.ddddde±XX; trailing zeros dropped.
     */
    public static String g6(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0" : "0";
        }
        BigDecimal r = new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN));
        int exponent = r.precision() - r.scale() - 1;
        if (exponent >= -4 && exponent < 6) {
            return strip(r.setScale(Math.max(0, 5 - exponent), RoundingMode.UNNECESSARY).toPlainString());
        }
        BigDecimal mantissa = r.movePointLeft(exponent).setScale(5, RoundingMode.UNNECESSARY);
        String e = String.format("%02d", Math.abs(exponent));
        return strip(mantissa.toPlainString()) + "e" + (exponent < 0 ? "-" : "+") + e;
    }

    /** "[0.99876, 0.997531]": a list of numbers as the script prints them. */
    public static String g6List(double[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(g6(values[i]));
        }
        return b.append("]").toString();
    }

    /** A Python float literal that parses to exactly {@code v}. */
    public static String literal(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "float(\"" + g6(v) + "\")";
        }
        return Double.toString(v).replace("E", "e");
    }

    public static String literal(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Integer i) {
            return i.toString();
        }
        if (v instanceof Double d) {
            return literal((double) d);
        }
        if (v instanceof List<?> l) {
            return "(" + l.stream().map(PyFormat::literal).collect(Collectors.joining(", ")) + ")";
        }
        return "\"" + v + "\"";
    }

    private static String strip(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
