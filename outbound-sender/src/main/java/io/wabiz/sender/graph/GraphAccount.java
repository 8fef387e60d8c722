package io.wabiz.sender.graph;

/** What a Graph API call needs to know of an account. */
public interface GraphAccount {

    String phoneNumberId();

    String wabaId();

    String accessToken();

    String apiVersion();
}
