package io.wabiz.odoosim.page;

/** A record the page asked for does not exist: 404. */
public final class NotFoundException extends RuntimeException {

    NotFoundException(String what) {
        super(what + " does not exist");
    }
}
