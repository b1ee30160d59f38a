package io.downhill.optim.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens; whitespace separates tokens and is otherwise ignored. */
final class Lexer {
    private Lexer() {}

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(text.charAt(i + 1)))) {
                int end = number(text, i);
                out.add(new Token(Token.Kind.NUMBER, text.substring(i, end), column));
                i = end;
            } else if (isLetter(c)) {
                int end = i + 1;
                while (end < n && (isLetter(text.charAt(end)) || isDigit(text.charAt(end)))) {
                    end++;
                }
                out.add(new Token(Token.Kind.NAME, text.substring(i, end), column));
                i = end;
            } else if ("+-*/^".indexOf(c) >= 0) {
                out.add(new Token(Token.Kind.OP, String.valueOf(c), column));
                i++;
            } else if (c == '(') {
                out.add(new Token(Token.Kind.LPAREN, "(", column));
                i++;
            } else if (c == ')') {
                out.add(new Token(Token.Kind.RPAREN, ")", column));
                i++;
            } else {
                throw new ExpressionException("unexpected character '" + c + "'", column);
            }
        }
        // The end sits just after the last token, so "x+   " reports the missing operand at 3.
        int endColumn = out.isEmpty() ? 1 : last(out).column() + last(out).text().length();
        out.add(new Token(Token.Kind.END, "", endColumn));
        return out;
    }

    private static Token last(List<Token> tokens) {
        return tokens.get(tokens.size() - 1);
    }

    /**
     * digits [. digits] [e [+-] digits], or . digits. The exponent is only taken when a digit
     * follows, so "2e" stays the number 2 followed by the name e (and then fails as "write 2*e").
     */
    private static int number(String s, int i) {
        int n = s.length();
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < n && isDigit(s.charAt(j))) {
                while (j < n && isDigit(s.charAt(j))) {
                    j++;
                }
                i = j;
            }
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
