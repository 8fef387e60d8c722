package io.wabiz.conversations.history;

public enum Direction { INBOUND, OUTBOUND }
