package io.wabiz.odoo.rpc;

import tools.jackson.databind.JsonNode;

/**
 * The server's release from {@code common.version}: {@code server_version_info} starts with the major version as
 * an int, or a {@code "saas~17"} string on Odoo Online, with an {@code "e"} last for Enterprise.
 *
 * @param major 16, 17, 18 ... (a {@code saas~17.2} build counts as 17)
 */
public record OdooVersion(int major, int minor, String serverVersion, boolean saas, boolean enterprise) {

    public static OdooVersion parse(JsonNode version) {
        JsonNode info = version.path("server_version_info");
        String serverVersion = version.path("server_version").asString("");
        JsonNode first = info.path(0);
        int major;
        boolean saas = false;
        if (first.isNumber()) {
            major = first.intValue();
        } else {
            String text = first.asString("");
            saas = text.startsWith("saas~");
            major = Integer.parseInt(text.replaceAll("\\D", "").isEmpty() ? "0" : text.replaceAll("\\D", ""));
        }
        int minor = info.path(1).isNumber() ? info.path(1).intValue() : 0;
        boolean enterprise = "e".equals(info.path(5).asString("")) || serverVersion.endsWith("+e");
        return new OdooVersion(major, minor, serverVersion, saas, enterprise);
    }

    public boolean atLeast(int version) {
        return major >= version;
    }

    @Override
    public String toString() {
        return serverVersion + (enterprise ? " (Enterprise)" : "");
    }
}
