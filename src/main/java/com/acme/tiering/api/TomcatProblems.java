package com.acme.tiering.api;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;

import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * What Tomcat answers by itself, before the service sees a request, is a problem detail like every other error.
 * An encoded slash or backslash ({@code %2F}, {@code %5C}) in a path reaches the service still encoded, where
 * Spring Security's firewall refuses it and {@link RejectedRequests} answers (decoding it instead would change
 * which address was asked for). A path Tomcat cannot read at all (a NUL, a backslash, a broken %-escape or
 * UTF-8) is refused by Tomcat, and its HTML error page is replaced by a problem detail.
 */
@Configuration(proxyBeanMethods = false)
class TomcatProblems {

    /** After Spring Boot's own customizer (order 0), whose plain error report valve this one replaces. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatAnswersProblemDetails() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
                connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            });
            factory.addContextCustomizers(context -> replaceErrorReport(context.getParent()));
        };
    }

    private static void replaceErrorReport(Container parent) {
        Arrays.stream(parent.getPipeline().getValves()).filter(ErrorReportValve.class::isInstance)
                .forEach(parent.getPipeline()::removeValve);
        parent.getPipeline().addValve(new ProblemDetailReport());
        if (parent instanceof StandardHost host) {
            // the host adds a valve of this class at start unless it has one already
            host.setErrorReportValveClass(ProblemDetailReport.class.getName());
        }
    }

    /** Tomcat's error report, written as an RFC 9457 problem detail; never the server's version or a trace. */
    public static final class ProblemDetailReport extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String detail = status == 400 ? "The request could not be read: its address or headers are malformed "
                    + "(for example a NUL, a backslash or a broken %-escape in the path)"
                    : "The server could not answer this request (" + status + ")";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                            + ",\"detail\":\"" + detail + "\"}");
                    response.finishResponse();
                }
            }
            catch (IOException | IllegalStateException gone) {
                // the client is gone or the response already under way: nothing left to tell it
            }
        }
    }
}
