package io.wabiz.events.outbound;

/** How a message finally went: as asked, or as its fallback template because the window was closed. */
public enum SendForm { FREE_FORM, TEMPLATE, FALLBACK_TEMPLATE }
