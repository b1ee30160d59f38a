package io.downhill;

import io.downhill.course.ContentIssue;
import io.downhill.course.CourseException;
import io.downhill.web.Server;
import io.downhill.web.ServerOptions;
import java.io.PrintStream;
import java.util.List;

/** Command line: {@code serve} (the default), {@code check}, {@code new} and {@code help}. */
public final class Main {
    static final String USAGE = """
            Usage: java -jar downhill.jar [serve] [options]

            Commands:
              serve              start the course web site (the default)
              check              validate the course and print file:line:col: problems;
                                 exit 1 on errors ([--content DIR] [--format text|json]
                                 [--watch: check again on every save, until Ctrl-C])
              new DIR            write a small course to start from into the new folder DIR
              help               print this text

            Options for serve:
              --port N           port to listen on (default 7070; 0 picks a free one)
              --host ADDR        address to bind (default 0.0.0.0)
              --content DIR      serve the course in DIR instead of the bundled one
              --base-path /P     serve everything under /P, e.g. behind a proxy at /course
              --trust-proxy      behind a reverse proxy: charge requests to the address the
                                 proxy saw (the rightmost X-Forwarded-For entry)
              --proxy-hops N     behind N proxies in a chain (implies --trust-proxy)
              --max-streams N    computing responses open at once (default 12000)
              --max-streams-per-client N
                                 open per address (default 4000: a class behind one NAT)
              --run-cache-mb N   memory for finished runs shared by all (default 64; 0: off)
              --dev              author mode: reload pages when markdown, templates or
                                 static files change; show drafts and content errors on the page.
                                 templates/ and static/ in the current folder override the
                                 bundled ones, file by file
              -h, --help         print this text
            """;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = List.of(args);
        String command = "serve";
        if (!rest.isEmpty() && !rest.get(0).startsWith("-")) {
            command = rest.get(0);
            rest = rest.subList(1, rest.size());
        }
        if (rest.contains("--help") || rest.contains("-h") || command.equals("help")) {
            out.print(USAGE);
            return 0;
        }
        if (command.equals("check")) {
            return Check.run(rest, out, err);
        }
        if (command.equals("new")) {
            return NewCourse.run(rest, out, err);
        }
        if (!command.equals("serve")) {
            err.println("downhill: unknown command '" + command + "'. Run with --help for usage.");
            return 2;
        }
        ServerOptions options;
        try {
            options = ServerOptions.parse(rest);
        } catch (IllegalArgumentException e) {
            err.println("downhill: " + e.getMessage() + ". Run with --help for usage.");
            return 2;
        }
        try {
            Server server = Server.start(options);
            out.println("Downhill is serving " + server.course().lessons().size() + " lessons at " + server.url());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            server.join();
            return 0;
        } catch (CourseException e) {
            err.println("downhill: the course has errors, not starting:");
            for (ContentIssue issue : e.issues()) {
                err.println("  " + issue);
            }
            return 1;
        } catch (Server.StartupException e) {
            err.println("downhill: " + e.getMessage());
            return 1;
        }
    }
}
