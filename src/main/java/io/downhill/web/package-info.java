/**
 * The HTTP server and what every route shares: wiring ({@link io.downhill.web.Server}), options,
 * security headers, errors as {@code application/problem+json} ({@link io.downhill.web.ApiProblem}),
 * request reading ({@link io.downhill.web.RequestJson}, {@link io.downhill.web.BodyReader},
 * {@link io.downhill.web.RunRequests}), non-blocking writes, the served files, the course being
 * served, and {@link io.downhill.web.Compute}, through which every computing answer is admitted and
 * run on the fair scheduler ({@code web.work}).
 *
 * <p>Routes live in sub-packages by concern: {@code api} (the JSON endpoints), {@code stream}
 * (run and training responses, their encoding and caches) and {@code pages} (rendered HTML).
 * Handlers share the small services here rather than each other's code.
 */
package io.downhill.web;
