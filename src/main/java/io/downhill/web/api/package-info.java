/**
 * The JSON endpoints under {@code /api/}, one class per endpoint, all routed by
 * {@link io.downhill.web.api.ApiRoutes}: each reads its request strictly, knows its cost before
 * computing, and answers through {@link io.downhill.web.Compute}.
 */
package io.downhill.web.api;
