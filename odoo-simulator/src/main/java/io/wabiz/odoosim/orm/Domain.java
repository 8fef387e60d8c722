package io.wabiz.odoosim.orm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A search domain: leaves {@code [field, operator, value]} in prefix notation with {@code &} (implicit between
 * terms), {@code |} and {@code !}; dotted paths through relational fields; the operators of Odoo 16
 * ({@code = != <= < > >= =? =like =ilike like not like ilike not ilike in not in child_of parent_of}) and
 * 17's {@code any} / {@code not any}. Comparisons are made on the stored values, so a datetime compares at
 * microsecond precision although it reads back in whole seconds (as PostgreSQL does). Over 350 lines because the
 * parser and the matcher of each operator belong together (Odoo's own {@code expression.py} is one module).
 */
public final class Domain {

    private static final Set<String> OPERATORS = Set.of("=", "!=", "<=", "<", ">", ">=", "=?", "=like", "=ilike",
            "like", "not like", "ilike", "not ilike", "in", "not in", "child_of", "parent_of", "any", "not any");

    private sealed interface Node permits And, Or, Not, Leaf, Constant {
    }

    private record And(Node left, Node right) implements Node {
    }

    private record Or(Node left, Node right) implements Node {
    }

    private record Not(Node node) implements Node {
    }

    private record Leaf(List<String> path, String operator, Object value, List<?> original) implements Node {
    }

    private record Constant(boolean value) implements Node {
    }

    private final Model model;
    private final Node root;

    private Domain(Model model, Node root) {
        this.model = model;
        this.root = root;
    }

    public static Domain parse(Model model, Object domain) {
        if (domain == null || domain instanceof Boolean b && !b) {
            return new Domain(model, new Constant(true));
        }
        if (!(domain instanceof List<?> terms)) {
            throw OdooError.valueError("Invalid domain: " + PythonRepr.of(domain));
        }
        Deque<Node> stack = new ArrayDeque<>();
        for (int i = terms.size() - 1; i >= 0; i--) {
            Object term = terms.get(i);
            if ("&".equals(term) || "|".equals(term)) {
                if (stack.size() < 2) {
                    throw OdooError.valueError("Invalid domain: " + PythonRepr.of(domain));
                }
                Node left = stack.pop();
                Node right = stack.pop();
                stack.push("&".equals(term) ? new And(left, right) : new Or(left, right));
            } else if ("!".equals(term)) {
                if (stack.isEmpty()) {
                    throw OdooError.valueError("Invalid domain: " + PythonRepr.of(domain));
                }
                stack.push(new Not(stack.pop()));
            } else {
                stack.push(leaf(model, term));
            }
        }
        Node root = new Constant(true);
        while (!stack.isEmpty()) {
            Node next = stack.pop();
            root = root instanceof Constant c && c.value() ? next : new And(root, next);
        }
        return new Domain(model, root);
    }

    private static Node leaf(Model model, Object term) {
        if (!(term instanceof List<?> leaf) || leaf.size() != 3) {
            throw OdooError.valueError("Invalid leaf " + PythonRepr.of(term));
        }
        if (Objects.equals(leaf.get(0), 1L) && "=".equals(leaf.get(1)) && Objects.equals(leaf.get(2), 1L)) {
            return new Constant(true);
        }
        if (Objects.equals(leaf.get(0), 0L) && "=".equals(leaf.get(1)) && Objects.equals(leaf.get(2), 1L)) {
            return new Constant(false);
        }
        if (!(leaf.get(0) instanceof String path) || !(leaf.get(1) instanceof String operator)) {
            throw OdooError.valueError("Invalid leaf " + PythonRepr.tuple(leaf));
        }
        String op = operator.toLowerCase(Locale.ROOT);
        if (!OPERATORS.contains(op)) {
            throw OdooError.valueError("Invalid leaf " + PythonRepr.tuple(leaf));
        }
        List<String> parts = List.of(path.split("\\."));
        if (!model.has(parts.getFirst())) {
            throw OdooError.valueError("Invalid field " + model.name() + "." + parts.getFirst() + " in leaf "
                    + PythonRepr.tuple(leaf));
        }
        return new Leaf(parts, op, leaf.get(2), leaf);
    }

    /** True when the domain mentions the field at its top level (such as {@code active}). */
    public boolean mentions(String field) {
        return mentions(root, field);
    }

    private static boolean mentions(Node node, String field) {
        return switch (node) {
            case And a -> mentions(a.left(), field) || mentions(a.right(), field);
            case Or o -> mentions(o.left(), field) || mentions(o.right(), field);
            case Not n -> mentions(n.node(), field);
            case Leaf l -> l.path().getFirst().equals(field);
            case Constant c -> false;
        };
    }

    /**
     * Ids that may match, from an index, when the domain is a conjunction holding {@code field = id} or
     * {@code field in [ids]} on an indexed many2one; null when every row must be tried.
     */
    public List<Long> candidates(Transaction tx) {
        List<Leaf> conjunction = new ArrayList<>();
        collectConjunction(root, conjunction);
        for (Leaf leaf : conjunction) {
            if (leaf.path().size() != 1) {
                continue;
            }
            Field field = model.require(leaf.path().getFirst());
            if (field.type() != FieldType.MANY2ONE || !tx.database().store(model.name()).indexed(field.name())) {
                continue;
            }
            List<Long> parents = new ArrayList<>();
            if ("=".equals(leaf.operator()) && leaf.value() instanceof Number n) {
                parents.add(n.longValue());
            } else if ("in".equals(leaf.operator()) && leaf.value() instanceof Collection<?> values
                    && values.stream().allMatch(Number.class::isInstance)) {
                values.forEach(v -> parents.add(((Number) v).longValue()));
            } else {
                continue;
            }
            java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
            parents.forEach(parent -> ids.addAll(tx.children(model.name(), field.name(), parent)));
            return List.copyOf(ids);
        }
        return null;
    }

    private static void collectConjunction(Node node, List<Leaf> into) {
        if (node instanceof And and) {
            collectConjunction(and.left(), into);
            collectConjunction(and.right(), into);
        } else if (node instanceof Leaf leaf) {
            into.add(leaf);
        }
    }

    public boolean matches(Transaction tx, long id) {
        return evaluate(tx, model, id, root);
    }

    private static boolean evaluate(Transaction tx, Model model, long id, Node node) {
        return switch (node) {
            case And a -> evaluate(tx, model, id, a.left()) && evaluate(tx, model, id, a.right());
            case Or o -> evaluate(tx, model, id, o.left()) || evaluate(tx, model, id, o.right());
            case Not n -> !evaluate(tx, model, id, n.node());
            case Constant c -> c.value();
            case Leaf l -> leafMatches(tx, model, id, l);
        };
    }

    private static boolean leafMatches(Transaction tx, Model model, long id, Leaf leaf) {
        Field field = model.require(leaf.path().getFirst());
        Object stored = Orm.storedOrComputed(tx, model, id, field);
        if (leaf.path().size() > 1 || "any".equals(leaf.operator()) || "not any".equals(leaf.operator())) {
            if (!field.type().relational()) {
                throw OdooError.valueError("Invalid field " + model.name() + "." + String.join(".", leaf.path())
                        + " in leaf " + PythonRepr.tuple(leaf.original()));
            }
            List<Long> related = relatedIds(stored);
            Model comodel = tx.model(field.relation());
            if ("any".equals(leaf.operator()) || "not any".equals(leaf.operator())) {
                Domain sub = parse(comodel, leaf.value());
                boolean any = related.stream().anyMatch(r -> sub.matches(tx, r));
                return "any".equals(leaf.operator()) == any;
            }
            Leaf rest = new Leaf(leaf.path().subList(1, leaf.path().size()), leaf.operator(), leaf.value(),
                    leaf.original());
            if (!comodel.has(rest.path().getFirst())) {
                throw OdooError.valueError("Invalid field " + comodel.name() + "." + rest.path().getFirst()
                        + " in leaf " + PythonRepr.tuple(leaf.original()));
            }
            boolean negative = rest.operator().startsWith("not") || "!=".equals(rest.operator());
            if (related.isEmpty()) {
                return negative;
            }
            return negative ? related.stream().allMatch(r -> leafMatches(tx, comodel, r, rest))
                    : related.stream().anyMatch(r -> leafMatches(tx, comodel, r, rest));
        }
        return compare(tx, model, field, stored, leaf.operator(), leaf.value());
    }

    private static List<Long> relatedIds(Object stored) {
        if (stored == null) {
            return List.of();
        }
        if (stored instanceof Long id) {
            return List.of(id);
        }
        List<Long> ids = new ArrayList<>();
        ((Collection<?>) stored).forEach(v -> ids.add((Long) v));
        return ids;
    }

    private static boolean compare(Transaction tx, Model model, Field field, Object stored, String op, Object value) {
        switch (op) {
            case "=?":
                return value == null || Boolean.FALSE.equals(value) || compare(tx, model, field, stored, "=", value);
            case "!=":
                return !compare(tx, model, field, stored, "=", value);
            case "not in":
                return !compare(tx, model, field, stored, "in", value);
            case "not like":
                return !compare(tx, model, field, stored, "like", value);
            case "not ilike":
                return !compare(tx, model, field, stored, "ilike", value);
            default:
                break;
        }
        if (field.type() == FieldType.ONE2MANY || field.type() == FieldType.MANY2MANY) {
            List<Long> ids = relatedIds(stored);
            return switch (op) {
                case "=" -> isEmptyValue(value) ? ids.isEmpty() : value instanceof Number n && ids.contains(n.longValue());
                case "in", "child_of", "parent_of" -> asList(value).stream()
                        .anyMatch(v -> v instanceof Number n && ids.contains(n.longValue()));
                default -> ids.stream().anyMatch(r -> compare(tx, model, Field.manyToOne(field.name(), field.label(),
                        field.relation()), r, op, value));
            };
        }
        if (field.type() == FieldType.MANY2ONE && (value instanceof String || value instanceof List<?> l
                && !l.isEmpty() && l.getFirst() instanceof String)) {
            String name = stored == null ? null : Orm.displayName(tx, field.relation(), (Long) stored);
            return compareValues(name, op, value instanceof String ? value : asList(value));
        }
        switch (op) {
            case "=":
                if (isEmptyValue(value)) {
                    return field.type() == FieldType.BOOLEAN ? !Boolean.TRUE.equals(stored) : stored == null;
                }
                return Objects.equals(normalise(field, stored), normalise(field, coerce(field, value, false)));
            case "in", "child_of", "parent_of": {
                Object here = normalise(field, stored);
                for (Object candidate : asList(value)) {
                    if (isEmptyValue(candidate) ? stored == null || Boolean.FALSE.equals(stored)
                            : Objects.equals(here, normalise(field, coerce(field, candidate, false)))) {
                        return true;
                    }
                }
                return false;
            }
            default:
                return compareValues(stored == null ? null : normalise(field, stored), op,
                        coerce(field, value, ">".equals(op) || "<=".equals(op)));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean compareValues(Object stored, String op, Object value) {
        switch (op) {
            case "like", "ilike", "=like", "=ilike": {
                if (stored == null) {
                    return false;
                }
                String text = stored.toString();
                String pattern = String.valueOf(value);
                boolean insensitive = op.contains("ilike");
                if (op.startsWith("=")) {
                    StringBuilder regex = new StringBuilder();
                    for (char c : pattern.toCharArray()) {
                        regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
                    }
                    return Pattern.compile(regex.toString(), insensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0)
                            .matcher(text).matches();
                }
                return insensitive ? text.toLowerCase(Locale.ROOT).contains(pattern.toLowerCase(Locale.ROOT))
                        : text.contains(pattern);
            }
            case "in": {
                return asList(value).stream().anyMatch(v -> Objects.equals(stored, v));
            }
            case "=": {
                return Objects.equals(stored, value);
            }
            default: {
                if (stored == null || value == null) {
                    return false;
                }
                int order;
                if (stored instanceof Number a && value instanceof Number b) {
                    order = Double.compare(a.doubleValue(), b.doubleValue());
                } else if (stored instanceof Comparable c && stored.getClass() == value.getClass()) {
                    order = c.compareTo(value);
                } else {
                    order = stored.toString().compareTo(value.toString());
                }
                return switch (op) {
                    case "<" -> order < 0;
                    case "<=" -> order <= 0;
                    case ">" -> order > 0;
                    case ">=" -> order >= 0;
                    default -> throw OdooError.valueError("Invalid operator " + PythonRepr.of(op));
                };
            }
        }
    }

    private static boolean isEmptyValue(Object value) {
        return value == null || Boolean.FALSE.equals(value);
    }

    private static List<?> asList(Object value) {
        return value instanceof Collection<?> c ? List.copyOf(c.stream().map(v -> v == null ? Boolean.FALSE : v).toList())
                : List.of(value == null ? Boolean.FALSE : value);
    }

    /** The domain's value in the stored form of the field (dates and datetimes parsed). */
    private static Object coerce(Field field, Object value, boolean endOfDay) {
        if (value instanceof String s) {
            if (field.type() == FieldType.DATETIME) {
                return Values.parseDatetime(s, endOfDay);
            }
            if (field.type() == FieldType.DATE) {
                return Values.parseDate(s);
            }
        }
        return value;
    }

    private static Object normalise(Field field, Object value) {
        if (value instanceof Number n && (field.type() == FieldType.FLOAT || field.type() == FieldType.MONETARY)) {
            return n.doubleValue();
        }
        if (value instanceof Number n && (field.type() == FieldType.INTEGER || field.type() == FieldType.MANY2ONE)) {
            return n.longValue();
        }
        return value;
    }
}
