//! Native checks of the app's source tree: OBP role names are written only in `api/roles.rs`,
//! and each top-level module imports only the layers below it (`api` at the bottom, the pages
//! and the router at the top), so the module graph has no back-edges.

use std::{
    fs,
    path::{Path, PathBuf},
};

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).expect("a readable source folder") {
        let path = entry.expect("a readable folder entry").path();
        if path.is_dir() {
            found.extend(sources(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let text = fs::read_to_string(&path).expect("a readable source file");
            found.push((path, text));
        }
    }
    found
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The role-like string literals (`"Can` and a capital letter) in `text`.
fn role_literals(text: &str) -> Vec<&str> {
    text.match_indices("\"Can")
        .filter_map(|(at, _)| {
            let rest = &text[at + 1..];
            let end = rest.find('"')?;
            let literal = &rest[..end];
            literal[3..]
                .starts_with(|c: char| c.is_ascii_uppercase())
                .then_some(literal)
        })
        .collect()
}

#[test]
fn role_names_are_written_only_in_api_roles() {
    let roles_file = src().join("api").join("roles.rs");
    let roles_text = fs::read_to_string(&roles_file).expect("api/roles.rs");
    assert!(
        role_literals(&roles_text).contains(&"CanCreateCustomer"),
        "the scan must recognise the roles where they belong"
    );
    let strays: Vec<String> = sources(&src())
        .into_iter()
        .filter(|(path, _)| *path != roles_file)
        .flat_map(|(path, text)| {
            role_literals(&text)
                .into_iter()
                .map(|role| format!("{}: \"{role}\"", path.display()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        strays.is_empty(),
        "role names outside api/roles.rs (use its constants): {strays:#?}"
    );
}

/// The app's top-level modules, lowest first: each may import only those before it (modules
/// sharing a layer not each other).
const LAYERS: &[&str] = &[
    "api",
    "validation",
    "dates mask csv_text",
    "query forms config search",
    "routes",
    "backend",
    "state",
    "components",
    "pages",
    "app",
];

/// The layer of a file under `src/` (`None`: `lib.rs`, `main.rs`).
fn layer_of(relative: &Path) -> Option<usize> {
    let top = relative.components().next()?.as_os_str().to_str()?;
    let top = top.strip_suffix(".rs").unwrap_or(top);
    LAYERS
        .iter()
        .position(|layer| layer.split(' ').any(|name| name == top))
}

/// The top-level modules `text` imports: `crate::name` anywhere outside comments, and the
/// names a `use crate::{…}` list opens with.
fn imports(text: &str) -> Vec<String> {
    let code: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(list) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut name_start = true;
            for (i, c) in list.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 1 => name_start = true,
                    c if depth == 1 && name_start && (c.is_alphanumeric() || c == '_') => {
                        let end = list[i..]
                            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                            .map_or(list.len(), |e| i + e);
                        found.push(list[i..end].to_owned());
                        name_start = false;
                    }
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
            }
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            found.push(rest[..end].to_owned());
        }
    }
    found
}

#[test]
fn modules_import_only_the_layers_below_them() {
    let src = src();
    let all = sources(&src);
    assert_eq!(
        imports(
            "use crate::{\n    api::{self, Api},\n    routes,\n};\nlet x = crate::dates::today();"
        ),
        ["api", "routes", "dates"],
        "the scan must read both import forms"
    );
    let mut back_edges = Vec::new();
    for (path, text) in &all {
        let relative = path.strip_prefix(&src).expect("a file under src/");
        let Some(own) = layer_of(relative) else {
            continue;
        };
        for name in imports(text) {
            let name = name.as_str();
            let Some(theirs) = layer_of(Path::new(name)) else {
                continue;
            };
            let own_module =
                relative.starts_with(name) || relative == Path::new(&format!("{name}.rs"));
            if theirs > own || (theirs == own && !own_module) {
                back_edges.push(format!("{} imports {name}", relative.display()));
            }
        }
    }
    assert!(
        back_edges.is_empty(),
        "modules importing a layer above their own (move the item down, e.g. to routes.rs or \
         the page folder that uses it): {back_edges:#?}"
    );
}
