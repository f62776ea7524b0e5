/**
 * Capturing pages in a headless Chromium over the Chrome DevTools Protocol: a stage beside
 * {@code fetch} that produces fetch's values ({@link dev.arca.fetch.Capture},
 * {@link dev.arca.fetch.Exchange}, {@link dev.arca.fetch.FetchedRequisite}, {@link dev.arca.fetch.Recording}), so that the bundle writes
 * a browser capture as it writes any other. A package of its own rather than part of
 * {@code fetch}, because it runs an outside program and passes that program its own command-line
 * switches, which no other stage may name; and because the core library can leave it out.
 * It uses the JDK's WebSocket client and Jackson; nothing of bundles, stores or arca's command line.
 */
package dev.arca.browser;
