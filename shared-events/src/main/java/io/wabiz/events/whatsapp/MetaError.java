package io.wabiz.events.whatsapp;

/** An error as Meta reports it (webhook {@code errors[]} or Graph API {@code error}). */
public record MetaError(int code, String title, String message, String details, String href) {
}
