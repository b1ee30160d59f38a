package io.downhill.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who a request comes from, for fair shares and admission. Without a proxy: the connection's
 * address. Behind {@code hops} trusted proxies: the address the outermost of them saw, which is the
 * {@code hops}-th entry of {@code X-Forwarded-For} from the right. Entries further left were written
 * by the client and prove nothing, so they are never used.
 */
final class ClientAddress {
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.\\[\\]%a-zA-Z_-]{1,64}");
    private final int hops;

    ClientAddress(int hops) {
        this.hops = hops;
    }

    String of(Context ctx) {
        String direct = ctx.req().getRemoteAddr();
        if (hops == 0) {
            return direct;
        }
        List<String> entries = new ArrayList<>();
        Enumeration<String> headers = ctx.req().getHeaders("X-Forwarded-For");
        while (headers != null && headers.hasMoreElements()) {
            for (String part : headers.nextElement().split(",")) {
                if (!part.isBlank()) {
                    entries.add(part.strip());
                }
            }
        }
        if (entries.size() < hops) {
            return direct;
        }
        String candidate = entries.get(entries.size() - hops);
        return ADDRESS.matcher(candidate).matches() ? candidate : direct;
    }
}
