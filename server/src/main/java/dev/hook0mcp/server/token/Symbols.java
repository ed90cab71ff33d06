package dev.hook0mcp.server.token;

import java.util.ArrayList;
import java.util.List;
import org.biscuitsec.biscuit.datalog.SymbolTable;

/**
 * A Biscuit v3 symbol table: indices below 1024 are the specification's fixed default symbols (the list
 * biscuit-java ships), indices from 1024 on are the blocks' own {@code symbols}, appended in block order.
 */
final class Symbols {

    private final List<String> appended = new ArrayList<>();

    void append(List<String> blockSymbols) {
        appended.addAll(blockSymbols);
    }

    String get(long index, int blockIndex) throws TokenFormatException {
        if (index >= 0 && index < SymbolTable.defaultSymbols.size()) {
            return SymbolTable.defaultSymbols.get((int) index);
        }
        long own = index - SymbolTable.DEFAULT_SYMBOLS_OFFSET;
        if (own >= 0 && own < appended.size()) {
            return appended.get((int) own);
        }
        throw new TokenFormatException(
                "not a readable Biscuit token: block " + blockIndex + " refers to an unknown symbol (" + index + ")");
    }
}
