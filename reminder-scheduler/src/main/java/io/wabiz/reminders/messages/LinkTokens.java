package io.wabiz.reminders.messages;

/** Makes the token of an invoice link ({@code /pay/{token}}): the part a link checker can verify. */
public interface LinkTokens {

    /** A token for the purpose ({@code pay}, {@code document}) and invoice; the same inputs give the same token. */
    String token(String purpose, String invoiceId);
}
