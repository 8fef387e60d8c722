package io.wabiz.images;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DebianPackagesTest {

    @Test
    void aLaterPointReleaseUpdateIsNewerThanAnEarlierSecurityUpdate() {
        assertThat(DebianPackages.compareVersions("2.36-9+deb12u13", "2.36-9+deb12u7")).isPositive();
        assertThat(DebianPackages.compareVersions("2.36-9+deb12u7", "2.36-9+deb12u13")).isNegative();
        assertThat(DebianPackages.compareVersions("2.36-9+deb12u7", "2.36-9+deb12u7")).isZero();
    }

    @Test
    void ordersVersionsAsDpkgDoes() {
        assertThat(DebianPackages.compareVersions("1.0~rc1-1", "1.0-1")).as("a tilde sorts before the end").isNegative();
        assertThat(DebianPackages.compareVersions("1:0.1-1", "2.0-1")).as("the epoch first").isPositive();
        assertThat(DebianPackages.compareVersions("1.0-1", "1.0-1+b1")).isNegative();
        assertThat(DebianPackages.compareVersions("12.2.0-14+deb12u1", "12.2.0-14")).isPositive();
        assertThat(DebianPackages.compareVersions("1.10", "1.9")).as("numbers compare as numbers").isPositive();
        assertThat(DebianPackages.compareVersions("1.01", "1.1")).as("leading zeros do not count").isZero();
        assertThat(DebianPackages.compareVersions("1.0a", "1.0+")).as("letters before other characters").isNegative();
    }
}
