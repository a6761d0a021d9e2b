package io.whalewatch.adapter.labels;

/**
 * The one-line YAML scalars {@link TagPackFastReader} accepts. Each method returns null for
 * anything it does not handle exactly as YAML does, which sends the file to the full parser.
 */
final class TagPackScalars {
    private static final String PLAIN_FORBIDDEN_START = "-?:,[]{}#&*!|>'\"%@`";

    private TagPackScalars() {
    }

    /**
     * {@code key: value} starting at {@code from}: the key and the scalar value ("" when nothing
     * follows the colon), or null.
     */
    static String[] keyValue(String line, int from) {
        int i = from;
        while (i < line.length() && isKeyChar(line.charAt(i))) {
            i++;
        }
        if (i == from || i == line.length() || line.charAt(i) != ':' || !Character.isLetter(line.charAt(from))) {
            return null;
        }
        String key = line.substring(from, i);
        String rest = line.substring(i + 1);
        if (!rest.isEmpty() && rest.charAt(0) != ' ') {
            return null;
        }
        String value = scalar(rest.strip());
        return value == null ? null : new String[] {key, value};
    }

    /** The value of a stripped one-line scalar, "" for none, or null when not handled. */
    static String scalar(String s) {
        if (s.isEmpty() || s.charAt(0) == '#') {
            return "";
        }
        char first = s.charAt(0);
        if (first == '\'') {
            return singleQuoted(s);
        }
        if (first == '"') {
            int end = s.indexOf('"', 1);
            boolean escapes = s.indexOf('\\') >= 0 && (end < 0 || s.indexOf('\\') < end);
            return end < 0 || escapes || !onlyComment(s, end + 1) ? null : s.substring(1, end);
        }
        return plain(s);
    }

    private static String singleQuoted(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\'') {
                out.append(c);
            } else if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
            } else {
                return onlyComment(s, i + 1) ? out.toString() : null;
            }
        }
        return null;
    }

    private static String plain(String s) {
        if (PLAIN_FORBIDDEN_START.indexOf(s.charAt(0)) >= 0) {
            return null;
        }
        int comment = s.indexOf(" #");
        String value = (comment < 0 ? s : s.substring(0, comment)).strip();
        if (value.contains(": ") || value.endsWith(":") || isNull(value)) {
            return null;
        }
        return value;
    }

    private static boolean isNull(String v) {
        return v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL");
    }

    private static boolean onlyComment(String s, int from) {
        String rest = s.substring(from);
        return rest.isBlank() || (rest.charAt(0) == ' ' && rest.strip().startsWith("#"));
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
