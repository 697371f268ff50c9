package io.github.commgate.baseline;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed access to the fields of a located JSON tree, each failure phrased as "expected a number
 * for 'median_us'" at the place it was found. Shared by every part of the baseline reader so
 * all its messages read alike.
 */
final class JsonFields {

    /** Builds the exception for a problem at a path; the caller adds file, line and column. */
    interface Problem {
        BaselineException at(String path, String message);
    }

    private final Problem problem;

    JsonFields(Problem problem) {
        this.problem = problem;
    }

    JsonNode field(JsonNode node, String path, String name) throws BaselineException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw problem.at(path, "missing field '" + name + "'");
        }
        return value;
    }

    JsonNode object(JsonNode node, String path, String name) throws BaselineException {
        JsonNode value = field(node, path, name);
        if (!value.isObject()) {
            throw problem.at(path + "/" + name, "expected an object for '" + name + "'");
        }
        return value;
    }

    JsonNode array(JsonNode node, String path, String name) throws BaselineException {
        JsonNode value = field(node, path, name);
        if (!value.isArray()) {
            throw problem.at(path + "/" + name, "expected an array for '" + name + "'");
        }
        return value;
    }

    String text(JsonNode node, String path, String name) throws BaselineException {
        JsonNode value = field(node, path, name);
        if (!value.isTextual()) {
            throw problem.at(path + "/" + name, "expected a string for '" + name + "'");
        }
        return value.asText();
    }

    /** Null when the field is absent or null, as for a git commit nobody knew. */
    String optionalText(JsonNode node, String path, String name) throws BaselineException {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : text(node, path, name);
    }

    int wholeNumber(JsonNode node, String path, String name) throws BaselineException {
        JsonNode value = field(node, path, name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw problem.at(path + "/" + name, "expected a whole number for '" + name + "'");
        }
        return value.intValue();
    }

    int atLeast(JsonNode node, String path, String name, int minimum) throws BaselineException {
        int value = wholeNumber(node, path, name);
        if (value < minimum) {
            throw problem.at(path + "/" + name, String.format("'%s' is %d; it must be %d or more", name, value, minimum));
        }
        return value;
    }

    long longAtLeast(JsonNode node, String path, String name, long minimum) throws BaselineException {
        JsonNode value = field(node, path, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw problem.at(path + "/" + name, "expected a whole number for '" + name + "'");
        }
        if (value.longValue() < minimum) {
            throw problem.at(path + "/" + name, String.format("'%s' is %d; it must be %d or more", name, value.longValue(), minimum));
        }
        return value.longValue();
    }

    double nonNegative(JsonNode node, String path, String name) throws BaselineException {
        JsonNode value = field(node, path, name);
        if (!value.isNumber()) {
            throw problem.at(path + "/" + name, "expected a number for '" + name + "'");
        }
        if (value.doubleValue() < 0) {
            throw problem.at(path + "/" + name, String.format("'%s' is %s; it must be 0 or more", name, value.asText()));
        }
        return value.doubleValue();
    }

    JsonNode objectAt(JsonNode array, String path, int index, String arrayName) throws BaselineException {
        JsonNode value = array.get(index);
        if (!value.isObject()) {
            throw problem.at(path, "expected an object in '" + arrayName + "'");
        }
        return value;
    }

    int element(JsonNode array, String path, int index, String arrayName) throws BaselineException {
        JsonNode value = array.get(index);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw problem.at(path + "/" + index, "expected a whole number of 1 or more in '" + arrayName + "'");
        }
        return value.intValue();
    }

    double nonNegativeElement(JsonNode array, String path, int index, String arrayName) throws BaselineException {
        JsonNode value = array.get(index);
        if (!value.isNumber()) {
            throw problem.at(path + "/" + index, "expected a number in '" + arrayName + "'");
        }
        if (value.doubleValue() < 0) {
            throw problem.at(path + "/" + index,
                    String.format("'%s' holds %s; samples must be 0 or more", arrayName, value.asText()));
        }
        return value.doubleValue();
    }
}
