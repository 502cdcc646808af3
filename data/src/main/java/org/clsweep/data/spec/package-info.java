/**
 * Run specifications: immutable records, validated on construction, whose messages name the spec
 * key at fault. The HOCON parser in {@code jobs} produces them; everything downstream takes them.
 */
package org.clsweep.data.spec;
