package org.clsweep.data.tokens;

/**
 * What a token is at one location: column {@code role} of the tokens table.
 *
 * @see TokenStatistics
 */
public enum TokenRole {
    /** At least one global pattern fixes the token at the location (u &gt; 0). */
    PATTERN("pattern"),
    /** No pattern fixes it there (u = 0): it only ever fills a wildcard. */
    BACKGROUND("background");

    private final String value;

    TokenRole(String value) {
        this.value = value;
    }

    /** The value written to the table. */
    public String value() {
        return value;
    }
}
