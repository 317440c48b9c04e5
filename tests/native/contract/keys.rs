//! The shape of two JSON answers compared: their key sets and value kinds, recursively.

use serde_json::Value;

/// Where the key sets of `answer` and `example` differ, leaving out the `optional` keys: each
/// object's keys, for arrays their first elements (an empty answer where the example lists
/// objects leaves nothing to compare, which counts as a difference too unless the list is
/// optional), and values of different kinds (object, array, string, number, boolean; null
/// matches any, as OBP leaves out unset values). One line per place, naming it (`customers[0].credit_limit`).
pub fn differences(answer: &Value, example: &Value, optional: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    compare("", answer, example, optional, &mut found);
    found
}

fn compare(at: &str, answer: &Value, example: &Value, optional: &[&str], found: &mut Vec<String>) {
    let place = if at.is_empty() { "the answer" } else { at };
    match (answer, example) {
        (Value::Object(answer), Value::Object(example)) => {
            let only_answer: Vec<&str> = answer
                .keys()
                .filter(|key| !example.contains_key(*key))
                .map(String::as_str)
                .filter(|key| !optional.contains(key))
                .collect();
            let only_example: Vec<&str> = example
                .keys()
                .filter(|key| !answer.contains_key(*key))
                .map(String::as_str)
                .filter(|key| !optional.contains(key))
                .collect();
            if !only_answer.is_empty() || !only_example.is_empty() {
                found.push(format!(
                    "{place}: only the sandbox has {only_answer:?}, only the example \
                     {only_example:?}"
                ));
            }
            for (key, value) in answer {
                if let Some(expected) = example.get(key) {
                    let path = if at.is_empty() {
                        key.clone()
                    } else {
                        format!("{at}.{key}")
                    };
                    compare(&path, value, expected, optional, found);
                }
            }
        }
        (Value::Array(answer), Value::Array(example)) => match (answer.first(), example.first()) {
            (Some(first), Some(expected)) => {
                compare(&format!("{at}[0]"), first, expected, optional, found);
            }
            (None, Some(expected)) if expected.is_object() && !optional.contains(&key_of(at)) => {
                found.push(format!(
                    "{place}: the sandbox's list is empty, nothing to compare"
                ));
            }
            _ => {}
        },
        (Value::Null, _) | (_, Value::Null) => {}
        (answer, example) if kind(answer) != kind(example) => found.push(format!(
            "{place}: the sandbox has {}, the example {}",
            kind(answer),
            kind(example)
        )),
        _ => {}
    }
}

/// The key a path ends with: `contracts` for `accounts[0].contracts`.
fn key_of(path: &str) -> &str {
    path.rsplit('.')
        .next()
        .unwrap_or(path)
        .trim_end_matches("[0]")
}

/// The JSON kind of a value.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Object(_) => "an object",
        Value::Array(_) => "an array",
        Value::String(_) => "a string",
        Value::Number(_) => "a number",
        Value::Bool(_) => "a boolean",
        Value::Null => "null",
    }
}
