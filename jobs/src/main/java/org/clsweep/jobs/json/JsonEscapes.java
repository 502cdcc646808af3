package org.clsweep.jobs.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;

/**
 * The string escapes of every JSON document clsweep writes: {@code \"}, {@code \\}, the short forms
 * {@code \b \t \n \f \r}, every other control character U+0000–U+001F as <code>&#92;u00xx</code> in
 * lower-case hex, and all other characters as they are. These are the escapes of Python's
 * {@code json.dumps(…, ensure_ascii=False)}, with which Jupyter saves notebooks.
 */
final class JsonEscapes extends CharacterEscapes {
    private static final int CONTROLS = 0x20;

    private final int[] ascii = standardAsciiEscapesForJSON();
    private final SerializableString[] hex = new SerializableString[CONTROLS];

    JsonEscapes() {
        for (int c = 0; c < CONTROLS; c++) {
            if (ascii[c] == ESCAPE_STANDARD) {
                ascii[c] = ESCAPE_CUSTOM;
                hex[c] = new SerializedString(String.format(Locale.ROOT, "\\u%04x", c));
            }
        }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return ch < CONTROLS ? hex[ch] : null;
    }
}
