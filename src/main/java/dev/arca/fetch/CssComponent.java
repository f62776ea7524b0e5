package dev.arca.fetch;

import dev.arca.fetch.CssTokenizer.Token;
import dev.arca.fetch.CssTokenizer.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSS component value (CSS Syntax §5): a token, a block in brackets, or a function with its
 * arguments. Media queries, lengths with {@code calc()}, {@code sizes}, {@code image-set()} and
 * {@code @font-face} sources are read from these trees rather than from flat tokens.
 */
sealed interface CssComponent {

    /** A token that opens nothing. */
    record Leaf(Token token) implements CssComponent {
    }

    /** {@code ( ... )}, {@code [ ... ]} or <code>{ ... }</code>, with what is inside. */
    record Block(Token open, List<CssComponent> content) implements CssComponent {
    }

    /** {@code name( ... )}, with its arguments. */
    record Function(Token name, List<CssComponent> arguments) implements CssComponent {

        boolean is(String function) {
            return name.value().equalsIgnoreCase(function);
        }
    }

    /** The component values of {@code tokens}; a block left open runs to the end, as in CSS. */
    static List<CssComponent> parse(List<Token> tokens) {
        List<CssComponent> root = new ArrayList<>();
        // iterative, so that a stylesheet of a million '(' cannot overflow the stack
        List<List<CssComponent>> stack = new ArrayList<>();
        List<Type> closers = new ArrayList<>();
        stack.add(root);
        for (Token token : tokens) {
            List<CssComponent> current = stack.get(stack.size() - 1);
            if (!closers.isEmpty() && token.type() == closers.get(closers.size() - 1)) {
                stack.remove(stack.size() - 1);
                closers.remove(closers.size() - 1);
                continue;
            }
            Type closer = switch (token.type()) {
                case OPEN_PAREN, FUNCTION -> Type.CLOSE_PAREN;
                case OPEN_SQUARE -> Type.CLOSE_SQUARE;
                case OPEN_CURLY -> Type.CLOSE_CURLY;
                default -> null;
            };
            if (closer == null) {
                current.add(new Leaf(token));
                continue;
            }
            List<CssComponent> inner = new ArrayList<>();
            current.add(token.is(Type.FUNCTION) ? new Function(token, inner) : new Block(token, inner));
            stack.add(inner);
            closers.add(closer);
        }
        return root;
    }

    /** {@code values} without whitespace tokens at this level. */
    static List<CssComponent> significant(List<CssComponent> values) {
        List<CssComponent> out = new ArrayList<>(values.size());
        for (CssComponent c : values) {
            if (!(c instanceof Leaf leaf && leaf.token().is(Type.WHITESPACE))) {
                out.add(c);
            }
        }
        return out;
    }

    /** {@code values} split at the commas of this level, each part without whitespace. */
    static List<List<CssComponent>> commaSeparated(List<CssComponent> values) {
        List<List<CssComponent>> parts = new ArrayList<>();
        List<CssComponent> part = new ArrayList<>();
        for (CssComponent c : values) {
            if (c instanceof Leaf leaf && leaf.token().is(Type.COMMA)) {
                parts.add(significant(part));
                part = new ArrayList<>();
            } else {
                part.add(c);
            }
        }
        parts.add(significant(part));
        return parts;
    }

    /** The token of a leaf, or null for a block or a function. */
    static Token token(CssComponent c) {
        return c instanceof Leaf leaf ? leaf.token() : null;
    }
}
