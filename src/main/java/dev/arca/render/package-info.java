/**
 * Renderings of an extracted article (Markdown, plain text, HTML). It knows only the extract
 * package's Article: nothing of fetching, bundles or stores.
 */
package dev.arca.render;
