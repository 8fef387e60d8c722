package io.wabiz.conversations.history.documents;

public enum Direction { INBOUND, OUTBOUND }
