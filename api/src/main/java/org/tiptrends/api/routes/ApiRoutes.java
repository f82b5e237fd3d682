package org.tiptrends.api.routes;

import io.javalin.config.RoutesConfig;

/**
 * A group of routes. The app factory ({@link org.tiptrends.api.ApiApp}) registers each group on
 * Javalin's routes config; a new endpoint family is one more class in its list.
 */
@FunctionalInterface
public interface ApiRoutes {
  void register(RoutesConfig routes);
}
